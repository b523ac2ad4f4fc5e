"""Progress display for long commands: a live table on a terminal, nothing otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table

STAT_COLUMNS = ("pages_fetched", "new_articles", "duplicates", "skipped", "errors")


def stats_table(rows: dict[str, Any], title: str | None = None) -> Table:
    table = Table(title=title)
    table.add_column("source")
    for column in STAT_COLUMNS:
        table.add_column(column.replace("_", " "), justify="right")
    for name, stats in rows.items():
        table.add_row(name, *(str(getattr(stats, column, 0)) for column in STAT_COLUMNS))
    return table


@contextmanager
def crawl_progress(quiet: bool) -> Iterator[Any]:
    """Yields an on_progress(source, stats) callback; a live table unless quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    rows: dict[str, Any] = {}
    console = Console(stderr=True)
    with Live(stats_table(rows, "crawling"), console=console, refresh_per_second=4) as live:

        def update(source: str, stats: Any) -> None:
            rows[source] = stats
            live.update(stats_table(rows, "crawling"))

        yield update
