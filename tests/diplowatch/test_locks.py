"""Database locks on SQLite (file lock) and PostgreSQL (advisory lock): exclusive, released on
release and when the holding process dies."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from diplowatch.db import open_database
from diplowatch.locks import advisory_key, locked, try_lock


@pytest.fixture
def database(database_url: str):
    db = open_database(database_url, migrate=False)  # locks need no tables
    yield db
    db.close()


def test_a_lock_is_exclusive_until_released(database) -> None:
    first = try_lock(database, "crawl:tass")
    assert first is not None
    assert try_lock(database, "crawl:tass") is None
    other = try_lock(database, "crawl:kremlin")  # another name is another lock
    assert other is not None
    first.release()
    again = try_lock(database, "crawl:tass")
    assert again is not None
    again.release()
    other.release()
    with locked(database, "run") as lock:
        assert lock is not None
        with locked(database, "run") as inner:
            assert inner is None


def test_a_killed_holder_frees_the_lock(database, database_url: str) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, time
                from diplowatch.db import open_database
                from diplowatch.locks import try_lock
                lock = try_lock(open_database({database_url!r}, migrate=False), "run")
                print("held" if lock else "busy", flush=True)
                time.sleep(60)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert try_lock(database, "run") is None
    finally:
        holder.kill()
        holder.wait()
    lock = try_lock(database, "run")
    assert lock is not None  # no lease to wait out: the holder's death released it
    lock.release()


def test_advisory_keys_are_stable_signed_64_bit() -> None:
    assert advisory_key("run") == advisory_key("run")
    assert advisory_key("run") != advisory_key("crawl:run")
    assert -(2**63) <= advisory_key("crawl:tass") < 2**63
