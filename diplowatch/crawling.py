"""One crawl of some sources into the store, recorded as crawl runs.

Scrapy's reactor starts once per process, so `crawl_into_store` runs at most once per process: the
CLI calls it once, and the daemon runs each crawl as a child process (see docs/architecture.md).

`crawl_sources` is what `diplowatch run` does around it: take each source's crawl lock (a source
being crawled elsewhere is skipped, the others go ahead), close runs left "running" by a killed
process, keep the due ones, crawl them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contacts import KnowledgeBase
from crawler import CrawlStats, SourceSpec, crawl, default_sources
from diplowatch.config import Config, SourceConfig
from diplowatch.db import Database
from diplowatch.delivery import PassReport
from diplowatch.detection import DetectionPool, InlineDetection
from diplowatch.listing import plural
from diplowatch.locks import HeldLock, try_lock
from diplowatch.pipeline import StoreSink, kb_detector
from diplowatch.schedules import ScheduleError, parse_schedule
from store import repository as repo
from store.types import utcnow

log = logging.getLogger("diplowatch.run")


class UnknownSource(ValueError):
    pass


class CrawlSetupError(ValueError):
    """The crawl cannot start as configured (a missing extra, a bad schedule): one line."""


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
    skip_reasons: dict[str, Counter[str]] = field(default_factory=dict)
    unstored: dict[str, int] = field(default_factory=dict)  # articles the database refused

    @property
    def failed_sources(self) -> list[str]:
        """Unreachable or broken sources, and those whose articles the database refused (a full
        disk): nothing is lost, as they are fetched again, but the run must say it failed."""
        return [
            name for name, s in self.stats.items() if source_failed(s) or self.unstored.get(name)
        ]


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
    on_source_done: Callable[[str], None] | None = None,
) -> CrawlReport:
    """Crawl `sources` once: articles, contacts and pending alerts go to the store.

    The detector runs in `detect_workers` processes beside the crawl (default: `[crawl]
    detect_workers`, else one per core but one, at least one); 0 runs it in the crawl's thread.
    When one source's crawl ends, its run is recorded (counts settled again at the end) and
    `on_source_done(name)` is called, while the other sources may still be crawled.
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

            def closed(name: str, s: CrawlStats) -> None:
                try:
                    _finish_runs(database, {name: runs[name]}, {name: s}, sink)
                except Exception:  # the final record at the end of the crawl tries again
                    log.exception("recording the crawl of %s failed", name)
                if on_source_done is not None:
                    on_source_done(name)

            stats = crawl(sources, sink, settings, on_progress=on_progress, on_closed=closed)
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
        unstored=dict(sink.unstored),
        skip_reasons=dict(sink.skip_reasons),
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
            run = repo.get_crawl_run(session, run_id)
            if run is None:  # removed meanwhile (a source deleted by hand): nothing to finish
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


@dataclass
class RunSummary:
    run_id: str
    crawled: list[str] = field(default_factory=list)
    not_due: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)  # being crawled by another process
    report: CrawlReport | None = None
    crash: str | None = None
    delivered: PassReport = field(default_factory=PassReport)

    @property
    def failed(self) -> list[str]:
        if self.crash:
            return self.crawled
        return self.report.failed_sources if self.report else []

    def describe(self) -> str:
        parts = [f"run {self.run_id}: crawled {len(self.crawled)} source(s)"]
        if self.report:
            for name in self.crawled:
                s = self.report.stats.get(name)
                if s is not None:
                    parts.append(
                        f"{name}: {plural(s.pages_fetched, 'page')}, "
                        f"{plural(s.new_articles, 'new article')}, "
                        f"{plural(self.report.new_contacts.get(name, 0), 'new contact')}, "
                        f"{plural(s.errors, 'error')}"
                    )
        if self.not_due:
            parts.append(f"not due: {', '.join(self.not_due)}")
        if self.locked:
            parts.append(f"crawled elsewhere right now: {', '.join(self.locked)}")
        d = self.delivered
        if d.claimed:
            parts.append(f"alerts: {d.sent} sent, {d.failed} to retry, {d.dead} dead")
        if self.crash:
            parts.append(f"crawl crashed: {self.crash}")
        elif self.failed:
            parts.append(f"failed: {', '.join(self.failed)}")
        return "; ".join(parts)


