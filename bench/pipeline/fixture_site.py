"""A generated news site of N article pages, for the end-to-end benchmark.

Pages are made from a seed and their number, so the same N gives the same site on every run, and
rendered when asked for (5000 pages of ~50 KB are not held in memory). Each page is news-site
shaped: navigation, a cookie banner, inline styles and scripts, JSON-LD, a body of 600-900 words,
"most read" and related links, and a footer. One page in five reports a diplomatic contact
between two real leaders; the rest are economy, weather, sport or domestic politics.

Discovery is a sitemap index of Google News sitemaps (1000 URLs each, the format's limit) and an
RSS feed of the latest 50 stories.

Run it as its own process: `python bench/pipeline/fixture_site.py --pages 1000 --port 0` prints
"READY <base url>" once it listens.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEED = 20241022
CONTACT_EVERY = 5  # one page in five reports a contact
SITEMAP_CHUNK = 1000
START = datetime(2024, 9, 2, 6, 0, tzinfo=UTC)

LEADERS = [
    ("Russian President", "Vladimir Putin"),
    ("Chinese President", "Xi Jinping"),
    ("Indian Prime Minister", "Narendra Modi"),
    ("Turkish President", "Recep Tayyip Erdogan"),
    ("U.S. Secretary of State", "Antony Blinken"),
    ("German Chancellor", "Olaf Scholz"),
    ("French President", "Emmanuel Macron"),
    ("British Prime Minister", "Keir Starmer"),
    ("Italian Prime Minister", "Giorgia Meloni"),
    ("Brazilian President", "Luiz Inacio Lula da Silva"),
    ("South African President", "Cyril Ramaphosa"),
    ("Ukrainian President", "Volodymyr Zelensky"),
    ("Russian Foreign Minister", "Sergei Lavrov"),
    ("Chinese Foreign Minister", "Wang Yi"),
    ("Japanese Prime Minister", "Shigeru Ishiba"),
]
CONTACT_SENTENCES = [
    "{ta} {a} held talks with {tb} {b} in {city} on {day}, officials said.",
    "{ta} {a} spoke by telephone with {tb} {b} on {day}, discussing trade and regional security.",
    "{ta} {a} met {tb} {b} on the sidelines of the summit in {city} on {day}.",
    "{ta} {a} arrived in {city} on {day} for a two-day visit and was received by {tb} {b}.",
    "{ta} {a} and {tb} {b} held a video call on {day}, according to a government statement.",
]
CITIES = ["Geneva", "Astana", "Jakarta", "Rome", "Brasilia", "Ankara", "New Delhi", "Tokyo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = {
    "economy": [
        "Analysts said the figures pointed to a slowdown in the second half of the year.",
        "The central bank is expected to keep interest rates unchanged at its next meeting.",
        "Exporters have struggled with weaker demand from their largest trading partners.",
        "Consumer prices rose by less than economists had forecast, official data showed.",
        "The finance ministry said it would publish a revised budget plan next month.",
        "Industrial output fell for a third consecutive month, dragged down by car production.",
        "Retail sales were stronger than expected, helped by a warm start to the autumn.",
        "Bond yields edged higher as investors weighed the outlook for government borrowing.",
    ],
    "weather": [
        "Forecasters warned of heavy rain and strong winds along the coast overnight.",
        "Temperatures are expected to stay well above the seasonal average into next week.",
        "Several rivers burst their banks, flooding farmland and cutting off minor roads.",
        "Emergency services said they had rescued dozens of people from stranded vehicles.",
        "The national weather service extended its warnings to three more regions.",
        "Farmers said the late harvest would be smaller than last year's after the dry summer.",
    ],
    "sport": [
        "The home side scored twice in the final ten minutes to secure a narrow victory.",
        "The coach said the team had shown character after a difficult first half.",
        "Tickets for the final sold out within hours of going on sale, organisers said.",
        "The striker has now scored in five consecutive matches for his club.",
        "The league confirmed that the postponed fixture would be played next month.",
        "Supporters gathered outside the stadium hours before kick-off.",
    ],
    "politics": [
        "The opposition said it would table a motion of no confidence in the government.",
        "Lawmakers debated the bill late into the night before a narrow vote.",
        "The minister defended the reform, saying it would cut waiting times for patients.",
        "Regional elections next spring are seen as a test of the coalition's popularity.",
        "A spokesperson for the presidency declined to comment on the reports.",
        "Unions have called a one-day strike to protest against the pension changes.",
    ],
}
FILLER = [
    "The announcement came after weeks of speculation in local media.",
    "Officials did not give further details, but said more information would follow.",
    "Critics said the plan did not go far enough, while supporters called it a first step.",
    "The statement was published on the government's website late in the evening.",
    "Observers noted that the timing of the announcement was unusual.",
    "Further talks between the parties are expected in the coming weeks.",
    "The issue has divided opinion across the country for several years.",
    "A report by an independent research institute reached similar conclusions last year.",
]
# Inline script and style of the size real news pages carry (analytics, ads, consent).
SCRIPT_NOISE = "window.dataLayer=window.dataLayer||[];" + "".join(
    f"dataLayer.push({{'event':'slot_{i}','adunit':'/1234/news/article/{i}','sizes':[[300,250],[728,90]]}});"
    for i in range(90)
)
STYLE_NOISE = "".join(
    f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2654435761 % 0xFFFFFF:06x}}}"
    for i in range(260)
)


def published(i: int) -> datetime:
    return START + timedelta(minutes=37 * i)


def path_of(i: int) -> str:
    day = published(i)
    return f"/news/{day:%Y/%m/%d}/story-{i:05d}.html"


@lru_cache(maxsize=4096)
def article(i: int) -> dict:
    """Title, topic, paragraphs and (for one page in five) the contact it reports."""
    rng = random.Random(SEED * 100_003 + i)
    topic = rng.choice(sorted(TOPICS))
    reports = None
    paragraphs: list[str] = []
    title = f"{topic.title()}: {rng.choice(TOPICS[topic])[:-1]}"
    if i % CONTACT_EVERY == 0:
        (ta, a), (tb, b) = rng.sample(LEADERS, 2)
        lead = rng.choice(CONTACT_SENTENCES).format(
            ta=ta, a=a, tb=tb, b=b, city=rng.choice(CITIES), day=rng.choice(DAYS)
        )
        paragraphs.append(lead)
        title = f"{a.split()[-1]} and {b.split()[-1]} discuss ties"
        reports = [a, b]
    words = sum(len(p.split()) for p in paragraphs)
    target = rng.randint(600, 900)
    pool = TOPICS[topic] + FILLER
    while words < target:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 5)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return {"title": title, "topic": topic, "paragraphs": paragraphs, "reports": reports}


def render_page(i: int, base: str, pages: int) -> str:
    e = html.escape
    item = article(i)
    when = published(i)
    rng = random.Random(i)
    nav = "".join(
        f'<li><a href="{base}/section/{name}/">{name.title()}</a></li>'
        for name in ("world", "politics", "economy", "weather", "sport", "culture", "opinion")
    )
    most_read = "".join(
        f'<li><a href="{base}{path_of(j)}">{e(article(j)["title"])}</a></li>'
        for j in rng.sample(range(pages), min(8, pages))
    )
    body = "\n".join(f"<p>{e(p)}</p>" for p in item["paragraphs"])
    jsonld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": item["title"],
            "datePublished": when.isoformat(),
            "author": {"@type": "Person", "name": "Staff reporter"},
        }
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(item["title"])} | Bench Daily</title>
<link rel="canonical" href="{base}{path_of(i)}">
<meta property="og:title" content="{e(item["title"])}">
<meta property="article:published_time" content="{when.isoformat()}">
<script type="application/ld+json">{jsonld}</script>
<style>{STYLE_NOISE}</style>
<script>{SCRIPT_NOISE}</script>
</head><body>
<div id="consent" class="banner">We and our partners use cookies. <button>Accept all</button></div>
<header class="site-header"><a class="logo" href="{base}/">Bench Daily</a><nav><ul>{nav}</ul></nav>
<form class="search" action="/search"><input name="q"></form></header>
<main><article class="article">
<h1 class="headline">{e(item["title"])}</h1>
<div class="byline">By Staff reporter · <time datetime="{when.isoformat()}">{when:%d %B %Y}</time></div>
<figure><figcaption>File photo. The scene earlier this year.</figcaption></figure>
<div class="article-body">
{body}
</div>
<div class="tags"><a href="{base}/tag/{item["topic"]}/">{item["topic"]}</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside></main>
<div class="ad-slot" id="ad-bottom"></div>
<footer><ul><li><a href="{base}/about/">About</a></li><li><a href="{base}/contact/">Contact</a></li>
<li><a href="{base}/privacy/">Privacy</a></li></ul><p>© 2024 Bench Daily</p></footer>
<script>{SCRIPT_NOISE[:3000]}</script>
</body></html>
"""


