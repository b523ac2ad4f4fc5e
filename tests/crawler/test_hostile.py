"""Hostile and broken discovery documents: every crawl ends, bounded, and keeps the good links."""

from __future__ import annotations

import time

import pytest

from crawler import SourceSpec
from tests.crawler.harness import fast_settings, run_crawl
from tests.support.hostile import HostileSite, rss


@pytest.fixture
def site() -> HostileSite:
    with HostileSite() as hostile:
        yield hostile


def test_a_sitemap_index_that_lists_itself_is_read_once(site: HostileSite) -> None:
    site.sitemap_index("/index.xml", ["/index.xml", "/leaf.xml"])
    site.sitemap("/leaf.xml", ["/news/a"])
    site.article("/news/a")
    source = SourceSpec("loop", sitemaps=[site.url("/index.xml")])
    stats, sink = run_crawl([source], settings=fast_settings(time_limit=20))
    assert site.hits["/index.xml"] == 1
    assert site.hits["/leaf.xml"] == 1
    assert sink.urls() == {site.url("/news/a")}
    assert stats["loop"].errors == 0


def test_two_sitemap_indexes_that_list_each_other_are_read_once_each(site: HostileSite) -> None:
    site.sitemap_index("/a.xml", ["/b.xml"])
    site.sitemap_index("/b.xml", ["/a.xml", "/leaf.xml"])
    site.sitemap("/leaf.xml", ["/news/a"])
    site.article("/news/a")
    source = SourceSpec("pair", sitemaps=[site.url("/a.xml")])
    _, sink = run_crawl([source], settings=fast_settings(time_limit=20))
    assert (site.hits["/a.xml"], site.hits["/b.xml"], site.hits["/leaf.xml"]) == (1, 1, 1)
    assert sink.urls() == {site.url("/news/a")}


def test_sitemaps_per_source_are_capped_and_the_cap_is_counted(site: HostileSite) -> None:
    children = [f"/child-{i}.xml" for i in range(20)]
    site.sitemap_index("/index.xml", children)
    for child in children:
        site.sitemap(child, [])
    source = SourceSpec("wide", sitemaps=[site.url("/index.xml")])
    stats, sink = run_crawl([source], settings=fast_settings(max_documents_per_source=5))
    assert sum(site.hits[c] for c in children) == 4  # the index is one of the five
    assert stats["wide"].capped >= 1
    assert site.url("/index.xml") not in sink.validators


def test_links_per_document_are_capped_and_the_feed_keeps_no_validators(
    site: HostileSite,
) -> None:
    links = [f"/news/{i}" for i in range(6)]
    site.static("/feed.rss", rss([site.url(p) for p in links]), headers={"ETag": '"v1"'})
    for number, path in enumerate(links):
        site.article(path, story=number)
    source = SourceSpec("long", feeds=[site.url("/feed.rss")])
    stats, sink = run_crawl([source], settings=fast_settings(max_links_per_document=3))
    assert sink.urls() == {site.url(p) for p in links[:3]}
    assert stats["long"].capped == 1
    # Cut short, the feed must be read in full next time, not answered 304.
    assert site.url("/feed.rss") not in sink.validators


def test_articles_per_source_are_capped(site: HostileSite) -> None:
    links = [f"/news/{i}" for i in range(6)]
    site.static("/feed.rss", rss([site.url(p) for p in links]))
    for number, path in enumerate(links):
        site.article(path, story=number)
    source = SourceSpec("many", feeds=[site.url("/feed.rss")])
    stats, sink = run_crawl([source], settings=fast_settings(max_articles_per_source=2))
    assert len(sink.urls()) == 2
    assert stats["many"].capped == 1


def test_an_endless_feed_ends_at_the_size_cap(site: HostileSite) -> None:
    site.endless("/endless.rss")
    source = SourceSpec("endless", feeds=[site.url("/endless.rss")])
    stats, sink = run_crawl([source], settings=fast_settings(max_page_bytes=200_000))
    assert stats["endless"].errors == 1
    assert "larger than" in next(iter(sink.error_texts().values()))


def test_a_dripping_source_ends_at_its_time_limit_and_says_so(site: HostileSite) -> None:
    site.drip("/feed.rss", headers_first=True)
    source = SourceSpec("drip", feeds=[site.url("/feed.rss")])
    started = time.monotonic()
    stats, sink = run_crawl(
        [source], settings=fast_settings(download_timeout=120, retry_times=0, time_limit=3)
    )
    assert time.monotonic() - started < 60
    assert any("time limit" in text for text in sink.error_texts().values())
    assert site.url("/feed.rss") not in sink.validators


@pytest.mark.parametrize(
    "bad",
    [
        "mailto:press@mfa.example",
        "javascript:alert(1)",
        "data:text/html,<p>x</p>",
        "file:///etc/passwd",
        "ftp://files.example/a.html",
        "http://[::1",
    ],
)
def test_a_bad_link_in_a_feed_is_skipped_and_the_rest_kept(site: HostileSite, bad: str) -> None:
    site.static(
        "/feed.rss",
        rss([site.url("/news/a"), bad, site.url("/news/b")]),
        headers={"ETag": '"v1"'},
    )
    site.article("/news/a", story=0)
    site.article("/news/b", story=1)
    source = SourceSpec("links", feeds=[site.url("/feed.rss")])
    stats, sink = run_crawl([source])
    assert sink.urls() == {site.url("/news/a"), site.url("/news/b")}
    assert stats["links"].errors == 0
    reasons = [reason for _, _, reason in sink.skipped]
    if bad.startswith("http"):  # a broken http URL: dropped by the feed parser, or refused
        assert all("not a valid URL" in reason for reason in reasons)
    else:
        assert len(reasons) == 1 and reasons[0].startswith("not an http(s) link")
