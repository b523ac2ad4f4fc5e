"""A damaged or read-only database file is one line and exit 2; no password in any output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import store
from diplowatch.masking import mask_urls
from tests.diplowatch.support import Db, clean_env, free_port

SECRET = "s3cr3t-pw"


def cli(
    tmp_path: Path, database_url: str, *args: str, extra: str = ""
) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "c.toml"
    config.write_text(
        f'database_url = "{database_url}"\nuse_default_sources = false\n{extra}', encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "diplowatch", "--config", str(config), *args],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is no SQLite file at all, just text that fills a page. " * 100)
    line = one_line(cli(tmp_path, f"sqlite:///{path}", "contacts", "list"))
    assert "file is not a database" in line


def test_a_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    engine = store.make_engine(f"sqlite:///{path}")
    store.upgrade(engine)
    engine.dispose()
    # Opened read-only (root ignores file modes, so the test asks SQLite itself).
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    line = one_line(cli(tmp_path, url, "tokens", "create", "--name", "desk"))
    assert "readonly database" in line


def test_no_database_password_in_the_error(tmp_path: Path) -> None:
    unreachable = f"postgresql+psycopg://diplowatch:{SECRET}@127.0.0.1:{free_port()}/x"
    line = one_line(cli(tmp_path, unreachable, "contacts", "list"))
    assert line.startswith("diplowatch: cannot open database") or "cannot open database" in line
    assert SECRET not in line and "***" in line
    unusable = f"nosuchdialect://diplowatch:{SECRET}@db/x"
    line = one_line(cli(tmp_path, unusable, "contacts", "list"))
    assert "is not usable" in line and SECRET not in line


def test_no_feed_password_in_the_log_or_the_stored_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    feed = f"http://reader:{SECRET}@127.0.0.1:{free_port()}/feed.rss"  # nothing listens there
    extra = f'[crawl]\nretry_times = 0\n[[sources]]\nname = "closed"\nfeeds = ["{feed}"]\n'
    result = cli(tmp_path, url, "run", "--source", "closed", "--no-deliver", extra=extra)
    assert result.returncode == 1, result.stderr  # the source failed, as it should
    # robots.txt on a refused connection too: a summary, no traceback at the default level
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
    # -v shows every error line, and still no password
    verbose = cli(tmp_path, url, "-v", "run", "--source", "closed", "--no-deliver", extra=extra)
    assert SECRET not in verbose.stderr and "reader:***@" in verbose.stderr
    listed = cli(tmp_path, url, "sources", "list", "--json", extra=extra)
    assert listed.returncode == 0 and "reader:***@" in listed.stdout and SECRET not in listed.stdout
    db = Db(url)
    try:
        run = db.runs("closed")[0]
        assert run.error_summary and SECRET not in run.error_summary
        assert "reader:***@127.0.0.1" in run.error_summary
    finally:
        db.dispose()


def test_mask_urls() -> None:
    assert (
        mask_urls("see postgresql://u:p%40ss@db:5432/x now")
        == "see postgresql://u:***@db:5432/x now"
    )
    assert mask_urls("http://host/path?a=b:c@d") == "http://host/path?a=b:c@d"
    assert mask_urls("no url") == "no url"


def test_a_full_disk_is_one_line_a_failed_run_and_nothing_lost(tmp_path: Path) -> None:
    import resource
    import signal

    from tests.diplowatch.support import STORIES
    from tests.support.newssite import NewsSite

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    db = Db(url)
    db.migrate()
    with NewsSite() as site:
        # Long articles, more than the disk has room for: the contact's sentence, then filler no
        # trigger word is in (the detector skips such sentences at the cost of one regex each).
        filler = "The cars waited outside in the rain for most of a long and grey afternoon. "
        for title, lead in STORIES[:3]:
            site.add_story("desk", title, lead + " " + filler * 1500)
        extra = (
            "[crawl]\nretry_times = 0\ndownload_delay = 0.0\nautothrottle = false\n"
            "obey_robots = false\ndetect_workers = 0\n"
            f'[[sources]]\nname = "desk"\nfeeds = ["{site.url("/feeds/desk.rss")}"]\n'
        )
        config = tmp_path / "c.toml"
        config.write_text(f'database_url = "{url}"\nuse_default_sources = false\n{extra}')
        command = [sys.executable, "-m", "diplowatch", "--config", str(config), "run"]
        command += ["--source", "desk", "--no-deliver"]
        # Room for the database as it is and for the WAL to start the crawl's run record (the
        # limit is per file), not for the articles.
        limit = 512 * 1024

        def small_disk() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        full = subprocess.run(
            command, capture_output=True, text=True, env=clean_env(), timeout=180,
            preexec_fn=small_disk,
        )  # fmt: skip
        assert full.returncode != 0, full.stderr
        assert "Traceback" not in full.stderr, full.stderr[-3000:]
        # SQLite says "disk I/O error" or "database or disk is full": one line, not one each.
        assert full.stderr.count("storing failed:") == 1, full.stderr[-3000:]
        stored_then = len(db.articles())
        # With room again, the next run stores what the full disk refused.
        again = subprocess.run(
            command, capture_output=True, text=True, env=clean_env(), timeout=180
        )
        assert again.returncode == 0, again.stderr
    try:
        assert len(db.articles()) == 3 > stored_then, again.stderr
    finally:
        db.dispose()
