"""E-mail bodies for alerts: one contact, or a digest grouped by day. Text and HTML versions say
the same thing; HTML escapes everything that came from the news, and links only http(s) URLs.
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date
from typing import Any

from alerts.text import (
    describe_participant,
    format_day,
    kind_label,
    ordered_participants,
    summary,
    when_label,
)

SUBJECT_PREFIX = {"contact.created": "", "contact.updated": "New report: ", "test": "[test] "}


def subject_of(event: dict[str, Any]) -> str:
    return SUBJECT_PREFIX.get(event.get("type", ""), "") + summary(event["data"])


def contact_text(contact: dict[str, Any]) -> str:
    """The plain-text description of one contact."""
    lines = [summary(contact), ""]
    lines.append("Who:")
    lines += [f"  - {describe_participant(p)}" for p in ordered_participants(contact)]
    lines.append(f"What: {kind_label(contact)}")
    lines.append(f"When: {_when(contact)}")
    if contact.get("location"):
        lines.append(f"Where: {contact['location']}")
    if contact.get("confidence") is not None:
        lines.append(f"Confidence: {contact['confidence']:.2f}")
    if contact.get("evidence"):
        lines += ["", "Evidence:"]
        lines += [f'  "{quote}"' for quote in contact["evidence"]]
    if contact.get("articles"):
        lines += ["", "Reported by:"]
        lines += [f"  - {_article_label(a)}\n    {a.get('url')}" for a in contact["articles"]]
    return "\n".join(lines) + "\n"


def contact_html(contact: dict[str, Any]) -> str:
    """The HTML description of one contact (a fragment, without <html>)."""
    esc = html.escape
    people = "".join(
        f"<li>{esc(describe_participant(p))}</li>" for p in ordered_participants(contact)
    )
    rows = [("What", kind_label(contact)), ("When", _when(contact))]
    if contact.get("location"):
        rows.append(("Where", contact["location"]))
    if contact.get("confidence") is not None:
        rows.append(("Confidence", f"{contact['confidence']:.2f}"))
    table = "".join(f"<tr><th align='left'>{k}</th><td>{esc(str(v))}</td></tr>" for k, v in rows)
    parts = [f"<h2>{esc(summary(contact))}</h2>", f"<ul>{people}</ul>", f"<table>{table}</table>"]
    if contact.get("evidence"):
        quotes = "".join(f"<blockquote>{esc(q)}</blockquote>" for q in contact["evidence"])
        parts.append(f"<h3>Evidence</h3>{quotes}")
    if contact.get("articles"):
        items = "".join(f"<li>{_article_link(a)}</li>" for a in contact["articles"])
        parts.append(f"<h3>Reported by</h3><ul>{items}</ul>")
    return "\n".join(parts)


def digest_text(events: list[dict[str, Any]], period: str) -> str:
    lines = [f"{len(events)} diplomatic contact(s) in this {period} digest.", ""]
    for day, contacts in group_by_day(events):
        lines.append(format_day(day) if day else "Date not given")
        for contact in contacts:
            lines.append(f"  - {summary(contact)}")
            who = "; ".join(describe_participant(p) for p in ordered_participants(contact))
            lines.append(f"    {who}")
            for article in contact.get("articles") or []:
                lines.append(f"    {_article_label(article)}: {article.get('url')}")
        lines.append("")
    return "\n".join(lines)


def digest_html(events: list[dict[str, Any]], period: str) -> str:
    esc = html.escape
    parts = [f"<p>{len(events)} diplomatic contact(s) in this {esc(period)} digest.</p>"]
    for day, contacts in group_by_day(events):
        parts.append(f"<h3>{esc(format_day(day)) if day else 'Date not given'}</h3><ul>")
        for contact in contacts:
            who = "; ".join(describe_participant(p) for p in ordered_participants(contact))
            links = ", ".join(_article_link(a) for a in contact.get("articles") or [])
            parts.append(
                f"<li><strong>{esc(summary(contact))}</strong><br>{esc(who)}"
                + (f"<br>{links}" if links else "")
                + "</li>"
            )
        parts.append("</ul>")
    return "\n".join(parts)


def group_by_day(events: list[dict[str, Any]]) -> list[tuple[date | None, list[dict[str, Any]]]]:
    """The events' contacts grouped by the day they took place, oldest day first; contacts whose
    text gave no date come last, under None (each line then says when it was published)."""
    groups: dict[date | None, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        contact = event["data"]
        day = date.fromisoformat(contact["date"]) if contact.get("date") else None
        groups[day].append(contact)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or date.min))


def _when(contact: dict[str, Any]) -> str:
    return when_label(contact)


def _article_label(article: dict[str, Any]) -> str:
    title = article.get("title") or article.get("url") or "article"
    return f"{title} ({article['source']})" if article.get("source") else title


def _article_link(article: dict[str, Any]) -> str:
    url = article.get("url") or ""
    label = html.escape(_article_label(article))
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
    return label
