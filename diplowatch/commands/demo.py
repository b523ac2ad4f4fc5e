"""`diplowatch demo`: see the whole flow work in under a minute, offline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from diplowatch.context import AppContext, pass_app

if TYPE_CHECKING:
    from rich.table import Table

    from diplowatch.demo.receiver import Received

EXCERPT_CHARS = 110


def date_cell(data: dict) -> str:
    if data.get("date"):
        return data["date"]
    published = data.get("publication_date")
    return f"not given\npub. {published}" if published else "not given"


def received_table(received: list[Received]) -> Table:
    # rich is imported here, not at the top: `demo --help` imports this module and needs none.
    from rich.table import Table

    table = Table(title=f"{len(received)} alert(s) received by the webhook", show_lines=False)
    table.add_column("who", ratio=2)
    table.add_column("type", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("evidence", ratio=4)
    table.add_column("signed", justify="center")
    rows = sorted(received, key=lambda r: (r.event["data"].get("date") or "", r.msg_id))
    for message in rows:
        data = message.event["data"]
        people = " – ".join(
            p.get("canonical_name") or p.get("name") or "?" for p in data.get("participants", [])
        )
        kind = f"{data['type']} ({data['mode']})" if data.get("mode") else data["type"]
        if data.get("status") != "occurred":
            kind += f", {data['status']}"
        evidence = (data.get("evidence") or [""])[0]
        if len(evidence) > EXCERPT_CHARS:
            evidence = evidence[: EXCERPT_CHARS - 1].rstrip() + "…"
        table.add_row(
            people,
            kind,
            date_cell(data),
            evidence,
            "✓" if message.signature_ok else "✗",
        )
    return table


@click.command("demo")
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the demo database in this directory (default: a temporary one, removed after).",
)
@pass_app
def command(app: AppContext, keep: Path | None) -> None:
    """Run the whole flow offline on a bundled sample news site.

    Serves the site on 127.0.0.1, crawls its RSS and Atom feeds and news sitemap, detects the
    contacts, stores them in a throwaway SQLite database, delivers signed webhooks to a local
    receiver and prints what arrived. Your own configuration and database are not touched.
    """
    from rich.console import Console

    from diplowatch.demo.runner import run_demo  # imports the crawler stack: only when run

    console = Console()
    err = Console(stderr=True, quiet=app.quiet)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    result = run_demo(keep, on_step=lambda step: err.print(f"[dim]·[/dim] {step}"))
    stats: dict[str, Any] = next(iter(result.crawl["stats"].values()), {})
    console.print(
        f"crawled {stats.get('pages_fetched', 0)} page(s) of the {result.articles_on_site}-article "
        f"sample site: {stats.get('new_articles', 0)} new article(s), "
        f"{result.contacts_stored} contact(s) stored"
    )
    console.print(received_table(result.received))
    delivered = result.deliveries.get("sent", 0)
    console.print(
        f"{delivered} alert(s) delivered and signed in {result.seconds:.1f} s. "
        "Next: `diplowatch sources list`, then `diplowatch run` on the real sources."
    )
    if keep is not None:
        console.print(
            f"demo database kept: DIPLOWATCH_DATABASE_URL={result.database_url} "
            "diplowatch contacts list"
        )
    if not result.received:
        raise click.ClickException("no alert arrived at the demo webhook receiver")
