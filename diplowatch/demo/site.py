"""The bundled sample news site: articles, an RSS feed, an Atom feed and a news sitemap.

The site's text lives in site/articles.json (written for the project; each article also lists the
contacts it reports, which the tests compare with what the demo finds). Pages and feeds are
rendered when served, because their links must carry the server's address, which is only known
once it listens on a free port.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape as xml_escape

SECTION_NAMES = {
    "world": "World",
    "readouts": "Readouts",
    "business": "Business",
    "science": "Science",
    "sport": "Sport",
    "analysis": "Analysis",
}
_SLOT = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class Article:
    slug: str
    section: str
    template: str
    title: str
    published: datetime
    author: str
    dateline: str
    paragraphs: tuple[str, ...]
    reports: tuple[dict, ...] = field(default=())

    @property
    def path(self) -> str:
        if self.section == "readouts":
            return f"/readouts/{self.slug}"
        return f"/{self.section}/{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def summary(self) -> str:
        return self.paragraphs[0]


@dataclass(frozen=True)
class Site:
    outlet: str
    articles: tuple[Article, ...]

    def by_path(self) -> dict[str, Article]:
        return {a.path: a for a in self.articles}


def load_site() -> Site:
    raw = json.loads(_resource("articles.json"))
    articles = tuple(
        Article(
            slug=a["slug"],
            section=a["section"],
            template=a["template"],
            title=a["title"],
            published=datetime.fromisoformat(a["published"]),
            author=a["author"],
            dateline=a["dateline"],
            paragraphs=tuple(a["paragraphs"]),
            reports=tuple(a.get("reports", [])),
        )
        for a in raw["articles"]
    )
    return Site(outlet=raw["outlet"], articles=articles)


def _resource(name: str) -> str:
    return resources.files("diplowatch.demo").joinpath("site", name).read_text("utf-8")


def _fill(template: str, values: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def render_article(site: Site, article: Article, base: str) -> str:
    e = html.escape
    url = base + article.path
    related = [a for a in site.articles if a.section == article.section and a is not article][:4]
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "author": {"@type": "Organization", "name": article.author},
        "publisher": {"@type": "Organization", "name": site.outlet},
        "mainEntityOfPage": url,
    }
    first, *rest = article.paragraphs
    body = [f'      <p><span class="dateline">{e(article.dateline)} —</span> {e(first)}</p>']
    body += [f"      <p>{e(p)}</p>" for p in rest]
    values = {
        "title": e(article.title),
        "outlet": e(site.outlet),
        "summary": e(article.summary),
        "url": e(url),
        "base": e(base),
        "published": article.published.isoformat(),
        "published_human": f"{article.published:%d %B %Y, %H:%M} GMT",
        "section": article.section,
        "section_name": SECTION_NAMES.get(article.section, article.section.title()),
        "author": e(article.author),
        "dateline": e(article.dateline),
        "jsonld": json.dumps(jsonld).replace("<", "\\u003c"),
        "body": "\n".join(body),
        "related": "\n".join(
            f'        <li><a href="{e(base + a.path)}">{e(a.title)}</a></li>' for a in related
        ),
    }
    return _fill(_resource(f"{article.template}.html"), values)


def render_index(site: Site, base: str) -> str:
    e = html.escape
    items = sorted(site.articles, key=lambda a: a.published, reverse=True)
    headlines = "\n".join(f'<li><a href="{e(base + a.path)}">{e(a.title)}</a></li>' for a in items)
    return _fill(
        _resource("index.html"), {"outlet": e(site.outlet), "base": e(base), "headlines": headlines}
    )


def render_rss(site: Site, base: str) -> str:
    """RSS 2.0 of the newsroom's own stories (everything but the readouts)."""
    items = [a for a in site.articles if a.section != "readouts"]
    entries = "".join(
        f"<item><title>{xml_escape(a.title)}</title><link>{base}{a.path}</link>"
        f'<guid isPermaLink="true">{base}{a.path}</guid>'
        f"<pubDate>{format_datetime(a.published)}</pubDate>"
        f"<description>{xml_escape(a.summary)}</description>"
        f"<category>{SECTION_NAMES.get(a.section, a.section)}</category></item>\n"
        for a in sorted(items, key=lambda a: a.published, reverse=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_escape(site.outlet)}</title><link>{base}/</link>"
        f"<description>World news from {xml_escape(site.outlet)}</description>"
        f"<language>en</language>\n{entries}</channel></rss>\n"
    )


