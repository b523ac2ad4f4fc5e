"""The versioned JSON payload of an alert (documented in docs/webhooks.md).

The shape follows Standard Webhooks: `{"type", "timestamp", "data"}` plus our own `"version"`.
`data` is the contact with a fixed set of keys, so a receiver's parser does not break when the
store grows a column. Lists are capped to keep a payload well under the ~20 KB the spec
recommends; `article_count` says how many reports there are in all.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alerts.text import summary

EVENT_TYPES = ("contact.created", "contact.updated", "test")
VERSION = "1"
MAX_ARTICLES = 20
MAX_EVIDENCE = 5
MAX_EVIDENCE_CHARS = 600

CONTACT_KEYS = (
    "id",
    "type",
    "mode",
    "status",
    "date",
    "publication_date",
    "location",
    "confidence",
    "cameo",
    "plover_mode",
    "first_seen",
    "last_seen",
)
PARTICIPANT_KEYS = ("name", "canonical_name", "kb_id", "state", "office", "role")
ARTICLE_KEYS = ("url", "title", "source", "published_at")


def build_event(kind: str, contact: dict[str, Any], timestamp: datetime) -> dict[str, Any]:
    """The payload announcing `contact` (a contact dict, as the store renders it).

    `kind` is "contact.created" (a new contact), "contact.updated" (a new report of a known
    one) or "test" (sent on request, to check a receiver). `timestamp` must be timezone-aware.
    """
    if kind not in EVENT_TYPES:
        raise ValueError(f"event type {kind!r} is not one of {', '.join(EVENT_TYPES)}")
    if timestamp.tzinfo is None:
        raise ValueError("timestamp must be timezone-aware")
    articles = list(contact.get("articles") or [])
    data = {key: contact.get(key) for key in CONTACT_KEYS}
    data["summary"] = summary(contact)
    data["participants"] = [
        {key: person.get(key) for key in PARTICIPANT_KEYS}
        for person in contact.get("participants") or []
    ]
    data["evidence"] = [
        _clip(quote, MAX_EVIDENCE_CHARS) for quote in (contact.get("evidence") or [])[:MAX_EVIDENCE]
    ]
    data["articles"] = [{key: a.get(key) for key in ARTICLE_KEYS} for a in articles[:MAX_ARTICLES]]
    data["article_count"] = len(articles)
    return {
        "type": kind,
        "timestamp": iso_utc(timestamp),
        "version": VERSION,
        "data": data,
    }


def iso_utc(moment: datetime) -> str:
    """ "2023-10-16T09:30:00Z": UTC, as the Standard Webhooks examples write it."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
