"""The test event reaches a real receiver, signed so that `standardwebhooks` verifies it with the
subscription's secret; after a rotation both secrets verify for 24 hours. E-mail subscriptions
get a test mail through a real SMTP server (aiosmtpd). SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from diplowatch.config import SmtpConfig
from store.models import Subscription
from store.types import utcnow
from tests.diplowatch.api.support import LiveApi, Receiver, free_port, live_api, webhook_receiver
from tests.support.databases import sqlite_url


@pytest.fixture
def api(tmp_path: Path) -> Iterator[LiveApi]:
    with live_api(sqlite_url(tmp_path)) as running:
        yield running


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with webhook_receiver() as running:
        yield running


def _verifies(secret: str, receiver: Receiver, index: int = -1) -> bool:
    received = receiver.requests[index]
    try:
        Webhook(secret).verify(received.body, received.headers)
    except WebhookVerificationError:
        return False
    return True


def test_the_test_event_verifies_with_the_secret_from_creation(
    api: LiveApi, receiver: Receiver
) -> None:
    with api.client() as alice:
        created = alice.post("/subscriptions", json={"target": receiver.url}).json()
        result = alice.post(f"/subscriptions/{created['id']}/test")
    assert result.status_code == 200, result.text
    assert result.json()["ok"] and result.json()["status"] == 204
    assert len(receiver.requests) == 1
    payload = Webhook(created["secret"]).verify(
        receiver.requests[0].body, receiver.requests[0].headers
    )
    assert payload["type"] == "test"
    assert payload["data"]["id"] == 0  # no stored contact has id 0
    assert receiver.requests[0].headers["webhook-id"] == result.json()["message_id"]
    # Another subscription's secret does not verify: the check above is not vacuous.
    with api.client() as alice:
        other = alice.post("/subscriptions", json={"target": receiver.url}).json()["secret"]
    assert not _verifies(other, receiver, 0)


def test_rotation_keeps_the_old_secret_valid_for_a_day(api: LiveApi, receiver: Receiver) -> None:
    with api.client() as alice:
        created = alice.post("/subscriptions", json={"target": receiver.url}).json()
        old = created["secret"]
        rotated = alice.post(f"/subscriptions/{created['id']}/rotate-secret")
        assert rotated.status_code == 200, rotated.text
        new = rotated.json()["secret"]
        assert new != old and new.startswith("whsec_")
        assert alice.get(f"/subscriptions/{created['id']}").json()["previous_secret_expires_at"]

        assert alice.post(f"/subscriptions/{created['id']}/test").json()["ok"]
        assert _verifies(new, receiver) and _verifies(old, receiver)
        assert len(receiver.requests[-1].headers["webhook-signature"].split()) == 2

        # A day later the old secret has expired: only the new one signs.
        with api.database.sessions.begin() as session:
            row = session.get(Subscription, created["id"])
            row.previous_secret_expires_at = utcnow() - timedelta(seconds=1)
        assert alice.post(f"/subscriptions/{created['id']}/test").json()["ok"]
        assert _verifies(new, receiver) and not _verifies(old, receiver)
        read = alice.get(f"/subscriptions/{created['id']}").json()
        assert read["previous_secret_expires_at"] is None


def test_a_failing_receiver_is_reported_not_raised(api: LiveApi, receiver: Receiver) -> None:
    receiver.status = 500
    with api.client() as alice:
        created = alice.post("/subscriptions", json={"target": receiver.url}).json()
        result = alice.post(f"/subscriptions/{created['id']}/test")
    assert result.status_code == 200
    assert result.json()["ok"] is False and result.json()["status"] == 500
    assert result.json()["error"] == "HTTP 500"


def test_an_unreachable_receiver_is_reported(api: LiveApi) -> None:
    closed = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there
    with api.client() as alice:
        created = alice.post("/subscriptions", json={"target": closed}).json()
        result = alice.post(f"/subscriptions/{created['id']}/test")
    assert result.status_code == 200
    assert result.json()["ok"] is False and result.json()["status"] is None
    # Only "unreachable": the error texts of a connection would map our network for a token holder.
    assert result.json()["error"] == "unreachable"


class Mailbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope)
        return "250 Message accepted"


def test_an_email_subscription_gets_a_test_mail(tmp_path: Path) -> None:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        smtp = SmtpConfig(
            host="127.0.0.1",
            port=controller.port,
            security="none",
            from_addr="alerts@diplowatch.example",
            timeout=5.0,
        )
        with live_api(sqlite_url(tmp_path), smtp=smtp) as api, api.client() as alice:
            created = alice.post(
                "/subscriptions", json={"channel": "email", "target": "desk@example.org"}
            ).json()
            result = alice.post(f"/subscriptions/{created['id']}/test")
    finally:
        controller.stop()
    assert result.status_code == 200 and result.json()["ok"], result.text
    assert [m.rcpt_tos for m in mailbox.messages] == [["desk@example.org"]]
