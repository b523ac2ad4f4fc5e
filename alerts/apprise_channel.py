"""Alerts through Apprise: one URL reaches Slack, Telegram, Matrix, ntfy, Discord and 80 more
services (`slack://...`, `tgram://...`, `ntfy://...`, `json://host/path` for any HTTP receiver).

Apprise reports success as a bool and the reason for a failure only in its log, so a send
captures that log to give the outbox a reason. Targets that are plain HTTP receivers (`json://`,
`xml://`, `form://`) pass the same private-address guard as webhooks.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

import apprise

from alerts.result import SendResult
from alerts.targets import TargetRefused, TargetUnreachable, parse_target, resolve

# Apprise schemes that POST to a URL the subscriber chose: guarded like a webhook.
HTTP_SCHEMES = {"json": "http", "jsons": "https", "xml": "http", "xmls": "https",
                "form": "http", "forms": "https"}  # fmt: skip


def check_apprise_url(url: str) -> str | None:
    """Why Apprise cannot use `url`, or None when it can."""
    if not url or len(url) > 2048:
        return "must be an Apprise URL (e.g. ntfy://topic, slack://..., json://host/path)"
    if not apprise.Apprise().add(url):
        return "is not a URL Apprise understands (see the Apprise wiki for each service's form)"
    return None


def service_of(url: str) -> str:
    """The service an Apprise URL names, for messages: "json", "slack", "ntfy"..."""
    return urlsplit(url).scheme.lower() or "apprise"


def send_apprise(
    url: str, title: str, body: str, *, timeout: float = 10.0, allow_private: bool = False
) -> SendResult:
    """Send one notification. Never raises: failures come back as SendResult(ok=False)."""
    problem = check_apprise_url(url)
    if problem:
        return SendResult(ok=False, error=f"apprise: {problem}", permanent=True)
    scheme = service_of(url)
    if scheme in HTTP_SCHEMES and not allow_private:
        http_url = HTTP_SCHEMES[scheme] + url[len(scheme) :]
        try:
            resolve(parse_target(http_url), allow_private=False, deadline=time.monotonic() + 5)
        except TargetRefused as exc:
            return SendResult(ok=False, error=f"apprise {scheme}: {exc}", permanent=True)
        except TargetUnreachable as exc:
            return SendResult(ok=False, error=f"apprise {scheme}: {exc}")
    notifier = apprise.Apprise()
    notifier.add(_with_timeouts(url, timeout))
    with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
        sent = notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        log_text = captured.getvalue()
    if sent:
        return SendResult(ok=True)
    reason = " ".join(log_text.strip().splitlines()[-1:]) or "the service refused the message"
    return SendResult(ok=False, error=f"apprise {scheme}: {reason[:300]}")


def _with_timeouts(url: str, timeout: float) -> str:
    # Apprise's HTTP-based services read `cto` (connect) and `rto` (read) timeouts from the URL.
    query = urlsplit(url).query
    if "rto=" in query or "cto=" in query:
        return url
    return url + ("&" if "?" in url else "?") + f"cto={timeout:g}&rto={timeout:g}"
