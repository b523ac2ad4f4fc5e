"""One end-to-end crawl of the fixture site into a database, measured from inside the process.

Run by bench/pipeline/run.py as a child process (Scrapy's reactor starts once per process):

    python bench/pipeline/crawl_once.py --base http://127.0.0.1:PORT --database-url URL \
        [--profile out.prof]

Prints one JSON line: wall and CPU seconds of the crawl (discover, fetch, extract, detect, store),
the CPU of the detector's worker processes, the knowledge-base load time (once per process, outside
the crawl), peak RSS of this process and of the largest worker, and what was stored.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import resource
import time

from sqlalchemy import func, select

from contacts import KnowledgeBase
from diplowatch.config import Config, CrawlConfig, SourceConfig
from diplowatch.crawling import configured_sources, crawl_into_store, default_detect_workers
from diplowatch.db import open_database
from diplowatch.logs import setup_logging
from store.models import Article, Contact


def bench_config(base: str, database_url: str) -> Config:
    """The fixture site as the only source, crawled as fast as the machine allows.

    No politeness: no download delay, no autothrottle, robots.txt not fetched, high concurrency.
    These are right for a local fixture only, never for a real outlet.
    """
    return Config(
        database_url=database_url,
        use_default_sources=False,
        sources=[
            SourceConfig(
                name="bench-daily",
                feeds=[f"{base}/rss.xml"],
                sitemaps=[f"{base}/sitemap-index.xml"],
                max_age_days=36500,
            )
        ],
        crawl=CrawlConfig(
            download_delay=0.0,
            autothrottle=False,
            obey_robots=False,
            concurrency=64,
            concurrency_per_domain=64,
            retry_times=0,
            download_timeout=30.0,
            max_article_age_days=36500,
        ),
    )


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--profile", help="write a cProfile of the crawl here")
    parser.add_argument(
        "--workers", type=int, help="detector processes (default: the application's default)"
    )
    args = parser.parse_args()
    workers = default_detect_workers() if args.workers is None else args.workers
    # The application's own logging (as `diplowatch crawl` sets it up), errors only.
    setup_logging(level=logging.ERROR)

    config = bench_config(args.base, args.database_url)
    database = open_database(config.database_url)
    started = time.perf_counter()
    kb = KnowledgeBase.load_default()
    kb_seconds = time.perf_counter() - started

    profiler = cProfile.Profile() if args.profile else None
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    workers_cpu0 = cpu_seconds(resource.RUSAGE_CHILDREN)
    if profiler:
        profiler.enable()
    report = crawl_into_store(
        config, database, configured_sources(config), kb=kb, detect_workers=workers
    )
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    # The detector's worker processes have ended (the sink waits for them): their CPU and the
    # peak RSS of the largest of them.
    workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_cpu0
    worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    with database.sessions() as session:
        articles = session.scalar(select(func.count()).select_from(Article))
        contacts = session.scalar(select(func.count()).select_from(Contact))
    database.close()
    stats = {name: vars(s) for name, s in report.stats.items()}
    print(
        json.dumps(
            {
                "wall_seconds": wall,
                "cpu_seconds": cpu,
                "workers_cpu_seconds": workers_cpu,
                "workers": workers,
                "kb_load_seconds": kb_seconds,
                # Linux reports ru_maxrss in KiB.
                "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_peak_rss_mib": worker_rss,
                "articles": articles,
                "contacts": contacts,
                "stats": stats,
                "errors": sum(len(v) for v in report.errors.values()),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
