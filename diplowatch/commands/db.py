"""`diplowatch db`: schema migrations."""

from __future__ import annotations

import click

from diplowatch.context import AppContext, pass_app


@click.group("db")
def command() -> None:
    """Database schema: upgrade and inspect."""


@command.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@pass_app
def upgrade(app: AppContext, revision: str) -> None:
    """Bring the database schema to the latest (or given) revision."""
    import store  # with Alembic: for the subcommands, not for `db --help`

    database = app.database(migrate=False)
    store.upgrade(database.engine, revision)
    click.echo(f"database at revision {store.current_revision(database.engine)}")


@command.command("current")
@pass_app
def current(app: AppContext) -> None:
    """Print the database's schema revision and the code's."""
    import store

    database = app.database(migrate=False)
    now, head = store.current_revision(database.engine), store.head_revision(database.engine)
    state = "up to date" if now == head else "needs `diplowatch db upgrade`"
    click.echo(f"database revision {now or 'none'}; code revision {head} ({state})")
