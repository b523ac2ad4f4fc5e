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
    result = cli(tmp_path, url, "-v", "run", "--source", "closed", "--no-deliver", extra=extra)
    assert result.returncode == 1, result.stderr  # the source failed, as it should
    assert SECRET not in result.stderr and "reader:***@" in result.stderr
    # robots.txt on a refused connection: one line, not a traceback (even with -v)
    assert "robots.txt" in result.stderr or "robotstxt" in result.stderr
    assert "Traceback" not in result.stderr
    db = Db(url)
    try:
        (run,) = db.runs("closed")
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
