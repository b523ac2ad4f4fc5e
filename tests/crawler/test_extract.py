"""crawler.extract on hand-written pages of each layout, odd inputs, and bodybench."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.extract import (
    ExtractedArticle,
    ExtractSettings,
    NotAnArticle,
    canonicalize_url,
    content_hash,
    extract_article,
)

PAGES = Path(__file__).parent / "pages"
FIRST = "Foreign ministers of Norway and Chile spoke by telephone"
LAST = "hoped to visit the Norwegian capital then"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def article(
    html: str | bytes, url: str | None = "https://news.example.org/x", **kw
) -> ExtractedArticle:
    result = extract_article(html, url, **kw)
    assert isinstance(result, ExtractedArticle), result
    return result


def test_plain_article_body_and_metadata() -> None:
    result = article(page("plain.html"))
    assert result.body.startswith(FIRST)
    assert result.body.rstrip().endswith(LAST + ".")
    assert "Norway and Chile discuss fishing quotas" not in result.body  # headline not in body
    assert "All rights reserved" not in result.body
    assert result.title == "Norway and Chile discuss fishing quotas"
    assert result.authors == ["Anna Berg"]
    assert result.published_at == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert result.language == "en"
    assert result.canonical_url == "https://news.example.org/world/norway-chile-call"
    assert result.content_hash == content_hash(result.body)


def test_body_split_over_two_containers_is_kept_whole() -> None:
    result = article(page("two_containers.html"))
    assert FIRST in result.body
    assert "must not be lost by the extractor" in result.body
    assert "highlights of the week" not in result.body


def test_comment_section_is_dropped() -> None:
    body = article(page("comments.html")).body
    assert FIRST in body
    assert "fishfan77" not in body and "Nobody ever asks the fishermen" not in body


def test_related_links_teasers_and_newsletter_box_are_dropped() -> None:
    body = article(page("related.html")).body
    assert FIRST in body and "working group of experts" in body
    assert "Chile names new envoy" not in body
    assert "krill stocks" not in body and "Fishing fleets head south" not in body
    assert "newsletter" not in body


def test_json_ld_article_body_when_the_page_renders_nothing() -> None:
    result = article(page("jsonld.html"))
    assert result.body.startswith(FIRST)
    assert (
        result.published_at is not None and result.published_at.date().isoformat() == "2024-02-10"
    )


def test_windows_1251_without_declared_charset_decodes() -> None:
    sentence = (
        "Министр иностранных дел провёл телефонный разговор с коллегой из Аргентины и обсудил "
        "подготовку визита делегации в следующем месяце, сообщили в министерстве во вторник."
    )
    days = ["в понедельник", "во вторник", "в среду", "в четверг"]
    paragraphs = "".join(f"<p>{sentence} Встреча назначена {day}.</p>" for day in days)
    html = f"<html><head><title>Телефонный разговор</title></head><body><article>{paragraphs}"
    html += "</article></body></html>"
    result = article(html.encode("cp1251"))
    assert "телефонный разговор с коллегой из Аргентины" in result.body
    assert result.title == "Телефонный разговор"
    assert result.language == "ru"


def test_declared_charset_wins_over_utf8_guess() -> None:
    html = page("plain.html").decode().replace('charset="utf-8"', 'charset="iso-8859-1"')
    html = html.replace("Anna Berg</p>", "Anna Berg, Tromsø</p>")
    html = html.replace(
        "fishing quotas in the southern", "fishing quotas near Tromsø in the southern"
    )
    result = article(html.encode("iso-8859-1"))
    assert "near Tromsø in the southern" in result.body


def test_truncated_html_does_not_crash() -> None:
    raw = page("plain.html")
    cut = raw[: raw.index(b"The two countries signed") + 40]
    result = article(cut)
    assert FIRST in result.body
    for size in (0, 1, 10, 100, 300):
        assert isinstance(extract_article(raw[:size], None), ExtractedArticle | NotAnArticle)


def test_huge_page_is_capped_not_fatal() -> None:
    head = page("plain.html").replace(b"</body></html>", b"")
    filler = b"<div><p>" + b"padding text " * 80 + b"</p></div>\n"
    huge = head + filler * (50 * 1024 * 1024 // len(filler))
    assert len(huge) >= 50 * 1024 * 1024
    result = extract_article(
        huge, "https://news.example.org/x", settings=ExtractSettings(max_bytes=1_000_000)
    )
    assert isinstance(result, ExtractedArticle | NotAnArticle)
    assert isinstance(result, NotAnArticle) or len(result.body) < 1_000_000


def test_pdf_served_as_html_is_not_html() -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    assert extract_article(pdf, "https://x.org/a") == NotAnArticle("https://x.org/a", "not html")
    assert extract_article(pdf.decode("latin-1"), None).reason == "not html"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("error404.html", "error page"),
        ("section_front.html", "section front"),
        ("paywall.html", "paywall"),
        ("video.html", "video only"),
    ],
)
def test_pages_that_are_not_articles(name: str, reason: str) -> None:
    result = extract_article(page(name), "https://news.example.org/y")
    assert isinstance(result, NotAnArticle)
    assert result.reason == reason


def _short_story(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_a_short_story_whose_headline_says_not_found_is_news() -> None:
    lead = (
        "Search teams said on Tuesday that the missing envoy's aircraft had not been located "
        "after two days, and the foreign ministers of both countries spoke by phone about it."
    )
    html = _short_story("Missing envoy's plane still not found", [lead, lead.upper()])
    assert isinstance(extract_article(html, "https://news.example.org/z"), ExtractedArticle)


def test_paywalled_page_keeps_a_teaser_with_prose() -> None:
    # The lead of a paywalled story is where the contact is told: keep it as the article.
    lead = (
        "Russian President Vladimir Putin on Monday called Turkish President Recep Tayyip "
        "Erdogan to discuss the Black Sea grain corridor, the Kremlin said in a short readout. "
    )
    not_free = '<script type="application/ld+json">{"isAccessibleForFree": false}</script>'
    html = _short_story("Putin calls Erdogan", [lead * 2, lead[::-1] * 2], head=not_free)
    result = extract_article(html, "https://news.example.org/w")
    assert isinstance(result, ExtractedArticle)
    assert "called Turkish President" in result.body


def test_empty_and_too_short() -> None:
    assert extract_article("", None).reason == "empty"
    short = "<html><body><article><p>Ministers met.</p></article></body></html>"
    assert extract_article(short, None).reason in {"too short", "empty"}


def test_body_selector_overrides_generic_extraction() -> None:
    html = page("comments.html")
    result = article(html, body_selector="#comments .comment p")
    assert "Nobody ever asks the fishermen" in result.body
    assert FIRST not in result.body
    xpath = article(html, body_selector="//div[@class='article-body']")
    assert xpath.body.startswith(FIRST)


def test_canonicalize_url() -> None:
    url = "HTTPS://News.Example.ORG/World/Story?utm_source=tw&id=7&fbclid=abc&gclid=9#comments"
    assert canonicalize_url(url) == "https://news.example.org/World/Story?id=7"
    assert canonicalize_url("https://a.org/p?b=2&a=1") == "https://a.org/p?a=1&b=2"


def test_content_hash_ignores_formatting_only() -> None:
    assert content_hash("Ministers  met.\n\nTalks ended.") == content_hash(
        "ministers met talks ended"
    )
    assert content_hash("Ministers met.") != content_hash("Ministers did not meet.")
    assert len(content_hash("")) == 64


# Measured 2 cores (bench/RESULTS.md): F1 0.9766 for extract_article on bodybench; the issue's
# floor is 0.970.
BODYBENCH_FLOOR = 0.970
BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bodybench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bodybench", BENCH / "bodybench.py")
    assert spec and spec.loader
    bodybench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bodybench  # dataclasses look their module up while being defined
    spec.loader.exec_module(bodybench)
    return bodybench


@pytest.mark.shared
def test_bodybench_f1_floor(shared_dir: Path) -> None:
    bodybench = _bodybench()
    pages = bodybench.load_pages(shared_dir / "bodybench")
    result = bodybench.run_extractor("diplowatch", bodybench.project_extractor, pages)
    assert result.summary.f1 >= BODYBENCH_FLOOR


def test_real_pages_never_much_worse_than_plain_trafilatura() -> None:
    # bench/realpages: real news pages from newspaper4k's test fixtures (README there). Measured:
    # diplowatch 0.925, trafilatura 0.923; the worst page 0.024 below trafilatura's.
    bodybench = _bodybench()
    pages = bodybench.load_pages(BENCH / "realpages")
    ours = bodybench.run_extractor("diplowatch", bodybench.project_extractor, pages)
    theirs = bodybench.run_extractor("trafilatura", bodybench.trafilatura_extractor(), pages)
    assert ours.summary.f1 >= theirs.summary.f1 - 0.005
    plain = {score.page_id: bodybench._page_f1(score) for score in theirs.scores}
    for score in ours.scores:
        assert bodybench._page_f1(score) >= plain[score.page_id] - 0.05, score.page_id


NAV_URL = "https://www.dailyherald.example/2024/03/05/norway-chile/"
MENU = ("Skip to content", "Subscribe", "Sign In", "Today's E-Edition", "Letters to the Editor")


def test_a_page_whose_largest_block_is_the_menu_never_yields_the_menu() -> None:
    # trafilatura (fast, without comments) takes the menu here; the page's og:description and
    # trafilatura's own full extraction show where the article is.
    result = article(page("navigation.html"), NAV_URL)
    assert result.body.startswith(FIRST)
    assert LAST in result.body
    for item in MENU:
        assert item not in result.body


def test_a_page_with_nothing_but_a_menu_has_no_article_body() -> None:
    assert extract_article(page("navigation_only.html"), NAV_URL) == NotAnArticle(
        NAV_URL, "no article body"
    )


@pytest.mark.parametrize(
    ("lines", "menu"),
    [
        (list(MENU) + ["Home", "News", "Sports"], True),
        (["Home", "Sports", "A long line of article prose that names ministers and dates."], False),
        ([FIRST, "The minister said so.", "Home", "Weather", "Obituaries"], False),
        (["Home", "Sports", "Weather", "Opinion"], False),  # too few lines to judge
    ],
)
def test_navigation_shape(lines: list[str], menu: bool) -> None:
    from crawler.extraction.signals import is_navigation

    assert is_navigation("\n".join(lines), links={"home", "news"}) is menu


DATED_PAGE = """<html><head><title>Ministers meet</title>{meta}</head><body><article>
<h1>Ministers meet</h1><p>{text}</p><p>Officials in Santiago called the talks friendly and said a
working group of experts would meet in Oslo within six weeks to prepare the conference.</p>
</article></body></html>"""
PROSE = (
    "The foreign ministers of Norway and Chile met in Oslo to discuss fishing quotas in the "
    "southern ocean, a research voyage and a common position before the December conference."
)


@pytest.mark.parametrize(
    ("meta", "zone", "expected"),
    [
        # The page's own metadata wins over the date in its URL (the 29th).
        (
            '<meta property="article:published_time" content="2026-11-30T10:00:00+03:00">',
            None,
            datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
        ),
        (
            '<script type="application/ld+json">{"@type":"NewsArticle",'
            '"datePublished":"2026-11-30T10:00:00+03:00"}</script>',
            None,
            datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
        ),
        # A time without an offset is in the source's zone (Anadolu: Turkey, UTC+3).
        (
            '<meta property="article:published_time" content="2026-11-30T10:00:00">',
            "Europe/Istanbul",
            datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
        ),
        # Without a zone it is taken as UTC, and the result is always aware.
        (
            '<meta property="article:published_time" content="2026-11-30T10:00:00">',
            None,
            datetime(2026, 11, 30, 10, 0, tzinfo=UTC),
        ),
    ],
)
def test_metadata_dates_win_over_url_dates(meta: str, zone: str | None, expected: datetime) -> None:
    html = DATED_PAGE.format(meta=meta, text=PROSE)
    result = article(html, "https://news.example.org/2026/11/29/ministers-meet", timezone=zone)
    assert result.published_at == expected
    assert result.published_at is not None and result.published_at.tzinfo is not None
