"""Keep a crawl on the public internet: discovered links may not lead to private addresses.

Feeds, sitemaps and listings are written by others. One that lists `http://10.0.0.5/admin` or a name
that resolves to 127.0.0.1 would otherwise make the crawler fetch from inside the operator's
network (server-side request forgery). Only a source whose own configured URLs are on private
addresses (an intranet source, or a test site on 127.0.0.1) may reach private addresses.

The check resolves the name itself, before Scrapy connects; a name that changes its answer between
the two look-ups (DNS rebinding) is not caught. Look-ups are cached for the process.
"""

from __future__ import annotations

import socket
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

from netpolicy import is_public_text

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

    from crawler.sources import SourceSpec


@lru_cache(maxsize=4096)
def private_address_of(host: str) -> str | None:
    """The first non-public address `host` is or resolves to; None when all are public.

    A name that does not resolve is left to Scrapy, which reports the DNS error itself.
    """
    host = host.strip("[]")
    try:
        return None if is_public_text(host) else host
    except ValueError:
        pass  # a name, not an address literal
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return None
    for info in infos:
        address = str(info[4][0])
        if not is_public_text(address):
            return address
    return None


def source_is_private(source: SourceSpec) -> bool:
    """Whether the operator pointed this source at private addresses on purpose."""
    for url in (*source.feeds, *source.sitemaps, *source.listings):
        host = urlsplit(url).hostname
        if host and private_address_of(host):
            return True
    return False


class PrivateAddressMiddleware:
    """Downloader middleware: refuse requests to private addresses for public sources.

    Runs for every request, redirects included (a redirected request passes through again).
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self._allowed: dict[str, bool] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        # Scrapy 2.13+ calls this without the spider; the crawler knows it.
        if spider is None and self.crawler is not None:
            spider = self.crawler.spider
        source = getattr(spider, "source", None)
        if source is None:
            return None
        if source.name not in self._allowed:
            self._allowed[source.name] = source_is_private(source)
        if self._allowed[source.name]:
            return None
        host = urlsplit(request.url).hostname
        address = private_address_of(host) if host else None
        if address is not None:
            raise IgnoreRequest(f"refused: {host} is a private address ({address})")
        return None
