"""A first crawl stores exactly the site's articles; later crawls fetch only what is new."""

from __future__ import annotations

from tests.crawler.harness import clean_source, run_crawl
from tests.support.newssite import NewsSite

DISCOVERY_LEAVES = ["/feeds/world.rss", "/feeds/politics.atom", "/sitemaps/news.xml"]


def _article_paths(site: NewsSite) -> dict[str, int]:
    discovery = ("/feeds/", "/sitemap", "/section/", "/robots.txt")
    return {p: n for p, n in site.hits.items() if not p.startswith(discovery)}


def test_first_crawl_stores_exactly_the_articles(news_site: NewsSite) -> None:
    site = news_site
    stats, sink = run_crawl([clean_source(site)])

    stories = [s for sec in ("world", "politics", "news", "europe") for s in site.section(sec)]
    originals = {site.url(s.path): s.title for s in stories if s.path.startswith("/news/")}
    aliases = {site.url(p) for p in site.pages if p.startswith(("/amp/", "/wire/"))}
    assert len(originals) == 9 and len(aliases) == 2
    # Nine articles; the AMP page and the wire copy are the same articles under other URLs
    # (which of the two URLs comes first is up to the scheduler).
    assert sorted(a["title"] for a in sink.articles) == sorted(originals.values())
    seen = sink.urls() | {d["url"] for d in sink.duplicates}
    assert seen == set(originals) | aliases
    assert sink.skipped == [] and sink.errors == []
    s = stats["fixture"]
    assert (s.new_articles, s.duplicates, s.skipped, s.errors) == (9, 2, 0, 0)
    assert s.pages_fetched == 11
    assert s.requests == sum(site.hits.values())
    # Each page once, although the world story is listed with tracking parameters in the feed
    # and plainly in the sitemap; the 2019 child sitemap of the index is never read.
    assert set(_article_paths(site).values()) == {1}
    assert "/sitemaps/2019-01.xml" not in site.hits
    stubb = next(a for a in sink.articles if "Stubb" in a["title"])
    assert "Alexander Stubb held talks with Kenyan President William Ruto" in stubb["body"]
    assert sink.progress and sink.progress[-1] == ("fixture", 9, 0, 0)
    assert sink.raw_html_seen == 0  # keep_raw_html is off by default


def test_second_crawl_of_an_unchanged_site_fetches_no_article(news_site: NewsSite) -> None:
    site = news_site
    _, sink = run_crawl([clean_source(site)])
    site.reset_counts()

    stats, again = run_crawl([clean_source(site)], sink.fresh_copy())

    assert _article_paths(site) == {}
    assert again.articles == [] and again.duplicates == [] and again.errors == []
    assert stats["fixture"].not_modified == 4  # three leaves and the listing
    for path in DISCOVERY_LEAVES:
        etag, last_modified = sink.validators[site.url(path)]
        sent = site.request_headers[path][-1]
        assert sent.get("If-None-Match") == etag
        assert sent.get("If-Modified-Since") == last_modified
    # A sitemap index can stay the same while its children change: always read in full.
    assert site.url("/sitemap-index.xml") not in sink.validators
    assert "If-None-Match" not in site.request_headers["/sitemap-index.xml"][-1]


def test_only_the_new_story_is_fetched(news_site: NewsSite) -> None:
    site = news_site
    _, sink = run_crawl([clean_source(site)])
    story = site.add_story(
        "world",
        "Ramaphosa and Lula speak by phone",
        "South African President Cyril Ramaphosa spoke by phone with Brazilian President "
        "Luiz Inacio Lula da Silva on Thursday about the G20 agenda.",
    )
    site.reset_counts()

    stats, again = run_crawl([clean_source(site)], sink.fresh_copy())

    assert _article_paths(site) == {story.path: 1}
    assert again.urls() == {site.url(story.path)}
    assert stats["fixture"].new_articles == 1
    assert stats["fixture"].not_modified == 3  # everything but the world feed


def test_changed_feed_with_unchanged_stories_adds_nothing(news_site: NewsSite) -> None:
    site = news_site
    _, sink = run_crawl([clean_source(site)])
    old_validators = sink.validators[site.url("/feeds/world.rss")]
    site.touch("world")
    site.reset_counts()

    stats, again = run_crawl([clean_source(site)], sink.fresh_copy())

    assert site.hits["/feeds/world.rss"] == 1
    assert _article_paths(site) == {}
    assert again.articles == [] and stats["fixture"].new_articles == 0
    assert again.validators[site.url("/feeds/world.rss")] != old_validators


def test_articles_listed_with_an_error_are_retried_next_crawl(news_site: NewsSite) -> None:
    site = news_site
    source = clean_source(site)
    source.feeds.append(site.url("/feeds/broken.rss"))
    _, sink = run_crawl([source])
    # The broken feed led to errors: its validators are not kept, so the next crawl reads it
    # in full and tries the failed pages again; stored and skipped pages are not refetched.
    assert site.url("/feeds/broken.rss") not in sink.validators
    assert site.url("/feeds/world.rss") in sink.validators
    site.reset_counts()

    _, again = run_crawl([source], sink.fresh_copy())

    assert site.hits["/news/missing"] == 1
    assert site.hits["/news/server-error"] == 2  # one retry
    for stored in ("/news/cp1251", "/news/truncated", "/news/busy", "/news/report.pdf"):
        assert site.hits[stored] == 0, stored
    assert again.articles == []
