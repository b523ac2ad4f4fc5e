"""The daemon's parts in-process: logs, health, metrics, housekeeping, the crawl command."""

from __future__ import annotations

import io
import json
import logging
import zlib
from datetime import timedelta
from pathlib import Path

import pytest

from diplowatch.config import Config, DaemonConfig
from diplowatch.daemon import Daemon, DaemonOptions
from diplowatch.db import Database, open_database
from diplowatch.delivery import PassReport
from diplowatch.health import HealthCheck
from diplowatch.logs import log_context, setup_logging
from diplowatch.metrics import create_metrics, record_run
from diplowatch.schedules import parse_schedule
from store import make_engine, make_sessionmaker
from store import repository as repo
from store.models import Article, SeenUrl
from store.types import utcnow
from tests.support.databases import sqlite_url
from tests.support.waiting import wait_until


@pytest.fixture
def database(tmp_path: Path):
    db = open_database(sqlite_url(tmp_path))
    yield db
    db.close()


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_source_and_run_id(restore_logging) -> None:
    stream = io.StringIO()
    setup_logging("json", stream=stream)
    with log_context(source="tass", run_id="0123456789ab"):
        logging.getLogger("diplowatch.test").info("crawled %d pages", 3)
        logging.getLogger("scrapy.core.engine").info("spider opened")  # chatter: dropped
        logging.getLogger("scrapy.core.engine").error("spider failed")
    logging.getLogger("diplowatch.test").warning("outside")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(x["message"], x["source"], x["run_id"]) for x in lines] == [
        ("crawled 3 pages", "tass", "0123456789ab"),
        ("spider failed", "tass", "0123456789ab"),
        ("outside", None, None),
    ]


def test_text_lines_carry_source_and_run_id(restore_logging) -> None:
    stream = io.StringIO()
    setup_logging("text", stream=stream)
    with log_context(source="tass", run_id="0123456789ab"):
        logging.getLogger("diplowatch.test").info("hello")
    assert "INFO    [tass 0123456789ab] diplowatch.test: hello" in stream.getvalue()


def test_health_reports_sources_and_outbox(database: Database) -> None:
    with database.sessions.begin() as session:
        source = repo.get_or_create_source(session, "tass")
        run = repo.start_crawl_run(session, source, "run1")
        repo.finish_crawl_run(session, run, ok=True, pages_fetched=2)
    schedules = {"tass": parse_schedule("every 15m"), "kremlin": parse_schedule("every 1h")}
    status, body = HealthCheck(database, schedules, lambda: True).report()
    assert status == 200 and body["status"] == "ok"
    assert body["deliveries"] == {"pending": 0, "dead": 0}
    assert body["sources"]["tass"]["last_crawl_status"] == "ok"
    assert body["sources"]["tass"]["stale"] is False
    assert body["sources"]["kremlin"] == {
        "schedule": "every 1h",
        "last_crawl_at": None,
        "last_crawl_status": None,
        "last_success_at": None,
        "stale": True,
    }
    # Stale after three periods without success.
    later = utcnow() + timedelta(minutes=50)
    assert HealthCheck(database, schedules, lambda: True).report(later)[1]["sources"]["tass"][
        "stale"
    ]
    # A dead scheduler is unhealthy.
    assert HealthCheck(database, schedules, lambda: False).report()[0] == 503


def test_health_is_503_when_the_database_is_away() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    away = Database(engine=engine, sessions=make_sessionmaker(engine))
    status, body = HealthCheck(away, {}, lambda: True).report()
    assert status == 503
    assert body["status"] == "fail" and body["database"] != "ok"
    metrics = create_metrics(away).render().decode()
    assert "diplowatch_database_up 0.0" in metrics


def test_metrics_from_crawl_runs_deliveries_and_the_database(database: Database) -> None:
    with database.sessions.begin() as session:
        source = repo.get_or_create_source(session, "tass")
        run = repo.start_crawl_run(session, source, "abc")
        repo.finish_crawl_run(
            session, run, ok=True, pages_fetched=7, new_articles=5, new_contacts=2, errors=1
        )
    metrics = create_metrics(database)
    assert [r.status for r in record_run(metrics, database, "abc")] == ["ok"]
    metrics.record_delivery_pass(PassReport(claimed=4, sent=3, failed=1))
    text = metrics.render().decode()
    for line in (
        'diplowatch_crawls_total{source="tass",status="ok"} 1.0',
        'diplowatch_pages_fetched_total{source="tass"} 7.0',
        'diplowatch_articles_stored_total{source="tass"} 5.0',
        'diplowatch_contacts_found_total{source="tass"} 2.0',
        'diplowatch_crawl_errors_total{source="tass"} 1.0',
        'diplowatch_crawl_duration_seconds_count{source="tass"} 1.0',
        'diplowatch_deliveries_total{outcome="sent"} 3.0',
        'diplowatch_deliveries_total{outcome="failed"} 1.0',
        'diplowatch_deliveries_by_status{status="pending"} 0.0',
        "diplowatch_database_up 1.0",
    ):
        assert line in text, line
    assert 'diplowatch_source_last_success_timestamp_seconds{source="tass"}' in text


def test_housekeeping_prunes_old_raw_html_and_skip_records(database: Database) -> None:
    old = utcnow() - timedelta(days=40)
    with database.sessions.begin() as session:
        for url, fetched in (("https://a.example/old", old), ("https://a.example/new", utcnow())):
            session.add(
                Article(
                    url=url, canonical_url=url, body="b", content_hash=url, fetched_at=fetched,
                    raw_html=zlib.compress(b"<html>"), authors=[],
                )
            )  # fmt: skip
        session.add(SeenUrl(url="https://a.example/x", status="skipped", first_seen=old))
        session.add(SeenUrl(url="https://a.example/y", status="skipped", first_seen=utcnow()))
    config = Config(daemon=DaemonConfig(raw_html_retention_days=30, seen_url_retention_days=30))
    Daemon(config, database, [], {}, DaemonOptions()).housekeeping()
    with database.sessions() as session:
        kept = {a.url: a.raw_html is not None for a in session.query(Article)}
        seen = {s.url for s in session.query(SeenUrl)}
    assert kept == {"https://a.example/old": False, "https://a.example/new": True}
    assert seen == {"https://a.example/y"}


def test_crawl_child_runs_the_cron_command(tmp_path: Path) -> None:
    options = DaemonOptions(config_path=tmp_path / "c.toml", log_format="json", python="py")
    assert options.crawl_command("tass", "r1") == [
        "py", "-m", "diplowatch", "--log-format", "json", "--config", str(tmp_path / "c.toml"),
        "run", "--source", "tass", "--due", "--no-deliver", "--run-id", "r1",
    ]  # fmt: skip


def test_a_crashing_job_is_logged_and_runs_again(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    daemon = Daemon(Config(), database, [], {}, DaemonOptions())
    calls = []

    def broken() -> None:
        calls.append(1)
        raise RuntimeError("boom")

    daemon.scheduler.add_job(daemon._guarded("broken", broken), "interval", seconds=0.1)
    daemon.scheduler.start()
    try:
        wait_until(lambda: len(calls) >= 3, 30, "the job to run again after each crash")
        assert daemon.scheduler.running
    finally:
        daemon.scheduler.shutdown(wait=True)
    crashes = [r for r in caplog.records if "job broken failed" in r.getMessage()]
    assert len(crashes) >= 3 and crashes[0].exc_info is not None
