"""Opening the store from the configuration: one engine and sessionmaker per process."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

import store


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
    try:
        engine = store.make_engine(url)
    except Exception as exc:  # noqa: BLE001 - bad URL, unknown driver: whatever the dialect raises
        raise DatabaseUnavailable(f"database URL {url!r} is not usable: {exc}") from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if migrate:
            store.ensure_schema(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(
            f"cannot open database {engine.url.render_as_string()}: {reason}"
        ) from None
    return Database(engine=engine, sessions=store.make_sessionmaker(engine))
