"""crawl(): run the spiders for some sources, once, in this process.

Scrapy runs on a Twisted reactor, and a reactor cannot be started twice in one process. So
crawl() may be called ONCE per process: callers that crawl repeatedly (the daemon) start a child
process per crawl (`diplowatch run --source X`), which also keeps a crash or a memory leak of one
crawl out of the others. Tests do the same (tests/crawler/harness.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from crawler.sources import ArticleSink, CrawlSettings, CrawlStats, SourceSpec

log = logging.getLogger(__name__)


def crawl(
    sources: list[SourceSpec],
    sink: ArticleSink,
    settings: CrawlSettings,
    on_progress: Callable[[str, CrawlStats], None] | None = None,
    on_closed: Callable[[str, CrawlStats], None] | None = None,
) -> dict[str, CrawlStats]:
    """Crawl each source once (all at the same time) and return their stats by source name.

    The sink is called from this thread only. on_progress(source, stats) is called after each
    article, skip or error, and when a source finishes; on_closed(source, stats) once, when that
    source's crawl has ended (others may go on). Blocks until every source is done.
    """
    names = [spec.name for spec in sources]
    if len(set(names)) != len(names):
        raise ValueError(f"source names must be unique: {names}")
    stats = {spec.name: CrawlStats() for spec in sources}
    if not sources:
        return stats

    # Imported here: Scrapy is heavy, and importing the crawler package for its types
    # (configuration, the CLI's --help) should not pay for it.
    from scrapy.crawler import AsyncCrawlerProcess

    from crawler.settings import scrapy_settings, source_scrapy_settings
    from crawler.spiders import NewsSpider

    process = AsyncCrawlerProcess(scrapy_settings(settings))
    # Scrapy's messages go through the application's logging; we only set their level. After the
    # process exists: creating it runs Scrapy's configure_logging, which resets the level.
    logging.getLogger("scrapy").setLevel(settings.log_level)
    for spec in sources:
        overrides = source_scrapy_settings(spec)
        # A source's own settings ride on a subclass: Scrapy reads per-crawler settings from the
        # spider class (custom_settings), and every source shares NewsSpider.
        spider_class = (
            type("NewsSpider", (NewsSpider,), {"custom_settings": overrides})
            if overrides
            else NewsSpider
        )
        process.crawl(
            spider_class,
            source=spec,
            sink=sink,
            crawl_settings=settings,
            stats=stats[spec.name],
            on_progress=on_progress,
            on_closed=on_closed,
        )
    # Signal handlers (Ctrl-C stops the crawl cleanly) can only be installed in the main thread.
    process.start(install_signal_handlers=threading.current_thread() is threading.main_thread())
    return stats
