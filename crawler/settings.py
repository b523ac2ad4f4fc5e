"""CrawlSettings -> the Scrapy settings dict. Everything Scrapy is told comes from here."""

from __future__ import annotations

from typing import Any

from scrapy.settings.default_settings import DEFAULT_REQUEST_HEADERS

from crawler.sources import CrawlSettings, SourceSpec

# Only plain HTTP(S): a sitemap or feed must not make us read local files (file://), or reach
# FTP/S3 endpoints.
_DOWNLOAD_HANDLERS_OFF = {"file": None, "data": None, "ftp": None, "s3": None}


def scrapy_settings(settings: CrawlSettings) -> dict[str, Any]:
    """The Scrapy settings for one crawl. Pure: same input, same dict."""
    return {
        # Identity and politeness.
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": settings.obey_robots,
        "CONCURRENT_REQUESTS": settings.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency_per_domain,
        "DOWNLOAD_DELAY": settings.download_delay,
        "AUTOTHROTTLE_ENABLED": settings.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(settings.download_delay, 0.5),
        "AUTOTHROTTLE_MAX_DELAY": settings.autothrottle_max_delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": settings.autothrottle_target_concurrency,
        # Limits: a slow or huge response ends as a recorded error.
        "DOWNLOAD_TIMEOUT": settings.download_timeout,
        "DOWNLOAD_MAXSIZE": settings.max_page_bytes,
        "DOWNLOAD_WARNSIZE": settings.max_page_bytes // 2,
        "REDIRECT_ENABLED": True,
        "REDIRECT_MAX_TIMES": settings.max_redirects,
        "METAREFRESH_ENABLED": True,
        "METAREFRESH_MAXDELAY": 5,
        # Retries: our middleware replaces Scrapy's, so that retries wait.
        "RETRY_ENABLED": settings.retry_times > 0,
        "RETRY_TIMES": settings.retry_times,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "DIPLOWATCH_RETRY_BACKOFF": settings.retry_backoff,
        "DIPLOWATCH_MAX_RETRY_DELAY": settings.max_retry_delay,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.middlewares.BackoffRetryMiddleware": 550,
            "crawler.addresses.PrivateAddressMiddleware": 50,
            # After retries and redirects have made their request (which the spider's own
            # download_timeout would otherwise outlast), before the download starts.
            "crawler.middlewares.DeadlineMiddleware": 950,
        },
        "ITEM_PIPELINES": {"crawler.pipelines.ArticlePipeline": 300},
        # State lives in the sink, not in Scrapy: no HTTP cache, no job directory, no feed export.
        "HTTPCACHE_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "EXTENSIONS": {
            "scrapy.extensions.telnet.TelnetConsole": None,
            "scrapy.extensions.feedexport.FeedExporter": None,
        },
        "DOWNLOAD_HANDLERS": dict(_DOWNLOAD_HANDLERS_OFF),
        "CLOSESPIDER_TIMEOUT": settings.time_limit or 0,
        "LOG_LEVEL": settings.log_level,
        # A library must not reconfigure the application's logging: Scrapy's records propagate
        # to whatever handlers the application installed.
        "LOG_INSTALL_ROOT_HANDLER": False,
        # Extraction and the sink run in the pipeline; keep few pages in memory at once.
        "CONCURRENT_ITEMS": 4,
        "SCRAPER_SLOT_MAX_ACTIVE_SIZE": 20 * 1024 * 1024,
    } | settings.scrapy_overrides


def source_scrapy_settings(source: SourceSpec) -> dict[str, Any]:
    """Settings of one source's crawler over the crawl's: its User-Agent and extra headers.

    Applied by Scrapy's own middlewares, so they reach every request of the source, robots.txt
    included (a CDN that refuses the default User-Agent would refuse robots.txt too).
    """
    overrides: dict[str, Any] = {}
    if source.user_agent:
        overrides["USER_AGENT"] = source.user_agent
    if source.headers:
        overrides["DEFAULT_REQUEST_HEADERS"] = {**DEFAULT_REQUEST_HEADERS, **source.headers}
    return overrides
