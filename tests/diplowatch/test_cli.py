"""The command line: `diplowatch db` through the real console script (SQLite and PostgreSQL),
one-line errors, every command's help, and a `--help` that loads nothing heavy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
from sqlalchemy import inspect

import store

DIPLOWATCH = [sys.executable, "-c", "from diplowatch.cli import main; main()"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    full_env.update(env or {})
    return subprocess.run(
        [*DIPLOWATCH, *args], capture_output=True, text=True, env=full_env, timeout=120
    )


def test_db_upgrade_creates_the_schema(database_url: str) -> None:
    result = run("db", "upgrade", env={"DIPLOWATCH_DATABASE_URL": database_url})
    assert result.returncode == 0, result.stderr
    engine = store.make_engine(database_url)
    assert {"articles", "contacts", "contact_mentions", "deliveries"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()
    current = run("db", "current", env={"DIPLOWATCH_DATABASE_URL": database_url})
    assert "up to date" in current.stdout


def test_broken_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[crawl]\ntimeout = 5\n", encoding="utf-8")
    result = run("--config", str(broken), "db", "upgrade")
    assert result.returncode == 2
    assert result.stderr.strip() == "diplowatch: error: crawl.timeout: unknown key"
    assert "Traceback" not in result.stderr


def test_unreachable_database_is_one_line_and_exit_2() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"
    result = run("db", "current", env={"DIPLOWATCH_DATABASE_URL": url})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot open database" in result.stderr


def command_paths() -> list[list[str]]:
    """Every command and subcommand, as the words that name it ([] is `diplowatch` itself)."""
    from click import Group

    from diplowatch.cli import cli

    def walk(group: Group, path: list[str]):
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None, name
            yield [*path, name]
            if isinstance(command, Group):
                yield from walk(command, [*path, name])

    return [[], *walk(cli, [])]


def test_every_command_has_help() -> None:
    from click.testing import CliRunner

    from diplowatch.cli import cli

    paths = command_paths()
    assert len(paths) > 30
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output


def test_the_command_list_says_what_each_command_says_of_itself() -> None:
    from diplowatch.cli import COMMANDS, cli

    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None, name
        listed = click.Command(name, help=COMMANDS[name][1])
        for limit in (45, 200):
            assert listed.get_short_help_str(limit) == command.get_short_help_str(limit), name


# What a command imports to run, never to print its help: the store, Scrapy, the extractor,
# the API's web stack, the scheduler, the NLP models and the terminal tables.
HEAVY = ("sqlalchemy", "alembic", "scrapy", "twisted", "trafilatura", "fastapi", "uvicorn",
         "pydantic", "apscheduler", "spacy", "rich")  # fmt: skip

# One process imports the command line, then forks a child per command line to run: each child
# starts from what `diplowatch` itself loads, and reports what running its arguments added.
HELP_PROBE = """
import contextlib, io, json, os, sys
from diplowatch.cli import main
for args in json.loads(sys.argv[1]):
    pid = os.fork()
    if pid == 0:
        out, code = io.StringIO(), 0
        with contextlib.redirect_stdout(out):
            try:
                main(args)
            except SystemExit as exc:
                code = exc.code
        heavy = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
        print(json.dumps({"args": args, "code": code, "out": out.getvalue(), "heavy": heavy}))
        sys.stdout.flush()
        os._exit(0)
    os.waitpid(pid, 0)
"""


def test_help_of_every_command_loads_nothing_heavy() -> None:
    import json

    runs = [[*path, "--help"] for path in command_paths()] + [["--version"]]
    result = subprocess.run(
        [sys.executable, "-c", HELP_PROBE, json.dumps(runs), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["args"] for r in reports] == runs, result.stderr
    for report in reports:
        assert report["code"] == 0, report
        assert "Usage:" in report["out"] or "version" in report["out"], report
    loaded = {" ".join(r["args"]): r["heavy"] for r in reports if r["heavy"]}
    assert loaded == {}, f"loaded for --help: {loaded}"
