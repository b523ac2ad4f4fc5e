"""`diplowatch sources`: the sources that will be crawled, and how they last went."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from crawler import SourceSpec, default_sources
from diplowatch.config import Config
from diplowatch.context import AppContext, pass_app
from diplowatch.listing import json_option, plural, print_rows
from diplowatch.run_summary import cause_of, split_error

if TYPE_CHECKING:
    from store.models import CrawlRun


@click.group("sources")
def command() -> None:
    """The configured news sources."""


@command.command("list")
@click.option("--urls", is_flag=True, help="Show every discovery URL.")
@json_option
@pass_app
def list_sources(app: AppContext, urls: bool, as_json: bool) -> None:
    """List the sources (shipped defaults and the config's) with their schedule and last crawl."""
    # The crawl stack and the store are for listing, not for `sources --help`.
    from diplowatch.crawling import configured_sources
    from diplowatch.masking import mask_urls
    from store import repository as repo

    database = app.database()
    with database.sessions() as session:
        runs = repo.last_crawl_runs(session)
    rows = []
    for spec in [*configured_sources(app.config), *switched_off(app.config)]:
        # A feed URL's password stays in the config file (the listing goes to terminals and logs).
        found = [
            (kind, [mask_urls(url) for url in group])
            for kind, group in (
                ("feed", spec.feeds),
                ("sitemap", spec.sitemaps),
                ("listing", spec.listings),
            )
        ]
        if as_json:
            discovery: object = {f"{kind}s": list(group) for kind, group in found}
        elif urls:
            discovery = "\n".join(url for _, group in found for url in group)
        else:
            discovery = ", ".join(plural(len(group), kind) for kind, group in found if group)
        run = runs.get(spec.name)
        when = run.started_at.strftime("%Y-%m-%d %H:%M") if run else None
        rows.append(
            {
                "name": spec.name,
                "schedule": spec.schedule,
                "discovery": discovery,
                "last crawl": when if when or as_json else "never",
                "status": (run.status if run else None) if spec.enabled else "off",
                "last error": last_error(run) or None,
            }
        )
    print_rows(
        rows,
        ("name", "schedule", "discovery", "last crawl", "status", "last error"),
        as_json=as_json,
        empty="no sources: use_default_sources is off and the config has none",
    )


def switched_off(config: Config) -> list[SourceSpec]:
    """Sources that are shipped or configured but not crawled (enabled = false), to list them."""
    configured = {entry.name for entry in config.sources}
    off: list[SourceSpec] = [entry for entry in config.sources if not entry.enabled]
    if config.use_default_sources:
        off += [s for s in default_sources() if not s.enabled and s.name not in configured]
    return off


def last_error(run: CrawlRun | None) -> str:
    """The first error of the source's last crawl, its cause class, and when: what to fix."""
    if run is None or not run.error_summary:
        return ""
    url, error = split_error(run.error_summary.splitlines()[0])
    stamp = run.finished_at or run.started_at
    return f"{cause_of(error)}: {url or error} ({stamp:%Y-%m-%d %H:%M} UTC)"
