"""Stories and page templates of the fixture news site (tests/support/newssite.py).

The texts are written for these tests, in the style of wire and ministry reports on diplomatic
contacts, naming real office holders. They are not copied from any outlet.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime

STORIES = [
    (
        "Stubb and Ruto hold talks in Nairobi on trade and climate finance",
        "Finnish President Alexander Stubb held talks with Kenyan President William Ruto in "
        "Nairobi on Tuesday, the first visit by a Finnish head of state to Kenya in a decade.",
    ),
    (
        "Lavrov and Fidan discuss Black Sea shipping by phone",
        "Russian Foreign Minister Sergei Lavrov spoke by telephone with his Turkish counterpart "
        "Hakan Fidan on Monday, the Russian Foreign Ministry said in a statement.",
    ),
    (
        "Lula receives Ramaphosa in Brasilia ahead of BRICS meeting",
        "Brazilian President Luiz Inacio Lula da Silva received South African President Cyril "
        "Ramaphosa at the Planalto Palace in Brasilia on Wednesday for a working lunch.",
    ),
    (
        "Guterres meets el-Sisi in Cairo on Gaza aid corridors",
        "United Nations Secretary-General Antonio Guterres met Egyptian President Abdel Fattah "
        "el-Sisi in Cairo on Thursday to discuss the delivery of humanitarian aid.",
    ),
    (
        "Wang Yi hosts Albares in Beijing, pledges closer trade ties",
        "Chinese Foreign Minister Wang Yi hosted Spanish Foreign Minister Jose Manuel Albares in "
        "Beijing on Friday, where the two sides signed a plan on agricultural exports.",
    ),
    (
        "Merz and Tusk speak by phone about border controls",
        "German Chancellor Friedrich Merz telephoned Polish Prime Minister Donald Tusk on "
        "Sunday evening to discuss controls on their shared border, a government spokesman said.",
    ),
    (
        "Rubio meets Saudi foreign minister in Riyadh",
        "US Secretary of State Marco Rubio met Saudi Foreign Minister Prince Faisal bin Farhan "
        "in Riyadh on Saturday, the State Department said in a readout of the meeting.",
    ),
    (
        "Tokayev welcomes Mirziyoyev to Astana for water talks",
        "Kazakh President Kassym-Jomart Tokayev welcomed Uzbek President Shavkat Mirziyoyev to "
        "Astana on Tuesday for talks on sharing the waters of the Syr Darya.",
    ),
    (
        "Prabowo visits Canberra for talks with Albanese",
        "Indonesian President Prabowo Subianto visited Canberra on Wednesday and held talks with "
        "Australian Prime Minister Anthony Albanese at Parliament House.",
    ),
    (
        "Macron hosts Tinubu at the Elysee",
        "French President Emmanuel Macron hosted Nigerian President Bola Tinubu at the Elysee "
        "Palace in Paris on Monday, where they discussed security in the Sahel.",
    ),
    (
        "Erdogan and Aliyev meet on the sidelines of the summit",
        "Turkish President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev on the "
        "sidelines of a regional summit in Baku on Thursday, Anadolu Agency reported.",
    ),
    (
        "Modi and Starmer hold video call on trade agreement",
        "Indian Prime Minister Narendra Modi and British Prime Minister Keir Starmer held a video "
        "call on Friday to review progress on the free trade agreement signed this year.",
    ),
    (
        "Meloni meets Tebboune in Algiers on gas supplies",
        "Italian Prime Minister Giorgia Meloni met Algerian President Abdelmadjid Tebboune in "
        "Algiers on Monday to discuss long-term gas supplies and migration.",
    ),
    (
        "Sanchez receives Mexican president in Madrid",
        "Spanish Prime Minister Pedro Sanchez received Mexican President Claudia Sheinbaum at "
        "the Moncloa Palace in Madrid on Tuesday, the first such visit in six years.",
    ),
    (
        "Pezeshkian and Sharif hold phone call on border security",
        "Iranian President Masoud Pezeshkian held a telephone conversation with Pakistani Prime "
        "Minister Shehbaz Sharif on Wednesday about security along their common border.",
    ),
]

FOLLOW_UP = [
    "Officials said the two delegations covered trade, energy and the security situation in the "
    "region, and agreed that their ministers would meet again before the end of the year.",
    "According to a statement released after the meeting, both sides stressed the importance of "
    "dialogue and of implementing the agreements reached during previous rounds of consultations.",
    "The talks lasted about two hours, an official familiar with the meeting told reporters, "
    "adding that a joint working group would prepare the next steps within a month.",
]


@dataclass
class Story:
    """One article of the fixture site. `path` is where it is served."""

    path: str
    section: str
    title: str
    paragraphs: list[str]
    published: datetime
    layout: str = "classic"  # classic | wire | release
    canonical: str | None = None  # rel=canonical target (absolute path), for alias pages
    extra_query: str = ""  # appended to the link in feeds/listings (tracking parameters)
    feed_date: datetime | None = None  # date given in feeds/sitemaps, if not `published`


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_article(story: Story, base: str) -> str:
    """The article page in one of three layouts, with the usual page furniture around it."""
    iso = story.published.isoformat()
    paras = "\n".join(f"<p>{_esc(p)}</p>" for p in story.paragraphs)
    canonical = f'<link rel="canonical" href="{base}{story.canonical}">' if story.canonical else ""
    head = (
        f'<head><meta charset="utf-8"><title>{_esc(story.title)} | Fixture News</title>'
        f'<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{_esc(story.title)}">'
        f'<meta property="article:published_time" content="{iso}">{canonical}</head>'
    )
    nav = (
        '<header><nav><a href="/">Home</a> <a href="/section/world">World</a> '
        '<a href="/section/europe">Europe</a> <a href="/about">About us</a></nav></header>'
    )
    footer = (
        "<footer><p>Fixture News is a test site. All rights reserved.</p>"
        '<ul><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul>'
        "</footer>"
    )
    if story.layout == "wire":
        body = (
            f'<div id="story"><h2 class="headline">{_esc(story.title)}</h2>'
            f'<span class="dateline">{story.published:%d %B %Y}</span>'
            f'<div class="story-body">{paras}</div></div>'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", '
            f'"headline": "{_esc(story.title)}", "datePublished": "{iso}"}}</script>'
        )
    elif story.layout == "release":
        body = (
            f"<main><h1>{_esc(story.title)}</h1>"
            f'<p class="meta">Office of the Spokesperson &middot; {story.published:%B %d, %Y}</p>'
            f'<div class="field-body">{paras}</div></main>'
        )
    else:
        body = (
            f"<article><h1>{_esc(story.title)}</h1>"
            f'<time datetime="{iso}">{story.published:%d %b %Y, %H:%M}</time>'
            f'<div class="article-body">{paras}</div></article>'
            '<aside><h3>Related</h3><ul><li><a href="/section/world">More world news</a></li>'
            "</ul></aside>"
        )
    return f'<!DOCTYPE html><html lang="en">{head}<body>{nav}{body}{footer}</body></html>'


def render_rss(section: str, stories: list[Story], base: str, revision: int) -> str:
    items = "".join(
        f"<item><title>{_esc(s.title)}</title><link>{_esc(base + s.path + s.extra_query)}</link>"
        f"<guid>{base}{s.path}</guid>"
        f"<pubDate>{format_datetime(s.feed_date or s.published)}</pubDate>"
        f"<description>{_esc(s.paragraphs[0])}</description></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Fixture News: {section}</title><link>{base}/section/{section}</link>"
        f"<description>Edition {revision}</description>{items}</channel></rss>"
    )


def render_atom(section: str, stories: list[Story], base: str, revision: int) -> str:
    entries = "".join(
        f"<entry><title>{_esc(s.title)}</title>"
        f'<link rel="alternate" href="{_esc(base + s.path + s.extra_query)}"/>'
        f"<id>{base}{s.path}</id><updated>{(s.feed_date or s.published).isoformat()}</updated>"
        f"<summary>{_esc(s.paragraphs[0])}</summary></entry>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Fixture News: {section}</title><id>{base}/feeds/{section}.atom</id>"
        f"<subtitle>Edition {revision}</subtitle><updated>2025-01-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def render_news_sitemap(stories: list[Story], base: str) -> str:
    urls = "".join(
        f"<url><loc>{_esc(base + s.path + s.extra_query)}</loc><news:news><news:publication>"
        "<news:name>Fixture News</news:name><news:language>en</news:language>"
        "</news:publication>"
        f"<news:publication_date>{(s.feed_date or s.published).isoformat()}"
        f"</news:publication_date><news:title>{_esc(s.title)}</news:title></news:news></url>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    )


def render_sitemap_index(children: list[tuple[str, str]], base: str) -> str:
    items = "".join(
        f"<sitemap><loc>{base}{path}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for path, lastmod in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


def render_listing(section: str, stories: list[Story], base: str) -> str:
    """A section front: article teasers plus the links every page has (tags, authors, about)."""
    teasers = "".join(
        f'<div class="teaser"><a href="{_esc(s.path + s.extra_query)}">{_esc(s.title)}</a>'
        f'<a href="/tag/diplomacy">Diplomacy</a></div>'
        for s in stories
    )
    return (
        f"<!DOCTYPE html><html><head><title>{section.title()} | Fixture News</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/author/jane-roe">'
        'Jane Roe</a> <a href="/section/world">World</a></nav>'
        f"<h1>{section.title()}</h1>{teasers}"
        '<p><a href="/page/2">Older stories</a> <a href="/search?q=talks">Search</a></p>'
        "</body></html>"
    )


def story_page(now: datetime, base: str, story: tuple[str, str], path: str) -> str:
    """An article page for a special route (the broken cases that do serve an article)."""
    title, lead = story
    return render_article(
        Story(path, "broken", title, [lead, *FOLLOW_UP], now - timedelta(hours=3)), base
    )


CP1251_PAGE = (
    "<html><head><title>Переговоры в Москве</title></head><body><article>"
    "<h1>Лавров провёл переговоры с министром иностранных дел Египта</h1>"
    + "".join(
        f"<p>{text}</p>"
        for text in [
            "Министр иностранных дел России Сергей Лавров провёл в среду в Москве переговоры "
            "со своим египетским коллегой Бадром Абдель Аты.",
            "Стороны обсудили положение на Ближнем Востоке, торговлю зерном и строительство "
            "атомной электростанции, сообщили в министерстве после встречи.",
            "По словам дипломатов, министры договорились продолжить консультации в ближайшие "
            "месяцы и подготовить визит на высшем уровне.",
        ]
    )
    + "</article></body></html>"
)
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
)
