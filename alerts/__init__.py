"""Alerts: Standard-Webhooks-signed webhooks, e-mail, subscription filters and the retry schedule.

A library of plain functions: contact dicts in, a SendResult out. It knows nothing of the store;
the application's delivery worker (diplowatch/delivery.py) joins the two.
"""

from alerts.email import SmtpSettings, render_contact_email, render_digest, send_email
from alerts.events import build_event
from alerts.filters import Filters, matches, parse_filters
from alerts.result import SendResult
from alerts.retry import next_attempt_at
from alerts.webhooks import new_secret, send_webhook, sign

__all__ = [
    "Filters",
    "SendResult",
    "SmtpSettings",
    "build_event",
    "matches",
    "new_secret",
    "next_attempt_at",
    "parse_filters",
    "render_contact_email",
    "render_digest",
    "send_email",
    "send_webhook",
    "sign",
]
