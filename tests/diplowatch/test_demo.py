"""`diplowatch demo` end to end: site, crawl (child process), detector, store, signed webhooks."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from alerts.webhooks import new_secret, webhook_headers
from diplowatch.commands.demo import received_table
from diplowatch.demo.receiver import verify
from diplowatch.demo.runner import run_demo
from diplowatch.demo.site import load_site

# Articles with no contact, whose alerts would be false alarms: economy, sport, science, and
# the false friends "called for talks", "called on", "no plans to meet", "visited a temple".
NO_CONTACT_SECTIONS = {"business", "sport", "science", "world"}


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return run_demo()


def _names(message) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.get("canonical_name") or p["name"] for p in message.event["data"]["participants"]}


def test_every_alert_arrives_signed_and_once(demo) -> None:
    assert demo.received, "no alert arrived"
    assert all(m.signature_ok for m in demo.received)
    assert len({m.msg_id for m in demo.received}) == len(demo.received)
    assert demo.deliveries.get("sent") == len(demo.received)
    stats = next(iter(demo.crawl["stats"].values()))
    assert stats["new_articles"] == demo.articles_on_site  # feeds + sitemap found every page


def test_the_demo_lists_the_contacts_the_articles_report(demo) -> None:
    reported = [set(r["people"]) for a in load_site().articles for r in a.reports]
    found = [people for people in reported if any(people <= _names(m) for m in demo.received)]
    missed = [sorted(p) for p in reported if p not in found]
    # The detector is rule-based; the demo must show the bulk of what its pages report.
    assert len(found) >= 0.75 * len(reported), f"missed: {missed}"
    table = received_table(demo.received)
    assert table.row_count == len(demo.received)


def test_two_outlets_reporting_one_call_give_one_alert(demo) -> None:
    # The wire story and the official readout both report the Scholz-Putin call of 15 November.
    calls = [m for m in demo.received if _names(m) == {"Olaf Scholz", "Vladimir Putin"}]
    assert len(calls) == 1
    assert calls[0].event["data"]["articles"], "the alert links the article it came from"


def test_articles_without_contacts_raise_no_alert(demo) -> None:
    quiet = {
        a.path for a in load_site().articles if not a.reports and a.section in NO_CONTACT_SECTIONS
    }
    alerted = Counter(
        a["url"].split("//", 1)[1].split("/", 1)[1]
        for m in demo.received
        for a in m.event["data"]["articles"]
    )
    false_alarms = sorted(path for path in quiet if path.lstrip("/") in alerted)
    assert not false_alarms


def test_the_demo_receiver_accepts_only_fresh_messages_signed_with_its_secret() -> None:
    secret, body = new_secret(), b'{"type": "contact.created"}'
    now = int(time.time())
    assert verify(secret, body, webhook_headers([secret], "msg_1", now, body))
    assert not verify(secret, body, webhook_headers([new_secret()], "msg_1", now, body))
    assert not verify(secret, body + b" ", webhook_headers([secret], "msg_1", now, body))
    assert not verify(secret, body, webhook_headers([secret], "msg_1", now - 3600, body))
