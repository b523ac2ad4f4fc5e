"""`diplowatch crawl`: fetch the sources once, detect contacts, store them (alerts stay queued)."""

from __future__ import annotations

import logging

import click

from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.logs import setup_logging
from diplowatch.run_summary import SourceRow


@click.command("crawl")
@click.option("--source", "names", multiple=True, help="Only this source (repeatable).")
@pass_app
def command(app: AppContext, names: tuple[str, ...]) -> None:
    """Crawl sources once: new articles, their contacts, and queued alerts go to the store.

    Alerts are sent by `diplowatch run`, `diplowatch deliveries run` or the daemon.
    """
    # The crawl stack, the store and rich are imported here, not at the top: `--help` needs none.
    from rich.console import Console

    from diplowatch.crawling import UnknownSource, crawl_into_store, select_sources
    from diplowatch.progress import crawl_progress, stats_table

    # As for `run`: no tracebacks nor Scrapy's own records unless -v (the errors are below).
    setup_logging(
        app.log_format, level=logging.WARNING if app.quiet else logging.INFO, brief=not app.verbose
    )
    try:
        sources = select_sources(app.config, list(names))
    except UnknownSource as exc:
        raise UserError(str(exc)) from None
    database = app.database()
    with crawl_progress(app.quiet) as progress:
        report = crawl_into_store(app.config, database, sources, on_progress=progress)
    console = Console()
    console.print(stats_table(report.stats, f"crawl {report.run_id}"))
    total = sum(report.new_contacts.values())
    console.print(f"new contacts: {total}")
    for name in report.failed_sources:
        row = SourceRow(
            name, errors=report.stats[name].errors, error_entries=report.errors.get(name, [])
        )
        console.print(f"{name}: {row.errors_text()}", highlight=False, soft_wrap=True)
    if report.failed_sources:
        raise click.ClickException(
            f"{len(report.failed_sources)} source(s) failed: {', '.join(report.failed_sources)}"
        )
