"""Article extraction: body and metadata from a news page's HTML, or the reason it is no article.

trafilatura does the extraction; crawler/extraction/ repairs what it gets wrong on news pages
(split bodies, teaser and newsletter blocks, the headline repeated in the body) and tells
articles from error pages, section fronts, paywalls and video pages.

    result = extract_article(html_bytes, "https://example.org/news/1")
    if isinstance(result, ExtractedArticle):
        print(result.title, result.published_at, result.body)
    else:
        print("skipped:", result.reason)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from courlan import normalize_url
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from crawler.extraction import kind
from crawler.extraction.body import extract_body
from crawler.extraction.decode import decode_html
from crawler.extraction.meta import page_meta

__all__ = [
    "ExtractSettings",
    "ExtractedArticle",
    "NotAnArticle",
    "canonicalize_url",
    "content_hash",
    "extract_article",
]


@dataclass(frozen=True)
class ExtractSettings:
    # Pages are cut to this many bytes (characters for str input) before parsing: a runaway
    # page must cost bounded time and memory; real articles are far below 5 MB.
    max_bytes: int = 5 * 1024 * 1024
    # A body shorter than this is no article ("too short").
    min_body_chars: int = 200


@dataclass
class ExtractedArticle:
    url: str | None
    canonical_url: str | None
    title: str | None
    authors: list[str]
    published_at: datetime | None
    language: str | None
    body: str
    content_hash: str
    # How `language` was found: "py3langid", "declared" (the page's lang) or "heuristic".
    language_method: str | None = field(default=None, compare=False)


@dataclass
class NotAnArticle:
    url: str | None
    reason: str  # one of crawler.extraction.kind's reasons: "error page", "paywall", ...


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b")


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    body_selector: str | None = None,
    encoding: str | None = None,
    settings: ExtractSettings | None = None,
    timezone: str | None = None,
) -> ExtractedArticle | NotAnArticle:
    """Extract an article from a page.

    `encoding` is the charset the server declared (HTTP header), used for bytes input before the
    page's own declaration and sniffing. `body_selector` (CSS, or XPath when it starts with "/"
    or "(") names the body container(s) of a source whose layout generic extraction gets wrong.
    `timezone` (IANA name) is the zone of publication times the page gives without an offset.
    """
    settings = settings or ExtractSettings()
    text = _as_text(html, encoding, settings.max_bytes)
    if text is None:
        return NotAnArticle(url, kind.NOT_HTML)
    tree = _parse(text)
    if tree is None:
        return NotAnArticle(url, kind.NOT_HTML if text.strip() else kind.EMPTY)
    extracted = extract_body(tree, url, body_selector=body_selector)
    if extracted.navigation:
        return NotAnArticle(url, kind.NO_BODY)
    body = _tidy(extracted.text)
    reason = kind.classify(tree, body, text, min_chars=settings.min_body_chars)
    if reason and not (body_selector and body and reason != kind.ERROR_PAGE):
        return NotAnArticle(url, reason)
    zone = ZoneInfo(timezone) if timezone else None
    meta = page_meta(tree, text, extracted.document, url, body, zone)
    canonical = meta.canonical_link or url
    return ExtractedArticle(
        url=url,
        canonical_url=canonicalize_url(canonical) if canonical else None,
        title=meta.title,
        authors=meta.authors,
        published_at=meta.published_at,
        language=meta.language,
        body=body,
        content_hash=content_hash(body),
        language_method=meta.language_method,
    )


def _as_text(html: str | bytes, encoding: str | None, max_bytes: int) -> str | None:
    """The page as text, capped; None for binary content (a PDF served as text/html...)."""
    if isinstance(html, bytes):
        head = html[:16].lstrip()
        if head.startswith(_BINARY_MAGIC) or b"\x00" in html[:1024] and not _utf16(html):
            return None
        return decode_html(html[:max_bytes], encoding)
    if html.lstrip()[:4] == "%PDF":
        return None
    return html[:max_bytes]


def _utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _parse(text: str) -> HtmlElement | None:
    """lxml tree of possibly broken HTML (truncated, unclosed tags); None if there is none."""
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        return None
    try:
        tree = load_html(text)
    except (ValueError, etree.ParserError):
        return None
    return tree if tree is not None and len(tree) else None


def _tidy(body: str) -> str:
    """One paragraph a line, no runs of blank lines or trailing spaces."""
    lines = [" ".join(line.split()) for line in body.splitlines()]
    return "\n".join(line for line in lines if line)


def content_hash(body: str) -> str:
    """SHA-256 of the body with case, accents, punctuation and whitespace normalised away,
    so the same story re-served with different formatting or quotes hashes the same."""
    text = unicodedata.normalize("NFKC", body).casefold()
    words = re.findall(r"\w+", text)
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def canonicalize_url(url: str) -> str:
    """Canonical form for de-duplication: tracking parameters (utm_*, fbclid, gclid...) removed,
    remaining parameters sorted, fragment dropped, scheme and host lowercased (courlan).

    A query part without "=" is an address, not a parameter: India's MEA serves every release
    from `press-releases.htm?dtl/40800/Title`, which courlan would cut to `press-releases.htm`.
    Such parts are kept verbatim, in their order, after the sorted parameters.
    """
    url = url.strip()
    parts = urlsplit(url)
    items = [item for item in parts.query.split("&") if item]
    opaque = [item for item in items if "=" not in item]
    params = "&".join(item for item in items if "=" in item)
    without_fragment = urlunsplit((parts.scheme, parts.netloc, parts.path, params, ""))
    try:
        canonical = normalize_url(without_fragment, strict=False)
    except ValueError:  # courlan rejects some odd URLs (bad ports...); keep them usable
        canonical = urlunsplit(
            (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", params, "")
        )
    if not opaque:
        return canonical
    joiner = "&" if urlsplit(canonical).query else "?"
    return canonical + joiner + "&".join(opaque)
