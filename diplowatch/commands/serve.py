"""`diplowatch serve`: run the HTTP API in the foreground."""

from __future__ import annotations

import logging

import click

from diplowatch.context import AppContext, pass_app


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default: api.host, 127.0.0.1).")
@click.option(
    "--port", default=None, type=click.IntRange(0, 65535), help="Port (default: api.port, 8470)."
)
@pass_app
def command(app: AppContext, host: str | None, port: int | None) -> None:
    """Serve the HTTP API (subscriptions, contacts, sources) until interrupted."""
    from diplowatch.api.server import make_server  # FastAPI: for serving, not for --help

    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    server = make_server(app.database(), app.config, host=host, port=port)
    click.echo(
        f"diplowatch API on http://{server.config.host}:{server.config.port}/v1 "
        "(schema at /openapi.json)",
        err=True,
    )
    server.run()
