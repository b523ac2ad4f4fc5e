"""`diplowatch run`, the cron one-shot: due sources only, per-source locks, exit status."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.alerts.receiver import Receiver
from tests.diplowatch.support import STORIES, Db, clean_env, cli_command, write_config
from tests.support.databases import sqlite_url
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
    news_site.slow_seconds = 0.0
    page = news_site.pages["/news/slow"]
    news_site._add(Story("/news/slow", "desk", page.title, page.paragraphs, page.published))
    release = news_site.hold("/news/slow")  # the first run waits there until told
    db = Db(database_url)
    db.migrate()
    config = write_config(
        tmp_path / "c.toml", database_url, {"desk": news_site.url("/feeds/desk.rss")},
        download_timeout=300.0,  # the held page answers when the test says, however late
    )  # fmt: skip
    first = subprocess.Popen(
        cli_command(config, "run"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        # The first run is mid-crawl (waiting for the held page) and holds its locks.
        wait_until(lambda: news_site.hits["/news/slow"] >= 1, 120, "the first run's crawl")
        second = run(config)
        assert second.returncode == 0, second.stderr
        # No lock over whole runs: the second run skips the source being crawled.
        assert "desk being crawled by another process" in second.stderr
        # A run for the source alone meets the source's crawl lock.
        named = run(config, "--source", "desk")
        assert named.returncode == 0, named.stderr
        assert "desk being crawled by another process" in named.stderr
        release.set()
        _, err = first.communicate(timeout=120)
    finally:
        release.set()
        if first.poll() is None:
            first.kill()
        db.dispose()
    assert first.returncode == 0, err
    assert "crawled 1 source(s)" in err
    assert len(db.runs("desk")) == 1  # only the first run crawled


def test_failed_source_exits_non_zero_with_summary(tmp_path: Path, news_site: NewsSite) -> None:
    # SQLite only, like the next test: the summary comes from the crawl's report.
    database_url = sqlite_url(tmp_path)
    news_site.add_story("desk", *STORIES[2])
    # Nothing listens on the discard port: the "gone" source fetches nothing.
    feeds = {"desk": news_site.url("/feeds/desk.rss"), "gone": "http://127.0.0.1:9/feed.rss"}
    config = write_config(tmp_path / "c.toml", database_url, feeds)
    Db(database_url).migrate()
    result = run(config)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "failed: gone (1 of 2)" in lines
    (desk,) = [line for line in lines if line.startswith("  desk ")]
    assert desk.split()[1:4] == ["1", "1", "1"]  # pages, new articles, new contacts
    (gone,) = [line for line in lines if line.startswith("  gone ")]
    assert gone.endswith("1: refused http://127.0.0.1:9/feed.rss")


def _unreachable_config(path: Path, database_url: str, count: int) -> Path:
    # Every source's host refuses connections (nothing listens on the discard port), and
    # robots.txt is obeyed: Scrapy's robots.txt middleware logs a traceback per host by itself.
    # Each request is retried once, at once (retry_backoff = 0): the retry path without its wait.
    sources = "".join(
        f'[[sources]]\nname = "source-{i:02d}"\nfeeds = ["http://127.0.0.1:9/feed-{i}.rss"]\n'
        f'listings = ["http://127.0.0.1:9/news-{i}/"]\n'
        for i in range(count)
    )
    path.write_text(
        f'database_url = "{database_url}"\nuse_default_sources = false\n'
        "[crawl]\nretry_times = 1\nretry_backoff = 0\ndownload_delay = 0.0\nautothrottle = false\n"
        f"obey_robots = true\ndetect_workers = 0\n{sources}"
    )
    return path


def test_an_unreachable_network_is_a_short_summary_without_tracebacks(tmp_path: Path) -> None:
    # SQLite only: the summary is made from the crawl's own report, the same on either database
    # (test_sources_list_shows_the_last_error_and_when reads the stored errors back from both).
    database_url = sqlite_url(tmp_path)
    config = _unreachable_config(tmp_path / "c.toml", database_url, 16)
    Db(database_url).migrate()
    result = run(config)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) <= 30, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[-1].startswith("no network? every source failed to resolve or connect")
    for i in range(16):
        (line,) = [line for line in lines if line.startswith(f"  source-{i:02d} ")]
        assert "refused http://127.0.0.1:9/" in line
    assert result.stdout == ""

    # -v shows every error and the tracebacks behind them.
    verbose = subprocess.run(
        [*cli_command(config, "-v", "run", "--source", "source-00")],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert verbose.returncode == 1
    assert "Traceback" in verbose.stderr
    assert re.search(r"source-00: http://127\.0\.0\.1:9/feed-0\.rss: \w*Refused", verbose.stderr)


def test_sources_list_shows_the_last_error_and_when(tmp_path: Path, database_url: str) -> None:
    config = _unreachable_config(tmp_path / "c.toml", database_url, 1)
    Db(database_url).migrate()
    assert run(config).returncode == 1
    listed = subprocess.run(
        cli_command(config, "sources", "list"),
        capture_output=True,
        text=True,
        env={**clean_env(), "COLUMNS": "250"},
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    (row,) = [line for line in listed.stdout.splitlines() if "source-00" in line]
    assert "failed" in row
    assert re.search(r"refused: http://127\.0\.0\.1:9/\S+ \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)", row)
