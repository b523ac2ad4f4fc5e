"""An Atom feed (RFC 4287) of the contacts a subscription was alerted to, for feed readers.

It lives at the subscription's secret link (`/s/<token>/feed.atom`): whoever has the link reads
the feed, as with a private calendar URL. Entries are the contacts queued for the subscription,
the latest first; each links to its contact page under the same secret.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from alerts.text import describe_participant, ordered_participants, summary, when_label

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _stamp(value: str | None) -> str:
    moment = datetime.fromisoformat(value) if value else datetime.now(UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def entry_text(contact: dict[str, Any]) -> str:
    lines = [f"When: {when_label(contact)}"]
    lines += [f"- {describe_participant(p)}" for p in ordered_participants(contact)]
    if contact.get("location"):
        lines.append(f"Where: {contact['location']}")
    lines += [f'"{quote}"' for quote in contact.get("evidence") or []]
    for article in contact.get("articles") or []:
        lines.append(f"{article.get('source') or ''}: {article.get('url')}".strip(": "))
    return "\n".join(lines)


def atom_feed(
    subscription_id: int, contacts: Iterable[dict[str, Any]], *, base: str, title: str
) -> bytes:
    """The feed document. `base` is the subscription's secret link base (`.../s/<token>`)."""
    items = list(contacts)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "id", f"urn:diplowatch:subscription:{subscription_id}")
    _el(feed, "title", title)
    updated = max((c.get("last_seen") or "" for c in items), default="") or None
    _el(feed, "updated", _stamp(updated))
    _el(feed, "link", rel="self", href=f"{base}/feed.atom", type="application/atom+xml")
    author = _el(feed, "author")
    _el(author, "name", "diplowatch")
    _el(feed, "generator", "diplowatch")
    for contact in items:
        entry = _el(feed, "entry")
        _el(entry, "id", f"urn:diplowatch:contact:{contact['id']}")
        _el(entry, "title", summary(contact))
        _el(entry, "updated", _stamp(contact.get("last_seen")))
        _el(entry, "published", _stamp(contact.get("first_seen")))
        _el(
            entry,
            "link",
            rel="alternate",
            type="text/html",
            href=f"{base}/contacts/{contact['id']}",
        )
        for article in contact.get("articles") or []:
            url = article.get("url") or ""
            if url.startswith(("http://", "https://")):
                _el(entry, "link", rel="related", href=url, title=article.get("title") or url)
        _el(entry, "summary", entry_text(contact), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
