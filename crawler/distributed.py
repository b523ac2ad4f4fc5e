"""Distributed crawling with scrapy-redis: several processes (on several machines) share one
request queue and one duplicate filter in Redis, so together they fetch each URL once.

    overlay = redis_overlay("redis://10.0.0.5:6379/0", crawl_key="2026-11-24T12:15")
    # every process: the same sources, the same crawl_key, Scrapy settings updated with overlay

A *crawl key* names one distributed crawl, e.g. the scheduled time it belongs to: processes
started with the same key join the same crawl; the next scheduled time uses a new key, so its
feeds are fetched afresh. Keys expire from Redis a day after the last process leaves
(`key_ttl`), so fingerprints do not pile up forever (scrapy-redis itself never expires them).

What differs from plain scrapy-redis, and why:
* The spider marks its requests `dont_filter=True` (its own per-process set deduplicates, and
  Scrapy's filter would swallow the second hop of a redirect loop). Across processes that set is
  not shared, so `SharedScheduler` checks every *first hop* (not a redirect, not a retry) against
  Redis whatever `dont_filter` says.
* Article requests are fingerprinted by their canonical URL (`meta["canonical"]`): the same
  article listed with tracking parameters by one feed and without by another is one fetch.
* A process whose queue runs dry stays open while another process of the crawl is still busy
  (it may yet queue more work), instead of closing at once as scrapy-redis would.
* The queue is kept on close (SCHEDULER_PERSIST): the first process to finish must not wipe the
  queue under the others.

Each process still fetches robots.txt itself (Scrapy's robots middleware downloads it outside the
scheduler), and discovery-document validators are saved by the process that fetched the document.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import time
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

log = logging.getLogger(__name__)

KEY_PREFIX = "diplowatch:crawl"


def redis_overlay(
    redis_url: str, crawl_key: str, *, key_ttl: int = 86400, busy_seconds: float = 60.0
) -> dict[str, Any]:
    """Scrapy settings (to apply over the crawler's own) for a crawl shared through Redis.

    busy_seconds: how long after taking a request a process counts as busy for the others
    (a process that died mid-crawl stops holding the others open after this long).
    """
    prefix = f"{KEY_PREFIX}:{crawl_key}:%(spider)s"
    return {
        "SCHEDULER": "crawler.distributed.SharedScheduler",
        "DUPEFILTER_CLASS": "crawler.distributed.SharedDupeFilter",
        "REDIS_URL": redis_url,
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.FifoQueue",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,  # never block the reactor waiting on Redis
        "DIPLOWATCH_BUSY_KEY": f"{prefix}:busy",
        "DIPLOWATCH_KEY_TTL": key_ttl,
        "DIPLOWATCH_BUSY_SECONDS": busy_seconds,
    }


class SharedDupeFilter(RFPDupeFilter):  # type: ignore[misc]  # scrapy-redis ships no types
    """scrapy-redis's filter, with articles fingerprinted by canonical URL."""

    def request_fingerprint(self, request: Any) -> str:
        canonical = request.meta.get("canonical")
        if canonical:
            return hashlib.sha1(f"article {canonical}".encode()).hexdigest()
        return str(super().request_fingerprint(request))


class SharedScheduler(Scheduler):  # type: ignore[misc]  # scrapy-redis ships no types
    """scrapy-redis's scheduler: first hops always deduplicated, idle while others are busy."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedScheduler:
        scheduler: SharedScheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        settings = crawler.settings
        scheduler.busy_key_template = settings.get("DIPLOWATCH_BUSY_KEY")
        scheduler.key_ttl = settings.getint("DIPLOWATCH_KEY_TTL", 86400)
        scheduler.busy_seconds = settings.getfloat("DIPLOWATCH_BUSY_SECONDS", 60.0)
        return scheduler

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{id(self)}"
        self.busy_key = self.busy_key_template % {"spider": spider.name}
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)

    def enqueue_request(self, request: Any) -> bool:
        first_hop = "redirect_times" not in request.meta and "retry_times" not in request.meta
        if first_hop and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        request = super().next_request()
        if request is not None:
            self.server.hset(self.busy_key, self.worker, time.time())
        return request

    def _on_idle(self, spider: Any) -> None:
        """Stay open while the shared queue has work or another process may still add some."""
        if len(self.queue):
            raise DontCloseSpider
        self.server.hdel(self.busy_key, self.worker)
        cutoff = time.time() - self.busy_seconds
        others = self.server.hgetall(self.busy_key)
        if any(float(stamp) > cutoff for stamp in others.values()):
            raise DontCloseSpider

    def close(self, reason: str) -> None:
        self.server.hdel(self.busy_key, self.worker)
        for key in (self.queue.key, self.df.key, self.busy_key):
            self.server.expire(key, self.key_ttl)
        super().close(reason)
