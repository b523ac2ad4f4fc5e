"""Page metadata: title, authors, publication time, canonical link, language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.settings import Document

from crawler.extraction.language import detect_language

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "PubDate",  # TRS CMS (Chinese government sites): "2026-11-30 19:26", Beijing time
    "publishdate",
    "date",
    "dc.date.issued",
    "DC.date.issued",
    "sailthru.date",
    "govuk:first-published-at",  # GOV.UK
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    canonical_link: str | None = None
    language: str | None = None
    language_method: str | None = None  # how `language` was found: "declared", "py3langid", ...


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None


def published_time(
    tree: HtmlElement,
    raw_html: str,
    document: Document | None,
    url: str | None,
    zone: tzinfo | None = None,
) -> datetime | None:
    """The article's own metadata (meta published_time, then JSON-LD datePublished) when it has
    some, else the date trafilatura (htmldate inside) found, else htmldate on its own.

    The metadata wins over a date in the URL or the text: it is the publisher's statement of
    when this page was published, and the only source with a time of day. A time without an
    offset is in `zone` (the source's time zone), UTC when none is given.
    """
    exact = None
    for name in _PUBLISHED_META:
        values = tree.xpath(
            f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content"
        )
        exact = next((t for t in map(_parse_time, values) if t is not None), None)
        if exact:
            break
    if exact is None:
        match = _JSON_LD_PUBLISHED.search(raw_html)
        exact = _parse_time(match.group(1)) if match else None
    if exact is not None:
        return _in_zone(exact, zone)
    day = _parse_time(document.date) if document is not None and document.date else None
    if day is None:
        try:
            found = find_date(tree, url=url, extensive_search=False, original_date=True)
        except Exception:  # noqa: BLE001 - htmldate raises on odd trees; a missing date is no error
            found = None
        day = _parse_time(found)
    return _in_zone(day, zone) if day is not None else None


def _in_zone(value: datetime, zone: tzinfo | None) -> datetime:
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=zone or UTC)


def canonical_link(tree: HtmlElement, url: str | None) -> str | None:
    for value in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        href = str(value).strip()
        if href:
            return urljoin(url, href) if url else href
    return None


def _authors(document: Document | None) -> list[str]:
    if document is None or not document.author:
        return []
    return [name.strip() for name in document.author.split(";") if name.strip()]


# What separates a headline from the site's name in a <title> or og:title.
_TITLE_SUFFIX = re.compile(r"^\s*(?:[-|–—•:·]|-(?=[A-Z]))")


def _title(tree: HtmlElement, document: Document | None) -> str | None:
    """trafilatura's title, without a " - Section - Site" tail when the page's own headline
    (an <h1>) is that title's start: TASS, Xinhua and others append the site to og:title."""
    title = document.title.strip() if document is not None and document.title else None
    if not title:
        text = tree.xpath("string(//title)").strip()
        title = " ".join(text.split()) or None
    if not title:
        return None
    for h1 in tree.iter("h1"):
        headline = " ".join(h1.text_content().split())
        if len(headline) >= 10 and title.startswith(headline) and len(title) > len(headline):
            if _TITLE_SUFFIX.match(title[len(headline) :]):
                return headline
    return title


def page_meta(
    tree: HtmlElement,
    raw_html: str,
    document: Document | None,
    url: str | None,
    body: str,
    zone: tzinfo | None = None,
) -> PageMeta:
    language, method = detect_language(tree, body)
    return PageMeta(
        title=_title(tree, document),
        authors=_authors(document),
        published_at=published_time(tree, raw_html, document, url, zone),
        canonical_link=canonical_link(tree, url),
        language=language,
        language_method=method,
    )
