"""What every command shares: the config and the database, opened lazily and once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from diplowatch.config import Config, load_config

if TYPE_CHECKING:  # the store's imports are for commands that open it, not for every command
    from diplowatch.db import Database


class UserError(click.ClickException):
    """A mistake the user can fix: printed as one line, exit code 2, no traceback."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"diplowatch: error: {self.format_message()}", err=True)


@dataclass
class AppContext:
    config_path: Path | None = None
    quiet: bool = False
    verbose: bool = False
    log_format: str = "text"
    _config: Config | None = field(default=None, repr=False)
    _database: Database | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    def database(self, *, migrate: bool = True) -> Database:
        if self._database is None:
            from diplowatch.db import open_database

            check_sqlite_directory(self.config.database_url)
            self._database = open_database(self.config.database_url, migrate=migrate)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def check_sqlite_directory(url: str) -> None:
    """A SQLite file the config names must be in a directory that exists: a typo in the path
    would otherwise quietly start an empty database elsewhere. (The default location, in the
    user data directory, is created.)"""
    from diplowatch.config import default_database_url

    if not url.startswith("sqlite:///") or url == default_database_url():
        return
    raw = url[len("sqlite:///") :].split("?", 1)[0]
    if not raw or raw == ":memory:":
        return
    raw = raw.removeprefix("file:")  # a SQLite URI (sqlite:///file:path?mode=ro&uri=true)
    directory = Path(raw).expanduser().parent
    if not directory.is_dir():
        raise UserError(
            f"database_url: the directory {directory} does not exist; create it or fix the path"
        )


pass_app = click.make_pass_decorator(AppContext)