def render_sitemap_index(base: str, pages: int) -> str:
    chunks = range(0, pages, SITEMAP_CHUNK)
    entries = "".join(
        f"<sitemap><loc>{base}/sitemaps/news-{k // SITEMAP_CHUNK}.xml</loc></sitemap>"
        for k in chunks
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>\n"
    )


def render_sitemap(base: str, pages: int, chunk: int) -> str | None:
    first = chunk * SITEMAP_CHUNK
    if chunk < 0 or first >= pages:
        return None
    urls = "".join(
        f"<url><loc>{base}{path_of(i)}</loc><news:news><news:publication><news:name>Bench Daily"
        f"</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{published(i).isoformat()}</news:publication_date>"
        f"<news:title>{html.escape(article(i)['title'])}</news:title></news:news></url>\n"
        for i in range(first, min(first + SITEMAP_CHUNK, pages))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n{urls}</urlset>\n'
    )


def render_rss(base: str, pages: int) -> str:
    latest = range(pages - 1, max(-1, pages - 51), -1)
    items = "".join(
        f"<item><title>{html.escape(article(i)['title'])}</title><link>{base}{path_of(i)}</link>"
        f"<guid>{base}{path_of(i)}</guid>"
        f"<pubDate>{published(i):%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>\n"
        for i in latest
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Bench Daily</title><link>{base}/</link><description>News</description>\n"
        f"{items}</channel></rss>\n"
    )


