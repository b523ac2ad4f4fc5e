"""`diplowatch subscriptions` and `diplowatch deliveries` on a real SQLite store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from standardwebhooks import Webhook

from diplowatch.cli import cli
from diplowatch.db import Database
from store import repository as repo
from tests.alerts.receiver import Receiver, Reply
from tests.diplowatch.store_support import PUTIN, XI, open_test_database, save_contact
from tests.support.databases import sqlite_url


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "diplowatch.toml"
    config.write_text(
        "[alerts]\nallow_private_targets = true\nwebhook_timeout = 2.0\n", encoding="utf-8"
    )
    return {"DIPLOWATCH_CONFIG": str(config), "DIPLOWATCH_DATABASE_URL": sqlite_url(tmp_path)}


@pytest.fixture
def database(env: dict[str, str]) -> Iterator[Database]:
    database = open_test_database(env["DIPLOWATCH_DATABASE_URL"])
    yield database
    database.close()


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def stored(database: Database) -> list:
    with database.sessions() as session:
        return list(repo.list_subscriptions(session))


def test_add_webhook_prints_the_secret_once_and_stores_canonical_filters(
    env: dict[str, str], database: Database
) -> None:
    result = run(
        env,
        "subscriptions", "add", "--webhook", "https://hooks.example.org/in",
        "--actor", "Vladimir Putin", "--actor", "Q15031", "--type", "call",
        "--state", "rus", "--min-confidence", "0.7", "--digest", "hourly",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    first, second = result.stdout.splitlines()
    assert first.startswith("subscription 1: webhook https://hooks.example.org/in")
    secret = second.rsplit(" ", 1)[1]
    assert secret.startswith("whsec_")
    (row,) = stored(database)
    assert row.secret == secret and row.mode == "hourly" and row.active
    assert row.filters == {
        "actors": ["kb:vladimir-putin", "kb:xi-jinping"],  # resolved through the KB
        "states": ["RUS"],
        "types": ["call"],
        "min_confidence": 0.7,
    }
    listing = run(env, "subscriptions", "list")
    assert listing.exit_code == 0 and secret not in listing.output
    assert listing.stdout.split()[:3] == ["id", "channel", "target"]
    (listed,) = json.loads(run(env, "subscriptions", "list", "--json").stdout)
    assert listed["target"] == "https://hooks.example.org/in" and secret not in json.dumps(listed)


def test_add_email(env: dict[str, str], database: Database) -> None:
    result = run(env, "subscriptions", "add", "--email", "desk@example.org", "--status", "planned")
    assert result.exit_code == 0 and "secret" not in result.output
    (row,) = stored(database)
    assert (row.channel, row.target, row.secret) == ("email", "desk@example.org", None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--webhook", "ftp://example.org/x"],
            "--webhook ftp://example.org/x: not an http:// or https:// URL",
        ),
        (["--webhook", "https://exa mple.org:x/"], "--webhook https://exa mple.org:x/: "),
        (["--email", "not-an-address"], "--email not-an-address: must look like an e-mail"),
        (["--webhook", "https://a.example/", "--email", "a@b.org"], "give exactly one of"),
        ([], "give exactly one of"),
        (["--email", "a@b.org", "--type", "phone"], "filters.types: 'phone' is not one of"),
        (["--email", "a@b.org", "--min-confidence", "2"], "filters.min_confidence: must be"),
        (["--email", "a@b.org", "--min-confidence", "9" * 4000], "filters.min_confidence: must"),
        (["--email", "a@b.org", "--min-confidence", "nan"], "filters.min_confidence: must be"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_stored(
    env: dict[str, str], database: Database, args: list[str], message: str
) -> None:
    result = run(env, "subscriptions", "add", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"diplowatch: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert stored(database) == []


def test_unknown_filter_flag_is_refused(env: dict[str, str], database: Database) -> None:
    result = run(env, "subscriptions", "add", "--email", "a@b.org", "--country", "RUS")
    assert result.exit_code == 2 and "--country" in result.stderr
    assert stored(database) == []


def test_private_webhook_refused_unless_allowed(
    env: dict[str, str], database: Database, tmp_path: Path
) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[alerts]\nallow_private_targets = false\n", encoding="utf-8")
    result = run(
        {**env, "DIPLOWATCH_CONFIG": str(strict)},
        "subscriptions", "add", "--webhook", "http://localhost:8080/in",
    )  # fmt: skip
    assert result.exit_code == 2 and "local name" in result.stderr
    assert stored(database) == []


def test_remove(env: dict[str, str], database: Database) -> None:
    run(env, "subscriptions", "add", "--email", "desk@example.org")
    assert run(env, "subscriptions", "remove", "1").exit_code == 0
    assert stored(database) == []
    missing = run(env, "subscriptions", "remove", "1")
    assert missing.exit_code == 2 and "no subscription 1" in missing.stderr


def test_test_sends_a_signed_test_event(
    env: dict[str, str], database: Database, receiver: Receiver
) -> None:
    added = run(env, "subscriptions", "add", "--webhook", receiver.url)
    secret = added.stdout.splitlines()[1].rsplit(" ", 1)[1]
    result = run(env, "subscriptions", "test", "1")
    assert result.exit_code == 0 and "delivered (HTTP 204)" in result.stdout
    (got,) = receiver.received
    assert Webhook(secret).verify(got.body, got.headers)["type"] == "test"
    receiver.reply(Reply(500))
    failed = run(env, "subscriptions", "test", "1")
    assert failed.exit_code == 1 and "HTTP 500" in failed.stderr


def test_deliveries_list_retry_and_run_once(
    env: dict[str, str], database: Database, receiver: Receiver
) -> None:
    run(env, "subscriptions", "add", "--webhook", receiver.url)
    save_contact(database, [PUTIN, XI])
    receiver.default = Reply(500)
    with database.sessions.begin() as session:  # a delivery that used up its schedule
        (row,) = repo.claim_due_deliveries(session, limit=5, lease=timedelta(seconds=60))
        repo.mark_delivery_failed(session, row, "HTTP 500 Internal Server Error", None)
    (dead,) = json.loads(run(env, "deliveries", "list", "--status", "dead", "--json").stdout)
    assert (dead["id"], dead["sub"], dead["channel"]) == (row.id, 1, "webhook")
    assert dead["status"] == "dead" and dead["attempts"] == 1 and "HTTP 500" in dead["error"]
    table = run(env, "deliveries", "list", "--status", "dead").stdout
    assert table.split()[:3] == ["id", "sub", "channel"] and "HTTP 500" in table
    assert run(env, "deliveries", "list", "--status", "sent").stdout == ""

    assert run(env, "deliveries", "retry").exit_code == 2
    assert run(env, "deliveries", "retry", "99").exit_code == 2
    assert run(env, "deliveries", "retry", str(row.id)).stdout == "1 delivery queued for sending\n"
    receiver.default = Reply(204)
    once = run(env, "deliveries", "run", "--once")
    assert once.exit_code == 0 and "1 sent, 0 failed" in once.stderr
    assert receiver.ids() == [row.message_id]
    sent = json.loads(run(env, "deliveries", "list", "--status", "sent", "--json").stdout)
    assert [d["id"] for d in sent] == [row.id]
    not_retryable = run(env, "deliveries", "retry", str(row.id))
    assert not_retryable.exit_code == 2 and "is sent" in not_retryable.stderr
    assert (
        run(env, "deliveries", "retry", "--all-dead").stdout == "0 deliveries queued for sending\n"
    )
