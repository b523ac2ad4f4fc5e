"""Named locks that keep two processes from doing the same work: overlapping cron runs, or two
daemons (on two machines) crawling the same source at the same time.

The database decides, not luck:

* PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) on a connection held for as
  long as the lock is. The server releases it when the connection ends, so a process killed
  mid-crawl (or a machine that lost power) frees its locks without anyone cleaning up.
* SQLite: an exclusive `flock` on a file beside the database file. SQLite databases are local
  to one machine, and the kernel releases the lock when the process dies, for the same reason.
  An in-memory SQLite database lives in one process only, so its locks are always free.

Locks never wait: `try_lock` answers at once, and a caller that did not get the lock skips the
work (someone else is doing it).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from diplowatch.db import Database


@dataclass
class HeldLock:
    """A lock this process holds until `release()` (or until the process ends)."""

    name: str
    _connection: Connection | None = None
    _fd: int | None = None

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": advisory_key(self.name)}
                )
                self._connection.commit()
            finally:
                # Closing ends the session (the lock engine has no pool), which would drop the
                # lock anyway; the unlock above makes the release explicit.
                self._connection.close()
                self._connection = None
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for a lock name (the same on every machine and version)."""
    digest = hashlib.blake2b(f"diplowatch:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def try_lock(database: Database, name: str) -> HeldLock | None:
    """Take the lock `name` if nobody holds it; None when another process does."""
    backend = database.engine.dialect.name
    if backend == "postgresql":
        return _try_advisory(database, name)
    if backend == "sqlite":
        path = lock_file_path(database, name)
        return HeldLock(name) if path is None else _try_flock(path, name)
    raise NotImplementedError(f"no locks for {backend} databases (use PostgreSQL or SQLite)")


@contextmanager
def locked(database: Database, name: str) -> Iterator[HeldLock | None]:
    """`with locked(db, "run") as lock:` — lock is None when someone else holds it."""
    lock = try_lock(database, name)
    try:
        yield lock
    finally:
        if lock is not None:
            lock.release()


_LOCK_ENGINES: dict[str, Engine] = {}


def _lock_engine(database: Database) -> Engine:
    """An engine without a pool for lock connections: each holds one connection for a whole
    crawl, so with the pool's sessions they would exhaust it once there are more sources than
    its size (16 shipped sources against 5 + 10 overflow)."""
    key = database.engine.url.render_as_string(hide_password=False)
    if key not in _LOCK_ENGINES:
        _LOCK_ENGINES[key] = create_engine(database.engine.url, poolclass=NullPool)
    return _LOCK_ENGINES[key]


def _try_advisory(database: Database, name: str) -> HeldLock | None:
    connection = _lock_engine(database).connect()
    try:
        got = connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": advisory_key(name)}
        ).scalar()
        # End the implicit transaction: an advisory lock is held by the session, not the
        # transaction, and an open transaction would pin old row versions for the whole crawl.
        connection.commit()
    except BaseException:
        connection.close()
        raise
    if not got:
        connection.close()
        return None
    return HeldLock(name, _connection=connection)


def lock_file_path(database: Database, name: str) -> Path | None:
    """The lock file of `name` beside the SQLite file; None for an in-memory database."""
    filename = make_url(database.engine.url).database
    if not filename or filename == ":memory:" or filename.startswith("file:"):
        return None
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    db_path = Path(filename).expanduser()
    return db_path.with_name(f"{db_path.name}.{safe}.lock")


def _try_flock(path: Path, name: str) -> HeldLock | None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    # Who holds it, for a curious operator (`cat diplowatch.sqlite.run.lock`); not relied upon.
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return HeldLock(name, _fd=fd)
