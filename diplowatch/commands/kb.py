"""`diplowatch kb update|show`: refresh the actor knowledge base from Wikidata, look a person up."""

from __future__ import annotations

from datetime import datetime

import click

from contacts.kb import KnowledgeBase, user_override_path
from contacts.wikidata import DEFAULT_ENDPOINT, WikidataError, update
from diplowatch.context import UserError


@click.group("kb")
def command() -> None:
    """The actor knowledge base: who held which office of which state, when."""


@command.command("update")
@click.option(
    "--endpoint",
    default=DEFAULT_ENDPOINT,
    show_default=True,
    envvar="DIPLOWATCH_WIKIDATA_ENDPOINT",
    help="Wikidata SPARQL endpoint (env: DIPLOWATCH_WIKIDATA_ENDPOINT).",
)
@click.option(
    "--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for the answer."
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    default="2018-01-01",
    show_default=True,
    help="Only offices held on or after this day.",
)
def update_command(endpoint: str, timeout: float, since: datetime) -> None:
    """Refresh heads of state and government and foreign ministers from Wikidata.

    Writes the people who changed or are new to the user override file, which every later run
    merges over the packaged data.
    """
    path = user_override_path()
    try:
        report = update(path, endpoint=endpoint, timeout=timeout, since=since.date())
    except WikidataError as exc:
        raise UserError(f"kb update failed: {exc}") from exc
    click.echo(
        f"{report.holdings} office holdings from Wikidata: {report.updated} known people updated, "
        f"{report.added} added -> {report.path}"
    )


@command.command("show")
@click.argument("name")
@click.option(
    "--on", "day", type=click.DateTime(["%Y-%m-%d"]), help="Rank people in office on this day."
)
def show_command(name: str, day: datetime | None) -> None:
    """Print the people NAME may refer to, with their offices and dates."""
    kb = KnowledgeBase.load_default()
    on = day.date() if day else None
    found = kb.find_person(name, on)
    if not found:
        raise UserError(f"nobody called {name!r} in the knowledge base (data as of {kb.as_of})")
    for actor in found:
        click.echo(_describe(actor.name, actor.kb_id, actor.wikidata, actor.aliases))
        current = actor.term_on(on) if on else None
        for term in actor.terms:
            marker = "*" if term == current else " "
            until = term.end.isoformat() if term.end else "present"
            title = f" ({term.title})" if term.title else ""
            click.echo(
                f" {marker} {term.office}{title}, {term.state}: {term.start.isoformat()} - {until}"
            )


def _describe(name: str, kb_id: str, wikidata: str | None, aliases: tuple[str, ...]) -> str:
    parts = [f"{name}  [{kb_id}" + (f", {wikidata}" if wikidata else "") + "]"]
    if aliases:
        parts.append("also: " + ", ".join(aliases))
    return "  ".join(parts)
