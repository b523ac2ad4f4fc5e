"""`diplowatch demo`: the whole flow, offline, on a throwaway database.

1. serve the bundled sample news site on 127.0.0.1;
2. start a local webhook receiver and subscribe it (private targets allowed, for the demo only);
3. crawl the site (feeds and news sitemap), extract, detect contacts, store them (SQLite in a
   temporary directory) — in a child process, because Scrapy's reactor starts once per process;
4. deliver the queued alerts, signed, to the receiver;
5. return what arrived, for the command to print.
"""

from __future__ import annotations

import multiprocessing
import queue
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alerts.webhooks import new_secret
from diplowatch.config import AlertsConfig, Config, CrawlConfig, SourceConfig
from diplowatch.crawling import configured_sources, crawl_into_store
from diplowatch.db import Database, open_database
from diplowatch.delivery import deliver_until_idle, worker_settings
from diplowatch.demo.receiver import Received, start_receiver
from diplowatch.demo.site import feed_urls, load_site, serve_site
from store import repository as repo

SOURCE_NAME = "meridian-post"


@dataclass
class DemoResult:
    site_url: str
    articles_on_site: int
    crawl: dict[str, Any]
    contacts_stored: int
    deliveries: dict[str, int]
    received: list[Received]
    database_url: str
    seconds: float
    notes: list[str] = field(default_factory=list)


def demo_config(database_url: str, site_base: str) -> Config:
    """A config whose only source is the demo site, crawled without politeness delays."""
    urls = feed_urls(site_base)
    return Config(
        database_url=database_url,
        use_default_sources=False,
        sources=[
            SourceConfig(
                name=SOURCE_NAME,
                feeds=urls["feeds"],
                sitemaps=urls["sitemaps"],
                schedule="every 30m",
                max_age_days=36500,  # the sample stories are from 2024
            )
        ],
        crawl=CrawlConfig(
            download_delay=0.0,
            autothrottle=False,
            concurrency=16,
            concurrency_per_domain=16,
            obey_robots=True,
            retry_times=0,
            download_timeout=10.0,
            max_article_age_days=36500,
        ),
        alerts=AlertsConfig(allow_private_targets=True, worker_interval_seconds=0.2),
    )


def _crawl_in_child(config: Config, results: Any) -> None:
    """Child process body: one crawl into the store, its summary sent back."""
    database = open_database(config.database_url)
    try:
        report = crawl_into_store(config, database, configured_sources(config))
        results.put(
            {
                "stats": {name: vars(stats) for name, stats in report.stats.items()},
                "new_contacts": sum(report.new_contacts.values()),
                "errors": {name: errs[:5] for name, errs in report.errors.items()},
            }
        )
    except BaseException as exc:  # report it to the parent instead of dying silently
        results.put({"failed": f"{type(exc).__name__}: {exc}"})
        raise
    finally:
        database.close()


def crawl_in_child_process(config: Config, timeout: float = 120.0) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited reactor
    results = context.Queue()
    child = context.Process(target=_crawl_in_child, args=(config, results), name="demo-crawl")
    child.start()
    deadline = time.monotonic() + timeout
    summary: dict[str, Any] | None = None
    try:
        # Poll, so a child that dies without a word is noticed at once, not at the timeout.
        while summary is None and time.monotonic() < deadline:
            try:
                summary = results.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    break
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()
    if summary is None:
        raise RuntimeError(f"the demo crawl stopped without a result (exit code {child.exitcode})")
    if "failed" in summary:
        raise RuntimeError(f"the demo crawl failed: {summary['failed']}")
    return summary


def deliver_all(config: Config, database: Database) -> None:
    """Send every alert that is due."""
    deliver_until_idle(database, worker_settings(config))


def run_demo(
    workdir: Path | None = None,
    *,
    on_step: Callable[[str], None] = lambda step: None,
    wait_seconds: float = 20.0,
) -> DemoResult:
    """Run the whole flow; `workdir` keeps the database (default: a temporary directory)."""
    started = time.monotonic()
    temporary = None
    if workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="diplowatch-demo-")
        workdir = Path(temporary.name)
    database_url = f"sqlite:///{workdir / 'demo.sqlite'}"
    site = load_site()
    running_site = serve_site(site)
    secret = new_secret()
    receiver = start_receiver(secret)
    try:
        on_step(f"serving the sample news site at {running_site.base}/")
        config = demo_config(database_url, running_site.base)
        database = open_database(database_url)
        with database.sessions.begin() as session:
            repo.add_subscription(
                session,
                token_id=None,
                channel="webhook",
                target=receiver.url,
                filters={},
                mode="immediate",
                events=["contact.created"],
                secret=secret,
            )
        on_step(f"webhook receiver listening at {receiver.url}")
        on_step("crawling the site: feeds, news sitemap, articles ...")
        crawl = crawl_in_child_process(config)
        with database.sessions() as session:
            contacts_stored = len(repo.list_contacts(session, repo.ContactQuery(limit=10_000)))
            pending = repo.count_deliveries(session).get("pending", 0)
        on_step(f"{contacts_stored} contacts stored; delivering {pending} alert(s) ...")
        deliver_all(config, database)
        received = receiver.inbox.wait_for(pending, timeout=wait_seconds)
        with database.sessions() as session:
            deliveries = repo.count_deliveries(session)
        database.close()
        return DemoResult(
            site_url=running_site.base + "/",
            articles_on_site=len(site.articles),
            crawl=crawl,
            contacts_stored=contacts_stored,
            deliveries=deliveries,
            received=received,
            database_url=database_url,
            seconds=time.monotonic() - started,
        )
    finally:
        receiver.close()
        running_site.close()
        if temporary is not None:
            temporary.cleanup()
