"""Per-source request settings: a source's own User-Agent and headers reach every request it
makes (robots.txt, discovery, articles), and no other source's."""

from __future__ import annotations

from crawler import SourceSpec
from tests.crawler.harness import fast_settings, run_crawl
from tests.support.newssite import NewsSite

BROWSERISH = "Mozilla/5.0 (compatible; diplowatch-tests/1.0; +https://example.invalid/)"


def test_a_sources_user_agent_and_headers_reach_all_its_requests(news_site: NewsSite) -> None:
    own = SourceSpec(
        name="own",
        feeds=[news_site.url("/feeds/world.rss")],
        user_agent=BROWSERISH,
        headers={"Referer": "https://referer.example/", "Accept-Language": "en-GB"},
    )
    plain = SourceSpec(name="plain", feeds=[news_site.url("/feeds/politics.atom")])
    stats, sink = run_crawl([own, plain], settings=fast_settings())
    assert stats["own"].new_articles >= 1 and stats["plain"].new_articles >= 1

    world = {story.path for story in news_site.section("world")}
    politics = {story.path for story in news_site.section("politics")} - world
    own_requests = news_site.request_headers["/feeds/world.rss"] + [
        headers for path in world for headers in news_site.request_headers.get(path, [])
    ]
    assert own_requests
    for headers in own_requests:
        assert headers["User-Agent"] == BROWSERISH
        assert headers["Referer"] == "https://referer.example/"
        assert headers["Accept-Language"] == "en-GB"
    plain_requests = news_site.request_headers["/feeds/politics.atom"] + [
        headers for path in politics for headers in news_site.request_headers.get(path, [])
    ]
    assert plain_requests
    for headers in plain_requests:
        assert headers["User-Agent"] == "diplowatch-tests/1.0"
        assert headers.get("Referer") != "https://referer.example/"
        assert headers["Accept-Language"] == "en"
    # robots.txt is read once per crawler: once with each identity.
    robots_agents = {h["User-Agent"] for h in news_site.request_headers["/robots.txt"]}
    assert robots_agents == {BROWSERISH, "diplowatch-tests/1.0"}
