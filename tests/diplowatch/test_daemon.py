"""`diplowatch daemon` as a subprocess against the fixture news site, a webhook receiver and
SQLite: a new article in a feed becomes a webhook; health, metrics, logs; SIGTERM; SIGKILL."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

from sqlalchemy import select

from store.models import Article, Contact, CrawlRun, Delivery
from tests.alerts.receiver import Receiver
from tests.diplowatch.support import STORIES, DaemonProcess, Db, free_port, write_config
from tests.support.databases import sqlite_url
from tests.support.newssite import NewsSite
from tests.support.newssite_pages import Story
from tests.support.waiting import wait_until


def start(tmp_path: Path, site: NewsSite, *, log_format: str = "text", **options) -> DaemonProcess:
    port = free_port()
    config = write_config(
        tmp_path / "diplowatch.toml",
        sqlite_url(tmp_path),
        {"desk": site.url("/feeds/desk.rss")},
        port=port,
        **options,
    )
    return DaemonProcess.start(config, tmp_path / "daemon.log", port, log_format=log_format)


def participants(body: bytes) -> set[str]:
    event = json.loads(body)
    return {p["state"] for p in event["data"]["participants"]}


def test_new_article_in_feed_becomes_webhook(
    tmp_path: Path, news_site: NewsSite, receiver: Receiver
) -> None:
    db = Db(sqlite_url(tmp_path))
    db.migrate()
    db.subscribe(receiver.url)
    news_site.add_story("desk", *STORIES[0])
    daemon = start(tmp_path, news_site, serve_api=True)
    try:
        daemon.wait_http()
        assert receiver.wait_for(1, timeout=60), daemon.log()[-4000:]
        assert participants(receiver.received[0].body) == {"RUS", "TUR"}

        # A story published while the daemon runs: the next scheduled crawl finds it.
        news_site.add_story("desk", *STORIES[1])
        assert receiver.wait_for(2, timeout=60), daemon.log()[-4000:]
        assert participants(receiver.received[1].body) == {"IND", "BRA"}

        health = daemon.get("/healthz")
        assert health.status_code == 200
        body = health.json()
        assert body["status"] == "ok" and body["database"] == "ok"
        assert body["sources"]["desk"]["last_success_at"] is not None
        assert body["deliveries"] == {"pending": 0, "dead": 0}

        # Counters are fed after each crawl child exits; wait for the one that stored story 2.
        def stored_two() -> bool:
            return _metric(daemon.get("/metrics").text, "diplowatch_articles_stored_total") >= 2

        wait_until(stored_two, 30, "articles counter", daemon)
        metrics = daemon.get("/metrics").text
        assert _metric(metrics, "diplowatch_contacts_found_total") == 2
        assert _metric(metrics, 'diplowatch_deliveries_total{outcome="sent"}') == 2
        assert _metric(metrics, 'diplowatch_deliveries_by_status{status="sent"}') == 2
        assert "diplowatch_crawl_duration_seconds_bucket" in metrics
        # The API is served beside them (daemon.serve_api = true).
        assert daemon.get("/openapi.json").status_code == 200

        assert daemon.terminate() == 0
    finally:
        daemon.cleanup()
        db.dispose()
    assert len(receiver.received) == 2  # nothing sent twice
    log = daemon.log()
    # Readable lines carry the source and the run id: the daemon's and its child's.
    crawl_lines = re.findall(r"\[desk ([0-9a-f]{12})\] diplowatch\.(daemon|run): (.*)", log)
    assert {kind for _, kind, _ in crawl_lines} == {"daemon", "run"}, log[-3000:]


def _metric(text: str, name: str) -> float:
    """The sum of the samples of `name` (a name with labels matches those labels only)."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and (line[len(name)] in " {" if "{" not in name else True):
            total += float(line.rsplit(" ", 1)[1])
    return total


def held_story(site: NewsSite) -> threading.Event:
    """List /news/slow in the desk feed, held: it answers once the returned event is set."""
    site.slow_seconds = 0.0
    page = site.pages["/news/slow"]
    site._add(Story("/news/slow", "desk", page.title, page.paragraphs, page.published))
    return site.hold("/news/slow")


def test_sigterm_mid_crawl_exits_zero_within_30s(tmp_path: Path, news_site: NewsSite) -> None:
    news_site.add_story("desk", *STORIES[2])
    release = held_story(news_site)
    db = Db(sqlite_url(tmp_path))
    db.migrate()
    daemon = start(
        tmp_path, news_site, log_format="json", schedule="every 1h", download_timeout=300.0
    )
    try:
        wait_until(lambda: news_site.hits["/news/slow"] >= 1, 120, "the held page", daemon)
        started = time.monotonic()
        code = daemon.terminate(timeout=40)
        elapsed = time.monotonic() - started
    finally:
        release.set()
        daemon.cleanup()
        db.dispose()
    assert code == 0, daemon.log()[-4000:]
    assert elapsed < 30, f"took {elapsed:.1f}s"
    # JSON lines, each with the source and run id when it is about a crawl.
    records = [json.loads(line) for line in daemon.log().splitlines() if line.startswith("{")]
    assert records, daemon.log()[-2000:]
    crawl = [r for r in records if r["source"] == "desk"]
    assert crawl and all(re.fullmatch(r"[0-9a-f]{12}", r["run_id"]) for r in crawl)
    assert any(r["message"] == "stopped" for r in records)


def test_sigkill_mid_crawl_then_restart_loses_nothing_doubles_nothing(
    tmp_path: Path, news_site: NewsSite, receiver: Receiver
) -> None:
    for story in STORIES[:2]:
        news_site.add_story("desk", *story)
    release = held_story(news_site)
    db = Db(sqlite_url(tmp_path))
    db.migrate()
    db.subscribe(receiver.url)
    daemon = start(tmp_path, news_site, schedule="every 3s", download_timeout=300.0)
    try:
        # Mid-crawl: the other articles are stored, the held page is being fetched.
        wait_until(
            lambda: news_site.hits["/news/slow"] >= 1 and db.count(Article) >= 2,
            120,
            "the first crawl to be half done",
            daemon,
        )
        daemon.kill_group()  # the daemon and its crawl child, at once
    finally:
        daemon.cleanup()
        release.set()  # the restarted daemon's crawl gets the page at once
    stored_before = set(db.articles())
    news_site.add_story("desk", *STORIES[3])  # published while nothing runs

    restarted = start(tmp_path, news_site, schedule="every 3s")
    try:
        wait_until(lambda: db.count(Article) >= 4, 90, "the restarted crawl", restarted)
        wait_until(
            lambda: set(db.deliveries()) == {"sent"}, 30, "alerts to be delivered", restarted
        )
        assert restarted.terminate() == 0
    finally:
        restarted.cleanup()
    urls = db.articles()
    assert stored_before <= set(urls)  # nothing lost
    assert {u.rsplit("/", 1)[1] for u in urls} >= {"slow"}  # the interrupted page, fetched again
    assert len(urls) == 4
    with db.sessions() as session:
        party_keys = list(session.scalars(select(Contact.party_key)))
        deliveries = list(session.scalars(select(Delivery)))
        runs = list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))
    db.dispose()
    assert len(party_keys) == len(set(party_keys)) >= 3  # no contact twice
    assert len(deliveries) == len(party_keys)  # one alert per contact
    # At least once, with the same webhook-id: a receiver keeping ids sees each alert once.
    assert set(receiver.ids()) == {d.message_id for d in deliveries}
    # The killed crawl's run was closed by the next crawl of its source, not left "running".
    assert runs[0].status == "failed" and "abandoned" in runs[0].error_summary
    assert all(run.status != "running" for run in runs)
