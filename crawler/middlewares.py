"""Downloader middleware: retries that wait (exponential backoff, and Retry-After on 429/503),
and a deadline per source crawl that every download keeps to.

Scrapy's own RetryMiddleware retries at once, which hammers a server that just said "slow down".
This one replaces it: same settings (RETRY_TIMES, RETRY_HTTP_CODES, RETRY_EXCEPTIONS), but each
retry waits first. Waiting inside process_response keeps the request's download slot busy, which
is the point: fewer requests reach that domain while we wait.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.misc import load_object
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

RATE_LIMIT_CODES = (429, 503)


def retry_after_seconds(value: bytes | str | None, now: datetime) -> float | None:
    """The Retry-After header (delta-seconds or an HTTP date) as seconds from `now`, or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): base, 2*base, 4*base ... <= cap."""
    return min(cap, base * 2.0 ** (attempt - 1))


class BackoffRetryMiddleware:
    """Retry 5xx/429/timeouts after a pause; honour Retry-After up to MAX_RETRY_DELAY.

    A Retry-After longer than the cap means the server will not want us back within this crawl:
    give up at once and let the error be recorded, rather than retry too early.
    """

    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.exceptions = tuple(load_object(x) for x in settings.getlist("RETRY_EXCEPTIONS"))
        self.base = settings.getfloat("DIPLOWATCH_RETRY_BACKOFF")
        self.cap = settings.getfloat("DIPLOWATCH_MAX_RETRY_DELAY")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.codes:
            return response
        delay = None
        if response.status in RATE_LIMIT_CODES:
            delay = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(UTC))
            if delay is not None and delay > self.cap:
                self.crawler.stats.inc_value("retry/retry_after_too_long")
                return response
        reason = response_status_message(response.status)
        return await self._retry(request, reason, delay) or response

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions):
            return None
        return await self._retry(request, exception, None)

    async def _retry(
        self, request: Request, reason: str | Exception, delay: float | None
    ) -> Request | None:
        assert self.crawler.spider is not None
        retry = get_retry_request(request, spider=self.crawler.spider, reason=reason)
        if retry is None:
            return None
        if delay is None:
            delay = backoff_delay(retry.meta["retry_times"], self.base, self.cap)
        if delay > 0:
            await asyncio.sleep(delay)
        return retry


class DeadlineReached(IgnoreRequest):
    """The source's crawl is out of time; the request was not sent."""


class DeadlineMiddleware:
    """Hold every download of a source to its crawl's deadline (the spider's `deadline`).

    Scrapy's CLOSESPIDER_TIMEOUT stops scheduling but waits for downloads in flight, so a server
    that drips a byte a second keeps a crawl open for the whole download_timeout, per retry.
    Here each request's download_timeout is cut to the time left, and none starts after it.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeadlineMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: object = None) -> None:
        if spider is None and self.crawler is not None:
            spider = self.crawler.spider
        deadline = getattr(spider, "deadline", None)
        if deadline is None:
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise DeadlineReached("the crawl's time limit is reached")
        configured = request.meta.get("download_timeout")
        if configured is None and self.crawler is not None:
            configured = self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        request.meta["download_timeout"] = min(float(configured or left), left)
        return None