def page_number(path: str) -> int | None:
    name = path.rsplit("/", 1)[-1]
    if path.startswith("/news/") and name.startswith("story-") and name.endswith(".html"):
        try:
            return int(name[6:-5])
        except ValueError:
            return None
    return None


def make_handler(pages: int):  # type: ignore[no-untyped-def]
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

        def do_GET(self) -> None:
            base = f"http://{self.headers.get('Host')}"
            path = self.path.split("?", 1)[0]
            body, kind = None, "text/html; charset=utf-8"
            number = page_number(path)
            if number is not None and 0 <= number < pages and path == path_of(number):
                body = render_page(number, base, pages)
            elif path == "/sitemap-index.xml":
                body, kind = render_sitemap_index(base, pages), "application/xml"
            elif path.startswith("/sitemaps/news-") and path.endswith(".xml"):
                chunk = path[len("/sitemaps/news-") : -4]
                body = render_sitemap(base, pages, int(chunk)) if chunk.isdigit() else None
                kind = "application/xml"
            elif path == "/rss.xml":
                body, kind = render_rss(base, pages), "application/rss+xml"
            elif path == "/robots.txt":
                body, kind = f"User-agent: *\nSitemap: {base}/sitemap-index.xml\n", "text/plain"
            data = (body or "not found").encode("utf-8")
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), make_handler(args.pages))
    server.daemon_threads = True
    print(f"READY http://{args.host}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
