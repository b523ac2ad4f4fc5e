"""Crawl runs: when each source was crawled and how it went.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from store.models import (
    CrawlRun,
    Source,
)
from store.types import utcnow

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
