"""Every command's --help ends with an example; every list command prints a table or, with
--json, JSON; no help text names a command that does not exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diplowatch.cli import cli
from tests.support.databases import sqlite_url

ROOT = Path(__file__).resolve().parents[2]


def every_command() -> list[tuple[str, ...]]:
    ctx = click.Context(cli)
    found: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        found.append(path)
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, (*path, name))

    walk(cli, ())
    return found


@pytest.mark.parametrize("path", every_command(), ids=lambda p: " ".join(p) or "diplowatch")
def test_help_ends_with_an_example_of_that_command(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-2].strip() == "Example:", result.output
    example = lines[-1].strip()
    assert "diplowatch " + " ".join(path) in example or not path, example


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"DIPLOWATCH_DATABASE_URL": sqlite_url(tmp_path), "COLUMNS": "80"}


def run(env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


LIST_COMMANDS = [
    ("contacts", "list"), ("subscriptions", "list"), ("tokens", "list"),
    ("deliveries", "list"), ("sources", "list"),
]  # fmt: skip


@pytest.mark.parametrize("command", LIST_COMMANDS, ids=" ".join)
def test_every_list_command_speaks_json(env: dict[str, str], command: tuple[str, ...]) -> None:
    run(env, "subscriptions", "add", "--webhook", "https://hooks.example.org/in", "--type", "call")
    run(env, "tokens", "create", "--name", "ci")
    result = run(env, *command, "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_list_commands_print_tables_that_fit(env: dict[str, str]) -> None:
    run(env, "subscriptions", "add", "--webhook", "https://hooks.example.org/a/long/path/x",
        "--actor", "Putin", "--state", "China")  # fmt: skip
    run(env, "tokens", "create", "--name", "ci robot")
    for command in LIST_COMMANDS:
        result = run(env, *command)
        assert result.exit_code == 0, result.output
        assert "\t" not in result.stdout  # no headerless tab lines
        assert all(len(line) <= 80 for line in result.stdout.splitlines()), result.stdout
    subscriptions = run(env, "subscriptions", "list").stdout
    assert subscriptions.split()[:3] == ["id", "channel", "target"]
    assert "kb:vladimir-putin" in subscriptions and "CHN" in subscriptions
    sources = run(env, "sources", "list").stdout
    assert not re.search(r"\b(?:[02-9]|1\d) (feed|sitemap|listing)\b", sources)  # "2 feeds"


def test_no_text_names_a_command_that_does_not_exist() -> None:
    stale = re.compile(r"diplowatch (deliver|subscribe)\b(?!ies)")
    for folder in ("diplowatch", "docs", "deploy"):
        for path in (ROOT / folder).rglob("*"):
            if (
                path.suffix in {".py", ".md", ".toml", ".service", ".timer", ".cron", ""}
                and path.is_file()
            ):
                assert not stale.search(path.read_text("utf-8", "replace")), path
    assert not stale.search((ROOT / "README.md").read_text("utf-8"))
