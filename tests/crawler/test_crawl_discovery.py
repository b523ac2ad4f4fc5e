"""Reading feeds, sitemaps and listing pages (pure functions, no network)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from crawler.discovery import (
    is_too_old,
    listing_links,
    looks_like_article_url,
    parse_feed,
    parse_sitemap,
    parse_w3c_date,
)

BASE = "https://news.example.org"

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>https://news.example.org/a</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 +0300</pubDate></item>
<item><title>B</title><link>/relative/b</link></item>
<item><title>no link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>A</title><link rel="alternate" href="https://news.example.org/atom-a"/>
<updated>2025-03-04T07:00:00Z</updated></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.org/x</loc><lastmod>2020-01-01</lastmod>
<news:news><news:publication_date>2025-03-04T10:00:00+03:00</news:publication_date></news:news>
</url>
<url><loc>https://news.example.org/y</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.org/s1.xml</loc><lastmod>2025-03-01</lastmod></sitemap>
</sitemapindex>"""


def test_rss_entries_with_dates_and_relative_links() -> None:
    result = parse_feed(RSS, BASE + "/feed")
    assert result.error is None
    assert [c.url for c in result.entries] == [BASE + "/a", BASE + "/relative/b"]
    assert result.entries[0].published == datetime(2025, 3, 4, 7, 0, tzinfo=UTC)
    assert result.entries[1].published is None


def test_atom_entries() -> None:
    result = parse_feed(ATOM, BASE + "/atom")
    assert [(c.url, c.published) for c in result.entries] == [
        (BASE + "/atom-a", datetime(2025, 3, 4, 7, 0, tzinfo=UTC))
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss><channel><item><title>x & y</title></channel>",
        b"<html><body>Service unavailable</body></html>",
        b"",
    ],
)
def test_broken_feeds_are_reported(body: bytes) -> None:
    assert parse_feed(body, BASE).error


def test_news_sitemap_prefers_the_publication_date() -> None:
    result = parse_sitemap(NEWS_SITEMAP, BASE, max_bytes=10**6)
    assert not result.is_index
    assert [c.url for c in result.entries] == [BASE + "/x", BASE + "/y"]
    assert result.entries[0].published == datetime(2025, 3, 4, 7, 0, tzinfo=UTC)


def test_sitemap_index_and_gzip() -> None:
    result = parse_sitemap(gzip.compress(INDEX), BASE, max_bytes=10**6)
    assert result.is_index
    assert result.entries[0].url == BASE + "/s1.xml"
    with pytest.raises(ValueError, match="larger than"):
        parse_sitemap(gzip.compress(INDEX), BASE, max_bytes=50)


@pytest.mark.parametrize("body", [b"<html><body>hi</body></html>", b"not xml at all", b""])
def test_non_sitemaps_raise(body: bytes) -> None:
    with pytest.raises(ValueError):
        parse_sitemap(body, BASE, max_bytes=10**6)


def test_sitemap_entities_are_not_expanded() -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://news.example.org/&e;</loc></url></urlset>"
    )
    result = parse_sitemap(hostile, BASE, max_bytes=10**6)
    assert all("root:" not in c.url for c in result.entries)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (BASE + "/2025/03/04/lavrov-meets-fidan", True),
        (BASE + "/news/20250304-short", True),
        (BASE + "/world/1234567", True),
        (BASE + "/news/finnish-president-visits-kenya-for-talks", True),
        (BASE + "/tag/diplomacy-and-foreign-affairs-news", False),
        (BASE + "/author/jane-roe", False),
        (BASE + "/about", False),
        (BASE + "/world", False),
        (BASE + "/2025/03/04/photo-of-the-day.jpg", False),
        ("https://other.example.com/2025/03/04/lavrov-meets-fidan", False),
        ("mailto:desk@news.example.org", False),
    ],
)
def test_article_url_heuristic(url: str, expected: bool) -> None:
    assert looks_like_article_url(url, "news.example.org") is expected


def test_listing_links_heuristic_and_pattern() -> None:
    page = b"""<html><body><a href="/2025/03/04/lavrov-meets-fidan">x</a>
    <a href="/2025/03/04/lavrov-meets-fidan#comments">dup</a>
    <a href="/tag/russia">tag</a><a href="/section/world">section</a>
    <a href="https://news.example.org/world/9876543">id</a></body></html>"""
    assert listing_links(page, BASE + "/section/world", None) == [
        BASE + "/2025/03/04/lavrov-meets-fidan",
        BASE + "/world/9876543",
    ]
    assert listing_links(page, BASE + "/section/world", r"/world/\d+$") == [BASE + "/world/9876543"]


def test_dates_and_age() -> None:
    now = datetime(2025, 3, 10, tzinfo=UTC)
    assert parse_w3c_date("2025-03-04") == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse_w3c_date("2025-03-04T10:00:00Z") == datetime(2025, 3, 4, 10, tzinfo=UTC)
    assert parse_w3c_date("yesterday") is None
    assert is_too_old(now - timedelta(days=8), 7, now)
    assert not is_too_old(now - timedelta(days=6), 7, now)
    assert not is_too_old(None, 7, now)
    assert not is_too_old(now - timedelta(days=800), None, now)
    assert is_too_old(datetime(2020, 1, 1), 7, now)  # naive: taken as UTC
