"""Broken pages and servers: each ends as a recorded error or skip, and the crawl goes on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler import CrawlStats
from tests.crawler.harness import (
    RecordingSink,
    broken_source,
    clean_source,
    fast_settings,
    one_case_source,
    run_crawl,
)
from tests.support.newssite import NewsSite


@pytest.fixture(scope="module")
def broken_crawl() -> Iterator[tuple[NewsSite, dict[str, CrawlStats], RecordingSink]]:
    """One crawl of two sources at once: the well-behaved one and the broken cases."""
    with NewsSite(retry_after=1) as site:
        stats, sink = run_crawl([clean_source(site), broken_source(site)])
        yield site, stats, sink


def test_broken_cases_do_not_stop_the_other_source(broken_crawl) -> None:
    site, stats, sink = broken_crawl
    assert stats["fixture"].new_articles == 9
    assert stats["fixture"].errors == 0
    assert not [e for e in sink.errors if e[0] == "fixture"]


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/news/missing", "HTTP 404"),
        ("/news/server-error", "HTTP 500"),
        ("/loop/a", "redirect loop or too many redirects"),
        ("/news/huge", "too large"),
        ("/news/slow", "timeout"),
        ("/news/cut-off", "ResponseDataLoss"),
        ("/feeds/invalid.rss", "invalid feed"),
    ],
)
def test_failures_are_recorded_as_errors(broken_crawl, path: str, error: str) -> None:
    site, _, sink = broken_crawl
    errors = sink.error_texts()
    assert error in errors[site.url(path)]
    assert all(source == "broken" for source, url, _ in sink.errors if url == site.url(path))


def test_error_count_matches_the_sink(broken_crawl) -> None:
    _, stats, sink = broken_crawl
    assert stats["broken"].errors == len(sink.errors) == 7


def test_retryable_failures_are_retried_once(broken_crawl) -> None:
    site, _, _ = broken_crawl
    assert site.hits["/news/server-error"] == 2
    assert site.hits["/news/slow"] == 2
    assert site.hits["/news/missing"] == 1  # a 404 is final
    assert site.hits["/news/huge"] == 1  # so is a page over the size limit


def test_redirect_loop_ends(broken_crawl) -> None:
    site, _, _ = broken_crawl
    # max_redirects=4: a, b, a, b, a, then give up.
    assert site.hits["/loop/a"] + site.hits["/loop/b"] == 5


def test_429_retry_waits_for_retry_after(broken_crawl) -> None:
    site, _, sink = broken_crawl
    first, second = site.hit_times["/news/busy"]
    assert second - first >= 0.95  # Retry-After: 1 (a lower bound, not a speed assertion)
    assert site.url("/news/busy") in {a["url"] for a in sink.articles}


def test_robots_txt_disallow_is_obeyed(broken_crawl) -> None:
    site, _, sink = broken_crawl
    assert site.hits["/private/secret-talks"] == 0
    assert sink.skip_reasons()[site.url("/private/secret-talks")] == "disallowed by robots.txt"


def test_undeclared_windows_1251_page_is_decoded(broken_crawl) -> None:
    site, _, sink = broken_crawl
    article = next(a for a in sink.articles if a["url"] == site.url("/news/cp1251"))
    assert article["title"].startswith("Лавров провёл переговоры")
    assert "Сергей Лавров" in article["body"]


def test_truncated_markup_still_yields_the_article(broken_crawl) -> None:
    site, _, sink = broken_crawl
    article = next(a for a in sink.articles if a["url"] == site.url("/news/truncated"))
    assert "Claudia Sheinbaum" in article["body"]


def test_pdf_served_as_html_is_skipped(broken_crawl) -> None:
    site, _, sink = broken_crawl
    assert site.url("/news/report.pdf") in sink.skip_reasons()


def test_old_articles_are_skipped_with_a_reason(broken_crawl) -> None:
    site, _, sink = broken_crawl
    reasons = sink.skip_reasons()
    feed_dated = next(p for p in site.pages if p.startswith("/news/2019/"))
    page_dated = next(p for p in site.pages if p.startswith("/news/archive/"))
    # Dated 2019 in the feed: skipped without fetching. Undated in the listing: fetched, then
    # skipped for the date on the page.
    assert "listed as published 2019-03-01" in reasons[site.url(feed_dated)]
    assert site.hits[feed_dated] == 0
    assert "published 2019-04-30" in reasons[site.url(page_dated)]
    assert site.hits[page_dated] == 1


def test_broken_source_totals(broken_crawl) -> None:
    _, stats, sink = broken_crawl
    s = stats["broken"]
    assert (s.new_articles, s.skipped) == (3, 4)  # busy, cp1251, truncated; see above
    assert s.skipped == len([x for x in sink.skipped if x[0] == "broken"])


def test_too_long_retry_after_gives_up_at_once() -> None:
    with NewsSite(retry_after=3600) as site:
        stats, sink = run_crawl([one_case_source(site, "/news/busy")])
    assert site.hits["/news/busy"] == 1
    assert sink.error_texts() == {site.url("/news/busy"): "HTTP 429"}
    assert stats["case"].errors == 1


def test_robots_txt_can_be_ignored_and_raw_html_kept() -> None:
    with NewsSite() as site:
        settings = fast_settings(obey_robots=False, keep_raw_html=True)
        _, sink = run_crawl([one_case_source(site, "/private/secret-talks")], settings=settings)
    assert site.hits["/private/secret-talks"] == 1
    assert site.hits["/robots.txt"] == 0
    assert sink.urls() == {site.url("/private/secret-talks")}
    assert sink.raw_html_seen == 1
