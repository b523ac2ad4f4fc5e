"""How every `list` command prints: a table that fits the terminal, or JSON with `--json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

SHORT = 16  # columns keep their text on one line up to this width, and fold beyond it

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON array instead of a table."
)


def print_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    as_json: bool,
    empty: str,
    title: str | None = None,
) -> None:
    """`rows` (dicts) as a table of `columns`, or all their keys as JSON. With no rows, `empty`
    goes to stderr (and JSON prints `[]`), so a script reading stdout sees a valid answer."""
    # rich is imported here, not at the top: every `list` command's --help imports this module.
    from rich.console import Console
    from rich.table import Table

    if as_json:
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        click.echo(empty, err=True)
        return
    # A column empty in every row (no errors, never crawled) is left out of the table.
    columns = [
        c
        for i, c in enumerate(columns)
        if i == 0 or any(row.get(c) not in (None, "") for row in rows)
    ]
    cells = [["" if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows]
    # No box (its lines take columns from the text); short columns never wrap, long ones
    # (targets, errors) fold inside theirs, so the table fits the terminal.
    table = Table(
        title=title, box=None, padding=(0, 1), pad_edge=False, header_style="bold underline"
    )
    for index, column in enumerate(columns):
        widest = max(
            len(line) for cell in [column, *(r[index] for r in cells)] for line in cell.split("\n")
        )
        table.add_column(column, min_width=min(widest, SHORT), overflow="fold")
    for row_cells in cells:
        table.add_row(*row_cells)
    Console().print(table)


def plural(count: int, noun: str) -> str:
    """ "1 feed", "2 feeds", "1 error", "3 errors"."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
