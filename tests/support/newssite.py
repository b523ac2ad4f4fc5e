"""A fixture news site on 127.0.0.1, for crawler, daemon and demo tests (and benchmarks).

    with NewsSite() as site:            # random free port, served from a background thread
        site.url("/feeds/world.rss")    # feeds, sitemaps and listings: see ROUTES below
        ...crawl...
        site.hits["/news/..."]          # requests per path (query strings ignored)
        site.add_story("world", "Title", "Lead sentence.")   # the next crawl sees it

Routes (every section has all discovery kinds; the stories decide what is in them):
    /robots.txt                      disallows /private/
    /feeds/<section>.rss|.atom       RSS 2.0 / Atom; conditional GET (ETag, Last-Modified)
    /sitemap-index.xml               -> /sitemaps/news.xml (recent) and /sitemaps/2019-01.xml (old)
    /sitemaps/<section>.xml          Google News sitemap of a section; conditional GET
    /section/<section>               listing page (article links among tag/author/about links)
    /news/..., /amp/..., /wire/...   article pages in three layouts (classic, wire, release)
Broken cases (listed in the "broken" section's feed, and in BROKEN_PATHS):
    /news/missing (404), /news/server-error (500), /news/busy (429 + Retry-After the first
    `busy_hits` times, then an article), /loop/a <-> /loop/b (redirect loop), /news/cp1251
    (windows-1251, no charset declared anywhere), /news/truncated (markup cut off mid-sentence),
    /news/cut-off (connection closed before Content-Length bytes), /news/huge (50 MB,
    generated while sending), /news/report.pdf (a PDF served as text/html),
    /news/slow (answers after `slow_seconds`), /private/secret-talks (robots.txt disallows),
    /feeds/invalid.rss (malformed XML).
Any path can be held: `site.hold(path)` makes its requests wait until the test releases them,
so a test can look at a crawl in the middle of a fetch for as long as it needs to.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.support.newssite_pages import (
    CP1251_PAGE,
    FOLLOW_UP,
    PDF_BYTES,
    STORIES,
    Story,
    render_article,
    render_atom,
    render_listing,
    render_news_sitemap,
    render_rss,
    render_sitemap_index,
    story_page,
)

HUGE_BYTES = 50 * 1024 * 1024
BROKEN_PATHS = [
    "/news/missing",
    "/news/server-error",
    "/news/busy",
    "/loop/a",
    "/news/cp1251",
    "/news/truncated",
    "/news/cut-off",
    "/news/huge",
    "/news/report.pdf",
    "/news/slow",
    "/private/secret-talks",
]


# The longest a held request waits (a bound for a broken test, not a duration any test needs).
HOLD_LIMIT = 300.0


class NewsSite:
    """The site's content and its HTTP server. Safe to mutate while it serves."""

    def __init__(self, *, busy_hits: int = 1, retry_after: int = 1, slow_seconds: float = 5.0):
        self.busy_hits = busy_hits
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.stories: list[Story] = []  # in discovery documents, by section
        self.pages: dict[str, Story] = {}  # served article pages, by path
        self.revisions: Counter[str] = Counter()  # per section; changes feed text, not stories
        self.modified: dict[str, datetime] = {}  # per section: Last-Modified of its documents
        self.hits: Counter[str] = Counter()
        self.hit_times: defaultdict[str, list[float]] = defaultdict(list)
        self.request_headers: defaultdict[str, list[dict[str, str]]] = defaultdict(list)
        self.held: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._base: str | None = None
        self._thread: threading.Thread | None = None
        self._populate()

    # -- content --------------------------------------------------------------------------------

    def _populate(self) -> None:
        layouts = ["classic", "wire", "release"]
        plan = ["world"] * 3 + ["politics"] * 2 + ["news"] * 2 + ["europe"] * 2
        for index, section in enumerate(plan):
            title, lead = STORIES[index]
            self.add_story(section, title, lead, layout=layouts[index % 3], hours_ago=index + 1)
        world, politics = self.section("world")[-1], self.section("politics")[-1]
        world.extra_query = "?utm_source=rss&utm_medium=feed"  # same page as the plain URL
        # The news sitemap lists a world story again: it must be fetched once per crawl.
        self._add(replace(world, section="news", extra_query=""))
        # An AMP page naming the world story canonical, and a wire copy of a politics story:
        # new URLs, but the same articles (the sink calls them duplicates).
        self._add(
            replace(
                world,
                section="europe",
                path=f"/amp/{_slug(world.title)}",
                canonical=world.path,
                extra_query="",
            )
        )
        self._add(replace(politics, section="europe", path=f"/wire/{_slug(politics.title)}"))
        # Old news: dated 2019 in the broken feed (skipped unfetched), and undated in the
        # archive listing but dated 2019 on its page (skipped after fetching).
        old = datetime(2019, 3, 1, tzinfo=UTC)
        title, lead = STORIES[10]
        self._add(
            Story("/news/2019/03/01/" + _slug(title), "broken", title, [lead, *FOLLOW_UP], old)
        )
        title, lead = STORIES[11]
        self._add(
            Story(
                "/news/archive/" + _slug(title),
                "archive",
                title,
                [lead, *FOLLOW_UP],
                old + timedelta(days=60),
            )
        )
        # The broken cases, listed in the broken feed; the handler serves them specially.
        for path in BROKEN_PATHS:
            self._add(
                Story(
                    path,
                    "broken",
                    f"Case {path}",
                    [f"Served at {path}."],
                    self.now - timedelta(hours=1),
                )
            )
        title, lead = STORIES[6]  # what /private/ would serve, were robots.txt ignored
        self.pages["/private/secret-talks"] = Story(
            "/private/secret-talks", "broken", title, [lead, *FOLLOW_UP], self.now
        )
        self.old_sitemap = [
            Story(
                "/news/2019/01/05/old-sitemap-story",
                "old",
                "Old",
                ["Old."],
                datetime(2019, 1, 5, tzinfo=UTC),
            )
        ]

    def _add(self, story: Story) -> Story:
        with self._lock:
            self.stories.append(story)
            self.pages.setdefault(story.path, story)
            self.modified[story.section] = datetime.now(UTC).replace(microsecond=0)
        return story

    def add_story(
        self,
        section: str,
        title: str,
        lead: str,
        *,
        layout: str = "classic",
        hours_ago: float = 0.5,
        paragraphs: list[str] | None = None,
    ) -> Story:
        """Publish a story: it appears in its section's feeds, sitemap and listing."""
        published = self.now - timedelta(hours=hours_ago)
        path = f"/news/{published:%Y/%m/%d}/{_slug(title)}"
        paras = [lead, *(paragraphs or FOLLOW_UP)]
        return self._add(Story(path, section, title, paras, published, layout))

    def generate(self, count: int, section: str = "bulk") -> list[Story]:
        """`count` distinct stories in `section` (for throughput benchmarks)."""
        made = []
        for number in range(count):
            title, lead = STORIES[number % len(STORIES)]
            serial = number + 1000  # four digits: never reads as an HTTP status like "404"
            text = f"{lead} It was meeting {serial} of the series, officials noted."
            made.append(self.add_story(section, f"{title}, round {serial}", text, hours_ago=1))
        return made

    def touch(self, section: str) -> None:
        """Change the section's feeds (new edition text, new validators) but no story."""
        with self._lock:
            self.revisions[section] += 1
            self.modified[section] = datetime.now(UTC).replace(microsecond=0) + timedelta(
                seconds=self.revisions[section]
            )

    def section(self, name: str) -> list[Story]:
        with self._lock:
            found = [s for s in self.stories if s.section == name]
        return sorted(found, key=lambda s: s.published, reverse=True)

    def story_urls(self, section: str) -> set[str]:
        return {self.url(s.path) for s in self.section(section)}

    # -- serving --------------------------------------------------------------------------------

    @property
    def base(self) -> str:
        """http://127.0.0.1:<port>; still answers after stop(), for assertions."""
        assert self._base is not None, "the site was never started"
        return self._base

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsSite:
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> NewsSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset_counts(self) -> None:
        with self._lock:
            self.hits.clear()
            self.hit_times.clear()
            self.request_headers.clear()

    def article_hits(self) -> int:
        """Requests for article pages (anything that is no feed, sitemap, listing or robots)."""
        discovery = ("/feeds/", "/sitemap", "/section/", "/robots.txt")
        return sum(n for path, n in self.hits.items() if not path.startswith(discovery))

    def hold(self, path: str) -> threading.Event:
        """Requests for `path` wait, once counted in `hits`, until the returned event is set;
        HOLD_LIMIT bounds the wait, so a test that fails before releasing cannot hang."""
        gate = threading.Event()
        self.held[path] = gate
        return gate

    def _count(self, path: str, headers: dict[str, str]) -> int:
        with self._lock:
            self.hits[path] += 1
            self.hit_times[path].append(time.monotonic())
            self.request_headers[path].append(headers)
            return self.hits[path]

    def document(self, path: str) -> tuple[str, str, str] | None:
        """(content type, text, section) of a discovery document, or None."""
        base = self.base
        if path == "/sitemap-index.xml":
            children = [
                ("/sitemaps/news.xml", self.now.isoformat()),
                ("/sitemaps/2019-01.xml", "2019-01-31T00:00:00+00:00"),
            ]
            return "application/xml", render_sitemap_index(children, base), "news"
        if path == "/sitemaps/2019-01.xml":
            return "application/xml", render_news_sitemap(self.old_sitemap, base), "old"
        if path == "/feeds/invalid.rss":
            return (
                "application/rss+xml",
                "<?xml version='1.0'?><rss><channel><item><title>"
                "Broken & unclosed <link>http://x/</channel>",
                "invalid",
            )
        for prefix, suffix, kind in (
            ("/feeds/", ".rss", "rss"),
            ("/feeds/", ".atom", "atom"),
            ("/sitemaps/", ".xml", "sitemap"),
            ("/section/", "", "listing"),
        ):
            if path.startswith(prefix) and path.endswith(suffix):
                name = path[len(prefix) : len(path) - len(suffix) if suffix else None]
                stories, revision = self.section(name), self.revisions[name]
                if kind == "rss":
                    return "application/rss+xml", render_rss(name, stories, base, revision), name
                if kind == "atom":
                    text = render_atom(name, stories, base, revision)
                    return "application/atom+xml", text, name
                if kind == "sitemap":
                    return "application/xml", render_news_sitemap(stories, base), name
                return "text/html; charset=utf-8", render_listing(name, stories, base), name
        return None


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        site = self.site
        path = urlsplit(self.path).path
        hit = site._count(path, dict(self.headers.items()))
        gate = site.held.get(path)
        if gate is not None:
            gate.wait(HOLD_LIMIT)
        if path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        document = site.document(path)
        if document is not None:
            return self._document(*document)
        if path == "/news/missing":
            return self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")
        if path == "/news/server-error":
            return self._send(500, "text/html", b"<html><body>Internal error</body></html>")
        if path == "/news/busy" and hit <= site.busy_hits:
            return self._send(
                429, "text/plain", b"slow down", {"Retry-After": str(site.retry_after)}
            )
        if path in ("/loop/a", "/loop/b"):
            target = "/loop/b" if path == "/loop/a" else "/loop/a"
            return self._send(302, "text/html", b"", {"Location": site.url(target)})
        if path == "/news/cp1251":
            return self._send(200, "text/html", CP1251_PAGE.encode("windows-1251"))
        if path == "/news/report.pdf":
            return self._send(200, "text/html", PDF_BYTES)
        if path == "/news/huge":
            return self._huge()
        if path == "/news/slow":
            time.sleep(site.slow_seconds)
        if path == "/news/cut-off":
            page = story_page(site.now, site.base, STORIES[9], path).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page) * 2))
            self.end_headers()
            self.wfile.write(page)
            return None
        if path == "/news/truncated":
            page = story_page(site.now, site.base, STORIES[13], path)
            return self._send(
                200, "text/html; charset=utf-8", page[: int(len(page) * 0.8)].encode()
            )
        if path in ("/news/busy", "/news/slow"):
            page = story_page(
                site.now, site.base, STORIES[12 if path == "/news/busy" else 14], path
            )
            return self._send(200, "text/html; charset=utf-8", page.encode())
        story = site.pages.get(path)
        if story is None:
            return self._send(404, "text/html", b"<html><body>No such page</body></html>")
        page = render_article(story, site.base)
        return self._send(200, "text/html; charset=utf-8", page.encode())

    def _document(self, content_type: str, text: str, section: str) -> None:
        body = text.encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = self.site.modified.get(section, self.site.now)
        last_modified = format_datetime(modified, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": last_modified}
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, content_type, b"", headers)
        return self._send(200, content_type, body, headers)

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"Talks continued late into the night. " * 100 + b"</p>\n"
        block = chunk * (1024 * 1024 // len(chunk))
        sent = 0
        try:
            while sent < HUGE_BYTES:
                piece = block[: HUGE_BYTES - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _slug(title: str) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in title).split()
    return "-".join(words)


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """A fresh fixture news site on a random port. To use it in a test area, import it into
    that area's conftest.py (`from tests.support.newssite import news_site`)."""
    with NewsSite() as site:
        yield site
