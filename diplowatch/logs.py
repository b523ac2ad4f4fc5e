"""Logging for the long-running commands (`run`, `daemon`): readable lines or JSON lines.

Every line carries the source being crawled and the run id, taken from context variables that
the command sets once (`log_context`), so library code (crawler, store, alerts) needs no changes
to be traceable: a grep for a run id finds the daemon's line that started a crawl, the child
process's lines, and the daemon's line that recorded the outcome.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TextIO

from diplowatch.masking import mask_urls

SOURCE: contextvars.ContextVar[str | None] = contextvars.ContextVar("source", default=None)
RUN_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("run_id", default=None)

TEXT_FORMAT = "%(asctime)s %(levelname)-7s [%(source)s %(run_id)s] %(name)s: %(message)s"


@contextmanager
def log_context(*, source: str | None = None, run_id: str | None = None) -> Iterator[None]:
    """Tag every log line emitted inside the block (in this thread or task) with these values."""
    tokens = []
    if source is not None:
        tokens.append((SOURCE, SOURCE.set(source)))
    if run_id is not None:
        tokens.append((RUN_ID, RUN_ID.set(run_id)))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


class ContextFilter(logging.Filter):
    """Copies the context variables onto each record (as `source` and `run_id`; "-" if unset).

    A value passed explicitly with `extra={"source": ...}` wins over the context.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "source", None) is None:
            record.source = SOURCE.get() or "-"
        if getattr(record, "run_id", None) is None:
            record.run_id = RUN_ID.get() or "-"
        return True


class SecretsFilter(logging.Filter):
    """No URL's password in any line: Scrapy and others log request URLs, and a feed URL may
    carry credentials. The message is rendered here, once, with the password masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_urls(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatters use exc_text when it is set: the traceback, masked, once.
            record.exc_text = mask_urls(logging.Formatter().formatException(record.exc_info))
        return True


# Loggers whose lines below WARNING are chatter in a daemon's log. Scrapy resets its own logger
# levels each time a crawl starts (logging.config.dictConfig), so levels alone do not hold them.
QUIET_BELOW_WARNING = ("scrapy", "alembic.runtime.migration", "apscheduler")


class QuietFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return not any(
            record.name == name or record.name.startswith(name + ".")
            for name in QUIET_BELOW_WARNING
        )


class OneLineFormatter(logging.Formatter):
    """Text lines without tracebacks: an exception shows as "(Type: message)" after the line.

    The default for commands a cron job runs, whose output is mailed: `-v` brings the
    tracebacks back (the plain Formatter).
    """

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        line = None
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            line = f"{type(error).__name__}: {' '.join(str(error).split())}"[:300]
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            text = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        return f"{text} ({line})" if line else text


class LibraryChatterFilter(logging.Filter):
    """Drops Scrapy's own records below CRITICAL: every failure they report reaches the crawl's
    sink as a recorded error (and the run's summary), so at the default level they only repeat
    it, with a traceback each (the robots.txt middleware logs one per unreachable host)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.CRITICAL:
            return True
        return not (record.name == "scrapy" or record.name.startswith("scrapy."))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, source, run_id (+ exception)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "source": _or_none(getattr(record, "source", None)),
            "run_id": _or_none(getattr(record, "run_id", None)),
            "pid": record.process,
        }
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _or_none(value: str | None) -> str | None:
    return None if value in (None, "-") else value


def setup_logging(
    log_format: str = "text",
    *,
    level: int = logging.INFO,
    stream: TextIO | None = None,
    brief: bool = False,
) -> None:
    """Send every logger's records to one handler on stderr, in the chosen format.

    `brief` (a cron run at its default level): no tracebacks, and none of Scrapy's own records
    below CRITICAL. Replaces handlers installed earlier on the root logger, so calling it twice
    is harmless.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(QuietFilter())
    if brief:
        handler.addFilter(LibraryChatterFilter())
    handler.addFilter(ContextFilter())
    handler.addFilter(SecretsFilter())
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    elif brief:
        handler.setFormatter(OneLineFormatter(TEXT_FORMAT))
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