def crawl_sources(
    config: Config,
    database: Database,
    specs: list[SourceSpec],
    *,
    due_only: bool,
    run_id: str,
    kb: KnowledgeBase | None = None,
) -> RunSummary:
    """Crawl `specs` (only those due, with `due_only`), each under its own crawl lock.

    A source another process is crawling is skipped; the others are crawled, so one hung source
    never stops the rest. With `[crawl] redis_url` the crawl is shared: every process crawling
    a source in the same slot takes requests from one queue in Redis, so the per-source lock is
    not taken (several processes crawl one source on purpose) and Redis's duplicate filter makes
    each fetch happen once.
    """
    summary = RunSummary(run_id=run_id)
    held: dict[str, HeldLock] = {}
    shared = config.crawl.redis_url is not None

    def release(name: str) -> None:
        # A source whose crawl ended is free for the next run, while others may still be
        # crawled here (a hung site must not hold the healthy sources' locks).
        lock = held.pop(name, None)
        if lock is not None:
            lock.release()

    try:
        wanted = []
        for spec in specs:
            if shared:
                wanted.append(spec)
                continue
            lock = try_lock(database, f"crawl:{spec.name}")
            if lock is None:
                summary.locked.append(spec.name)
                continue
            held[spec.name] = lock
            wanted.append(spec)
        if not shared:  # only a lock holder may close runs it knows to be dead
            abandon_unfinished_runs(database, [s.name for s in wanted])
        if due_only:
            # Checked while holding the locks: whoever crawled before us has recorded its start.
            due = due_sources(database, wanted)
            summary.not_due = [s.name for s in wanted if s not in due]
            wanted = due
        summary.crawled = [s.name for s in wanted]
        if wanted:
            overrides = shared_crawl_settings(config, wanted) if shared else None
            try:
                summary.report = crawl_into_store(
                    config,
                    database,
                    wanted,
                    kb=kb,
                    run_id=run_id,
                    scrapy_overrides=overrides,
                    on_source_done=release,
                )
            except Exception as exc:
                log.exception("crawl %s crashed", run_id)
                summary.crash = f"{type(exc).__name__}: {exc}"
    finally:
        for name in list(held):
            release(name)
    return summary


def shared_crawl_settings(config: Config, specs: list[SourceSpec]) -> dict[str, Any]:
    """Scrapy settings that put this crawl's queue and duplicate filter in Redis.

    The crawl key names the sources and the slot each is in, so processes on other machines that
    crawl the same sources in the same slots share the queue, and the next slot starts afresh.
    """
    try:
        from crawler.distributed import redis_overlay
    except ImportError as exc:
        raise CrawlSetupError(
            f"[crawl] redis_url is set but scrapy-redis is missing ({exc}): "
            "pip install 'diplowatch[redis]'"
        ) from None
    now = utcnow()
    slots = [f"{s.name}@{parse_schedule(s.schedule).slot_start(now):%Y%m%dT%H%M}" for s in specs]
    key = hashlib.sha1("+".join(sorted(slots)).encode()).hexdigest()[:16]
    return redis_overlay(config.crawl.redis_url or "", key)


def abandon_unfinished_runs(database: Database, names: list[str]) -> None:
    """Mark crawl runs of these sources still "running" as failed. Holding a source's lock, we
    know no process is crawling it: such a run belonged to a process that was killed."""
    with database.sessions.begin() as session:
        repo.abandon_running_crawl_runs(
            session, names, "abandoned: the process crawling it ended without finishing"
        )


def due_sources(database: Database, specs: list[SourceSpec]) -> list[SourceSpec]:
    """The sources not crawled since their latest scheduled time."""
    now = utcnow()
    with database.sessions() as session:
        started = {s.name: s.last_crawl_at for s in repo.list_sources(session)}
    due = []
    for spec in specs:
        try:
            schedule = parse_schedule(spec.schedule)
        except ScheduleError as exc:
            raise CrawlSetupError(f"source {spec.name}: {exc}") from None
        if schedule.is_due(started.get(spec.name), now):
            due.append(spec)
    return due
