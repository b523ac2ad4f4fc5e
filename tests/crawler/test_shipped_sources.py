"""Every shipped source against a fixture shaped after its real markup and discovery document
(tests/crawler/shipped_fixtures.py names the evidence for each), and the URL forms they use."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from crawler import SourceSpec, default_sources
from crawler.discovery import listing_links, parse_feed
from crawler.extract import ExtractedArticle, canonicalize_url, extract_article
from tests.crawler.shipped_fixtures import FIXTURES, SourceFixture

SHIPPED = {spec.name: spec for spec in default_sources()}


def test_every_enabled_shipped_source_has_a_fixture() -> None:
    enabled = {name for name, spec in SHIPPED.items() if spec.enabled}
    assert enabled == {fixture.source for fixture in FIXTURES}


def test_the_european_commission_is_shipped_switched_off() -> None:
    # Its press corner pages are rendered by JavaScript: fetching them yields no text.
    assert SHIPPED["european-commission"].enabled is False


def _discovered(spec: SourceSpec, fixture: SourceFixture) -> list[str]:
    data = fixture.document.encode("utf-8")
    if fixture.document_url in spec.feeds:
        result = parse_feed(data, fixture.document_url)
        assert result.error is None
        return [candidate.url for candidate in result.entries]
    assert fixture.document_url in spec.listings or _is_listing_page(spec, fixture.document_url)
    return listing_links(data, fixture.document_url, spec.link_pattern)


def _is_listing_page(spec: SourceSpec, url: str) -> bool:
    # A further page of a shipped listing (index_1.html beside .../lxjzh/).
    return any(url.startswith(listing) for listing in spec.listings)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.source)
def test_the_discovery_document_leads_to_the_article(fixture: SourceFixture) -> None:
    spec = SHIPPED[fixture.source]
    found = _discovered(spec, fixture)
    assert fixture.article_url in found
    for other in fixture.other_links:
        assert other not in found, other
    if spec.link_pattern and fixture.document_url in spec.listings + [fixture.document_url]:
        assert re.search(spec.link_pattern, fixture.article_url)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.source)
def test_the_article_is_extracted_with_title_date_and_body(fixture: SourceFixture) -> None:
    spec = SHIPPED[fixture.source]
    result = extract_article(
        fixture.article.encode("utf-8"),
        fixture.article_url,
        body_selector=spec.body_selector,
        timezone=spec.timezone,
    )
    assert isinstance(result, ExtractedArticle), result
    assert result.title == fixture.title
    assert result.published_at == fixture.published_at
    assert result.published_at.utcoffset() == fixture.published_at.utcoffset()
    body = " ".join(result.body.split())
    for sentence in fixture.body_has:
        assert sentence in body, f"{sentence!r} not in {body!r}"
    for furniture in fixture.body_lacks:
        assert furniture not in body, furniture


# Real URL forms of the shipped sources (as their feeds and listings give them) and the canonical
# form they must keep: the canonical URL is the article's identity in the store.
URL_FORMS = [
    # India MEA: the query is the address, with or without a slug, "+" in slugs.
    (
        "https://www.mea.gov.in/press-releases.htm?dtl/40800/India_Joins_Pax_Silica_Initiative",
        "https://www.mea.gov.in/press-releases.htm?dtl/40800/India_Joins_Pax_Silica_Initiative",
    ),
    (
        "https://www.mea.gov.in/press-releases.htm?dtl/41236",
        "https://www.mea.gov.in/press-releases.htm?dtl/41236",
    ),
    (
        "https://mea.gov.in/press-releases.htm?dtl/38865/Signing+of+Agreement+on+Social+Security#top",
        "https://mea.gov.in/press-releases.htm?dtl/38865/Signing+of+Agreement+on+Social+Security",
    ),
    (
        "https://www.mea.gov.in/press-releases.htm?51/Press_Releases",
        "https://www.mea.gov.in/press-releases.htm?51/Press_Releases",
    ),
    # Anadolu: the feed's query is a parameter; tracking parameters go.
    (
        "https://www.aa.com.tr/en/rss/default?cat=world",
        "https://www.aa.com.tr/en/rss/default?cat=world",
    ),
    (
        "https://www.aa.com.tr/en/turkiye/fidan-meets-hussein/3712345?utm_source=rss&utm_medium=x",
        "https://www.aa.com.tr/en/turkiye/fidan-meets-hussein/3712345",
    ),
    # DW's feed links carry a tracking-like parameter that is part of nothing: it stays sorted.
    (
        "https://www.dw.com/en/merz-meets-tusk/a-74912345?maca=en-rss-en-all-1573-rdf",
        "https://www.dw.com/en/merz-meets-tusk/a-74912345?maca=en-rss-en-all-1573-rdf",
    ),
    # Kremlin, TASS, Xinhua, China MFA, gov.uk, White House: paths only, fragments dropped,
    # host lower-cased.
    (
        "http://en.kremlin.ru/events/president/news/78123#sel=",
        "http://en.kremlin.ru/events/president/news/78123",
    ),
    ("https://TASS.com/politics/2051234", "https://tass.com/politics/2051234"),
    (
        "http://english.news.cn/20261130/5b3c1f2e9a8d4c7e8f6a1b2c3d4e5f60/c.html",
        "http://english.news.cn/20261130/5b3c1f2e9a8d4c7e8f6a1b2c3d4e5f60/c.html",
    ),
    (
        "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202611/t20261130_11771234.html",
        "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202611/t20261130_11771234.html",
    ),
    (
        "https://www.gov.uk/search/news-and-communications.atom?organisations%5B%5D=foreign-commonwealth-development-office",
        "https://www.gov.uk/search/news-and-communications.atom?organisations%5B%5D=foreign-commonwealth-development-office",
    ),
    (
        "https://www.whitehouse.gov/briefings-statements/2026/11/readout/?utm_campaign=x",
        "https://www.whitehouse.gov/briefings-statements/2026/11/readout/",
    ),
    # A query mixing parameters and a bare part keeps both.
    ("https://example.org/list?page=2&dtl", "https://example.org/list?page=2&dtl"),
]


@pytest.mark.parametrize(("url", "canonical"), URL_FORMS)
def test_canonical_urls_keep_what_identifies_the_page(url: str, canonical: str) -> None:
    assert canonicalize_url(url) == canonical


def test_distinct_mea_releases_stay_distinct() -> None:
    urls = {
        canonicalize_url("https://www.mea.gov.in/press-releases.htm?dtl/40800/A"),
        canonicalize_url("https://www.mea.gov.in/press-releases.htm?dtl/40801/B"),
        canonicalize_url("https://www.mea.gov.in/press-releases.htm?dtl/40802"),
    }
    assert len(urls) == 3


# Links each shipped pattern must match, and near misses it must not (from the fixtures'
# evidence: every Anadolu section, both Xinhua schemes, MEA links with and without a slug).
PATTERN_CASES = [
    ("anadolu", "https://www.aa.com.tr/en/turkiye/a-b/3712345", True),
    ("anadolu", "https://www.aa.com.tr/en/economy/a-b/3712300", True),
    ("anadolu", "https://www.aa.com.tr/en/world", False),
    ("anadolu", "https://www.aa.com.tr/tr/dunya/a-b/3712345", False),
    ("xinhua", "https://english.news.cn/20261130/0a1b2c3d4e5f60718293a4b5c6d7e8f9/c.html", True),
    ("xinhua", "http://english.news.cn/20261130/0a1b2c3d4e5f60718293a4b5c6d7e8f9/c.html", True),
    ("xinhua", "https://english.news.cn/20261130/photos.htm", False),
    ("india-mea", "https://www.mea.gov.in/press-releases.htm?dtl/41499", True),
    ("india-mea", "https://www.mea.gov.in/press-releases.htm?dtl/41502/Visit_of_EAM", True),
    ("india-mea", "https://www.mea.gov.in/press-releases.htm?51/Press_Releases/2", False),
    ("china-mfa", "https://www.fmprc.gov.cn/eng/xw/zyxw/202611/t20261130_11771200.html", True),
    (
        "china-mfa",
        "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202607/t20260728_11993800.html",
        True,
    ),
    ("china-mfa", "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index_2.html", False),
    ("kremlin", "http://en.kremlin.ru/events/president/news/78123", True),
    ("kremlin", "http://en.kremlin.ru/events/president/news/page/2", False),
    ("tass", "https://tass.com/russias-foreign-policy/2051234", True),
    ("tass", "https://tass.com/politics", False),
]


@pytest.mark.parametrize(("source", "url", "matches"), PATTERN_CASES)
def test_link_patterns(source: str, url: str, matches: bool) -> None:
    pattern = SHIPPED[source].link_pattern
    assert pattern is not None
    assert bool(re.search(pattern, url)) is matches


@pytest.mark.parametrize(
    "fixture",
    [f for f in FIXTURES if f.document_url in SHIPPED[f.source].feeds],
    ids=lambda f: f.source,
)
def test_feed_dates_are_read_as_the_days_they_are(fixture: SourceFixture) -> None:
    # The listed date decides whether an article is skipped as too old before it is fetched: a
    # misread one (IAEA's "YY-MM-DD  HH:MM", DW's dc:date in RDF) would skip fresh articles.
    (entry,) = parse_feed(fixture.document.encode("utf-8"), fixture.document_url).entries
    if entry.published is not None:
        assert abs(entry.published - fixture.published_at) < timedelta(days=1)
