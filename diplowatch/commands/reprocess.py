"""`diplowatch reprocess`: run extraction and detection again over stored pages."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from diplowatch.context import AppContext, UserError, pass_app


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
    # The store, the extractor and the detector are imported here: `--help` needs none of them.
    from contacts import KnowledgeBase
    from crawler.extract import extract_article
    from diplowatch.crawling import configured_sources
    from diplowatch.pipeline import kb_detector, reprocess
    from store import repository as repo

    database = app.database()
    with database.sessions() as session:
        kept = repo.count_raw_pages(session)
    if not kept:
        why = (
            "[crawl] keep_raw_html is off, so crawls keep no pages"
            if not app.config.crawl.keep_raw_html
            else "no crawled page is stored yet"
        )
        raise UserError(f"nothing to reprocess: {why} (set keep_raw_html = true, then crawl)")
    detect = kb_detector(KnowledgeBase.load_default())
    articles, created = reprocess(
        database,
        detect,
        lambda html, url: extract_article(html, url),
        since=since.replace(tzinfo=UTC) if since else None,
        home_states={s.name: s.home_state for s in configured_sources(app.config) if s.home_state},
    )
    click.echo(f"reprocessed {articles} article(s); {created} new contact(s)")
