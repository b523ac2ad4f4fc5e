"""One crawl of some sources into the store, recorded as crawl runs.

Scrapy's reactor starts once per process, so `crawl_into_store` runs at most once per process: the
CLI calls it once, and the daemon runs each crawl as a child process (see docs/architecture.md).
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contacts import KnowledgeBase
from crawler import CrawlStats, SourceSpec, crawl, default_sources
from diplowatch.config import Config, SourceConfig
from diplowatch.db import Database
from diplowatch.detection import DetectionPool, InlineDetection
from diplowatch.pipeline import StoreSink, kb_detector
from store import repository as repo
from store.models import CrawlRun


class UnknownSource(ValueError):
    pass


def configured_sources(config: Config) -> list[SourceSpec]:
    """The shipped sources (unless switched off) and the config's; a config entry replaces a
    shipped source of the same name. Disabled sources are left out."""
    by_name: dict[str, SourceSpec] = {}
    if config.use_default_sources:
        by_name.update((spec.name, spec) for spec in default_sources() if spec.enabled)
    for entry in config.sources:
        if entry.enabled:
            by_name[entry.name] = source_spec(entry)
        else:
            by_name.pop(entry.name, None)
    return list(by_name.values())


def source_spec(entry: SourceConfig) -> SourceSpec:
    """The crawler's part of a `[[sources]]` entry."""
    return SourceSpec(**{f.name: getattr(entry, f.name) for f in dataclasses.fields(SourceSpec)})


def select_sources(config: Config, names: list[str] | None) -> list[SourceSpec]:
    sources = configured_sources(config)
    if not names:
        return sources
    known = {spec.name: spec for spec in sources}
    missing = [name for name in names if name not in known]
    if missing:
        raise UnknownSource(
            f"unknown source {missing[0]!r}; known: {', '.join(sorted(known)) or 'none'}"
        )
    return [known[name] for name in names]


def source_failed(stats: CrawlStats) -> bool:
    """A source failed when it fetched no page and had errors: unreachable or broken."""
    return bool(stats.errors) and not stats.pages_fetched


@dataclass
class CrawlReport:
    run_id: str
    stats: dict[str, CrawlStats]
    new_contacts: dict[str, int]
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def failed_sources(self) -> list[str]:
        return [name for name, s in self.stats.items() if source_failed(s)]


def crawl_into_store(
    config: Config,
    database: Database,
    sources: list[SourceSpec],
    *,
    kb: KnowledgeBase | None = None,
    run_id: str | None = None,
    on_progress: Callable[[str, CrawlStats], None] | None = None,
    detect_workers: int | None = None,
    scrapy_overrides: dict[str, Any] | None = None,
) -> CrawlReport:
    """Crawl `sources` once: articles, contacts and pending alerts go to the store.

    The detector runs in `detect_workers` processes beside the crawl (default: `[crawl]
    detect_workers`, else one per core but one, at least one); 0 runs it in the crawl's thread.
    """
    run_id = run_id or uuid.uuid4().hex[:12]
    kb = kb or KnowledgeBase.load_default()
    if detect_workers is None:
        detect_workers = config.crawl.detect_workers
    workers = default_detect_workers() if detect_workers is None else detect_workers
    detection = DetectionPool(kb, workers) if workers > 0 else InlineDetection(kb_detector(kb))
    sink = StoreSink(
        database,
        detection,
        keep_raw_html=config.crawl.keep_raw_html,
        home_states={spec.name: spec.home_state for spec in sources if spec.home_state},
    )
    runs = {}
    with database.sessions.begin() as session:
        for spec in sources:
            source = repo.get_or_create_source(session, spec.name)
            runs[spec.name] = repo.start_crawl_run(session, source, run_id).id
    stats: dict[str, CrawlStats] = {}
    try:
        try:
            settings = config.crawl.settings(scrapy_overrides)
            stats = crawl(sources, sink, settings, on_progress=on_progress)
        finally:
            sink.close()  # every article the crawl handed over is written before we go on
            _settle(stats, sink)
    finally:
        _finish_runs(database, runs, stats, sink)
    return CrawlReport(
        run_id=run_id,
        stats=stats,
        new_contacts=dict(sink.new_contacts),
        errors=dict(sink.errors),
    )


def default_detect_workers() -> int:
    """One detector process per core, leaving one core to the crawl itself."""
    return max(1, (os.cpu_count() or 1) - 1)


def _settle(stats: dict[str, CrawlStats], sink: StoreSink) -> None:
    # The crawl counted an article new when it was queued; writing it may have found it a
    # duplicate (stored meanwhile by another process) or failed (an error, fetched again).
    for name, s in stats.items():
        late, failed = sink.late_duplicates.get(name, 0), sink.failed.get(name, 0)
        s.new_articles -= late + failed
        s.duplicates += late
        s.errors += failed


def _finish_runs(
    database: Database, runs: dict[str, int], stats: dict[str, CrawlStats], sink: StoreSink
) -> None:
    with database.sessions.begin() as session:
        for name, run_id in runs.items():
            run = session.get(CrawlRun, run_id)
            if run is None:  # its source was deleted meanwhile, and the run with it
                continue
            s = stats.get(name)
            errors = sink.errors.get(name, [])
            if s is None:
                repo.finish_crawl_run(session, run, ok=False, error_summary="crawl did not finish")
                continue
            ok = not source_failed(s)
            repo.finish_crawl_run(
                session,
                run,
                ok=ok,
                error_summary="\n".join(errors[:20]) or None,
                pages_fetched=s.pages_fetched,
                new_articles=s.new_articles,
                duplicates=s.duplicates,
                skipped=s.skipped,
                errors=s.errors,
                new_contacts=sink.new_contacts.get(name, 0),
            )
