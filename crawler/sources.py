"""The crawler's plain data: what to crawl (SourceSpec), how (CrawlSettings), what came of it
(CrawlStats), and where articles go (ArticleSink, implemented by the application).

Nothing here imports Scrapy, so configuration code can use these types cheaply.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from crawler.extract import ExtractedArticle


@dataclass
class SourceSpec:
    """One news source and the documents that list its new articles.

    feeds: RSS or Atom feed URLs. sitemaps: sitemap or sitemap-index URLs (news sitemaps give a
    publication date per article). listings: section pages whose links lead to articles; with
    `link_pattern` (a regular expression searched in each absolute link) only matching links are
    followed, without it same-host links that look like articles (dated paths, long slugs).
    schedule: a cron expression ("*/20 * * * *") or an interval ("every 15m"); the application's
    scheduler reads it, the crawler does not.
    body_selector: a CSS selector for the article body, handed to the extractor.
    max_age_days: articles older than this are skipped; None means CrawlSettings decides.
    home_state: the state a ministry's or leader's own site speaks for (ISO alpha-3), so that
    "the President" in its readouts can be resolved; the crawler passes it on, unused.
    user_agent: this source's User-Agent instead of CrawlSettings.user_agent (robots.txt
    included), for sites whose CDN refuses clients that do not start with "Mozilla/5.0".
    headers: extra request headers for every request of this source (a Referer, Accept...).
    timezone: IANA zone ("Europe/Istanbul") for publication times the site gives without an
    offset; without it such times are taken as UTC.
    enabled: False keeps a source listed (`sources list`) but never crawled.
    """

    name: str
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    link_pattern: str | None = None
    schedule: str = "every 30m"
    body_selector: str | None = None
    max_age_days: int | None = None
    home_state: str | None = None
    user_agent: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timezone: str | None = None
    enabled: bool = True

    def __post_init__(self) -> None:
        """Refuse what would break a crawl later: ValueError("<field>: why")."""
        if not isinstance(self.name, str) or not self.name.strip() or len(self.name) > 100:
            raise ValueError("name: must be 1 to 100 characters, not blank")
        if any(ch.isspace() and ch != " " or ord(ch) < 32 for ch in self.name):
            raise ValueError("name: must not contain tabs, newlines or control characters")
        for kind in ("feeds", "sitemaps", "listings"):
            for index, url in enumerate(getattr(self, kind)):
                problem = url_problem(url)
                if problem:
                    raise ValueError(f"{kind}[{index}]: {url!r} {problem}")
        if self.link_pattern is not None:
            try:
                re.compile(self.link_pattern)
            except re.error as exc:
                raise ValueError(f"link_pattern: not a regular expression ({exc})") from None
        if self.body_selector is not None:
            problem = selector_problem(self.body_selector)
            if problem:
                raise ValueError(f"body_selector: {problem}")
        if not is_valid_schedule(self.schedule):
            raise ValueError(f"schedule: {self.schedule!r} is not 'every <n><s|m|h|d>' or cron")
        check_ranges(self, {"max_age_days": (1, 36_500, True)})
        if self.home_state is not None and not re.fullmatch(r"[A-Z]{3}", self.home_state):
            raise ValueError(
                f"home_state: {self.home_state!r} is not an ISO 3166 alpha-3 code (e.g. 'RUS')"
            )
        if self.user_agent is not None and not _header_safe(self.user_agent):
            raise ValueError("user_agent: must be one line of printable text")
        for name, value in self.headers.items():
            if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
                raise ValueError(f"headers.{name}: not a valid header name")
            if isinstance(value, str) and not _header_safe(value, empty=True):
                raise ValueError(f"headers.{name}: must be one line of printable text")


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a discovery document (None when it can): only http(s) with a host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except (ValueError, TypeError):
        return "is not a valid URL"
    if parts.scheme not in ("http", "https"):
        return "is not an http:// or https:// URL"
    if not parts.hostname:
        return "names no host"
    if any(ch.isspace() for ch in url):
        return "contains spaces"
    return None


def selector_problem(selector: str) -> str | None:
    """Why `selector` is no CSS selector, or no XPath when it starts with "/" or "(" (as the
    extractor reads it); None when it is fine."""
    from lxml import etree
    from lxml.cssselect import CSSSelector, SelectorError

    if not selector.strip():
        return "is empty"
    if selector.lstrip().startswith(("/", "(")):
        try:
            etree.XPath(selector)
        except etree.XPathSyntaxError as exc:
            return f"{selector!r} is not an XPath expression ({exc})"
        return None
    try:
        CSSSelector(selector)
    except SelectorError as exc:
        return f"{selector!r} is not a CSS selector ({exc})"
    return None


def _header_safe(text: str, *, empty: bool = False) -> bool:
    return (empty or bool(text.strip())) and all(32 <= ord(ch) != 127 for ch in text)


# (lowest, highest, whether the lowest itself is allowed): a value outside is refused when the
# settings are made, naming the field, rather than failing in the middle of a crawl.
Range = tuple[float, float, bool]


def check_ranges(settings: object, ranges: dict[str, Range]) -> None:
    for name, (low, high, low_ok) in ranges.items():
        value = getattr(settings, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name}: expected a number, got {type(value).__name__}")
        if not math.isfinite(value) or value > high or value < low or (value == low and not low_ok):
            bound = f"at least {_number(low)}" if low_ok else f"more than {_number(low)}"
            raise ValueError(
                f"{name}: must be {bound} and at most {_number(high)} (got {_number(value)})"
            )


def _number(value: float) -> str:
    if isinstance(value, int) or (math.isfinite(value) and value.is_integer() and value < 1e16):
        return str(int(value))
    return f"{value:g}"


CRAWL_RANGES: dict[str, Range] = {
    "download_timeout": (0, 3600, False),
    "max_page_bytes": (1, 2**31, True),  # 0 would mean "no cap" to Scrapy
    "concurrency": (1, 1000, True),
    "concurrency_per_domain": (1, 1000, True),
    "download_delay": (0, 3600, True),
    "retry_times": (0, 100, True),
    "retry_backoff": (0, 3600, True),
    "max_retry_delay": (0, 86_400, True),
    "max_redirects": (0, 100, True),
    "max_article_age_days": (1, 36_500, True),
    "autothrottle_target_concurrency": (0, 1000, False),
    "autothrottle_max_delay": (0, 3600, True),
    "time_limit": (0, 7 * 86_400, False),
    "max_documents_per_source": (1, 1_000_000, True),
    "max_links_per_document": (1, 10_000_000, True),
    "max_articles_per_source": (1, 10_000_000, True),
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass
class CrawlSettings:
    """How politely and how persistently to fetch. The defaults suit public news sites."""

    user_agent: str = "diplowatch/0.1 (+https://github.com/diplowatch/diplowatch)"
    download_timeout: float = 30.0
    max_page_bytes: int = 10 * 1024 * 1024  # larger responses are abandoned and recorded as errors
    concurrency: int = 16  # requests in flight per source
    concurrency_per_domain: int = 2
    download_delay: float = 0.5  # seconds between requests to one domain (AutoThrottle's floor)
    obey_robots: bool = True
    retry_times: int = 3  # for 5xx, 429, timeouts and connection errors
    retry_backoff: float = 2.0  # first retry waits this long, each further one twice as long
    max_retry_delay: float = 60.0  # cap on backoff; a longer Retry-After means give up now
    max_redirects: int = 5
    max_article_age_days: int | None = 7  # default for sources without max_age_days
    keep_raw_html: bool = False  # pass the page bytes to the sink
    autothrottle: bool = True
    autothrottle_target_concurrency: float = 1.0
    autothrottle_max_delay: float = 30.0
    time_limit: float | None = None  # seconds; each source's crawl closes after this long
    # Caps against hostile or broken sites (a sitemap index listing itself, a feed of a million
    # entries); each is logged when hit, and a document cut short keeps no validators.
    max_documents_per_source: int = 500  # feeds, sitemaps and listings fetched per crawl
    max_links_per_document: int = 50_000  # the sitemap protocol's own limit
    max_articles_per_source: int = 5_000  # article requests per crawl
    log_level: str = "WARNING"  # level of Scrapy's own loggers
    # Extra Scrapy settings applied last, e.g. crawler.distributed.redis_overlay(...) to share the
    # request queue and duplicate filter of a crawl between processes.
    scrapy_overrides: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Refuse values that would break a crawl later: ValueError("<field>: why")."""
        check_ranges(self, CRAWL_RANGES)
        if self.log_level not in LOG_LEVELS:
            raise ValueError(f"log_level: must be one of {', '.join(LOG_LEVELS)}")
        if not _header_safe(self.user_agent):
            raise ValueError("user_agent: must be one line of printable text")


