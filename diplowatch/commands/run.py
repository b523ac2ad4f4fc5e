"""`diplowatch run`: the one-shot for cron (and for each crawl of the daemon).

    diplowatch run                      crawl the sources that are due, deliver due alerts
    diplowatch run --source tass        crawl this source now (due or not), deliver
    diplowatch run --source tass --due --no-deliver     what the daemon runs for each crawl

Exit status 0 when everything ran (sources another process is crawling are skipped, saying so),
1 with a summary when a source failed or the crawl crashed.

Every crawl of a source takes the lock "crawl:<source>" (diplowatch/locks.py) and, holding it,
checks when the source was last crawled, so a cron run, a daemon and several daemons on several
machines crawl each source once per scheduled time. There is no lock over a whole run: a run
that meets a source still being crawled by an earlier one (a hung site) skips that source and
crawls and delivers the rest. Alerts are sent while the crawl goes on, and once more at its end.
"""

from __future__ import annotations

import logging
import sys
import threading
import uuid
from typing import TYPE_CHECKING

import click

from diplowatch.config import Config
from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.logs import log_context, setup_logging
from diplowatch.run_summary import run_lines

# The crawl stack, the store and the delivery worker are imported where they are used, not
# here: `run --help` imports this module and needs none of them.
if TYPE_CHECKING:
    from crawler import SourceSpec
    from diplowatch.crawling import RunSummary
    from diplowatch.db import Database

log = logging.getLogger("diplowatch.run")


@click.command("run")
@click.option("--source", "names", multiple=True, help="Crawl this source (repeatable).")
@click.option("--due", "due_only", is_flag=True, help="With --source: only if it is due.")
@click.option("--no-deliver", is_flag=True, help="Leave queued alerts to the delivery worker.")
@click.option("--run-id", default=None, hidden=True, help="Run id (the daemon passes its own).")
@pass_app
def command(
    app: AppContext, names: tuple[str, ...], due_only: bool, no_deliver: bool, run_id: str | None
) -> None:
    """Crawl the due sources (or the named ones), detect, store, deliver; then exit.

    Meant for cron or a systemd timer; see deploy/. Sources another process is crawling right
    now are skipped, saying so, with exit status 0.
    """
    from diplowatch.crawling import CrawlSetupError, UnknownSource, select_sources

    # A daemon's child (it passes its run id) logs one line in the daemon's log instead of a table.
    from_daemon = run_id is not None
    run_id = run_id or uuid.uuid4().hex[:12]
    setup_logging(
        app.log_format, level=logging.WARNING if app.quiet else logging.INFO, brief=not app.verbose
    )
    if app.verbose:  # every crawl error is a debug line of diplowatch's own
        logging.getLogger("diplowatch").setLevel(logging.DEBUG)
    with log_context(source=",".join(names) or None, run_id=run_id):
        try:
            specs = select_sources(app.config, list(names))
        except UnknownSource as exc:
            raise UserError(str(exc)) from None
        database = app.database()
        try:
            summary = run_once(
                app.config,
                database,
                specs,
                deliver=not no_deliver,
                due_only=due_only or not names,
                run_id=run_id,
            )
        except CrawlSetupError as exc:
            raise UserError(str(exc)) from None
        _report(app, summary, as_log_line=from_daemon)
        if summary.failed:
            sys.exit(1)


def _report(app: AppContext, summary: RunSummary, *, as_log_line: bool = False) -> None:
    """The summary: a table on stderr (also with -q when something failed), or one log line
    (JSON logs, and a daemon's crawl child, whose lines carry the source and run id)."""
    if app.log_format == "json" or as_log_line:
        log.log(logging.ERROR if summary.failed else logging.INFO, "%s", summary.describe())
    elif summary.failed or not app.quiet:
        click.echo("\n".join(run_lines(summary)), err=True)


def run_once(
    config: Config,
    database: Database,
    specs: list[SourceSpec],
    *,
    deliver: bool,
    due_only: bool,
    run_id: str,
) -> RunSummary:
    """Crawl, delivering alongside (what is stored goes out while a slow source is crawled),
    then deliver what is left."""
    from diplowatch.crawling import crawl_sources
    from diplowatch.delivery import PassReport, deliver_until_idle, run_worker, worker_settings

    delivered = PassReport()
    stop = threading.Event()
    alongside = None
    if deliver:
        settings = worker_settings(config)
        alongside = threading.Thread(
            target=run_worker,
            args=(database, settings, stop),
            kwargs={"on_pass": delivered.add},
            name="deliver",
            daemon=True,
        )
        alongside.start()
    try:
        summary = crawl_sources(config, database, specs, due_only=due_only, run_id=run_id)
    finally:
        stop.set()
        if alongside is not None:
            alongside.join()
    if summary.locked:
        log.info(
            "lock held: %s being crawled by another process; skipped", ", ".join(summary.locked)
        )
    if deliver:
        delivered.add(deliver_until_idle(database, worker_settings(config)))
    summary.delivered = delivered
    return summary
