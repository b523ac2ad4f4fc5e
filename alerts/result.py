"""The outcome of one attempt to send an alert, shared by the webhook and e-mail senders."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SendResult:
    """What happened to one send.

    `ok` is the only success signal. The other fields tell the caller what to do next:
    `retry_after` is the receiver's own wish in seconds (Retry-After), `gone` means the receiver
    asked never to be called again (HTTP 410: disable the subscription), and `permanent` means a
    retry cannot help (the target is refused before anything is sent, e.g. a private address).
    """

    ok: bool
    status: int | None = None
    error: str | None = None
    retry_after: float | None = None
    gone: bool = False
    permanent: bool = False
