"""Default sources, settings translation, retry timing helpers, and crawl() argument checks."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest

from crawler import CrawlSettings, SourceSpec, crawl, default_sources, is_valid_schedule
from crawler.default_sources import sources_from_toml
from crawler.middlewares import backoff_delay, retry_after_seconds
from crawler.settings import scrapy_settings
from tests.crawler.harness import RecordingSink


def test_default_sources_are_complete_and_well_formed() -> None:
    sources = default_sources()
    names = [s.name for s in sources]
    assert len(names) == len(set(names)) >= 10
    for required in (
        "moscow-times",
        "kremlin",
        "tass",
        "al-jazeera",
        "us-state-department",
        "uk-fcdo",
        "un-news",
    ):
        assert required in names
    for spec in sources:
        assert is_valid_schedule(spec.schedule), spec.name
        urls = spec.feeds + spec.sitemaps + spec.listings
        assert urls, spec.name
        for url in urls:
            assert urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname
        if spec.link_pattern:
            re.compile(spec.link_pattern)
    hosts = {urlsplit(u).hostname for s in sources for u in s.feeds + s.listings}
    assert {"en.kremlin.ru", "tass.com", "www.gov.uk", "news.un.org"} <= hosts


def test_listing_patterns_match_their_sites_article_urls() -> None:
    by_name = {s.name: s for s in default_sources()}
    examples = {
        "kremlin": "http://en.kremlin.ru/events/president/news/75123",
        "tass": "https://tass.com/politics/1912345",
        "china-mfa": "https://www.fmprc.gov.cn/eng/xw/zyxw/202501/t20250102_11520001.html",
        "xinhua": "https://english.news.cn/20250102/0123456789abcdef0123456789abcdef/c.html",
    }
    for name, url in examples.items():
        assert re.search(by_name[name].link_pattern or "", url), name


def test_default_sources_returns_fresh_copies() -> None:
    default_sources()[0].feeds.append("https://changed.example/")
    assert "https://changed.example/" not in default_sources()[0].feeds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nname = "x"\nschedule = "every 5m"\n', "at least one of"),
        ('[[source]]\nname = "x"\nfeeds = ["https://a/"]\nschedule = "sometimes"\n', "schedule"),
        ('[[source]]\nname = "x"\nfeeds = ["https://a/"]\nfeed = "https://b/"\n', "'feed'"),
        ('[[source]]\nfeeds = ["https://a/"]\n', "no name"),
    ],
)
def test_source_list_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sources_from_toml(text)


@pytest.mark.parametrize(
    ("schedule", "valid"),
    [
        ("every 15m", True),
        ("every 2h", True),
        ("*/20 * * * *", True),
        ("0 6 * * mon-fri", True),
        ("every 0m", False),
        ("every 15 minutes", False),
        ("* * *", False),
        ("", False),
    ],
)
def test_schedule_syntax(schedule: str, valid: bool) -> None:
    assert is_valid_schedule(schedule) is valid


def test_scrapy_settings_follow_crawl_settings() -> None:
    settings = scrapy_settings(
        CrawlSettings(user_agent="ua/1", max_page_bytes=1000, obey_robots=True, retry_times=0)
    )
    assert settings["USER_AGENT"] == "ua/1"
    assert settings["ROBOTSTXT_OBEY"] is True
    assert settings["DOWNLOAD_MAXSIZE"] == 1000 and settings["DOWNLOAD_WARNSIZE"] == 500
    assert settings["RETRY_ENABLED"] is False
    assert settings["TELNETCONSOLE_ENABLED"] is False
    assert settings["DOWNLOAD_HANDLERS"]["file"] is None  # a feed cannot make us read files
    assert (
        settings["DOWNLOADER_MIDDLEWARES"]["scrapy.downloadermiddlewares.retry.RetryMiddleware"]
        is None
    )


def test_retry_after_parsing_and_backoff() -> None:
    now = datetime(2025, 3, 4, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120", now) == 120
    assert retry_after_seconds("Tue, 04 Mar 2025 12:00:30 GMT", now) == 30
    assert retry_after_seconds("Tue, 04 Mar 2025 11:00:00 GMT", now) == 0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None
    assert [backoff_delay(n, 2.0, 10.0) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 10.0]


def test_crawl_checks_its_arguments_without_starting_scrapy() -> None:
    assert crawl([], RecordingSink(), CrawlSettings()) == {}
    twins = [SourceSpec("a", feeds=["https://a/"]), SourceSpec("a", feeds=["https://b/"])]
    with pytest.raises(ValueError, match="unique"):
        crawl(twins, RecordingSink(), CrawlSettings())
