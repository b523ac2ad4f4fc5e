"""`diplowatch run`: the one-shot for cron (and for each crawl of the daemon).

    diplowatch run                      crawl the sources that are due, deliver due alerts
    diplowatch run --source tass        crawl this source now (due or not), deliver
    diplowatch run --source tass --due --no-deliver     what the daemon runs for each crawl

Exit status 0 when everything ran (or another process holds the lock: nothing to do), 1 with a
summary when a source failed or the crawl crashed.

Locks (diplowatch/locks.py): a run over all due sources takes the lock "run", so cron runs that
overlap do not pile up. Every crawl of a source takes "crawl:<source>" and, holding it, checks
when the source was last crawled, so a cron run, a daemon and several daemons on several
machines crawl each source once per scheduled time.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import uuid
from dataclasses import dataclass, field

import click
from sqlalchemy import select, update

from contacts import KnowledgeBase
from crawler import SourceSpec
from diplowatch.config import Config
from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.crawling import CrawlReport, UnknownSource, crawl_into_store, select_sources
from diplowatch.db import Database
from diplowatch.delivery import PassReport, deliver_due, worker_settings
from diplowatch.locks import HeldLock, locked, try_lock
from diplowatch.logs import log_context, setup_logging
from diplowatch.schedules import ScheduleError, parse_schedule
from store import repository as repo
from store.models import CrawlRun, Source
from store.types import utcnow

log = logging.getLogger("diplowatch.run")


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
                        f"{name}: {s.pages_fetched} pages, {s.new_articles} new articles, "
                        f"{self.report.new_contacts.get(name, 0)} new contacts, {s.errors} errors"
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
    """Crawl `specs` (only those due, with `due_only`), each under its crawl lock.

    With `[crawl] redis_url` the crawl is shared: every process crawling a source in the same
    slot takes requests from one queue in Redis, so the per-source lock is not taken (several
    processes crawl one source on purpose) and Redis's duplicate filter makes each fetch happen once.
    """
    summary = RunSummary(run_id=run_id)
    held: list[HeldLock] = []
    shared = config.crawl.redis_url is not None
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
            held.append(lock)
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
            try:
                overrides = shared_crawl_settings(config, wanted) if shared else None
                summary.report = crawl_into_store(
                    config, database, wanted, kb=kb, run_id=run_id, scrapy_overrides=overrides
                )
            except Exception as exc:  # reported as a failed run, exit 1
                log.exception("crawl %s crashed", run_id)
                summary.crash = f"{type(exc).__name__}: {exc}"
    finally:
        for lock in held:
            lock.release()
    return summary


def shared_crawl_settings(config: Config, specs: list[SourceSpec]) -> dict:
    """Scrapy settings that put this crawl's queue and duplicate filter in Redis.

    The crawl key names the sources and the slot each is in, so processes on other machines that
    crawl the same sources in the same slots share the queue, and the next slot starts afresh.
    """
    try:
        from crawler.distributed import redis_overlay
    except ImportError as exc:
        raise UserError(
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
    if not names:
        return
    with database.sessions.begin() as session:
        source_ids = select(Source.id).where(Source.name.in_(names))
        session.execute(
            update(CrawlRun)
            .where(CrawlRun.status == "running", CrawlRun.source_id.in_(source_ids))
            .values(
                status="failed",
                finished_at=utcnow(),
                error_summary="abandoned: the process crawling it ended without finishing",
            )
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
            raise UserError(f"source {spec.name}: {exc}") from None
        if schedule.is_due(started.get(spec.name), now):
            due.append(spec)
    return due


def deliver_all_due(database: Database, config: Config) -> PassReport:
    """Send every alert that is due now (passes until one claims nothing to send)."""
    settings = worker_settings(config)
    total = PassReport()
    while True:
        report = deliver_due(database, settings)
        for name in ("claimed", "sent", "failed", "dead", "deferred"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        if report.claimed == report.deferred:
            return total


@click.command("run")
@click.option("--source", "names", multiple=True, help="Crawl this source (repeatable).")
@click.option("--due", "due_only", is_flag=True, help="With --source: only if it is due.")
@click.option("--no-deliver", is_flag=True, help="Leave queued alerts to the delivery worker.")
@click.option("--run-id", default=None, hidden=True, help="Run id (the daemon passes its own).")
@pass_app
def command(
    app: AppContext, names: tuple[str, ...], due_only: bool, no_deliver: bool, run_id: str | None
) -> None:
    """Crawl the due sources (or the named ones), detect, store, deliver; then exit.

    Meant for cron or a systemd timer; see deploy/. A run that finds another run holding the
    lock says so and exits 0.
    """
    run_id = run_id or uuid.uuid4().hex[:12]
    setup_logging(app.log_format)
    with log_context(source=",".join(names) or None, run_id=run_id):
        try:
            specs = select_sources(app.config, list(names))
        except UnknownSource as exc:
            raise UserError(str(exc)) from None
        database = app.database()
        if names:
            summary = _run(app.config, database, specs, not no_deliver, due_only, run_id)
        else:
            # A run over every due source: one at a time, machine- (or cluster-) wide.
            with locked(database, "run") as lock:
                if lock is None:
                    log.info("another `diplowatch run` holds the lock 'run'; nothing to do")
                    click.echo(
                        "diplowatch run: lock 'run' is held by another run; exiting", err=True
                    )
                    return
                summary = _run(app.config, database, specs, not no_deliver, True, run_id)
        if summary.failed:
            log.error("%s", summary.describe())
            click.echo(f"diplowatch run: failed: {summary.describe()}", err=True)
            sys.exit(1)
        log.info("%s", summary.describe())


def _run(
    config: Config,
    database: Database,
    specs: list[SourceSpec],
    deliver: bool,
    due_only: bool,
    run_id: str,
) -> RunSummary:
    summary = crawl_sources(config, database, specs, due_only=due_only, run_id=run_id)
    if summary.locked:
        log.info(
            "lock held: %s being crawled by another process; skipped", ", ".join(summary.locked)
        )
    if deliver:
        summary.delivered = deliver_all_due(database, config)
    return summary
