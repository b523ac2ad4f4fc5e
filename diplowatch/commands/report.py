"""`diplowatch report --html FILE`: one self-contained page with a timeline and a graph."""

from __future__ import annotations

from pathlib import Path

import click

from diplowatch.commands.contacts import build_query, counting_progress, filter_options
from diplowatch.context import AppContext, pass_app
from diplowatch.export import iter_contact_dicts


@click.command("report")
@click.option(
    "--html",
    "html_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML page here.",
)
@click.option("--title", default="diplowatch: diplomatic contacts", show_default=True)
@click.option("--limit", default=5000, show_default=True, help="At most this many (newest).")
@filter_options
@pass_app
def command(app: AppContext, html_path: Path, title: str, limit: int, **filters: object) -> None:
    """Write an HTML report: timeline, who-talked-to-whom graph, filters, evidence and links.

    The page needs no network to open: styles, script and data are all inside it.
    """
    from diplowatch.report import write_report  # here, not at the top: `--help` needs none

    query = build_query(**filters, limit=limit)  # type: ignore[arg-type]
    with counting_progress(app.quiet, "reading contacts") as tick:
        contacts = list(tick(iter_contact_dicts(app.database().sessions, query)))
    count = write_report(html_path, contacts, title=title)
    click.echo(f"report with {count} contact(s) written to {html_path}")
