"""The run's summary: cause classes of recorded errors, skip reasons grouped, and a table that
stays a screenful when every source fails."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from diplowatch.run_summary import SourceRow, cause_of, no_network, reason_group, summary_lines

# Error texts as the crawler records them (crawler/spiders.py describe_failure) in real runs.
CAUSE_CASES = [
    (
        "CannotResolveHostError: DNS lookup failed: no results for hostname lookup: tass.com.",
        "DNS",
    ),
    ("DNSLookupError: DNS lookup failed: address 'x.example' not found", "DNS"),
    (
        "ConnectionRefusedError: Connection was refused by other side: 111: Connection refused.",
        "refused",
    ),
    ("timeout: Getting https://tass.com/rss/v2.xml took longer than 30.0 seconds.", "timeout"),
    ("TCPTimedOutError: TCP connection timed out: 110: Connection timed out.", "timeout"),
    (
        "ResponseNeverReceived: [<twisted.python.failure.Failure OpenSSL.SSL.Error: "
        "[('SSL routines', '', 'certificate verify failed')]>]",
        "TLS",
    ),
    ("HTTP 403", "HTTP 403"),
    ("HTTP 503", "HTTP 503"),
    ("IgnoreRequest: Forbidden by robots.txt", "robots disallow"),
    ("IgnoreRequest: refused: intranet.local is a private address (10.0.0.5)", "private address"),
    (
        "too large: Cancelling download of https://x.org/a: expected response size larger",
        "too large",
    ),
    ("redirect loop or too many redirects", "redirects"),
    ("invalid feed: <unknown>:1:0: syntax error", "not a feed"),
    ("ValueError: something else", "other"),
]


@pytest.mark.parametrize(("error", "cause"), CAUSE_CASES)
def test_cause_classes(error: str, cause: str) -> None:
    assert cause_of(error) == cause


@pytest.mark.parametrize(
    ("reason", "group"),
    [
        ("listed as published 2026-11-20, older than 7 days", "older than 7 days"),
        ("published 2026-11-21, older than 3 days", "older than 3 days"),
        ("redirects to https://x.org/b", "redirect"),
        ("not html (application/pdf)", "not html"),
        ("too short", "too short"),
    ],
)
def test_skip_reasons_are_grouped_without_their_details(reason: str, group: str) -> None:
    assert reason_group(reason) == group


def _offline_row(name: str) -> SourceRow:
    host = f"www.{name}.example"
    return SourceRow(
        name,
        errors=2,
        error_entries=[
            f"https://{host}/rss: CannotResolveHostError: DNS lookup failed: no results for "
            f"hostname lookup: {host}.",
            f"https://{host}/news: CannotResolveHostError: DNS lookup failed: no results",
        ],
        failed=True,
    )


def test_an_offline_run_of_every_shipped_source_fits_a_screen() -> None:
    names = [f"source-{i:02d}" for i in range(16)]
    lines = summary_lines([_offline_row(n) for n in names], "run abc: crawled 16 source(s)")
    assert len(lines) <= 30
    assert lines[-1].startswith("no network? every source failed to resolve")
    for name in names:
        (line,) = [line for line in lines if f" {name} " in line]
        assert re.search(rf"2: DNS https://www\.{name}\.example/rss \(\+1 more\)$", line)
    assert not any("Traceback" in line for line in lines)


def test_some_sources_failing_is_no_network_verdict() -> None:
    ok = SourceRow(
        "desk",
        pages=3,
        new_articles=2,
        new_contacts=1,
        skipped=5,
        skip_reasons=Counter(
            {
                "listed as published 2026-11-20, older than 7 days": 3,
                "listed as published 2026-11-21, older than 7 days": 1,
                "too short": 1,
            }
        ),
    )
    gone = _offline_row("gone")
    lines = summary_lines([ok, gone], "run abc: crawled 2 source(s)")
    assert not no_network([ok, gone])
    (desk,) = [line for line in lines if " desk " in line]
    assert re.search(r"desk\s+3\s+2\s+1\s+5 \(4 older than 7 days, 1 too short\)\s+0$", desk)
    assert lines[-1] == "failed: gone (1 of 2)"


def test_refused_everywhere_is_also_no_network() -> None:
    row = SourceRow(
        "a",
        errors=1,
        error_entries=["http://127.0.0.1:9/f: ConnectionRefusedError: Connection was refused"],
        failed=True,
    )
    assert no_network([row])
    timeout = SourceRow("b", errors=1, error_entries=["http://x/f: timeout: took"], failed=True)
    assert not no_network([row, timeout])
