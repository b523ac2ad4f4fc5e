"""A hostile source (a sitemap index listing itself, an endless feed, a server that drips) beside
a healthy one: `diplowatch run` and the daemon keep delivering the healthy source's alerts while
the hostile ones are still being crawled."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.alerts.receiver import Receiver
from tests.diplowatch.support import (
    STORIES,
    DaemonProcess,
    Db,
    clean_env,
    cli_command,
    free_port,
)
from tests.support.databases import sqlite_url
from tests.support.hostile import HostileSite
from tests.support.newssite import NewsSite
from tests.support.waiting import wait_until


@pytest.fixture
def hostile() -> Iterator[HostileSite]:
    with HostileSite() as site:
        site.sitemap_index("/loop.xml", ["/loop.xml"])
        site.endless("/endless.rss")
        site.drip("/drip.rss", every=0.5, headers_first=True)
        yield site


def config(path: Path, database_url: str, news: NewsSite, hostile: HostileSite) -> Path:
    path.write_text(
        f"""database_url = "{database_url}"
use_default_sources = false
[crawl]
download_delay = 0.0
autothrottle = false
retry_times = 0
download_timeout = 300.0
time_limit = 300.0
max_page_bytes = 300000
obey_robots = false
detect_workers = 0
[alerts]
allow_private_targets = true
worker_interval_seconds = 0.2
webhook_timeout = 5.0
[api]
port = {free_port()}
[daemon]
serve_api = false

[[sources]]
name = "desk"
feeds = ["{news.url("/feeds/desk.rss")}"]
schedule = "every 2s"

[[sources]]
name = "loop"
sitemaps = ["{hostile.url("/loop.xml")}"]
schedule = "every 2s"

[[sources]]
name = "endless"
feeds = ["{hostile.url("/endless.rss")}"]
schedule = "every 2s"

[[sources]]
name = "drip"
feeds = ["{hostile.url("/drip.rss")}"]
schedule = "every 2s"
""",
        encoding="utf-8",
    )
    return path


def test_run_delivers_the_healthy_source_while_a_hostile_one_is_crawled(
    tmp_path: Path, news_site: NewsSite, hostile: HostileSite, receiver: Receiver
) -> None:
    db = Db(sqlite_url(tmp_path))
    db.migrate()
    db.subscribe(receiver.url)
    news_site.add_story("desk", *STORIES[0])
    path = config(tmp_path / "c.toml", sqlite_url(tmp_path), news_site, hostile)
    first = subprocess.Popen(
        cli_command(path, "run"), stderr=subprocess.PIPE, text=True, env=clean_env()
    )
    try:
        # Delivered while the first run is still held by the dripping source.
        assert receiver.wait_for(1, timeout=90), "the healthy source's alert did not go out"
        assert first.poll() is None and hostile.hits["/drip.rss"] == 1
        delivered = len(receiver.received)
        # An overlapping cron run skips the source still being crawled, crawls the rest, and
        # delivers what it finds.
        news_site.add_story("desk", *STORIES[1])
        later = []
        for _ in range(5):
            later.append(
                subprocess.run(
                    cli_command(path, "run"),
                    capture_output=True,
                    text=True,
                    env=clean_env(),
                    timeout=120,
                )
            )
            # Exit 1 names the endless feed, a failed source; nothing else failed.
            assert later[-1].returncode in (0, 1), later[-1].stderr
            assert "Traceback" not in later[-1].stderr
            assert later[-1].returncode == 0 or "failed: endless" in later[-1].stderr
            if receiver.wait_for(delivered + 1, timeout=5):
                break
        assert len(receiver.received) > delivered
        assert "elsewhere right now: drip" in later[-1].stderr
        assert first.poll() is None  # still dripping
    finally:
        hostile.stopping.set()  # the dripping server hangs up; the first run finishes
        _, err = first.communicate(timeout=120)
        sent, contacts = db.deliveries(), db.contacts()
        db.dispose()
    assert sent == {"sent": contacts} and len(set(receiver.ids())) == contacts
    # The self-listing index was read once per crawl of it, never in a loop.
    assert hostile.hits["/loop.xml"] <= 1 + len(later)
    assert "endless" in err and "too large" in err


def test_daemon_delivers_the_healthy_source_while_a_hostile_one_is_crawled(
    tmp_path: Path, news_site: NewsSite, hostile: HostileSite, receiver: Receiver
) -> None:
    db = Db(sqlite_url(tmp_path))
    db.migrate()
    db.subscribe(receiver.url)
    news_site.add_story("desk", *STORIES[0])
    path = config(tmp_path / "c.toml", sqlite_url(tmp_path), news_site, hostile)
    daemon = DaemonProcess.start(path, tmp_path / "daemon.log", free_port())
    try:
        assert receiver.wait_for(1, timeout=90), daemon.log()[-4000:]
        wait_until(lambda: db.deliveries().get("pending", 0) == 0, 30, "the first alerts")
        delivered = len(receiver.received)
        news_site.add_story("desk", *STORIES[1])
        assert receiver.wait_for(delivered + 1, timeout=90), daemon.log()[-4000:]
        # The dripping source's one crawl is still running all along.
        assert hostile.hits["/drip.rss"] == 1
        wait_until(
            lambda: any(r.status == "running" for r in db.runs("drip")), 30, "drip run", daemon
        )
        # The dripping server hangs up, so its crawl ends and the daemon stops without waiting
        # out the grace before it kills a crawl (test_daemon.py's SIGTERM test waits that out).
        hostile.stopping.set()
        assert daemon.terminate() == 0
        sent, contacts = db.deliveries(), db.contacts()
    finally:
        daemon.cleanup()
        db.dispose()
    assert sent == {"sent": contacts} and len(set(receiver.ids())) == contacts
