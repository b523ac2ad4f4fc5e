"""The `diplowatch` command line. Each area's commands live in diplowatch/commands/.

Nothing heavy is imported to parse the command line or print `--help`: a command's module (and
the store, Scrapy, FastAPI ... behind it) is imported when that command runs.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from diplowatch.config import ConfigError
from diplowatch.context import AppContext, UserError
from diplowatch.examples import EXAMPLES, with_example

# Command name -> (module under diplowatch.commands exposing `command`, the command's summary as
# `--help` lists it). Modules are imported when their command runs, so `diplowatch run` (started by
# the daemon for every crawl) does not pay for the API's or the report's imports, and `--help` for
# none; tests/diplowatch/test_cli.py checks each summary against its command's own.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "Run the whole flow offline on a bundled sample news site."),
    "run": ("run", "Crawl the due sources (or the named ones), detect, store, deliver; then exit."),
    "daemon": (
        "daemon",
        "Run until stopped (SIGTERM, Ctrl-C): each source's crawl on its schedule, the alert "
        "delivery worker, housekeeping, and GET /healthz and /metrics on api.host:api.port (with "
        "the API when daemon.serve_api is true).",
    ),
    "crawl": (
        "crawl",
        "Crawl sources once: new articles, their contacts, and queued alerts go to the store.",
    ),
    "sources": ("sources", "The configured news sources."),
    "extract": (
        "extract",
        "Extract the article (and its contacts) from URL|FILE, or from a --batch file.",
    ),
    "reprocess": (
        "reprocess",
        "Re-extract stored pages and detect their contacts again (after an upgrade of either).",
    ),
    "contacts": ("contacts", "Stored contacts: list, show one, export."),
    "report": (
        "report",
        "Write an HTML report: timeline, who-talked-to-whom graph, filters, evidence and links.",
    ),
    "subscriptions": (
        "subscriptions",
        "Alert subscriptions: add (webhook, e-mail or Apprise, with filters), list, remove, test.",
    ),
    "deliveries": (
        "deliveries",
        "Alert deliveries: list, retry dead ones, run the delivery worker.",
    ),
    "serve": ("serve", "Serve the HTTP API (subscriptions, contacts, sources) until interrupted."),
    "tokens": ("tokens", "API tokens: create (shown once), list, revoke."),
    "kb": ("kb", "The actor knowledge base: who held which office of which state, when."),
    "eval": ("evaluate", "Measure the detector against labelled data."),
    "db": ("db", "Database schema: upgrade and inspect."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use, and listed without."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _ = COMMANDS[name]
        command: click.Command = importlib.import_module(f"diplowatch.commands.{module}").command
        return with_example(command, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click's own listing, from the table instead of from every imported command.
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=summary).get_short_help_str(limit))
            for name, (_, summary) in sorted(COMMANDS.items())
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"\b\nExample:\n  {EXAMPLES['']}",
)
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
    except Exception as exc:
        message = _user_error_message(exc)
        if message is None:
            raise
        UserError(message).show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(0)


def _user_error_message(exc: Exception) -> str | None:
    """One line for an error the user can fix, else None (a bug: the traceback is shown)."""
    if isinstance(exc, _user_errors()):
        return str(exc)
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import DBAPIError

        from diplowatch.masking import mask_urls

        # The database file went bad under us: read-only, damaged, the disk full.
        if isinstance(exc, DBAPIError) and exc.orig is not None:
            reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "?"
            return mask_urls(f"database error: {reason}")
    return None


def _user_errors() -> tuple[type[Exception], ...]:
    # Imported here, not at the top: the store's modules are loaded by then if one of their
    # errors was raised, and `--help` must not load them.
    from diplowatch.db import DatabaseUnavailable
    from store import SchemaOutdated

    return (ConfigError, DatabaseUnavailable, SchemaOutdated)
