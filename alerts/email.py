"""Alerts by e-mail: build multipart (text + HTML) messages and send them with smtplib."""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Literal

from alerts.render import (
    AlertLinks,
    contact_html,
    contact_text,
    digest_html,
    digest_text,
    group_by_day,
    subject_of,
)
from alerts.result import SendResult
from alerts.text import format_day

SECURITY_MODES = ("starttls", "tls", "none")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    # starttls: upgrade a plain connection; tls: TLS from the start; none: plain
    security: Literal["starttls", "tls", "none"]
    from_addr: str
    timeout: float = 30.0
    ca_file: str | None = None  # a private CA to trust instead of the system's
    # A password sent over a plain connection can be read by anyone on the path: with security
    # "none" a username is refused unless this says the operator accepts that.
    allow_insecure_auth: bool = False

    def __post_init__(self) -> None:
        """Refuse settings no send could work with: ValueError("<field>: why")."""
        if not self.host.strip():
            raise ValueError("host: must not be empty")
        if isinstance(self.port, bool) or not 1 <= self.port <= 65535:
            raise ValueError(f"port: must be 1 to 65535 (got {self.port})")
        if not (0 < self.timeout <= 3600):
            raise ValueError(
                f"timeout: must be more than 0 and at most 3600 (got {self.timeout:g})"
            )
        if self.security not in SECURITY_MODES:
            raise ValueError(f"security: must be one of {', '.join(SECURITY_MODES)}")
        if "@" not in self.from_addr or any(ch in self.from_addr for ch in "\r\n"):
            raise ValueError(f"from_addr: {self.from_addr!r} is not an e-mail address")
        if self.username and self.security == "none" and not self.allow_insecure_auth:
            raise ValueError(
                'username: a login over security = "none" sends the password in clear; '
                "use starttls or tls, or set allow_insecure_auth = true"
            )


def render_contact_email(
    event: dict[str, Any], to: str, links: AlertLinks | None = None
) -> EmailMessage:
    """One alert: subject "Putin – Netanyahu: phone call, 16 Oct 2023", text and HTML bodies.

    With `links`, the bodies link to the contact, the feed and one-click unsubscribe, and the
    message carries List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058)."""
    contact = event["data"]
    message = _message(to, subject_of(event), links)
    message.set_content(contact_text(contact, links))
    message.add_alternative(contact_html(contact, links), subtype="html")
    return message


def render_digest(
    events: list[dict[str, Any]], to: str, period: str, links: AlertLinks | None = None
) -> EmailMessage:
    """A digest of several alerts, grouped by the day each contact took place."""
    if not events:
        raise ValueError("a digest needs at least one event")
    days = [day for day, _ in group_by_day(events) if day is not None]
    span = ""
    if days:
        first, last = format_day(days[0]), format_day(days[-1])
        span = f", {first}" if first == last else f", {first} – {last}"
    count = f"{len(events)} contact" + ("s" if len(events) != 1 else "")
    message = _message(to, f"diplowatch {period} digest: {count}{span}", links)
    message.set_content(digest_text(events, period, links))
    message.add_alternative(digest_html(events, period, links), subtype="html")
    return message


def send_email(settings: SmtpSettings, message: EmailMessage) -> SendResult:
    """Send `message` (From defaults to settings.from_addr). Never raises for server or network
    trouble: refusals and unreachable servers come back as SendResult(ok=False, error=...)."""
    if settings.security not in SECURITY_MODES:
        return SendResult(
            ok=False, error=f"unknown SMTP security {settings.security!r}", permanent=True
        )
    if message["From"] is None:
        message["From"] = settings.from_addr
    if message["Message-ID"] is None:
        # The sender's own domain: a Message-ID from a foreign domain looks forged to filters.
        message["Message-ID"] = make_msgid(domain=settings.from_addr.rpartition("@")[2] or None)
    where = f"SMTP server {settings.host}:{settings.port}"
    if settings.username and settings.security == "none" and not settings.allow_insecure_auth:
        return SendResult(
            ok=False, error=f"{where}: refusing to log in over a plain connection", permanent=True
        )
    try:
        with _connect(settings) as smtp:
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            refused = smtp.send_message(message)
        if refused:  # some recipients accepted, these not
            address, (code, text) = next(iter(refused.items()))
            error = f"{where} refused recipient {address}: {code} {_text(text)}"
            return SendResult(ok=False, status=code, error=error)
        return SendResult(ok=True, status=250)
    except smtplib.SMTPRecipientsRefused as exc:
        address, (code, text) = next(iter(exc.recipients.items()))
        return SendResult(
            ok=False,
            status=code,
            error=f"{where} refused recipient {address}: {code} {_text(text)}",
        )
    except smtplib.SMTPSenderRefused as exc:
        return SendResult(
            ok=False,
            status=exc.smtp_code,
            error=f"{where} refused sender {exc.sender}: {exc.smtp_code} {_text(exc.smtp_error)}",
        )
    except smtplib.SMTPAuthenticationError as exc:
        return SendResult(
            ok=False,
            status=exc.smtp_code,
            error=f"{where} refused the login: {exc.smtp_code} {_text(exc.smtp_error)}",
        )
    except smtplib.SMTPResponseException as exc:
        return SendResult(
            ok=False,
            status=exc.smtp_code,
            error=f"{where} refused: {exc.smtp_code} {_text(exc.smtp_error)}",
        )
    except smtplib.SMTPNotSupportedError as exc:
        return SendResult(ok=False, error=f"{where}: {exc}")
    except smtplib.SMTPServerDisconnected:
        return SendResult(ok=False, error=f"{where} closed the connection")
    except ssl.SSLCertVerificationError as exc:
        return SendResult(
            ok=False, error=f"{where}: TLS certificate rejected: {exc.verify_message}"
        )
    except ssl.SSLError as exc:
        return SendResult(ok=False, error=f"{where}: TLS failed: {exc.reason or exc}")
    except socket.gaierror as exc:
        return SendResult(
            ok=False, error=f"cannot resolve SMTP host {settings.host}: {exc.strerror}"
        )
    except TimeoutError:
        return SendResult(ok=False, error=f"{where} did not answer within {settings.timeout:g} s")
    except ConnectionRefusedError:
        return SendResult(ok=False, error=f"{where} refused the connection")
    except (smtplib.SMTPException, OSError) as exc:
        return SendResult(ok=False, error=f"{where}: {getattr(exc, 'strerror', None) or exc}")


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=settings.ca_file)
    if settings.security == "tls":
        return smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        if settings.security == "starttls":
            smtp.ehlo()
            smtp.starttls(context=context)  # raises SMTPNotSupportedError if not offered
            smtp.ehlo()
    except BaseException:
        smtp.close()
        raise
    return smtp


def _message(to: str, subject: str, links: AlertLinks | None) -> EmailMessage:
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    # An automatic message (RFC 3834): auto-responders must not answer it.
    message["Auto-Submitted"] = "auto-generated"
    if links is not None:
        message["List-Unsubscribe"] = f"<{links.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def _text(value: bytes | str) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())[:300]
