"""`diplowatch reprocess`: run extraction and detection again over stored pages."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from contacts import KnowledgeBase
from crawler.extract import extract_article
from diplowatch.context import AppContext, pass_app
from diplowatch.crawling import configured_sources
from diplowatch.pipeline import kb_detector, reprocess


@click.command("reprocess")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only pages fetched on or after this day (YYYY-MM-DD).",
)
@pass_app
def command(app: AppContext, since: datetime | None) -> None:
    """Re-extract stored pages and detect their contacts again (after an upgrade of either).

    Needs pages kept with `[crawl] keep_raw_html = true`. New contacts get their alerts queued;
    contacts already known gain nothing twice.
    """
    database = app.database()
    detect = kb_detector(KnowledgeBase.load_default())
    articles, created = reprocess(
        database,
        detect,
        lambda html, url: extract_article(html, url),
        since=since.replace(tzinfo=UTC) if since else None,
        home_states={s.name: s.home_state for s in configured_sources(app.config) if s.home_state},
    )
    click.echo(f"reprocessed {articles} article(s); {created} new contact(s)")
