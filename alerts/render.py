"""E-mail bodies for alerts: one contact, or a digest grouped by day. Text and HTML versions say
the same thing. The HTML comes from Jinja2 templates (alerts/templates/) with autoescape on, so
everything that came from the news is escaped; only http(s) URLs become links.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from alerts.text import (
    describe_participant,
    format_day,
    kind_label,
    ordered_participants,
    summary,
    when_label,
)

_TEMPLATES = Environment(
    loader=PackageLoader("alerts", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class AlertLinks:
    """The subscriber's own links, under one secret base URL the application serves:
    `<base>/contacts/<id>` (one contact), `<base>/feed.atom`, `<base>/unsubscribe` (one click)."""

    base: str

    def contact_url(self, contact_id: object) -> str | None:
        # The test event's made-up contact (id 0) has no page.
        return f"{self.base}/contacts/{contact_id}" if contact_id else None

    @property
    def feed_url(self) -> str:
        return f"{self.base}/feed.atom"

    @property
    def unsubscribe_url(self) -> str:
        return f"{self.base}/unsubscribe"


@dataclass(frozen=True)
class _PageLinks:
    contact_url: str | None = None
    feed_url: str | None = None
    unsubscribe_url: str | None = None


SUBJECT_PREFIX = {"contact.created": "", "contact.updated": "New report: ", "test": "[test] "}


def subject_of(event: dict[str, Any]) -> str:
    return SUBJECT_PREFIX.get(event.get("type", ""), "") + summary(event["data"])


def contact_text(contact: dict[str, Any], links: AlertLinks | None = None) -> str:
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
    return "\n".join(lines) + "\n" + _footer(links, contact.get("id"))


def _footer(links: AlertLinks | None, contact_id: object = None) -> str:
    if links is None:
        return ""
    lines = [""]
    if links.contact_url(contact_id):
        lines.append(f"The contact: {links.contact_url(contact_id)}")
    lines.append(f"Atom feed: {links.feed_url}")
    lines.append(f"Unsubscribe: {links.unsubscribe_url}")
    return "\n".join(lines) + "\n"


def contact_html(contact: dict[str, Any], links: AlertLinks | None = None) -> str:
    """The HTML page of one contact alert."""
    page = _PageLinks(
        contact_url=links.contact_url(contact.get("id")) if links else None,
        feed_url=links.feed_url if links else None,
        unsubscribe_url=links.unsubscribe_url if links else None,
    )
    return _TEMPLATES.get_template("contact.html").render(
        title=summary(contact), contact=_view(contact), links=page
    )


def _view(contact: dict[str, Any]) -> dict[str, Any]:
    """What the templates show of a contact: plain strings, escaped by the template."""
    who = "; ".join(describe_participant(p) for p in ordered_participants(contact))
    rows = [("Who", who), ("What", kind_label(contact)), ("When", _when(contact))]
    if contact.get("location"):
        rows.append(("Where", str(contact["location"])))
    if contact.get("confidence") is not None:
        rows.append(("Confidence", f"{contact['confidence']:.2f}"))
    return {
        "summary": summary(contact),
        "who": who,
        "rows": rows,
        "evidence": list(contact.get("evidence") or []),
        "articles": [_article_view(a) for a in contact.get("articles") or []],
    }


def _article_view(article: dict[str, Any]) -> dict[str, str | None]:
    url = article.get("url") or ""
    href = url if url.startswith(("http://", "https://")) else None
    return {"label": _article_label(article), "href": href}


def digest_text(events: list[dict[str, Any]], period: str, links: AlertLinks | None = None) -> str:
    lines = [f"{len(events)} diplomatic contact(s) in this {period} digest.", ""]
    for day, contacts in group_by_day(events):
        lines.append(format_day(day) if day else "Date not given")
        for contact in contacts:
            lines.append(f"  - {summary(contact)}")
            who = "; ".join(describe_participant(p) for p in ordered_participants(contact))
            lines.append(f"    {who}")
            for article in contact.get("articles") or []:
                lines.append(f"    {_article_label(article)}: {article.get('url')}")
            if links and links.contact_url(contact.get("id")):
                lines.append(f"    {links.contact_url(contact.get('id'))}")
        lines.append("")
    return "\n".join(lines) + _footer(links)


def digest_html(events: list[dict[str, Any]], period: str, links: AlertLinks | None = None) -> str:
    """The HTML page of a digest: the contacts grouped by day."""
    groups = []
    for day, contacts in group_by_day(events):
        items = []
        for contact in contacts:
            view = _view(contact)
            view["link"] = links.contact_url(contact.get("id")) if links else None
            items.append(view)
        groups.append((format_day(day) if day else "Date not given", items))
    page = _PageLinks(
        feed_url=links.feed_url if links else None,
        unsubscribe_url=links.unsubscribe_url if links else None,
    )
    intro = f"{len(events)} diplomatic contact(s) in this {period} digest"
    return _TEMPLATES.get_template("digest.html").render(
        title=intro, intro=intro, groups=groups, links=page
    )


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
