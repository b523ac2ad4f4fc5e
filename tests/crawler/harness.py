"""Running crawl() in a child process, with a sink that records every call.

crawl() starts Scrapy's reactor, which cannot start twice in one process, so each test crawl
runs in a fresh 'spawn' child. The sink travels there and back by pickle: its state after one
crawl seeds the next, which is how the incremental tests chain crawls.
"""

from __future__ import annotations

import multiprocessing
import traceback
from dataclasses import dataclass, field
from typing import Any

from crawler import CrawlSettings, CrawlStats, SourceSpec
from tests.support.newssite import NewsSite


@dataclass
class RecordingSink:
    """An in-memory ArticleSink. Duplicate = a URL, canonical URL or content hash seen before."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    raw_html_seen: int = 0
    progress: list[tuple[str, int, int, int]] = field(default_factory=list)

    def is_known(self, url: str) -> bool:
        return url in self.known

    def add_article(self, source: str, article: Any, raw_html: bytes | None) -> str:
        record = {
            "source": source,
            "url": article.url,
            "canonical_url": article.canonical_url,
            "title": article.title,
            "body": article.body,
            "published_at": article.published_at,
            "content_hash": article.content_hash,
        }
        self.raw_html_seen += raw_html is not None
        urls = {article.url, article.canonical_url} - {None}
        duplicate = bool(urls & self.known) or article.content_hash in self.hashes
        self.known |= urls
        self.hashes.add(article.content_hash)
        (self.duplicates if duplicate else self.articles).append(record)
        return "duplicate" if duplicate else "new"

    def add_skipped(self, source: str, url: str, reason: str) -> None:
        self.skipped.append((source, url, reason))
        self.known.add(url)

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        return self.validators.get(url, (None, None))

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.validators[url] = (etag, last_modified)

    def record_error(self, source: str, url: str, error: str) -> None:
        self.errors.append((source, url, error))

    def note_progress(self, source: str, stats: CrawlStats) -> None:
        """Used as crawl()'s on_progress in the child: (source, new, skipped, errors) each call."""
        self.progress.append((source, stats.new_articles, stats.skipped, stats.errors))

    # helpers for assertions
    def urls(self) -> set[str]:
        return {a["url"] for a in self.articles}

    def skip_reasons(self) -> dict[str, str]:
        return {url: reason for _, url, reason in self.skipped}

    def error_texts(self) -> dict[str, str]:
        return {url: error for _, url, error in self.errors}

    def fresh_copy(self) -> RecordingSink:
        """The state a store would keep for the next crawl, with this crawl's call log cleared."""
        return RecordingSink(
            validators=dict(self.validators), known=set(self.known), hashes=set(self.hashes)
        )


def fast_settings(**changes: Any) -> CrawlSettings:
    """Fast settings for the fixture site: no delays, short timeouts, one quick retry."""
    values: dict[str, Any] = dict(
        user_agent="diplowatch-tests/1.0",
        download_timeout=2.0,
        max_page_bytes=1024 * 1024,
        concurrency=8,
        concurrency_per_domain=8,
        download_delay=0.0,
        autothrottle=False,
        retry_times=1,
        retry_backoff=0.1,
        max_retry_delay=3.0,
        max_redirects=4,
        max_article_age_days=30,
        time_limit=60,
    )
    values.update(changes)
    return CrawlSettings(**values)


def _child(conn: Any, sources: list[SourceSpec], sink: RecordingSink, settings: CrawlSettings):
    try:
        from crawler import crawl

        stats = crawl(sources, sink, settings, on_progress=sink.note_progress)
        conn.send(("ok", stats, sink))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test with it
        conn.send(("error", traceback.format_exc(), None))
    finally:
        conn.close()


def run_crawl(
    sources: list[SourceSpec],
    sink: RecordingSink | None = None,
    settings: CrawlSettings | None = None,
    *,
    timeout: float = 90.0,
) -> tuple[dict[str, CrawlStats], RecordingSink]:
    """crawl() in a spawned child; returns its stats and the sink as the child left it."""
    context = multiprocessing.get_context("spawn")
    parent_end, child_end = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(child_end, sources, sink or RecordingSink(), settings or fast_settings()),
    )
    child.start()
    child_end.close()
    try:
        if not parent_end.poll(timeout):
            raise TimeoutError(f"crawl did not finish within {timeout} s")
        try:
            status, payload, result_sink = parent_end.recv()
        except EOFError:
            child.join(5)
            raise RuntimeError(f"crawl child died (exit code {child.exitcode})") from None
    finally:
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if status != "ok":
        raise RuntimeError(f"crawl failed in the child process:\n{payload}")
    return payload, result_sink


def clean_source(site: NewsSite, name: str = "fixture") -> SourceSpec:
    """Every discovery kind of the site's well-behaved sections: RSS, Atom, sitemap index,
    listing. Nine distinct articles, two of them also under a second URL."""
    return SourceSpec(
        name=name,
        feeds=[site.url("/feeds/world.rss"), site.url("/feeds/politics.atom")],
        sitemaps=[site.url("/sitemap-index.xml")],
        listings=[site.url("/section/europe")],
    )


def broken_source(site: NewsSite, name: str = "broken") -> SourceSpec:
    """The broken cases: a feed listing them, a malformed feed, an archive listing."""
    return SourceSpec(
        name=name,
        feeds=[site.url("/feeds/broken.rss"), site.url("/feeds/invalid.rss")],
        listings=[site.url("/section/archive")],
    )


def one_case_source(site: NewsSite, path: str) -> SourceSpec:
    """Just one of the broken cases, found through the broken section's listing page."""
    return SourceSpec(name="case", listings=[site.url("/section/broken")], link_pattern=f"{path}$")
