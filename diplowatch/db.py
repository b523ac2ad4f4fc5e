"""Opening the store from the configuration: one engine and sessionmaker per process."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import store
from diplowatch.masking import mask_urls


def mask(url: str) -> str:
    """The URL with any password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL has no password to find
        return url


class DatabaseUnavailable(Exception):
    """The database cannot be reached or opened; the message is one line for the user."""


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect, check the connection, and bring a new SQLite file to the current schema."""
    scheme = url.split("://", 1)[0].lower()
    if scheme in ("postgres", "postgresql+psycopg2", "postgresql") and "://" in url:
        # SQLAlchemy knows no "postgres" dialect, and psycopg2 is not installed: the one driver
        # diplowatch ships is psycopg 3.
        fixed = "postgresql+psycopg://" + url.split("://", 1)[1]
        raise DatabaseUnavailable(
            f"database URL scheme {scheme}:// is not supported; write {mask(fixed)}"
        )
    try:
        engine = store.make_engine(url)
    except Exception as exc:  # noqa: BLE001 - bad URL, unknown driver: whatever the dialect raises
        raise DatabaseUnavailable(
            mask_urls(f"database URL {url!r} is not usable: {exc}").splitlines()[0]
        ) from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if migrate:
            store.ensure_schema(engine)
    except DBAPIError as exc:  # unreachable, refused, "file is not a database", read-only ...
        engine.dispose()
        reason = (str(exc.orig) if exc.orig else str(exc)).strip().splitlines()[0]
        raise DatabaseUnavailable(
            mask_urls(f"cannot open database {engine.url.render_as_string()}: {reason}")
        ) from None
    return Database(engine=engine, sessions=store.make_sessionmaker(engine))
