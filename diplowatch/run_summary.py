"""What a crawl run prints at the end: a table with one row per source, in a few lines.

A cron job mails whatever a run prints, so a run whose every source failed (no network) must say
so in a screenful, not in hundreds of lines of tracebacks. Each source is one row: pages, new
articles, new contacts, skipped pages with their most common reasons, and errors; a source that
failed names its first failed URL and the class of the cause (DNS, refused, timeout, TLS, an
HTTP status, robots.txt), which is what the operator acts on.

    print("\\n".join(summary_lines(rows, header="run 1a2b: crawled 3 source(s)")))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplowatch.crawling import RunSummary

# Cause classes of a crawl error text, first match wins. The texts are what the crawler records
# (crawler/spiders.py describe_failure: "HTTP 404", "timeout: ...", "<Exception>: message").
CAUSES: list[tuple[str, re.Pattern[str]]] = [
    ("robots disallow", re.compile(r"robots\.txt", re.I)),
    ("private address", re.compile(r"is a private address", re.I)),
    (
        "DNS",
        re.compile(
            r"DNS lookup failed|CannotResolveHost|DNSLookupError|getaddrinfo|"
            r"Name or service not known|no results for hostname|Temporary failure in name",
            re.I,
        ),
    ),
    ("refused", re.compile(r"ConnectionRefused|Connection was refused|refused", re.I)),
    ("timeout", re.compile(r"timeout|timed out|TimeoutError", re.I)),
    ("TLS", re.compile(r"\bSSL|\bTLS|certificate|handshake", re.I)),
    (
        "connection lost",
        re.compile(r"ConnectionLost|ConnectionDone|connection.*(lost|closed)", re.I),
    ),
    ("too large", re.compile(r"too large|max_page_bytes|maxsize", re.I)),
    ("redirects", re.compile(r"redirect", re.I)),
    ("not a feed", re.compile(r"invalid feed|not a feed|invalid sitemap|not a sitemap", re.I)),
]
_HTTP_STATUS = re.compile(r"^HTTP (\d{3})\b")
# Causes that mean "this machine reached nothing", as opposed to one site's trouble.
NO_NETWORK_CAUSES = {"DNS", "refused"}


def cause_of(error: str) -> str:
    """The class of a recorded error text: "DNS", "HTTP 403", "timeout", ... or "other"."""
    text = error.strip()
    status = _HTTP_STATUS.match(text)
    if status:
        return f"HTTP {status.group(1)}"
    for name, pattern in CAUSES:
        if pattern.search(text):
            return name
    return "other"


def split_error(entry: str) -> tuple[str, str]:
    """A sink error entry "URL: error text" -> (URL, error text)."""
    url, _, error = entry.partition(": ")
    return (url, error) if error else ("", entry)


# Skip reasons carry the day and the URL's own detail; grouped without them ("listed as
# published 2026-11-20, older than 7 days" and "published 2026-11-21, older than 7 days" are
# both "older than 7 days").
_REASON_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:listed as )?published \S+, (older than \d+ days)$"), r"\1"),
    (re.compile(r"^redirects to .*$"), "redirect"),
    (re.compile(r"^not html \(.*\)$"), "not html"),
]


def reason_group(reason: str) -> str:
    for pattern, replacement in _REASON_FORMS:
        if pattern.match(reason):
            return pattern.sub(replacement, reason)
    return reason


@dataclass
class SourceRow:
    """One source's line of the summary."""

    source: str
    pages: int = 0
    new_articles: int = 0
    new_contacts: int = 0
    skipped: int = 0
    skip_reasons: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    error_entries: list[str] = field(default_factory=list)  # "URL: error text"
    failed: bool = False

    @property
    def first_error(self) -> tuple[str, str] | None:
        """(cause class, URL) of the first recorded error."""
        if not self.error_entries:
            return None
        url, error = split_error(self.error_entries[0])
        return cause_of(error), url

    def skipped_text(self, top: int = 2) -> str:
        if not self.skipped:
            return "0"
        groups: Counter[str] = Counter()
        for reason, count in self.skip_reasons.items():
            groups[reason_group(reason)] += count
        parts = [f"{count} {reason}" for reason, count in groups.most_common(top)]
        return f"{self.skipped} ({', '.join(parts)})" if parts else str(self.skipped)

    def errors_text(self) -> str:
        first = self.first_error
        if not self.errors or first is None:
            return str(self.errors)
        cause, url = first
        more = len(self.error_entries) - 1
        tail = f" (+{more} more)" if more > 0 else ""
        return f"{self.errors}: {cause} {url}{tail}"