def render_atom(site: Site, base: str) -> str:
    """Atom feed of the official readouts section."""
    items = sorted(
        (a for a in site.articles if a.section == "readouts"),
        key=lambda a: a.published,
        reverse=True,
    )
    updated = items[0].published.isoformat() if items else "2024-01-01T00:00:00+00:00"
    entries = "".join(
        f"<entry><title>{xml_escape(a.title)}</title>"
        f'<link rel="alternate" href="{base}{a.path}"/><id>{base}{a.path}</id>'
        f"<published>{a.published.isoformat()}</published>"
        f"<updated>{a.published.isoformat()}</updated>"
        f"<summary>{xml_escape(a.summary)}</summary></entry>\n"
        for a in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{xml_escape(site.outlet)}: readouts</title>"
        f'<link rel="self" href="{base}/readouts/atom.xml"/><id>{base}/readouts/</id>'
        f"<updated>{updated}</updated>\n{entries}</feed>\n"
    )


def render_news_sitemap(site: Site, base: str) -> str:
    """A Google News sitemap listing every article."""
    urls = "".join(
        f"<url><loc>{base}{a.path}</loc><news:news><news:publication>"
        f"<news:name>{xml_escape(site.outlet)}</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{a.published.isoformat()}"
        f"</news:publication_date><news:title>{xml_escape(a.title)}</news:title>"
        f"</news:news></url>\n"
        for a in site.articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}</urlset>\n"
    )


def render_robots(base: str) -> str:
    return f"User-agent: *\nDisallow: /search\nSitemap: {base}/sitemap-news.xml\n"


def feed_urls(base: str) -> dict[str, list[str]]:
    """Where the demo source's feeds and sitemaps are, for its SourceConfig."""
    return {
        "feeds": [f"{base}/rss.xml", f"{base}/readouts/atom.xml"],
        "sitemaps": [f"{base}/sitemap-news.xml"],
    }


def render_path(site: Site, base: str, path: str) -> tuple[str, str] | None:
    """(content type, body) for a site path, or None when there is no such page."""
    fixed = {
        "/": ("text/html; charset=utf-8", render_index),
        "/rss.xml": ("application/rss+xml; charset=utf-8", render_rss),
        "/readouts/atom.xml": ("application/atom+xml; charset=utf-8", render_atom),
        "/sitemap-news.xml": ("application/xml; charset=utf-8", render_news_sitemap),
    }
    if path in fixed:
        content_type, render = fixed[path]
        return content_type, render(site, base)
    if path == "/robots.txt":
        return "text/plain; charset=utf-8", render_robots(base)
    article = site.by_path().get(path)
    if article is None:
        return None
    return "text/html; charset=utf-8", render_article(site, article, base)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    base: str
    requests_seen: list[str]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.requests_seen.append(path)
        found = render_path(self.site, self.base, path)
        if found is None:
            self._send(404, "text/html; charset=utf-8", b"<h1>Page not found</h1>")
            return
        content_type, text = found
        body = text.encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, content_type, b"", etag)
            return
        self._send(200, content_type, body, etag)

    def _send(self, status: int, content_type: str, body: bytes, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the demo prints its own summary; per-request lines would drown it


@dataclass
class RunningSite:
    server: ThreadingHTTPServer
    base: str
    requests_seen: list[str]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_site(site: Site | None = None, host: str = "127.0.0.1", port: int = 0) -> RunningSite:
    """Serve the sample site from a background thread; `port=0` picks a free port."""
    site = site or load_site()
    seen: list[str] = []
    handler: type[_Handler] = type(
        "DemoSiteHandler", (_Handler,), {"site": site, "requests_seen": seen}
    )
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    handler.base = f"http://{host}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, name="demo-site", daemon=True).start()
    return RunningSite(server=server, base=handler.base, requests_seen=seen)
