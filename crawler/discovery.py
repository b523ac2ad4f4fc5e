"""Reading discovery documents: feeds, sitemaps and listing pages -> candidate article URLs.

Pure functions over bytes and strings, so they are tested without a network. Each candidate
carries the date the document gave for it (if any), which lets the spider skip old articles
without fetching them.
"""

from __future__ import annotations

import calendar
import gzip
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree, html

# Exceptions feedparser reports as "bozo" that do not mean the feed is broken.
_HARMLESS_FEED_PROBLEMS = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
)


@dataclass(frozen=True)
class Candidate:
    """An article URL found in a discovery document, with the date the document gave."""

    url: str
    published: datetime | None = None


@dataclass(frozen=True)
class FeedResult:
    entries: list[Candidate]
    error: str | None = None  # set when the feed is malformed (entries may still be salvaged)


@dataclass(frozen=True)
class SitemapResult:
    is_index: bool  # True: entries are child sitemaps; False: entries are pages
    entries: list[Candidate]


def parse_feed(body: bytes, base_url: str) -> FeedResult:
    """RSS or Atom entries -> candidates. Malformed XML is reported, not raised."""
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or _alternate_link(entry)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        entries.append(Candidate(urljoin(base_url, link.strip()), published))
    error = None
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and not isinstance(problem, _HARMLESS_FEED_PROBLEMS):
        error = f"invalid feed: {problem}"
    elif not parsed.get("version") and not entries:
        error = "not a feed: no RSS or Atom root element"
    return FeedResult(entries, error)


def _alternate_link(entry: feedparser.FeedParserDict) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def parse_sitemap(body: bytes, base_url: str, *, max_bytes: int) -> SitemapResult:
    """A sitemap (<urlset>, with optional news:publication_date) or a sitemap index.

    Gzipped sitemaps are unpacked up to `max_bytes`. Raises ValueError if it is not a sitemap.
    Entities are not resolved and nothing is fetched, so hostile XML stays inert.
    """
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, max_bytes)
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, remove_comments=True
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"invalid sitemap XML: {exc}") from None
    if root is None:
        raise ValueError("invalid sitemap XML: empty document")
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise ValueError(f"not a sitemap: root element <{kind}>")
    entries = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        fields = _sitemap_fields(item)
        loc = fields.get("loc")
        if not loc:
            continue
        when = fields.get("publication_date") or fields.get("lastmod")
        entries.append(Candidate(urljoin(base_url, loc), parse_w3c_date(when)))
    return SitemapResult(kind == "sitemapindex", entries)


def _sitemap_fields(item: etree._Element) -> dict[str, str]:
    # Flatten <loc>, <lastmod> and <news:news><news:publication_date> into one dict.
    fields: dict[str, str] = {}
    for element in item.iter():
        if isinstance(element.tag, str) and element.text and element.text.strip():
            fields.setdefault(etree.QName(element).localname, element.text.strip())
    return fields


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        try:
            out = stream.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise ValueError(f"broken gzip sitemap: {exc}") from None
    if len(out) > max_bytes:
        raise ValueError(f"gzipped sitemap larger than {max_bytes} bytes unpacked")
    return out


def parse_w3c_date(text: str | None) -> datetime | None:
    """A sitemap date ("2025-03-04", "2025-03-04T10:00:00+03:00", "...Z") as aware UTC, or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_DATED_PATH = re.compile(r"/(19|20)\d{2}[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])?(/|-|$)")
_NUMERIC_ID = re.compile(r"/\d{5,}(\.html?)?$")
_NOT_ARTICLE_PARTS = re.compile(
    r"/(tag|tags|topic|topics|category|categories|author|authors|search|page|about|contact|"
    r"subscribe|login|video|videos|gallery|live)(/|$)",
    re.IGNORECASE,
)
_MEDIA_SUFFIX = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|xml|rss|css|js)$", re.I)


def looks_like_article_url(url: str, host: str) -> bool:
    """Heuristic for a listing page without link_pattern: a same-host link with a dated path,
    a long numeric id, or a slug of at least four words."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname != host:
        return False
    path = parts.path.rstrip("/")
    if not path or _NOT_ARTICLE_PARTS.search(path) or _MEDIA_SUFFIX.search(path):
        return False
    if _DATED_PATH.search(path) or _NUMERIC_ID.search(path):
        return True
    slug = path.rsplit("/", 1)[-1]
    slug = re.sub(r"\.html?$", "", slug)
    return len([word for word in re.split(r"[-_]", slug) if word]) >= 4


def listing_links(body: bytes, page_url: str, link_pattern: str | None) -> list[str]:
    """Article links of a section page, absolute, in page order, without repeats or fragments."""
    try:
        tree = html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    pattern = re.compile(link_pattern) if link_pattern else None
    host = urlsplit(page_url).hostname or ""
    found: dict[str, None] = {}
    for href in tree.xpath("//a/@href"):
        url = urljoin(page_url, str(href).strip()).split("#", 1)[0]
        if url == page_url:
            continue
        keep = pattern.search(url) if pattern else looks_like_article_url(url, host)
        if keep:
            found.setdefault(url, None)
    return list(found)


def is_too_old(published: datetime | None, max_age_days: int | None, now: datetime) -> bool:
    """True when the date is known and older than the limit (naive dates are taken as UTC)."""
    if published is None or max_age_days is None:
        return False
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return now - published > timedelta(days=max_age_days)