def no_network(rows: Iterable[SourceRow]) -> bool:
    """Every source failed, and each on DNS or a refused connection: the machine is offline."""
    rows = list(rows)
    if not rows or not all(row.failed for row in rows):
        return False
    causes = {row.first_error[0] for row in rows if row.first_error is not None}
    return bool(causes) and causes <= NO_NETWORK_CAUSES


def summary_lines(rows: list[SourceRow], header: str, notes: Iterable[str] = ()) -> list[str]:
    """The run's summary: the header, a table of sources, notes, and the verdict."""
    lines = [header]
    if rows:
        width = max(len("source"), *(len(row.source) for row in rows))
        skipped = [row.skipped_text() for row in rows]
        skip_width = max(len("skipped"), *(len(text) for text in skipped))
        lines.append(
            f"  {'source':<{width}}  {'pages':>5}  {'new':>4}  {'contacts':>8}  "
            f"{'skipped':<{skip_width}}  errors"
        )
        for row, skip_text in zip(rows, skipped, strict=True):
            lines.append(
                f"  {row.source:<{width}}  {row.pages:>5}  {row.new_articles:>4}  "
                f"{row.new_contacts:>8}  {skip_text:<{skip_width}}  {row.errors_text()}"
            )
    lines.extend(notes)
    failed = [row for row in rows if row.failed]
    if no_network(rows):
        lines.append(
            f"no network? every source failed to resolve or connect ({len(rows)} of {len(rows)})"
        )
    elif failed:
        lines.append(
            f"failed: {', '.join(row.source for row in failed)} ({len(failed)} of {len(rows)})"
        )
    return lines


def run_rows(summary: RunSummary) -> list[SourceRow]:
    """One row per source a run crawled (a source without stats: the crawl did not finish)."""
    report = summary.report
    failed = set(summary.failed)
    rows = []
    for name in summary.crawled:
        stats = report.stats.get(name) if report else None
        if report is None or stats is None:
            rows.append(SourceRow(name, failed=True))
            continue
        rows.append(
            SourceRow(
                name,
                pages=stats.pages_fetched,
                new_articles=stats.new_articles,
                new_contacts=report.new_contacts.get(name, 0),
                skipped=stats.skipped,
                skip_reasons=report.skip_reasons.get(name, Counter()),
                errors=stats.errors,
                error_entries=report.errors.get(name, []),
                failed=name in failed,
            )
        )
    return rows


def run_lines(summary: RunSummary) -> list[str]:
    """A run's summary for a person (or cron's mail): a table, a few notes, the verdict."""
    notes = []
    if summary.not_due:
        notes.append(f"not due: {', '.join(summary.not_due)}")
    if summary.locked:
        notes.append(f"crawled elsewhere right now: {', '.join(summary.locked)}")
    delivered = summary.delivered
    if delivered.claimed:
        notes.append(
            f"alerts: {delivered.sent} sent, {delivered.failed} to retry, {delivered.dead} dead"
        )
    if summary.crash:
        notes.append(f"crawl crashed: {summary.crash}")
    header = f"run {summary.run_id}: crawled {len(summary.crawled)} source(s)"
    return summary_lines(run_rows(summary), header, notes)
