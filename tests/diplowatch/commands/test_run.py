"""`diplowatch run`, the cron one-shot: due sources only, per-source locks, exit status."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.alerts.receiver import Receiver
from tests.diplowatch.support import STORIES, Db, clean_env, cli_command, write_config
from tests.support.newssite import NewsSite
from tests.support.newssite_pages import Story
from tests.support.waiting import wait_until


def run(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli_command(config, "run", *args),
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )


def test_run_crawls_due_sources_delivers_then_waits_for_next_slot(
    tmp_path: Path, database_url: str, news_site: NewsSite, receiver: Receiver
) -> None:
    db = Db(database_url)
    db.migrate()
    db.subscribe(receiver.url)
    news_site.add_story("desk", *STORIES[0])
    config = write_config(
        tmp_path / "c.toml", database_url, {"desk": news_site.url("/feeds/desk.rss")},
        schedule="every 1h",
    )  # fmt: skip
    try:
        first = run(config)
        assert first.returncode == 0, first.stderr
        assert "crawled 1 source(s)" in first.stderr
        assert len(receiver.received) == 1  # delivered before exiting
        assert db.deliveries() == {"sent": 1}

        # Same hour: nothing is due, the feed is not even fetched.
        news_site.add_story("desk", *STORIES[1])
        feed_hits = news_site.hits["/feeds/desk.rss"]
        second = run(config)
        assert second.returncode == 0, second.stderr
        assert "not due: desk" in second.stderr
        assert news_site.hits["/feeds/desk.rss"] == feed_hits

        # Named sources are crawled whether due or not.
        third = run(config, "--source", "desk")
        assert third.returncode == 0, third.stderr
        assert len(db.runs("desk")) == 2
        assert len(receiver.received) == 2
    finally:
        db.dispose()


def test_two_runs_at_once_one_runs_one_says_lock_held(
    tmp_path: Path, database_url: str, news_site: NewsSite
) -> None:
    news_site.slow_seconds = 6.0
    page = news_site.pages["/news/slow"]
    news_site._add(Story("/news/slow", "desk", page.title, page.paragraphs, page.published))
    db = Db(database_url)
    db.migrate()
    config = write_config(
        tmp_path / "c.toml", database_url, {"desk": news_site.url("/feeds/desk.rss")}
    )
    first = subprocess.Popen(
        cli_command(config, "run"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        # The first run is mid-crawl (waiting for the slow page) and holds its locks.
        wait_until(lambda: news_site.hits["/news/slow"] >= 1, 60, "the first run's crawl")
        second = run(config)
        assert second.returncode == 0, second.stderr
        # No lock over whole runs: the second run skips the source being crawled.
        assert "desk being crawled by another process" in second.stderr
        # A run for the source alone meets the source's crawl lock.
        named = run(config, "--source", "desk")
        assert named.returncode == 0, named.stderr
        assert "desk being crawled by another process" in named.stderr
        _, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
        db.dispose()
    assert first.returncode == 0, err
    assert "crawled 1 source(s)" in err
    assert len(db.runs("desk")) == 1  # only the first run crawled


def test_failed_source_exits_non_zero_with_summary(
    tmp_path: Path, database_url: str, news_site: NewsSite
) -> None:
    news_site.add_story("desk", *STORIES[2])
    # Nothing listens on the discard port: the "gone" source fetches nothing.
    feeds = {"desk": news_site.url("/feeds/desk.rss"), "gone": "http://127.0.0.1:9/feed.rss"}
    config = write_config(tmp_path / "c.toml", database_url, feeds)
    Db(database_url).migrate()
    result = run(config)
    assert result.returncode == 1
    assert "failed: gone" in result.stderr
    assert "desk: 1 pages, 1 new articles" in result.stderr
