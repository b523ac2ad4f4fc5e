"""Crawl runs: when each source was crawled and how it went.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from store.models import (
    CrawlRun,
    Source,
)
from store.types import rowcount, utcnow

# --- crawl runs ----------------------------------------------------------------------------


def start_crawl_run(session: Session, source: Source, run_id: str) -> CrawlRun:
    run = CrawlRun(run_id=run_id, source_id=source.id, started_at=utcnow(), status="running")
    source.last_crawl_at = run.started_at
    session.add(run)
    session.flush()
    return run


def finish_crawl_run(
    session: Session, run: CrawlRun, *, ok: bool, error_summary: str | None = None, **counts: int
) -> None:
    run.finished_at = utcnow()
    run.status = "ok" if ok else "failed"
    run.error_summary = error_summary
    for name, value in counts.items():
        setattr(run, name, value)
    if ok:
        run.source.last_success_at = run.finished_at
    session.flush()


def last_crawl_runs(session: Session) -> dict[str, CrawlRun]:
    """The latest crawl run of each source, by source name."""
    latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source_id).scalar_subquery()
    runs = session.scalars(
        select(CrawlRun).where(CrawlRun.id.in_(latest)).options(selectinload(CrawlRun.source))
    ).all()
    return {run.source.name: run for run in runs}


def get_crawl_run(session: Session, run_id: int) -> CrawlRun | None:
    return session.get(CrawlRun, run_id)


def crawl_runs_of(session: Session, run_id: str) -> Sequence[CrawlRun]:
    """The crawl runs recorded under one run id (one per source), with their sources loaded."""
    return session.scalars(
        select(CrawlRun).where(CrawlRun.run_id == run_id).options(selectinload(CrawlRun.source))
    ).all()


def abandon_running_crawl_runs(session: Session, source_names: Sequence[str], reason: str) -> int:
    """Mark runs of these sources still "running" as failed, with `reason`; how many there were.
    Only a holder of the sources' crawl locks may call this: it knows nobody crawls them."""
    if not source_names:
        return 0
    source_ids = select(Source.id).where(Source.name.in_(list(source_names)))
    return rowcount(
        session.execute(
            update(CrawlRun)
            .where(CrawlRun.status == "running", CrawlRun.source_id.in_(source_ids))
            .values(status="failed", finished_at=utcnow(), error_summary=reason)
        )
    )
