"""The bad-input corpus, crawler part: hostile and broken feeds, sitemaps and pages, each its own
source in one crawl on 127.0.0.1. Every case ends, bounded, with the outcome in its row, and the
good links beside a bad one are kept. docs/bad-input.md lists the cases.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crawler import CrawlStats, SourceSpec
from tests.crawler.harness import RecordingSink, fast_settings, run_crawl
from tests.support.hostile import HostileSite, rss

Check = Callable[["Outcome"], None]


@dataclass
class Outcome:
    stats: CrawlStats
    errors: list[str]
    skips: list[str]
    kept: set[str]
    site: HostileSite
    sink: RecordingSink


@dataclass
class Case:
    name: str
    kind: str  # feed | sitemap | page
    build: Callable[[HostileSite, str], SourceSpec]  # (site, path prefix) -> source
    check: Check


def _feed(links: Callable[[HostileSite, str], list[str]], articles: int = 0, **extra: object):
    def build(site: HostileSite, p: str) -> SourceSpec:
        for number in range(articles):
            site.article(f"{p}/news/{number}", story=hash(p) + number)
        site.static(f"{p}/feed.rss", rss(links(site, p)), **extra)  # type: ignore[arg-type]
        return SourceSpec(p.strip("/"), feeds=[site.url(f"{p}/feed.rss")])

    return build


def _raw_feed(body: bytes | str, content_type: str = "application/rss+xml", status: int = 200):
    def build(site: HostileSite, p: str) -> SourceSpec:
        site.static(f"{p}/feed.rss", body, content_type, status)
        return SourceSpec(p.strip("/"), feeds=[site.url(f"{p}/feed.rss")])

    return build


def _raw_sitemap(body: bytes | str, content_type: str = "application/xml"):
    def build(site: HostileSite, p: str) -> SourceSpec:
        site.static(f"{p}/sitemap.xml", body, content_type)
        return SourceSpec(p.strip("/"), sitemaps=[site.url(f"{p}/sitemap.xml")])

    return build


def _page(setup: Callable[[HostileSite, str], None]):
    """A feed listing one good article and the case's page at {p}/case."""

    def build(site: HostileSite, p: str) -> SourceSpec:
        site.article(f"{p}/good", story=hash(p))
        setup(site, f"{p}/case")
        site.static(f"{p}/feed.rss", rss([site.url(f"{p}/good"), site.url(f"{p}/case")]))
        return SourceSpec(p.strip("/"), feeds=[site.url(f"{p}/feed.rss")])

    return build


def kept_the_good_link(o: Outcome) -> None:
    assert any(url.endswith("/news/0") for url in o.kept), (o.errors, o.skips)


def nothing_leaked(o: Outcome) -> None:
    # The entity names a local file: its text must appear nowhere (not resolved, not fetched).
    with open("/etc/hostname", encoding="utf-8") as handle:
        secret = handle.read().strip()
    everything = " ".join(o.errors + o.skips + sorted(o.kept))
    assert secret and secret not in everything


def error(text: str) -> Check:
    def check(o: Outcome) -> None:
        assert any(text in e for e in o.errors), o.errors

    return check


def skip(text: str) -> Check:
    def check(o: Outcome) -> None:
        assert any(text in s for s in o.skips), o.skips

    return check


def both(*checks: Check) -> Check:
    def check(o: Outcome) -> None:
        for one in checks:
            one(o)

    return check


def no_errors(o: Outcome) -> None:
    assert o.stats.errors == 0, o.errors


def capped(o: Outcome) -> None:
    assert o.stats.capped >= 1


def page_kept_beside(check: Check) -> Check:
    def run(o: Outcome) -> None:
        assert any(url.endswith("/good") for url in o.kept), (o.errors, o.skips)
        check(o)

    return run