@dataclass
class CrawlStats:
    """What one crawl of one source did."""

    pages_fetched: int = 0  # article pages downloaded
    new_articles: int = 0
    duplicates: int = 0  # the sink already had the article under another URL or hash
    skipped: int = 0  # not an article, too old, or disallowed by robots.txt
    errors: int = 0
    requests: int = 0  # every HTTP request, including robots.txt, discovery and retries
    not_modified: int = 0  # discovery documents answered 304
    capped: int = 0  # times a max_* cap of CrawlSettings left documents or links out


class ArticleSink(Protocol):
    """Where the crawler puts what it finds. Called synchronously, from the crawl's one thread."""

    def is_known(self, url: str) -> bool:
        """Whether the canonical URL was already stored or skipped (it will not be fetched)."""
        ...

    def add_article(self, source: str, article: ExtractedArticle, raw_html: bytes | None) -> str:
        """Store the article; "new", or "duplicate" when the sink already has it."""
        ...

    def add_skipped(self, source: str, url: str, reason: str) -> None: ...

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) saved for a discovery URL, for a conditional GET."""
        ...

    def save_feed_validators(
        self, url: str, etag: str | None, last_modified: str | None
    ) -> None: ...

    def record_error(self, source: str, url: str, error: str) -> None: ...


_INTERVAL = re.compile(r"^every\s+(\d+)\s*(s|m|h|d)$")
_CRON_FIELD = re.compile(r"^[\d*/,\-A-Za-z]+$")


def is_valid_schedule(schedule: str) -> bool:
    """A light syntax check: "every <n><s|m|h|d>" or five cron fields.

    The application's scheduler does the real parsing; this catches typos in source lists early.
    """
    text = schedule.strip().lower()
    match = _INTERVAL.match(text)
    if match:
        return int(match.group(1)) > 0
    fields = text.split()
    return len(fields) == 5 and all(_CRON_FIELD.match(part) for part in fields)


def is_valid_timezone(name: str) -> bool:
    """Whether `name` is an IANA time zone this system knows ("Europe/Istanbul", "UTC")."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
