"""`diplowatch contacts list|show|export`: the stored contacts, in the terminal or as files."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from alerts.filters import CONTACT_TYPES, STATUSES
from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.export import FORMATS, export, iter_contact_dicts, kb_coding

# rich, the store and the knowledge base are imported where they are used, not here: this
# module is imported to print `contacts ... --help` (and `report --help`), which needs none.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from store.repository import ContactQuery

Row = dict[str, Any]  # a contact as contact_to_dict gives it


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters shared by `list` and `export` (and `diplowatch report`)."""
    options = [
        click.option(
            "--since",
            type=click.DateTime(["%Y-%m-%d"]),
            help="On or after this day (the contact's date, else its publication day).",
        ),
        click.option(
            "--until",
            type=click.DateTime(["%Y-%m-%d"]),
            help="On or before this day (the contact's date, else its publication day).",
        ),
        click.option(
            "--actor",
            help="A participant: surname, name, Wikidata id (Q7747) or kb id; or the name as "
            "the article wrote it.",
        ),
        click.option("--state", help="A participant's state: name or code (Russia, RUS)."),
        click.option("--type", "kind", type=click.Choice(CONTACT_TYPES), help="Kind of contact."),
        click.option("--status", type=click.Choice(STATUSES), help="Occurred, planned, cancelled."),
        click.option("--source", help="Reported by this source (its configured name)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_query(
    since: object = None,
    until: object = None,
    actor: str | None = None,
    state: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    source: str | None = None,
    limit: int = 0,
) -> ContactQuery:
    from store.repository import ContactQuery

    return ContactQuery(
        since=_day(since),
        until=_day(until),
        actor=_kb_actor(actor),
        state=_kb_state(state),
        type=kind,
        status=status,
        source=source,
        limit=limit,
    )


def _kb_actor(actor: str | None) -> str | None:
    """`--actor Putin` (or Q7747) as the canonical name the knowledge base gives that person,
    which stored participants carry; the text itself when the KB knows nobody by that name (the
    store also matches names as the article wrote them)."""
    if not actor:
        return actor
    from diplowatch.subscription_filters import default_kb, resolve_filters

    try:
        kb_id = resolve_filters({"actors": [actor]}, default_kb(), []).filters["actors"][0]
    except ValueError:
        return actor
    found = default_kb().actor(kb_id)
    return found.name if found else actor


def _kb_state(state: str | None) -> str | None:
    """`--state Russia` as its code (RUS)."""
    if not state:
        return state
    from diplowatch.subscription_filters import default_kb

    polity = default_kb().polity(state) or default_kb().polity(state.upper())
    return polity.code if polity else state


def _day(value: object) -> date | None:
    # click.DateTime gives a datetime; the store filters by calendar day.
    return value.date() if isinstance(value, datetime) else None


def participants_text(contact: dict) -> str:
    names = []
    for p in contact["participants"]:
        name = p.get("canonical_name") or p["name"]
        names.append(f"{name} ({p['state']})" if p.get("state") else name)
    return " – ".join(names)


def date_cell(contact: dict) -> str:
    """The contact's date, or "not given" with the publication day of its first report."""
    if contact.get("date"):
        return contact["date"]
    if contact.get("publication_date"):
        return f"not given\npub. {contact['publication_date']}"
    return "not given"


# Below this width the evidence column is left out first; the rest wrap inside their columns.
EVIDENCE_MIN_WIDTH = 140


def _longest_word(texts: Iterable[str], cap: int) -> int:
    return min(cap, max((len(w) for t in texts for w in t.split()), default=1))


def _longest(texts: Iterable[str], cap: int) -> int:
    return min(cap, max((len(t) for t in texts), default=1))


def contacts_table(contacts: Iterable[dict], title: str | None = None, width: int = 80) -> Table:
    """The contacts as a table that fits `width` columns. Location and sources wrap between
    words, never inside one; the participants column gives way first, and the evidence column
    appears only when there is room for it. Status goes under the kind unless "occurred"."""
    from rich.table import Table

    rows = []
    for c in contacts:
        kind = f"{c['type']} ({c['mode']})" if c.get("mode") else c["type"]
        if c["status"] != "occurred":
            kind += f"\n{c['status']}"
        sources = sorted({a["source"] for a in c["articles"] if a.get("source")})
        evidence = (c.get("evidence") or [""])[0]
        rows.append([str(c["id"]), date_cell(c), kind, participants_text(c),
                     c.get("location") or "", ", ".join(sources), evidence])  # fmt: skip
    column: list[tuple[str, ...]] = list(zip(*rows, strict=True)) if rows else [()] * 7
    headers = ("id", "date", "kind", "participants", "location", "sources", "evidence")
    lines = [
        [h, *(line for cell in col for line in cell.split("\n"))]
        for h, col in zip(headers, column, strict=True)
    ]
    pad = 0  # Rich adds each column's padding (a space each side, none at the edges) itself
    fixed = [
        _longest(lines[0], 9) + pad,
        _longest(lines[1], 16) + pad,
        _longest(lines[2], 14) + pad,
    ]
    place = [_longest(lines[4], 16) + pad, _longest_word(lines[4], 16) + pad]
    source = [_longest(lines[5], 16) + pad, _longest_word(lines[5], 16) + pad]
    with_evidence = width >= EVIDENCE_MIN_WIDTH
    columns = 7 if with_evidence else 6
    room = width - sum(fixed) - (2 * columns - 2) - (40 if with_evidence else 0)
    place_w, source_w = place[0], source[0]
    if room - place_w - source_w < 24:  # participants first need room: wrap the others to words
        place_w, source_w = place[1], source[1]
    people_w = max(12, room - place_w - source_w)
    # No box: its separators would take columns from the text.
    table = Table(
        title=title, box=None, padding=(0, 1), pad_edge=False, header_style="bold underline"
    )
    table.add_column("id", justify="right", width=fixed[0], no_wrap=True)
    table.add_column("date", width=fixed[1], no_wrap=True)
    table.add_column("kind", width=fixed[2], overflow="fold")
    table.add_column("participants", width=people_w, overflow="fold")
    table.add_column("location", width=place_w, overflow="fold")
    table.add_column("sources", width=source_w, overflow="fold")
    if with_evidence:
        table.add_column("evidence", width=40 + pad, overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(*(row if with_evidence else row[:6]))
    return table


@click.group("contacts")
def command() -> None:
    """Stored contacts: list, show one, export."""


@command.command("list")
@filter_options
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(min=1),
    help="At most this many (newest first).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one array) instead of a table.")
@pass_app
def list_command(app: AppContext, limit: int, as_json: bool, **filters: object) -> None:
    """List contacts, newest first by date, as a table that fits the terminal.

    A contact whose text gave no date shows "not given" and the day its first report was
    published; --since/--until use that day for it (never the day it was crawled).
    """
    from rich.console import Console

    from store.repository import contact_to_dict, list_contacts

    query = build_query(**filters, limit=limit)  # type: ignore[arg-type]
    query.order = "date"
    with app.database().sessions() as session:
        contacts = [contact_to_dict(c) for c in list_contacts(session, query)]
    if as_json:
        click.echo(json.dumps(contacts, ensure_ascii=False, indent=2))
        return
    console = Console()
    if not contacts:
        console.print("no contacts match")
        return
    console.print(contacts_table(contacts, f"{len(contacts)} contact(s)", width=console.width))


@command.command("show")
@click.argument("contact_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the contact as JSON.")
@pass_app
def show_command(app: AppContext, contact_id: int, as_json: bool) -> None:
    """Everything about one contact: participants, offices, evidence, articles."""
    from rich.console import Console

    from store.repository import contact_to_dict, get_contact

    with app.database().sessions() as session:
        stored = get_contact(session, contact_id)
        if stored is None:
            raise UserError(f"no contact with id {contact_id}")
        contact = contact_to_dict(stored)
    if as_json:
        click.echo(json.dumps(contact, ensure_ascii=False, indent=2))
        return
    print_contact(Console(), contact)


def print_contact(console: Console, c: dict) -> None:
    from rich.table import Table

    kind = f"{c['type']} ({c['mode']})" if c.get("mode") else c["type"]
    when = c["date"] or "date not given" + (
        f" (published {c['publication_date']})" if c.get("publication_date") else ""
    )
    console.print(f"[bold]contact {c['id']}[/bold]: {kind}, {c['status']}, {when}")
    if c.get("location"):
        console.print(f"location: {c['location']}")
    console.print(
        f"confidence {c['confidence']}  CAMEO {c.get('cameo') or '-'}  "
        f"PLOVER mode {c.get('plover_mode') or '-'}  first seen {c['first_seen']}"
    )
    people = Table(title="participants")
    for column in ("name", "canonical name", "state", "office", "role"):
        people.add_column(column)
    for p in c["participants"]:
        people.add_row(
            p["name"], p.get("canonical_name") or "", p.get("state") or "", p.get("office") or "",
            p["role"],
        )  # fmt: skip
    console.print(people)
    console.print("[bold]evidence[/bold]")
    for sentence in c["evidence"]:
        console.print(f"  “{sentence}”", highlight=False)
    console.print("[bold]articles[/bold]")
    for a in c["articles"]:
        when = (a.get("published_at") or "")[:10]
        console.print(f"  {when} {a.get('source') or '?'}: {a.get('title') or ''}", highlight=False)
        console.print(f"    {a['url']}", highlight=False, soft_wrap=True)


@command.command("export")
@filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.option("--limit", default=0, help="At most this many (default: all).")
@pass_app
def export_command(
    app: AppContext, fmt: str, out: Path | None, limit: int, **filters: object
) -> None:
    """Export contacts as CSV, JSON, JSON Lines, or PLOVER event records (JSON Lines)."""
    from diplowatch.subscription_filters import default_kb

    query = build_query(**filters, limit=limit)  # type: ignore[arg-type]
    contacts = iter_contact_dicts(app.database().sessions, query)
    skipped: dict[str, int] = {}

    def on_skip(contact: dict, reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    plover = {"on_skip": on_skip, **kb_coding(default_kb())} if fmt == "plover" else {}
    with _output(out) as stream, counting_progress(app.quiet, "exporting") as tick:
        count = export(tick(contacts), stream, fmt, **plover)
    if out is not None:
        click.echo(f"{count} record(s) written to {out}", err=True)
    for reason, number in skipped.items():
        # PLOVER has no record for these; say so rather than drop them silently.
        click.echo(f"{number} contact(s) left out of PLOVER: {reason}", err=True)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    # newline="" lets the csv module write its own line ends.
    with path.open("w", encoding="utf-8", newline="") as stream:
        yield stream


@contextmanager
def counting_progress(
    quiet: bool, label: str
) -> Iterator[Callable[[Iterable[Row]], Iterable[Row]]]:
    """Wraps an iterable so a spinner counts its items on stderr; nothing if quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield lambda items: items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed} rows"))
    with Progress(*columns, TimeElapsedColumn(), console=Console(stderr=True)) as progress:
        task = progress.add_task(label, total=None)

        def tick(items: Iterable[Row]) -> Iterator[Row]:
            for item in items:
                progress.advance(task)
                yield item

        yield tick