ENTITY_FEED = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&secret;</title><link>http://127.0.0.1:1/&secret;</link></item>
</channel></rss>"""
BOMB = gzip.compress(b"<urlset>" + b" " * 3_000_000 + b"</urlset>")
MANY = 120  # links in a document, over the cap of 100 set below


CASES = [
    Case(
        "mailto: link",
        "feed",
        _feed(lambda s, p: ["mailto:press@mfa.example", s.url(f"{p}/news/0")], 1),
        both(kept_the_good_link, skip("not an http(s) link (mailto:)")),
    ),
    Case(
        "javascript: link",
        "feed",
        _feed(lambda s, p: ["javascript:alert(1)", s.url(f"{p}/news/0")], 1),
        both(kept_the_good_link, skip("(javascript:)")),
    ),
    Case(
        "data: link",
        "feed",
        _feed(lambda s, p: ["data:text/html,<b>x</b>", s.url(f"{p}/news/0")], 1),
        both(kept_the_good_link, skip("(data:)")),
    ),
    Case(
        "file: link",
        "feed",
        _feed(lambda s, p: ["file:///etc/passwd", s.url(f"{p}/news/0")], 1),
        both(kept_the_good_link, skip("(file:)")),
    ),
    Case(
        "ftp: link",
        "feed",
        _feed(lambda s, p: ["ftp://files.example/a.html", s.url(f"{p}/news/0")], 1),
        both(kept_the_good_link, skip("(ftp:)"), no_errors),
    ),
    Case(
        "HTML instead of a feed",
        "feed",
        _raw_feed("<html><body>hi</body></html>", "text/html"),
        error("not a feed"),
    ),  # fmt: skip
    Case("empty feed body", "feed", _raw_feed(b""), error("not a feed")),
    Case("feed answers 500", "feed", _raw_feed(b"oops", status=500), error("HTTP 500")),
    Case("feed answers 404", "feed", _raw_feed(b"", status=404), error("HTTP 404")),
    Case("external entity in a feed", "feed", _raw_feed(ENTITY_FEED), nothing_leaked),
    Case(
        "more links than max_links_per_document",
        "feed",
        _feed(lambda s, p: [s.url(f"{p}/news/{n}") for n in range(MANY)]),
        capped,
    ),
    Case(
        "endless feed",
        "feed",
        lambda s, p: (
            s.endless(f"{p}/feed.rss"),
            SourceSpec(p.strip("/"), feeds=[s.url(f"{p}/feed.rss")]),
        )[1],
        error("too large"),
    ),
    Case(
        "sitemap index listing itself",
        "sitemap",
        lambda s, p: (
            s.sitemap_index(f"{p}/index.xml", [f"{p}/index.xml"]),
            SourceSpec(p.strip("/"), sitemaps=[s.url(f"{p}/index.xml")]),
        )[1],
        lambda o: (
            o.site.hits["/sitemap-index-listing-itself/index.xml"] == 1 or pytest.fail("looped")
        ),
    ),
    Case(
        "sitemap indexes listing each other",
        "sitemap",
        lambda s, p: (
            s.sitemap_index(f"{p}/a.xml", [f"{p}/b.xml"]),
            s.sitemap_index(f"{p}/b.xml", [f"{p}/a.xml"]),
            SourceSpec(p.strip("/"), sitemaps=[s.url(f"{p}/a.xml")]),
        )[2],
        lambda o: (
            o.site.hits["/sitemap-indexes-listing-each-other/b.xml"] == 1 or pytest.fail("looped")
        ),
    ),
    Case(
        "sitemap index of more children than max_documents_per_source",
        "sitemap",
        lambda s, p: (
            s.sitemap_index(f"{p}/index.xml", [f"{p}/c{n}.xml" for n in range(30)]),
            SourceSpec(p.strip("/"), sitemaps=[s.url(f"{p}/index.xml")]),
        )[1],
        capped,
    ),
    Case(
        "HTML instead of a sitemap",
        "sitemap",
        _raw_sitemap("<html><p>x</p></html>", "text/html"),
        error("not a sitemap"),
    ),  # fmt: skip
    Case(
        "sitemap of garbage bytes", "sitemap", _raw_sitemap(b"\x00\x01garbage<<<"), error("sitemap")
    ),  # fmt: skip
    Case(
        "gzip bomb sitemap",
        "sitemap",
        _raw_sitemap(BOMB, "application/x-gzip"),
        error("larger than"),
    ),  # fmt: skip
    Case(
        "sitemap index with an ftp: child",
        "sitemap",
        lambda s, p: (
            s.sitemap_index(f"{p}/index.xml", ["ftp://files.example/s.xml"]),
            SourceSpec(p.strip("/"), sitemaps=[s.url(f"{p}/index.xml")]),
        )[1],
        error("not an http(s) link"),
    ),
    Case(
        "article answers 404",
        "page",
        _page(lambda s, path: None),
        page_kept_beside(error("HTTP 404")),
    ),  # fmt: skip
    Case(
        "article is a PDF",
        "page",
        _page(lambda s, path: s.static(path, b"%PDF-1.4 x", "application/pdf")),
        page_kept_beside(skip("not html")),
    ),
    Case(
        "article is an empty page",
        "page",
        _page(lambda s, path: s.static(path, "<html><body></body></html>", "text/html")),
        page_kept_beside(skip("/case: ")),
    ),
    Case(
        "article drips its body",
        "page",
        _page(lambda s, path: s.drip(path, every=0.3, headers_first=True)),
        page_kept_beside(error("/case: timeout")),
    ),
    Case(
        "article redirects to itself",
        "page",
        _page(lambda s, path: s.static(path, b"", status=302, headers={"Location": path})),
        page_kept_beside(error("redirect")),
    ),
    Case(
        "article larger than max_page_bytes, no Content-Length",
        "page",
        _page(lambda s, path: s.endless(path)),
        page_kept_beside(error("too large")),
    ),
]


def _prefix(case: Case) -> str:
    return "/" + "".join(c if c.isalnum() else "-" for c in case.name.lower()).strip("-")


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    with HostileSite() as site:
        sources = {case.name: case.build(site, _prefix(case)) for case in CASES}
        settings = fast_settings(
            max_links_per_document=100,
            max_documents_per_source=10,
            max_page_bytes=200_000,
            download_timeout=4.0,
            retry_times=0,
            max_redirects=3,
            time_limit=30,
        )
        stats, sink = run_crawl(list(sources.values()), settings=settings, timeout=120)
        result = {}
        for name, source in sources.items():
            errors = [f"{url}: {e}" for s, url, e in sink.errors if s == source.name]
            skips = [f"{url}: {r}" for s, url, r in sink.skipped if s == source.name]
            kept = {a["url"] for a in sink.articles + sink.duplicates if a["source"] == source.name}
            result[name] = Outcome(stats[source.name], errors, skips, kept, site, sink)
        return result


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_case(outcomes: dict[str, Outcome], case: Case) -> None:
    case.check(outcomes[case.name])


def test_a_byte_order_mark_wins_over_the_charset_header() -> None:
    from crawler.extract import ExtractedArticle, extract_article
    from tests.support.newssite_pages import FOLLOW_UP, Story, render_article

    story = Story("/a", "x", "Lavrov and Gusmão meet", ["Timorese leader Xanana Gusmão met "
                  "Russian Foreign Minister Sergei Lavrov in Moscow on Monday.", *FOLLOW_UP],
                  __import__("datetime").datetime(2024, 5, 16, 10))  # fmt: skip
    page = "\ufeff" + render_article(story, "")
    article = extract_article(page.encode("utf-8"), "https://a.example/a", encoding="iso-8859-1")
    assert isinstance(article, ExtractedArticle)
    assert "Gusmão" in article.body and "Ã" not in article.body
