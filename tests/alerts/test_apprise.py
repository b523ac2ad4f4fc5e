"""The Apprise channel: same outbox, retries and filters; sent to a real local receiver through
Apprise's own json:// service."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from alerts.apprise_channel import check_apprise_url, send_apprise
from diplowatch.db import Database
from diplowatch.delivery import deliver_due
from tests.alerts.receiver import Receiver, Reply
from tests.diplowatch.store_support import (
    MODI,
    PUTIN,
    XI,
    deliveries,
    open_test_database,
    save_contact,
    settings,
    subscribe,
)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_test_database(database_url)
    yield database
    database.close()


def apprise_url(receiver: Receiver) -> str:
    return "json" + receiver.url[len("http") :]  # json://127.0.0.1:PORT/hook


def test_an_apprise_subscription_gets_each_contact(database: Database, receiver: Receiver) -> None:
    subscribe(database, apprise_url(receiver), channel="apprise")
    save_contact(database, [PUTIN, XI])
    report = deliver_due(database, settings())
    assert (report.claimed, report.sent, report.failed) == (1, 1, 0)
    (got,) = receiver.received
    body = json.loads(got.body)
    assert body["title"] == "Putin – Xi: phone call, 16 May 2024"
    assert "Vladimir Putin" in body["message"] and "A call between" in body["message"]
    (row,) = deliveries(database)
    assert row.status == "sent"
    assert deliver_due(database, settings()).claimed == 0  # nothing sent twice


def test_a_failing_service_is_retried_on_schedule(database: Database, receiver: Receiver) -> None:
    subscribe(database, apprise_url(receiver), channel="apprise")
    save_contact(database, [PUTIN, XI])
    receiver.reply(Reply(status=500))
    report = deliver_due(database, settings())
    assert (report.sent, report.failed) == (0, 1)
    (row,) = deliveries(database)
    assert row.status == "pending" and row.last_error.startswith("apprise json")
    assert row.next_attempt_at is not None


def test_filters_hold_for_apprise_too(database: Database, receiver: Receiver) -> None:
    subscribe(database, apprise_url(receiver), channel="apprise", filters={"types": ["visit"]})
    save_contact(database, [PUTIN, XI])  # a call: not wanted
    save_contact(database, [PUTIN, MODI], kind="visit")
    assert deliver_due(database, settings()).sent == 1
    (got,) = receiver.received
    assert json.loads(got.body)["title"].startswith("Putin – Modi: visit")


def test_private_json_targets_are_refused_unless_allowed(receiver: Receiver) -> None:
    refused = send_apprise(apprise_url(receiver), "t", "b", allow_private=False)
    assert not refused.ok and refused.permanent and receiver.received == []


@pytest.mark.parametrize(
    ("url", "ok"),
    [("ntfy://diplowatch-alerts", True), ("json://hooks.example.org/in", True),
     ("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ", True),
     ("not a url", False), ("nosuchservice://x", False), ("", False)],
)  # fmt: skip
def test_urls_apprise_cannot_use_are_refused(url: str, ok: bool) -> None:
    assert (check_apprise_url(url) is None) == ok


def test_subscriptions_test_sends_a_test_event_through_apprise(
    database: Database, receiver: Receiver, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from diplowatch.cli import cli

    config = tmp_path / "c.toml"
    config.write_text("[alerts]\nallow_private_targets = true\n", encoding="utf-8")
    env = {"DIPLOWATCH_CONFIG": str(config),
           "DIPLOWATCH_DATABASE_URL": str(database.engine.url.render_as_string(hide_password=False))}  # fmt: skip
    added = CliRunner().invoke(
        cli, ["subscriptions", "add", "--apprise", apprise_url(receiver)], env=env
    )
    assert added.exit_code == 0, added.output
    sub_id = added.stdout.split()[1].rstrip(":")
    tested = CliRunner().invoke(cli, ["subscriptions", "test", sub_id], env=env)
    assert tested.exit_code == 0, tested.output
    (got,) = receiver.received
    assert json.loads(got.body)["title"].startswith("[test] ")
