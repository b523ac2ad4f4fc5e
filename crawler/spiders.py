"""The spider: one instance per source. Discovery documents in, article pages out.

Flow: start() requests each feed, sitemap and listing (conditional GET with the validators the
sink saved). Their links become article requests unless the sink already knows the canonical URL,
another document of this crawl already listed it, or the listed date is too old. Article
responses go to the item pipeline (crawler/pipelines.py) as FetchedPage items.

Validators of a discovery document are saved when the crawl closes, and only if every article it
led to was fetched without error: otherwise the next crawl would get a 304 and never retry them.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import (
    Candidate,
    is_too_old,
    listing_links,
    parse_feed,
    parse_sitemap,
)
from crawler.extract import canonicalize_url
from crawler.middlewares import DeadlineReached
from crawler.sources import ArticleSink, CrawlSettings, CrawlStats, SourceSpec

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_PAGE_TYPES = (b"html", b"xml", b"text/plain")
_FETCHABLE_SCHEMES = ("http", "https")


def unfetchable_reason(url: str) -> str | None:
    """Why a link from a document cannot be an article request (mailto:, javascript:, data:,
    file:, a broken URL), or None. Checked before scrapy.Request, which raises on such links."""
    scheme, colon, _ = url.partition(":")
    if not colon or scheme.lower() not in _FETCHABLE_SCHEMES:
        return f"not an http(s) link ({scheme.lower()[:20] + ':' if colon else 'no scheme'})"
    try:
        scrapy.Request(url)
    except (ValueError, TypeError) as exc:
        return f"not a valid URL ({exc})"
    return None


@dataclass
class FetchedPage:
    """An article page as downloaded, before extraction."""

    source: str
    url: str  # canonical form of the URL finally fetched (after redirects)
    requested_url: str  # canonical form of the URL the discovery document gave
    body: bytes
    encoding: str | None  # charset declared in the Content-Type header, if any
    listed_at: datetime | None  # date the feed or sitemap gave


def declared_charset(content_type: bytes | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    match = _CHARSET.search(content_type or b"")
    return match.group(1).decode("ascii", "replace") if match else None


def describe_failure(failure: Failure, max_bytes: int | None = None) -> str:
    """A short, stable error text for the sink: "HTTP 404", "timeout: ...", "too large: ..."."""
    error = failure.value
    if isinstance(error, HttpError):
        return f"HTTP {error.response.status}"
    text = str(error).strip() or type(error).__name__
    if "max redirections" in text:
        return "redirect loop or too many redirects"
    name = type(error).__name__
    if "Timeout" in name:
        return f"timeout: {text}"
    if "Cancelled" in name and "size" in text:
        return f"too large: {text}"
    if "Cancelled" in name and max_bytes is not None and text == name:
        # Scrapy cancels a body without Content-Length once it passes the cap, with no message.
        return f"too large: larger than max_page_bytes ({max_bytes} bytes)"
    return f"{name}: {text}"


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        source: SourceSpec,
        sink: ArticleSink,
        crawl_settings: CrawlSettings,
        stats: CrawlStats,
        on_progress: Callable[[str, CrawlStats], None] | None = None,
        on_closed: Callable[[str, CrawlStats], None] | None = None,
        **kwargs: Any,
    ):
        super().__init__(name=f"news:{source.name}", **kwargs)
        self.source = source
        self.sink = sink
        self.crawl_settings = crawl_settings
        self.stats = stats
        self.on_progress = on_progress
        self.on_closed = on_closed
        self.max_age_days = (
            source.max_age_days
            if source.max_age_days is not None
            else crawl_settings.max_article_age_days
        )
        self.started_at = datetime.now(UTC)
        # time.monotonic() by which this source's crawl ends; the DeadlineMiddleware holds every
        # download to it (Scrapy's CLOSESPIDER_TIMEOUT waits for downloads in flight).
        limit = crawl_settings.time_limit
        self.deadline = time.monotonic() + limit if limit else None
        self._scheduled: set[str] = set()  # canonical article URLs requested in this crawl
        self._validators: dict[str, tuple[str | None, str | None]] = {}  # to save at close
        self._failed_documents: set[str] = set()  # discovery URLs whose articles had errors
        self._documents: set[str] = set()  # discovery URLs requested in this crawl
        self._articles_requested = 0

    # -- discovery ------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for kind, urls in (
            ("feed", self.source.feeds),
            ("sitemap", self.source.sitemaps),
            ("listing", self.source.listings),
        ):
            for url in urls:
                request = self._discovery_request(url, kind, None)
                if request is not None:
                    yield request

    def _discovery_request(self, url: str, kind: str, parent: str | None) -> scrapy.Request | None:
        """A request for a feed, sitemap or listing; None when this crawl fetched it already
        (a sitemap index listing itself, two listing each other) or the per-source cap is hit."""
        key = canonicalize_url(url)
        if key in self._documents:
            if parent is not None:
                log.info("%s: %s is listed again by %s; not fetched twice", self.name, url, parent)
            return None
        cap = self.crawl_settings.max_documents_per_source
        if len(self._documents) >= cap:
            self._capped(parent, f"max_documents_per_source ({cap}) reached; {url} not fetched")
            return None
        self._documents.add(key)
        etag, last_modified = self.sink.feed_validators(url)
        headers = dict(self.source.headers)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return scrapy.Request(
            url,
            callback=self.parse_discovery,
            errback=self.on_error,
            headers=headers,
            meta={"kind": kind, "document": url, "handle_httpstatus_list": [304]},
            dont_filter=True,
        )

    def _capped(self, document: str | None, what: str) -> None:
        """A cap was hit: logged, counted, and the document keeps no validators, so the links it
        could not follow are read again next time."""
        log.warning("%s: %s", self.name, what)
        self.stats.capped += 1
        if document is not None:
            self._failed_documents.add(document)

    def _bounded(self, candidates: list[Candidate], document: str) -> list[Candidate]:
        cap = self.crawl_settings.max_links_per_document
        if len(candidates) > cap:
            self._capped(
                document,
                f"{document} lists {len(candidates)} links; max_links_per_document ({cap}) "
                "followed",
            )
            return candidates[:cap]
        return candidates

    def parse_discovery(self, response: Response) -> Iterator[scrapy.Request]:
        url = response.meta["document"]
        try:
            yield from self._parse_discovery(response, url)
        except Exception as exc:
            # Whatever it listed after the failure was never requested: keep no validators, so
            # the next crawl reads it in full again.
            log.exception("%s: reading %s failed", self.name, url)
            self.error(url, f"could not read the document: {type(exc).__name__}: {exc}")
            self._failed_documents.add(url)

    def _parse_discovery(self, response: Response, url: str) -> Iterator[scrapy.Request]:
        if response.status == 304:
            self.stats.not_modified += 1
            return
        etag = _header(response, b"ETag")
        last_modified = _header(response, b"Last-Modified")
        if etag or last_modified:
            self._validators[url] = (etag, last_modified)
        kind = response.meta["kind"]
        if kind == "feed":
            yield from self._from_feed(response, url)
        elif kind == "sitemap":
            yield from self._from_sitemap(response, url)
        else:
            links = listing_links(response.body, response.url, self.source.link_pattern)
            yield from self._article_requests([Candidate(link) for link in links], url)

    def _from_feed(self, response: Response, url: str) -> Iterator[scrapy.Request]:
        result = parse_feed(response.body, response.url)
        if result.error:
            self.error(url, result.error)
            self._failed_documents.add(url)
        yield from self._article_requests(result.entries, url)

    def _from_sitemap(self, response: Response, url: str) -> Iterator[scrapy.Request]:
        try:
            result = parse_sitemap(
                response.body, response.url, max_bytes=self.crawl_settings.max_page_bytes
            )
        except ValueError as exc:
            self.error(url, str(exc))
            self._failed_documents.add(url)
            return
        if not result.is_index:
            yield from self._article_requests(result.entries, url)
            return
        # An index may stay byte-identical while its children change, so it is always fetched
        # in full; its children (leaves) get conditional GETs.
        self._validators.pop(url, None)
        for child in self._bounded(result.entries, url):
            if is_too_old(child.published, self.max_age_days, self.started_at):
                continue
            reason = unfetchable_reason(child.url)
            if reason is not None:
                self.error(url, f"sitemap {child.url[:200]!r} listed: {reason}")
                continue
            request = self._discovery_request(child.url, "sitemap", url)
            if request is not None:
                yield request

    def _article_requests(
        self, candidates: list[Candidate], document: str
    ) -> Iterator[scrapy.Request]:
        for candidate in self._bounded(candidates, document):
            reason = unfetchable_reason(candidate.url)
            if reason is not None:
                # Not an error of the site's articles: one mailto: link must not cost the rest.
                self.skip(candidate.url[:2000], reason)
                continue
            canonical = canonicalize_url(candidate.url)
            if canonical in self._scheduled:
                continue
            self._scheduled.add(canonical)
            if self.sink.is_known(canonical):
                continue
            if is_too_old(candidate.published, self.max_age_days, self.started_at):
                day = candidate.published.date().isoformat() if candidate.published else "?"
                self.skip(
                    canonical, f"listed as published {day}, older than {self.max_age_days} days"
                )
                continue
            cap = self.crawl_settings.max_articles_per_source
            if self._articles_requested >= cap:
                self._scheduled.discard(canonical)
                self._capped(document, f"max_articles_per_source ({cap}) reached")
                return
            self._articles_requested += 1
            # dont_filter: our own set above deduplicates, and Scrapy's filter would silently
            # swallow the second hop of a redirect loop instead of reporting it.
            yield scrapy.Request(
                candidate.url,
                callback=self.parse_article,
                errback=self.on_error,
                # Set here, not only as default headers: Scrapy's referer middleware would
                # otherwise replace a source's fixed Referer with the feed's URL.
                headers=dict(self.source.headers),
                meta={
                    "kind": "article",
                    "document": document,
                    "canonical": canonical,
                    "listed_at": candidate.published,
                },
                dont_filter=True,
            )

    # -- articles -------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[FetchedPage]:
        self.stats.pages_fetched += 1
        requested = response.meta["canonical"]
        content_type = response.headers.get(b"Content-Type")
        if content_type and not any(kind in content_type.lower() for kind in _PAGE_TYPES):
            self.skip(requested, f"not html ({content_type.decode('latin-1')})")
            return
        yield FetchedPage(
            source=self.source.name,
            url=canonicalize_url(response.url),
            requested_url=requested,
            body=response.body,
            encoding=declared_charset(content_type),
            listed_at=response.meta.get("listed_at"),
        )

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        url = meta.get("canonical") or meta.get("document") or request.url
        if isinstance(failure.value, DeadlineReached):
            # Not fetched because the crawl's time is up (the close records that once).
            self._failed_documents.add(meta.get("document") or request.url)
            return
        robots = isinstance(failure.value, IgnoreRequest) and "robots.txt" in str(failure.value)
        if robots and meta.get("kind") == "article":
            self.skip(url, "disallowed by robots.txt")
            return
        if self.deadline is not None and time.monotonic() >= self.deadline - 0.5:
            # A download cut by the deadline: the close reports the time limit, once.
            self._failed_documents.add(meta.get("document") or request.url)
            return
        self.error(url, describe_failure(failure, self.crawl_settings.max_page_bytes))
        if meta.get("kind") == "article":
            self._failed_documents.add(meta["document"])

    # -- bookkeeping ----------------------------------------------------------------------------

    def skip(self, url: str, reason: str) -> None:
        self.sink.add_skipped(self.source.name, url, reason)
        self.stats.skipped += 1
        self.progress()

    def error(self, url: str, error: str) -> None:
        self.sink.record_error(self.source.name, url, error)
        self.stats.errors += 1
        self.progress()

    def progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.source.name, self.stats)

    def closed(self, reason: str) -> None:
        # A crawl cut short (time limit, shutdown) left articles unfetched: save nothing, so the
        # next crawl reads every document in full again.
        time_up = reason == "closespider_timeout" or (
            self.deadline is not None and time.monotonic() >= self.deadline
        )
        if time_up:
            # Once, whatever was cut: downloads held to the deadline, requests never sent.
            limit = self.crawl_settings.time_limit or 0
            first = next(iter((*self.source.feeds, *self.source.sitemaps, *self.source.listings)))
            self.error(first, f"crawl stopped at its time limit ({limit:g} s); not finished")
            log.warning("%s: crawl stopped at its time limit (%g s)", self.name, limit)
            reason = "time limit"
        if reason == "finished":
            for url, (etag, last_modified) in self._validators.items():
                if url not in self._failed_documents:
                    self.sink.save_feed_validators(url, etag, last_modified)
        if self.crawler.stats is not None:
            self.stats.requests = self.crawler.stats.get_value("downloader/request_count", 0)
        self.progress()
        if self.on_closed is not None:
            self.on_closed(self.source.name, self.stats)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
