"""One example per command, shown at the end of its `--help` (a row per command)."""

from __future__ import annotations

import click

EXAMPLES: dict[str, str] = {
    "": "diplowatch demo",
    "contacts": "diplowatch contacts list --actor Putin --since 2024-01-01",
    "contacts export": "diplowatch contacts export --format csv --since 2024-01-01 --out c.csv",
    "contacts list": "diplowatch contacts list --state Russia --type call --limit 20",
    "contacts show": "diplowatch contacts show 42 --json",
    "crawl": "diplowatch crawl --source tass",
    "daemon": "DIPLOWATCH_CONFIG=/etc/diplowatch.toml diplowatch daemon",
    "db": "diplowatch db upgrade",
    "db current": "diplowatch db current",
    "db upgrade": "DIPLOWATCH_DATABASE_URL=postgresql+psycopg://dw@db/dw diplowatch db upgrade",
    "deliveries": "diplowatch deliveries list --status dead",
    "deliveries list": "diplowatch deliveries list --status dead --json",
    "deliveries retry": "diplowatch deliveries retry --all-dead",
    "deliveries run": "diplowatch deliveries run",
    "demo": "diplowatch demo --keep ./demo-data",
    "eval": "diplowatch eval contacts labelled.jsonl --errors",
    "eval contacts": "diplowatch eval contacts labelled.jsonl --errors",
    "extract": "diplowatch extract https://www.example.org/news/2024/putin-call",
    "kb": "diplowatch kb show Lavrov",
    "kb show": "diplowatch kb show Lavrov",
    "kb update": "diplowatch kb update",
    "report": "diplowatch report --html contacts.html --since 2024-01-01",
    "reprocess": "diplowatch reprocess --since 2024-06-01",
    "run": "diplowatch run --source kremlin",
    "serve": "diplowatch serve --host 0.0.0.0 --port 8470",
    "sources": "diplowatch sources list --urls",
    "sources list": "diplowatch sources list --json",
    "subscriptions": "diplowatch subscriptions add --email desk@example.org --actor Putin",
    "subscriptions add": "diplowatch subscriptions add --apprise ntfy://my-topic --actor Putin "
    "--state China --type call",
    "subscriptions list": "diplowatch subscriptions list --json",
    "subscriptions remove": "diplowatch subscriptions remove 3",
    "subscriptions test": "diplowatch subscriptions test 3",
    "tokens": "diplowatch tokens create --name dashboard",
    "tokens create": "diplowatch tokens create --name dashboard",
    "tokens list": "diplowatch tokens list --json",
    "tokens revoke": "diplowatch tokens revoke 3",
}


def with_example(command: click.Command, path: str) -> click.Command:
    """`command` with its example as the epilog (and its subcommands', for a group)."""
    example = EXAMPLES.get(path)
    if example and not command.epilog:
        # \b keeps click from re-wrapping the example into the paragraph.
        command.epilog = f"\b\nExample:\n  {example}"
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            with_example(sub, f"{path} {name}".strip())
    return command
