"""Send a subscription one "test" event now, so a receiver can check its signature handling.

The event carries a made-up contact with id 0 (no stored contact has id 0), so a receiver can
tell it from real news even if it ignores the event type.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime

from alerts.apprise_channel import send_apprise
from alerts.email import render_contact_email, send_email
from alerts.events import build_event
from alerts.render import contact_text, subject_of
from alerts.result import SendResult
from alerts.webhooks import send_webhook
from diplowatch.api.schemas import TestResult
from diplowatch.config import Config
from diplowatch.delivery import signing_secrets
from store.models import Subscription

log = logging.getLogger(__name__)


def sample_contact(now: datetime) -> dict:
    """A fictional contact in the shape of a real one (the contact dict of store.repository)."""
    return {
        "id": 0,
        "type": "call",
        "mode": "phone",
        "status": "occurred",
        "date": now.date().isoformat(),
        "publication_date": now.date().isoformat(),
        "location": None,
        "confidence": 1.0,
        "cameo": "040",
        "plover_mode": "consult",
        "first_seen": now.isoformat(),
        "last_seen": now.isoformat(),
        "participants": [
            {
                "name": "Example Foreign Minister",
                "canonical_name": None,
                "kb_id": None,
                "state": None,
                "office": "Foreign Minister",
                "role": "initiator",
            },
            {
                "name": "Example Secretary-General",
                "canonical_name": None,
                "kb_id": None,
                "state": None,
                "office": "Secretary-General",
                "role": "recipient",
            },
        ],
        "evidence": ["This is a test event sent by diplowatch on request."],
        "articles": [],
    }


def send_test_event(subscription: Subscription, config: Config) -> TestResult:
    now = datetime.now(UTC)
    event = build_event("test", sample_contact(now), now)
    message_id = f"msg_test_{uuid.uuid4().hex}"
    if subscription.channel == "email":
        return _send_test_email(subscription.target, event, message_id, config)
    if subscription.channel == "apprise":
        sent = send_apprise(
            subscription.target,
            subject_of(event),
            contact_text(event["data"]),
            timeout=config.alerts.webhook_timeout,
            allow_private=config.alerts.allow_private_targets,
        )
        return TestResult(ok=sent.ok, status=None, error=outcome(sent), message_id=message_id)
    body = json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    result = send_webhook(
        subscription.target,
        body,
        message_id,
        signing_secrets(subscription, now),
        timeout=config.alerts.webhook_timeout,
        allow_private=config.alerts.allow_private_targets,
    )
    return TestResult(
        ok=result.ok, status=result.status, error=outcome(result), message_id=message_id
    )


def outcome(result: SendResult) -> str | None:
    """What a token holder may learn of a failed test send: "HTTP <status>", "timeout",
    "unreachable" or "refused" (a target we never send to). The full error text would tell
    them which hosts and ports answer inside our network, or how (a port scan by test event);
    it stays in the operator's log."""
    if result.ok:
        return None
    log.info("a test event was not delivered: %s", result.error)
    if result.status is not None:
        return f"HTTP {result.status}"
    if result.permanent:
        return "refused"
    text = result.error or ""
    if "within" in text or "timed out" in text:
        return "timeout"
    return "unreachable"


def _send_test_email(to: str, event: dict, message_id: str, config: Config) -> TestResult:
    result = send_email(config.smtp, render_contact_email(event, to))
    return TestResult(ok=result.ok, status=None, error=result.error, message_id=message_id)
