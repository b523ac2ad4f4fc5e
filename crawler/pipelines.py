"""Item pipeline: a fetched page -> extract_article -> the sink. Runs in the crawl's thread.

The sink is called synchronously; a slow sink slows the crawl, which is the back-pressure we want.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from crawler.discovery import is_too_old
from crawler.extract import NotAnArticle, extract_article
from crawler.spiders import FetchedPage, NewsSpider

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


class ArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlePipeline:
        return cls(crawler)

    def process_item(self, item: FetchedPage) -> FetchedPage:
        spider = self.crawler.spider
        assert isinstance(spider, NewsSpider)
        handle_page(spider, item)
        return item


def handle_page(spider: NewsSpider, page: FetchedPage) -> None:
    """Extract one page and tell the sink what it is: article (new/duplicate), skipped, or error."""
    source = spider.source
    try:
        result = extract_article(
            page.body,
            page.url,
            body_selector=source.body_selector,
            encoding=page.encoding,
            timezone=source.timezone,
        )
    except Exception as exc:  # an extractor bug on one page must not end the crawl
        log.exception("extraction failed for %s", page.url)
        spider.error(page.url, f"extraction failed: {type(exc).__name__}: {exc}")
        return
    if isinstance(result, NotAnArticle):
        spider.skip(page.url, result.reason)
        return
    published = result.published_at or page.listed_at
    if is_too_old(published, spider.max_age_days, datetime.now(UTC)):
        assert published is not None
        day = published.date().isoformat()
        spider.skip(page.url, f"published {day}, older than {spider.max_age_days} days")
        return
    # The crawler identifies pages by canonical URL: the sink stores and later asks about that.
    article = dataclasses.replace(result, url=page.url)
    raw = page.body if spider.crawl_settings.keep_raw_html else None
    outcome = spider.sink.add_article(source.name, article, raw)
    if outcome == "duplicate":
        spider.stats.duplicates += 1
    else:
        spider.stats.new_articles += 1
    if page.requested_url != page.url:
        # Remember the URL the feed gave too, or the next crawl would fetch it again to find
        # the same redirect.
        spider.sink.add_skipped(source.name, page.requested_url, f"redirects to {page.url}")
    spider.progress()
