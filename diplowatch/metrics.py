"""Prometheus metrics of a daemon, on its own registry (no process-global state).

Two kinds:
* counters of what THIS daemon did, fed as it happens: crawls (from the crawl runs its child
  processes recorded), pages, articles, contacts, and deliveries sent, failed and dead (from the
  delivery passes). With several daemons, Prometheus sums them.
* gauges of the shared state, read from the database at scrape time: deliveries by status, and
  per source the time of the last successful crawl. Every daemon reports the same values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from diplowatch.db import Database
from diplowatch.delivery import PassReport
from store import repository as repo
from store.models import CrawlRun

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DELIVERY_STATUSES = ("pending", "sending", "sent", "dead")


@dataclass
class Metrics:
    registry: CollectorRegistry
    crawls: Counter
    pages_fetched: Counter
    articles_stored: Counter
    contacts_found: Counter
    crawl_errors: Counter
    crawl_duration: Histogram
    deliveries: Counter

    def record_crawl_runs(self, runs: Iterable[CrawlRun]) -> None:
        """Count finished crawl runs (one per source of a crawl)."""
        for run in runs:
            source = run.source.name
            self.crawls.labels(source=source, status=run.status).inc()
            self.pages_fetched.labels(source=source).inc(run.pages_fetched)
            self.articles_stored.labels(source=source).inc(run.new_articles)
            self.contacts_found.labels(source=source).inc(run.new_contacts)
            self.crawl_errors.labels(source=source).inc(run.errors)
            if run.finished_at is not None:
                seconds = (run.finished_at - run.started_at).total_seconds()
                self.crawl_duration.labels(source=source).observe(max(seconds, 0.0))

    def record_delivery_pass(self, report: PassReport) -> None:
        for outcome in ("sent", "failed", "dead"):
            amount = getattr(report, outcome)
            if amount:
                self.deliveries.labels(outcome=outcome).inc(amount)

    def render(self) -> bytes:
        return generate_latest(self.registry)


def create_metrics(database: Database) -> Metrics:
    registry = CollectorRegistry()
    metrics = Metrics(
        registry=registry,
        crawls=Counter(
            "diplowatch_crawls",
            "Crawls of a source run by this daemon, by outcome (ok, failed, running = cut off).",
            ["source", "status"],
            registry=registry,
        ),
        pages_fetched=Counter(
            "diplowatch_pages_fetched", "Article pages fetched.", ["source"], registry=registry
        ),
        articles_stored=Counter(
            "diplowatch_articles_stored", "New articles stored.", ["source"], registry=registry
        ),
        contacts_found=Counter(
            "diplowatch_contacts_found", "New contacts found.", ["source"], registry=registry
        ),
        crawl_errors=Counter(
            "diplowatch_crawl_errors",
            "Fetch or parse errors during crawls.",
            ["source"],
            registry=registry,
        ),
        crawl_duration=Histogram(
            "diplowatch_crawl_duration_seconds",
            "How long a crawl of a source took.",
            ["source"],
            buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600),
            registry=registry,
        ),
        deliveries=Counter(
            "diplowatch_deliveries",
            "Delivery attempts by this daemon: sent, failed (to be retried) or dead (given up).",
            ["outcome"],
            registry=registry,
        ),
    )
    registry.register(DatabaseCollector(database))
    return metrics


def record_run(metrics: Metrics, database: Database, run_id: str) -> list[CrawlRun]:
    """Feed the counters from the crawl runs a child process recorded under `run_id`."""
    with database.sessions() as session:
        runs = list(repo.crawl_runs_of(session, run_id))
    metrics.record_crawl_runs(runs)
    return runs


class DatabaseCollector(Collector):
    """Gauges read from the database on each scrape."""

    def __init__(self, database: Database):
        self.database = database

    def describe(self) -> list[Metric]:
        # Not queried at registration time (the database may be away when the daemon starts).
        return []

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("diplowatch_database_up", "1 if the database answered the scrape.")
        try:
            with self.database.sessions() as session:
                counts = repo.count_deliveries(session)
                sources = repo.list_sources(session)
        except SQLAlchemyError as exc:
            log.warning("metrics: database unavailable: %s", str(exc).splitlines()[0])
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        queued = GaugeMetricFamily(
            "diplowatch_deliveries_by_status",
            "Deliveries in the outbox by status.",
            labels=["status"],
        )
        for status in DELIVERY_STATUSES:
            queued.add_metric([status], counts.get(status, 0))
        yield queued
        success = GaugeMetricFamily(
            "diplowatch_source_last_success_timestamp_seconds",
            "When the last successful crawl of the source finished (Unix time).",
            labels=["source"],
        )
        for source in sources:
            if source.last_success_at is not None:
                success.add_metric([source.name], source.last_success_at.timestamp())
        yield success
