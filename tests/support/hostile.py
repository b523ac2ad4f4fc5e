"""A site on 127.0.0.1 that serves whatever a test puts in its route table, hostile or not.

    with HostileSite() as site:
        site.static("/feed.rss", rss([site.url("/a"), "mailto:x@example.org"]))
        site.article("/a")                          # a real article page about a contact
        site.sitemap_index("/index.xml", ["/index.xml"])   # lists itself
        site.drip("/slow")                          # sends a byte now and then, never finishes
        site.endless("/endless.rss")                # an RSS feed that never ends

Every request is counted by path (`hits`). Dripping and endless routes stop when the site stops.
"""

from __future__ import annotations

import html
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.newssite_pages import FOLLOW_UP, STORIES, Story, render_article

Handler = Callable[[BaseHTTPRequestHandler, "HostileSite"], None]


@dataclass
class HostileSite:
    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    stopping: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None

    # -- routes -----------------------------------------------------------------------------------

    def static(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "application/xml",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def serve(request: BaseHTTPRequestHandler, site: HostileSite) -> None:
            request.send_response(status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = serve

    def article(self, path: str, story: int = 0, hours_ago: int = 2) -> None:
        """A real article page about a diplomatic contact (one of the fixture stories)."""
        title, lead = STORIES[story % len(STORIES)]
        published = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=hours_ago)
        page = render_article(Story(path, "hostile", title, [lead, *FOLLOW_UP], published), "")
        self.static(path, page, "text/html; charset=utf-8")

    def sitemap_index(self, path: str, children: list[str]) -> None:
        items = "".join(
            f"<sitemap><loc>{html.escape(self.url(c))}</loc></sitemap>" for c in children
        )
        self.static(
            path,
            '<?xml version="1.0"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>',
        )

    def sitemap(self, path: str, pages: list[str]) -> None:
        items = "".join(f"<url><loc>{html.escape(self.url(p))}</loc></url>" for p in pages)
        self.static(
            path,
            '<?xml version="1.0"?><urlset '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>',
        )

    def drip(self, path: str, every: float = 0.2, headers_first: bool = False) -> None:
        """A byte every `every` seconds, for ever: in the status line and headers by default,
        or after complete headers (a body that never ends)."""

        def serve(request: BaseHTTPRequestHandler, site: HostileSite) -> None:
            request.close_connection = True  # the end of the connection ends the answer
            try:
                if headers_first:
                    request.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
                else:
                    request.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
                request.wfile.flush()
                while not site.stopping.wait(every):
                    request.wfile.write(b"a")
                    request.wfile.flush()
            except OSError:  # the client gave up, as it should
                return

        self.routes[path] = serve

    def endless(self, path: str, entry_bytes: int = 2000) -> None:
        """An RSS feed whose items never end (no Content-Length), each linking a new page."""

        def serve(request: BaseHTTPRequestHandler, site: HostileSite) -> None:
            request.close_connection = True
            try:
                request.wfile.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n"
                    b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                )
                number = 0
                pad = b"x" * entry_bytes
                while not site.stopping.is_set():
                    number += 1
                    link = site.url(f"/endless/{number}").encode()
                    request.wfile.write(
                        b"<item><title>" + pad + b"</title><link>" + link + b"</link></item>"
                    )
            except OSError:
                return

        self.routes[path] = serve

    # -- server -----------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        if "://" in path or ":" in path.split("/", 1)[0]:
            return path  # already absolute (or mailto:, javascript: ...)
        assert self._server is not None, "start the site first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def start(self) -> HostileSite:
        site = self

        class Request(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                site.hits[path] += 1
                route = site.routes.get(path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route(self, site)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Request)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> HostileSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def rss(links: list[str]) -> str:
    items = "".join(
        f"<item><title>item {i}</title><link>{html.escape(link)}</link></item>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
