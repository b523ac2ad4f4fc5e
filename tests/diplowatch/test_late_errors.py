"""Mistakes that used to surface late (or never) are said at the first command that reads them:
one line on stderr, exit 2 for a refusal, a warning line for what may be fixed later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def diplowatch(tmp_path: Path, *args: str, database_url: str | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    env = {
        **os.environ,
        "DIPLOWATCH_DATABASE_URL": database_url or f"sqlite:///{tmp_path}/dw.sqlite",
    }
    env.pop("DIPLOWATCH_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "diplowatch", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_sqlite_path_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    done = diplowatch(
        tmp_path, "contacts", "list", database_url=f"sqlite:///{tmp_path}/nope/dw.sqlite"
    )
    assert done.returncode == 2
    assert f"the directory {tmp_path}/nope does not exist" in one_line(done)
    assert not (tmp_path / "nope").exists()  # nothing created quietly


@pytest.mark.parametrize("scheme", ["postgres", "postgresql+psycopg2"])
def test_postgres_urls_get_the_driver_to_write(tmp_path: Path, scheme: str) -> None:
    done = diplowatch(
        tmp_path, "contacts", "list", database_url=f"{scheme}://dw:s3cret@127.0.0.1/dw"
    )
    assert done.returncode == 2
    line = one_line(done)
    assert "write postgresql+psycopg://dw:***@127.0.0.1/dw" in line and "s3cret" not in line


def test_an_email_subscription_without_smtp_is_warned_about(tmp_path: Path) -> None:
    done = diplowatch(tmp_path, "subscriptions", "add", "--email", "desk@example.org")
    assert done.returncode == 0 and done.stdout.startswith("subscription 1: email")
    assert "warning: the config has no [smtp] section" in one_line(done)


def test_reprocess_without_kept_pages_says_why(tmp_path: Path) -> None:
    done = diplowatch(tmp_path, "reprocess")
    assert done.returncode == 2
    assert "nothing to reprocess: [crawl] keep_raw_html is off" in one_line(done)
