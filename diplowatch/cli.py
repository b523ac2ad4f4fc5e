"""The `diplowatch` command line. Each area's commands live in diplowatch/commands/."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from diplowatch.config import ConfigError
from diplowatch.context import AppContext, UserError
from diplowatch.db import DatabaseUnavailable
from store import SchemaOutdated

# Command name -> module under diplowatch.commands exposing `command` (a click command or group).
# Modules are imported when their command runs, so `diplowatch run` (started by the daemon for every
# crawl) does not pay for the API's or the report's imports.
COMMANDS = {
    "demo": "demo",
    "run": "run",
    "daemon": "daemon",
    "crawl": "crawl",
    "sources": "sources",
    "extract": "extract",
    "reprocess": "reprocess",
    "contacts": "contacts",
    "report": "report",
    "subscriptions": "subscriptions",
    "deliveries": "deliveries",
    "serve": "serve",
    "tokens": "tokens",
    "kb": "kb",
    "eval": "evaluate",
    "db": "db",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return importlib.import_module(f"diplowatch.commands.{module}").command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="DIPLOWATCH_CONFIG",
    help="TOML config file (default: $DIPLOWATCH_CONFIG, else built-in defaults).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="No progress display; warnings and failures only."
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Debug lines, every crawl error, and tracebacks."
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Log lines as readable text or JSON lines.",
)
@click.version_option(package_name="diplowatch")
@click.pass_context
def cli(
    ctx: click.Context, config_path: Path | None, quiet: bool, verbose: bool, log_format: str
) -> None:
    """Watch the news for diplomatic contacts: who phoned, met, visited or held talks with whom."""
    app = AppContext(config_path=config_path, quiet=quiet, verbose=verbose, log_format=log_format)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="diplowatch", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (ConfigError, DatabaseUnavailable, SchemaOutdated) as exc:
        UserError(str(exc)).show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(0)
