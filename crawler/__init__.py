"""diplowatch's crawler library: discover and fetch news articles, extract their text.

    from crawler import SourceSpec, CrawlSettings, crawl, default_sources
    stats = crawl(default_sources(), my_sink, CrawlSettings())   # once per process

The sink (ArticleSink) is yours: it decides what is known, stores articles and remembers feed
validators. See crawler/runner.py for why a process runs at most one crawl.
"""

from crawler.default_sources import default_sources
from crawler.runner import crawl
from crawler.sources import (
    ArticleSink,
    CrawlSettings,
    CrawlStats,
    SourceSpec,
    is_valid_schedule,
)

__all__ = [
    "ArticleSink",
    "CrawlSettings",
    "CrawlStats",
    "SourceSpec",
    "crawl",
    "default_sources",
    "is_valid_schedule",
]
