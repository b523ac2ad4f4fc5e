"""`diplowatch tokens`: API tokens for the HTTP API."""

from __future__ import annotations

import click

from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.listing import json_option, print_rows


@click.group("tokens")
def command() -> None:
    """API tokens: create (shown once), list, revoke."""


@command.command("create")
@click.option("--name", required=True, help="Who or what the token is for.")
@pass_app
def create(app: AppContext, name: str) -> None:
    """Create a token and print it. It is stored hashed: this is the only time it is shown."""
    from diplowatch.tokens import create_token  # the store: for the subcommands, not --help

    name = name.strip()
    if not name or len(name) > 200:
        raise UserError("--name: give 1 to 200 characters")
    with app.database().sessions.begin() as session:
        row, token = create_token(session, name)
        token_id = row.id
    click.echo(token)
    click.echo(
        f"token {token_id} ({name}) created; store it now, it cannot be shown again", err=True
    )


@command.command("list")
@json_option
@pass_app
def list_tokens(app: AppContext, as_json: bool) -> None:
    """List tokens: id, name, created, last used, state (never the token itself)."""
    from store import repository as repo

    with app.database().sessions() as session:
        rows = [
            {
                "id": token.id,
                "name": token.name,
                "created": token.created_at.isoformat(timespec="seconds"),
                "last_used": token.last_used_at.isoformat(timespec="seconds")
                if token.last_used_at
                else None,
                "state": "revoked" if token.revoked else "active",
            }
            for token in repo.list_api_tokens(session)
        ]
    print_rows(
        rows,
        ("id", "name", "created", "last_used", "state"),
        as_json=as_json,
        empty="no tokens; create one with `diplowatch tokens create --name NAME`",
    )


@command.command("revoke")
@click.argument("token_id", type=int)
@pass_app
def revoke(app: AppContext, token_id: int) -> None:
    """Revoke token TOKEN_ID: it stops working at once and its subscriptions stop sending."""
    from store import repository as repo

    with app.database().sessions.begin() as session:
        if not repo.revoke_api_token(session, token_id):
            raise UserError(f"no token with id {token_id}")
    click.echo(f"token {token_id} revoked")
