"""Fixtures of the application's tests: the fixture news site, a webhook receiver, and a seeded
store with a way to run one command on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import click
import pytest
from click.testing import CliRunner, Result

from diplowatch.config import Config
from diplowatch.context import AppContext
from diplowatch.db import Database
from tests.alerts.receiver import Receiver
from tests.diplowatch.seed import seeded_database
from tests.support.newssite import news_site

__all__ = ["news_site", "receiver", "seeded"]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


@dataclass
class Seeded:
    url: str
    database: Database
    ids: list[int]

    def run(self, command: click.Command, args: list[str], quiet: bool = True) -> Result:
        """Run one of our click commands against this database (as the CLI would)."""
        app = AppContext(quiet=quiet)
        app._config = Config(database_url=self.url, use_default_sources=False)
        try:
            return CliRunner().invoke(command, args, obj=app, catch_exceptions=False)
        finally:
            app.close()


@pytest.fixture
def seeded(database_url: str) -> Iterator[Seeded]:
    """The seed contacts in a SQLite file, then in a fresh PostgreSQL database."""
    database, ids = seeded_database(database_url)
    try:
        yield Seeded(database_url, database, ids)
    finally:
        database.close()
