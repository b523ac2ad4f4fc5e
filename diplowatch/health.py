"""The daemon's HTTP side: `GET /healthz` and `GET /metrics`, on the API app or a small one.

/healthz answers 200 when the database answers and the scheduler runs, else 503, with what an
operator wants to see first: per source the last crawl and the last successful one (and whether
that is older than three of its periods: "stale"), and the outbox's pending and dead deliveries.
A stale source does not make the daemon unhealthy: restarting it would not fix a broken site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from diplowatch.db import Database
from diplowatch.metrics import CONTENT_TYPE, Metrics
from diplowatch.schedules import Schedule
from store import repository as repo
from store.types import utcnow

STALE_PERIODS = 3


@dataclass
class HealthCheck:
    """What /healthz needs: the database, the scheduled sources, and a liveness probe."""

    database: Database
    schedules: dict[str, Schedule]  # source name -> its schedule
    scheduler_running: Callable[[], bool]

    def report(self, now: datetime | None = None) -> tuple[int, dict]:
        now = now or utcnow()
        body: dict = {"status": "ok", "scheduler": self.scheduler_running(), "database": "ok"}
        try:
            with self.database.sessions() as session:
                session.execute(text("SELECT 1"))
                counts = repo.count_deliveries(session)
                runs = repo.last_crawl_runs(session)
                known = {s.name: s for s in repo.list_sources(session)}
        except SQLAlchemyError as exc:
            body.update(status="fail", database=str(exc).strip().splitlines()[0][:300])
            return 503, body
        body["deliveries"] = {"pending": counts.get("pending", 0), "dead": counts.get("dead", 0)}
        sources = {}
        for name, schedule in sorted(self.schedules.items()):
            source, run = known.get(name), runs.get(name)
            last_success = source.last_success_at if source else None
            limit = STALE_PERIODS * schedule.period(now)
            sources[name] = {
                "schedule": schedule.text,
                "last_crawl_at": _iso(source.last_crawl_at if source else None),
                "last_crawl_status": run.status if run else None,
                "last_success_at": _iso(last_success),
                "stale": last_success is None or now - last_success > limit,
            }
        body["sources"] = sources
        if not body["scheduler"]:
            body["status"] = "fail"
            return 503, body
        return 200, body


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def add_routes(app: FastAPI, health: HealthCheck, metrics: Metrics) -> FastAPI:
    """Mount /healthz and /metrics (outside the API's /v1, no token needed)."""

    def healthz() -> JSONResponse:
        status, body = health.report()
        return JSONResponse(body, status_code=status)

    def prometheus() -> Response:
        return Response(metrics.render(), media_type=CONTENT_TYPE)

    app.add_api_route("/healthz", healthz, methods=["GET"], include_in_schema=False)
    app.add_api_route("/metrics", prometheus, methods=["GET"], include_in_schema=False)
    return app


def plain_app() -> FastAPI:
    """The daemon's app when it does not serve the API: health and metrics only."""
    return FastAPI(title="diplowatch daemon", docs_url=None, redoc_url=None, openapi_url=None)
