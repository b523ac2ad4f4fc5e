"""Crawl throughput against the fixture news site: N generated articles behind one RSS feed.

    .venv/bin/python bench/crawl_throughput.py --articles 500

Fetching, extraction (crawler.extract) and a no-op sink, in one process (crawl() runs once per
process). Politeness delays are off: this measures the crawler, not the site's rate limits.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler import CrawlSettings, SourceSpec, crawl
from tests.support.newssite import NewsSite


class CountingSink:
    def __init__(self) -> None:
        self.articles = self.skipped = self.errors = 0

    def is_known(self, url: str) -> bool:
        return False

    def add_article(self, source: str, article: object, raw_html: bytes | None) -> str:
        self.articles += 1
        return "new"

    def add_skipped(self, source: str, url: str, reason: str) -> None:
        self.skipped += 1

    def feed_validators(self, url: str) -> tuple[None, None]:
        return None, None

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        pass

    def record_error(self, source: str, url: str, error: str) -> None:
        self.errors += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    settings = CrawlSettings(
        download_delay=0.0,
        autothrottle=False,
        concurrency=args.concurrency,
        concurrency_per_domain=args.concurrency,
        max_article_age_days=None,
    )
    with NewsSite() as site:
        site.generate(args.articles, section="bulk")
        source = SourceSpec("bench", feeds=[site.url("/feeds/bulk.rss")])
        sink = CountingSink()
        started = time.perf_counter()
        stats = crawl([source], sink, settings)["bench"]
        elapsed = time.perf_counter() - started
    print(
        f"{args.articles} articles, concurrency {args.concurrency}: {elapsed:.1f} s = "
        f"{stats.pages_fetched / elapsed:.1f} pages/s ({stats.new_articles} new, "
        f"{stats.skipped} skipped, {stats.errors} errors, {stats.requests} requests)"
    )


if __name__ == "__main__":
    main()
