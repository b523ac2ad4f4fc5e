"""Serving the API with uvicorn, for `diplowatch serve`, the daemon and the tests."""

from __future__ import annotations

import uvicorn

from diplowatch.api.app import create_app
from diplowatch.config import Config
from diplowatch.db import Database


def make_server(
    database: Database, config: Config, *, host: str | None = None, port: int | None = None
) -> uvicorn.Server:
    """A uvicorn server for the API (config.api.host/port unless given); call .run() to serve.

    Logging is left to the caller's setup (log_config=None), so API access lines come out in the
    same format as everything else diplowatch logs.
    """
    app = create_app(database, config)
    settings = uvicorn.Config(
        app,
        host=host or config.api.host,
        port=config.api.port if port is None else port,
        log_config=None,
        access_log=True,
        server_header=False,
        # Slow clients hold a worker thread: don't let idle keep-alive connections linger.
        timeout_keep_alive=5,
    )
    return uvicorn.Server(settings)
