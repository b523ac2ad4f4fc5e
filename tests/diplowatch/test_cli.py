"""The command line: `diplowatch db` through the real console script (SQLite and PostgreSQL),
one-line errors, every command's help, and a `--help` that loads nothing heavy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
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


def test_every_command_has_help() -> None:
    import click
    from click import Group
    from click.testing import CliRunner

    from diplowatch.cli import cli

    def walk(group: Group, path: list[str]):
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None, name
            yield [*path, name]
            if isinstance(command, Group):
                yield from walk(command, [*path, name])

    paths = [[], *walk(cli, [])]
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
# the API's web stack, the scheduler and the NLP models.
HEAVY = ("sqlalchemy", "alembic", "scrapy", "twisted", "trafilatura", "fastapi", "uvicorn",
         "pydantic", "apscheduler", "spacy")  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["daemon", "--help"],
        ["serve", "--help"],
        ["db", "--help"],
        ["tokens", "--help"],
        ["sources", "--help"],
        ["deliveries", "--help"],
    ],
)
def test_help_loads_nothing_heavy(args: list[str]) -> None:
    probe = (
        "import sys\n"
        "from diplowatch.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout or "version" in result.stdout
    assert result.stderr.strip() == "", f"loaded for {args}: {result.stderr.strip()}"
