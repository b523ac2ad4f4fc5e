"""Engines, sessions and schema migrations. Nothing here is global: callers hold what they create."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# The top-level alembic/ folder of the project (the package is installed in editable mode).
ALEMBIC_DIR = Path(__file__).resolve().parent.parent / "alembic"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for `url`, with SQLite set up for a daemon and a cron job writing at once."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


# Execution option marking connections of read-only sessions (make_read_sessionmaker).
READ_ONLY = "diplowatch_read_only"


def _sqlite_begin(connection: Connection) -> None:
    # SQLAlchemy's pysqlite driver begins transactions lazily; make BEGIN explicit and
    # immediate so two writers queue on the lock instead of failing on upgrade from read.
    # A read-only session begins nothing: each SELECT is its own transaction and sees the last
    # commit (WAL), without waiting behind a writer for a lock it does not need.
    if not connection.get_execution_options().get(READ_ONLY, False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Python's sqlite3 would otherwise issue its own BEGIN; we issue BEGIN IMMEDIATE above.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_only(engine: Engine) -> Engine:
    """The engine for quick look-ups, in autocommit mode: each statement sees the latest commit
    (there is no snapshot across statements), takes no write lock on SQLite and costs no
    BEGIN/ROLLBACK round trips on PostgreSQL. Never write through it: nothing is atomic."""
    if engine.dialect.name == "sqlite":
        # pysqlite's own AUTOCOMMIT level would reset the connection's isolation_level when it
        # goes back to the pool; skipping our BEGIN (_sqlite_begin) gives autocommit reads.
        return engine.execution_options(**{READ_ONLY: True})
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def make_read_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions over read_only(engine)."""
    return sessionmaker(read_only(engine), expire_on_commit=False)


def alembic_config(engine: Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    # ConfigParser reads "%" as interpolation: an escaped password ("p%40ss") or a SQLite URI
    # ("file%3A...") must reach alembic as it is.
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def ensure_schema(engine: Engine) -> None:
    """Upgrade a brand-new SQLite file on first use; anything else is upgraded on purpose.

    An empty SQLite database is created by us, so migrating it is safe. A PostgreSQL database is
    shared and migrated with `diplowatch db upgrade`, so an outdated one is an error, not a surprise.
    """
    if engine.dialect.name == "sqlite" and not inspect(engine).get_table_names():
        upgrade(engine)
        return
    if current_revision(engine) != head_revision(engine):
        raise SchemaOutdated(
            f"database schema is at {current_revision(engine) or 'nothing'}, the code needs "
            f"{head_revision(engine)}: run `diplowatch db upgrade`"
        )


class SchemaOutdated(RuntimeError):
    pass
