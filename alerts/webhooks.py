"""Webhooks signed and sent the Standard Webhooks way (https://www.standardwebhooks.com/), signed
by the spec's own reference library (`standardwebhooks`).

Each request carries `webhook-id` (the message id: the same on every retry, so receivers can
drop duplicates), `webhook-timestamp` (unix seconds) and `webhook-signature`: one
`v1,<base64 HMAC-SHA256>` per active secret, over `"{id}.{timestamp}.{body}"`, separated by
spaces, so a receiver holding either the old or the new secret accepts a message while a secret
is being rotated.

Sending follows the spec's delivery rules: any 2xx is success; 410 Gone means "never call again";
Retry-After is honoured; redirects are *not* followed (a 3xx is a failure, as at Svix), because a
redirect could point anywhere, including inside our own network.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import secrets as random_secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from standardwebhooks import Webhook

from alerts.result import SendResult
from alerts.targets import TargetRefused, TargetUnreachable, connect, parse_target

SECRET_PREFIX = "whsec_"
USER_AGENT = "diplowatch-webhooks/0.1 (+https://www.standardwebhooks.com/)"


def new_secret() -> str:
    """A fresh signing secret: "whsec_" + base64 of 32 random bytes (the spec asks 24 to 64)."""
    return SECRET_PREFIX + base64.b64encode(random_secrets.token_bytes(32)).decode("ascii")


def secret_key(secret: str) -> bytes:
    """The HMAC key inside a "whsec_..." secret; ValueError when it is not one."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("signing secret is not whsec_ followed by base64") from None
    if not key:
        raise ValueError("signing secret is empty")
    return key


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One Standard Webhooks signature: "v1," + base64(HMAC-SHA256(key, id.timestamp.body)).

    The key is checked here first: the library decodes any string leniently, so a damaged
    secret would sign with a wrong key instead of failing. ValueError for a bad secret, or a
    body that is not UTF-8 (the library signs text).
    """
    sent_at = datetime.fromtimestamp(timestamp, UTC)
    return Webhook(secret_key(secret)).sign(msg_id, sent_at, body.decode("utf-8"))


def signature_header(secrets: list[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The webhook-signature header: one signature per active secret, space-separated."""
    if not secrets:
        raise ValueError("no signing secret")
    return " ".join(sign(secret, msg_id, timestamp, body) for secret in secrets)


def webhook_headers(
    secrets: list[str], msg_id: str, timestamp: int, body: bytes, user_agent: str = USER_AGENT
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": user_agent,
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets, msg_id, timestamp, body),
    }


def send_webhook(
    url: str,
    body: bytes,
    msg_id: str,
    secrets: list[str],
    *,
    timeout: float,
    allow_private: bool,
    timestamp: int | None = None,
    user_agent: str = USER_AGENT,
    ssl_context: ssl.SSLContext | None = None,
) -> SendResult:
    """POST `body` (JSON) to `url`, signed with every secret in `secrets`. Never raises for
    network or receiver trouble: the SendResult says what happened, in one line.

    `timeout` bounds the whole request, from connecting to the last byte of the answer: a
    receiver that drips its headers a byte at a time is cut off when it runs out. `timestamp`
    defaults to now (the receiver checks it is within a few minutes). `ssl_context` replaces the
    default verifying context (for a private CA); certificates are always checked against the
    host name.
    """
    deadline = time.monotonic() + timeout
    try:
        target = parse_target(url)
        headers = webhook_headers(
            secrets, msg_id, int(time.time()) if timestamp is None else timestamp, body, user_agent
        )
        sock = connect(
            target, allow_private=allow_private, timeout=timeout, ssl_context=ssl_context
        )
    except (TargetRefused, ValueError) as exc:
        return SendResult(ok=False, error=str(exc), permanent=True)
    except TargetUnreachable as exc:
        return SendResult(ok=False, error=str(exc))

    too_slow = SendResult(ok=False, error=f"no answer from {target.host} within {timeout:g} s")
    left = deadline - time.monotonic()
    if left <= 0:
        sock.close()
        return too_slow
    sock.settimeout(left)
    conn_class = (
        http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    )
    conn = conn_class(target.host, target.port, timeout=left)
    conn.sock = sock  # already connected to the checked address: http.client must not reconnect
    # A socket timeout bounds each read, not the request: at the deadline the socket is shut
    # down under the reading thread, which then fails at once.
    expired = threading.Event()
    watchdog = threading.Timer(left, _cut, (sock, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request("POST", target.path, body=body, headers=headers)
        response = conn.getresponse()
        if expired.is_set():
            return too_slow
        return interpret_response(response.status, response.reason, response.getheader)
    except TimeoutError:
        return too_slow
    except (http.client.HTTPException, OSError) as exc:
        if expired.is_set():
            return too_slow
        return SendResult(ok=False, error=_describe_failure(exc, target.host))
    finally:
        watchdog.cancel()
        conn.close()


def _cut(sock: socket.socket, expired: threading.Event) -> None:
    expired.set()
    try:
        # The plain socket's shutdown, also for TLS: the SSL layer must not be unwrapped from
        # another thread.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # already closed: the send finished as the deadline came
        pass


def interpret_response(status: int, reason: str, header: Callable[[str], str | None]) -> SendResult:
    """The SendResult for an HTTP answer; `header(name)` returns a response header or None."""
    if 200 <= status < 300:
        return SendResult(ok=True, status=status)
    retry_after = parse_retry_after(header("Retry-After"))
    if status == 410:
        return SendResult(
            ok=False, status=status, error="HTTP 410 Gone: the receiver asked to stop", gone=True
        )
    if 300 <= status < 400:
        location = (header("Location") or "?")[:300]
        error = f"HTTP {status}: redirect to {location} not followed; subscribe the final URL"
        return SendResult(ok=False, status=status, error=error, retry_after=retry_after)
    error = f"HTTP {status} {reason}".strip()
    return SendResult(ok=False, status=status, error=error[:300], retry_after=retry_after)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent
    or unreadable. A date in the past means "now" (0)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _describe_failure(exc: Exception, host: str) -> str:
    if isinstance(exc, http.client.RemoteDisconnected):
        return f"{host} closed the connection without answering"
    if isinstance(exc, ConnectionResetError):
        return f"{host} reset the connection"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error talking to {host}: {exc.reason or exc}"
    if isinstance(exc, http.client.HTTPException):
        return f"{host} sent an invalid HTTP answer ({type(exc).__name__})"
    strerror = exc.strerror if isinstance(exc, OSError) else None
    return f"error talking to {host}: {strerror or exc}"
