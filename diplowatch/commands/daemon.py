"""`diplowatch daemon`: crawl on schedule, send alerts, serve /healthz and /metrics until stopped."""

from __future__ import annotations

import logging

import click

from diplowatch.context import AppContext, UserError, pass_app

log = logging.getLogger("diplowatch.daemon")


@click.command("daemon")
@click.option("--no-http", is_flag=True, help="Serve neither the API nor /healthz and /metrics.")
@pass_app
def command(app: AppContext, no_http: bool) -> None:
    """Run until stopped (SIGTERM, Ctrl-C): each source's crawl on its schedule, the alert
    delivery worker, housekeeping, and GET /healthz and /metrics on api.host:api.port (with the
    API when daemon.serve_api is true). See deploy/ for a systemd unit."""
    # Imported here: FastAPI, uvicorn and APScheduler are for running it, not for its --help.
    from diplowatch.crawling import configured_sources
    from diplowatch.daemon import Daemon, DaemonOptions, http_app
    from diplowatch.logs import setup_logging
    from diplowatch.schedules import ScheduleError, parse_schedule

    setup_logging(app.log_format)
    config = app.config
    sources = configured_sources(config)
    schedules = {}
    for spec in sources:
        try:
            schedules[spec.name] = parse_schedule(spec.schedule)
        except ScheduleError as exc:
            raise UserError(f"source {spec.name}: {exc}") from None
    database = app.database()
    daemon = Daemon(
        config,
        database,
        sources,
        schedules,
        DaemonOptions(config_path=app.config_path, log_format=app.log_format),
    )
    try:
        daemon.run(None if no_http else http_app(config, database))
    except RuntimeError as exc:
        raise UserError(str(exc)) from None
