"""Throwaway databases for tests: a SQLite file, or a PostgreSQL database created and dropped."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_available() -> bool:
    try:
        with psycopg.connect(POSTGRES_ADMIN, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@contextmanager
def postgres_database() -> Iterator[str]:
    """Create a fresh PostgreSQL database, yield its SQLAlchemy URL, drop it afterwards."""
    if not postgres_available():
        pytest.skip("PostgreSQL is not running at 127.0.0.1:5432 (.ci/run starts it)")
    name = f"diplowatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'diplowatch.sqlite'}"
