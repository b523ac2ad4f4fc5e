"""The crawler's plain data: what to crawl (SourceSpec), how (CrawlSettings), what came of it
(CrawlStats), and where articles go (ArticleSink, implemented by the application).

Nothing here imports Scrapy, so configuration code can use these types cheaply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

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
