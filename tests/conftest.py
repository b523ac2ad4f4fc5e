"""Fixtures shared by every test area."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import postgres_database, sqlite_url

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip when a clone has none."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared data set is not part of a user's clone")
    return SHARED
