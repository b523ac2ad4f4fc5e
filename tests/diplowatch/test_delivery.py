"""The delivery worker against a real store (SQLite and PostgreSQL) and a live receiver."""

from __future__ import annotations

import json
import random
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from aiosmtpd.controller import Controller
from standardwebhooks import Webhook

from alerts.email import SmtpSettings
from alerts.retry import MAX_ATTEMPTS
from alerts.webhooks import new_secret
from contacts import Participant
from diplowatch.db import Database
from diplowatch.delivery import WorkerSettings, deliver_due, digest_due, run_worker
from store import repository as repo
from tests.alerts.receiver import DrippingReceiver, Receiver, Reply
from tests.alerts.smtp import Mailbox, free_port, parse
from tests.diplowatch.store_support import (
    MODI,
    PUTIN,
    XI,
    Clock,
    deliveries,
    open_test_database,
    save_contact,
    settings,
    subscribe,
    subscription,
)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_test_database(database_url)
    yield database
    database.close()


def test_contact_is_delivered_signed_and_marked_sent(
    database: Database, receiver: Receiver
) -> None:
    secret = new_secret()
    subscribe(database, receiver.url, secret=secret)
    contact_id = save_contact(database, [PUTIN, XI])
    report = deliver_due(database, settings())
    assert (report.claimed, report.sent, report.failed) == (1, 1, 0)
    (got,) = receiver.received
    event = Webhook(secret).verify(got.body, got.headers)
    assert event["type"] == "contact.created" and event["data"]["id"] == contact_id
    assert event["data"]["summary"] == "Putin – Xi: phone call, 16 May 2024"
    assert [p["role"] for p in event["data"]["participants"]] == ["initiator", "recipient"]
    assert event["data"]["articles"][0]["source"] == "tass"
    (row,) = deliveries(database)
    assert row.status == "sent" and row.attempts == 1 and row.delivered_at is not None
    assert got.headers["webhook-id"] == row.message_id
    assert deliver_due(database, settings()).claimed == 0  # nothing sent twice


def test_receiver_down_then_up_gets_everything_once(database: Database) -> None:
    port = free_port()
    subscribe(database, f"http://127.0.0.1:{port}/hook", secret=new_secret())
    pairs = [[PUTIN, XI], [PUTIN, MODI], [XI, MODI]]
    for pair in pairs:
        save_contact(database, pair)
    clock = Clock()
    rng = random.Random(5)
    # Down: nothing listens on the port.
    first = deliver_due(database, settings(clock), rng=rng)
    assert (first.claimed, first.failed) == (3, 3)
    assert all(
        d.last_error == f"connection refused by 127.0.0.1:{port}" for d in deliveries(database)
    )
    assert deliver_due(database, settings(clock), rng=rng).claimed == 0  # not due yet
    with Receiver(port=port) as receiver:
        receiver.reply(Reply(503), Reply(503), Reply(503))  # coming up: still failing
        clock.advance(seconds=6)
        assert deliver_due(database, settings(clock), rng=rng).failed == 3
        save_contact(database, [PUTIN, XI, MODI])  # news keeps coming meanwhile
        clock.advance(minutes=6)
        final = deliver_due(database, settings(clock), rng=rng)
        assert final.sent == 4
        clock.advance(hours=30)
        assert deliver_due(database, settings(clock), rng=rng).claimed == 0
        rows = deliveries(database)
        assert {d.status for d in rows} == {"sent"}
        ids = receiver.ids()
        assert len(ids) == 3 + 4  # three 503s, then each alert once
        assert sorted(set(ids)) == sorted(d.message_id for d in rows)
        # After the 503s, every webhook-id arrived exactly once.
        assert sorted(ids[3:]) == sorted(d.message_id for d in rows)


def test_failing_receiver_goes_dead_after_the_schedule_and_can_be_retried(
    database: Database, receiver: Receiver
) -> None:
    receiver.default = Reply(500)
    subscribe(database, receiver.url, secret=new_secret())
    save_contact(database, [PUTIN, XI])
    clock = Clock()
    for attempt in range(MAX_ATTEMPTS):
        report = deliver_due(database, settings(clock))
        assert report.claimed == 1, f"attempt {attempt + 1} was not due"
        clock.advance(hours=11)  # more than any single step, even with jitter
    (row,) = deliveries(database)
    assert row.status == "dead" and row.attempts == MAX_ATTEMPTS
    assert row.last_error == "HTTP 500 Internal Server Error"
    assert len(set(receiver.ids())) == 1  # the same webhook-id every time
    with database.sessions.begin() as session:
        assert repo.retry_dead_deliveries(session) == 1
    receiver.default = Reply(204)
    assert deliver_due(database, settings(clock)).sent == 1
    assert receiver.ids().count(row.message_id) == MAX_ATTEMPTS + 1


def test_retry_after_is_honoured(database: Database, receiver: Receiver) -> None:
    subscribe(database, receiver.url, secret=new_secret())
    save_contact(database, [PUTIN, XI])
    clock = Clock()
    receiver.reply(Reply(429, {"Retry-After": "3600"}))
    deliver_due(database, settings(clock))
    (row,) = deliveries(database)
    assert row.status == "pending" and row.next_attempt_at - clock.now == timedelta(hours=1)


def test_410_disables_the_subscription(database: Database, receiver: Receiver) -> None:
    sub_id = subscribe(database, receiver.url, secret=new_secret())
    save_contact(database, [PUTIN, XI])
    receiver.reply(Reply(410))
    report = deliver_due(database, settings())
    assert report.disabled == [sub_id] and report.dead == 1
    disabled = subscription(database, sub_id)
    assert not disabled.active and "410" in disabled.disabled_reason
    save_contact(database, [PUTIN, MODI])  # later news: no delivery for a disabled subscription
    assert len(deliveries(database)) == 1
    assert deliver_due(database, settings()).claimed == 0
    assert len(receiver.received) == 1


def test_queued_deliveries_of_a_disabled_subscription_die(
    database: Database, receiver: Receiver
) -> None:
    sub_id = subscribe(database, receiver.url, secret=new_secret())
    save_contact(database, [PUTIN, XI])
    with database.sessions.begin() as session:
        repo.disable_subscription(session, sub_id, "switched off by the operator")
    assert deliver_due(database, settings()).dead == 1
    (row,) = deliveries(database)
    assert row.status == "dead" and "switched off by the operator" in row.last_error
    assert receiver.received == []


def test_private_target_is_refused_once_and_dead(database: Database, receiver: Receiver) -> None:
    subscribe(database, receiver.url, secret=new_secret())
    save_contact(database, [PUTIN, XI])
    report = deliver_due(database, settings(allow_private=False))
    assert report.dead == 1 and receiver.received == []
    (row,) = deliveries(database)
    assert row.attempts == 1 and "private" in row.last_error


def test_each_subscription_gets_what_its_filters_select(database: Database) -> None:
    with Receiver() as by_actor, Receiver() as by_state_and_type, Receiver() as everything:
        subscribe(database, by_actor.url, secret=new_secret(), filters={"actors": ["Q1058"]})
        subscribe(
            database,
            by_state_and_type.url,
            secret=new_secret(),
            filters={"states": ["CHN"], "types": ["meeting"]},
        )
        subscribe(database, everything.url, secret=new_secret())
        call = save_contact(database, [PUTIN, XI])
        meeting = save_contact(database, [XI, MODI], kind="meeting")
        visit = save_contact(database, [PUTIN, MODI], kind="visit", source="kremlin")
        assert deliver_due(database, settings()).sent == 2 + 1 + 3

        def contact_ids(receiver: Receiver) -> set[int]:
            return {json.loads(r.body)["data"]["id"] for r in receiver.received}

        assert contact_ids(by_actor) == {meeting, visit}
        assert contact_ids(by_state_and_type) == {meeting}
        assert contact_ids(everything) == {call, meeting, visit}


def test_daily_digest_is_one_email_after_the_day_ends(database: Database) -> None:
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        smtp = SmtpSettings(
            "127.0.0.1", controller.port, None, None, "none", "alerts@diplowatch.example", 5.0
        )
        subscribe(database, "desk@example.org", channel="email", mode="daily")
        save_contact(database, [PUTIN, XI])
        save_contact(database, [XI, MODI], kind="meeting")
        clock = Clock()
        first = deliver_due(database, settings(clock, smtp=smtp))
        assert first.deferred == 2 and handler.messages == []
        due = digest_due(deliveries(database)[0].created_at, timedelta(days=1))
        assert all(d.next_attempt_at == due and d.attempts == 0 for d in deliveries(database))
        clock.now = due + timedelta(seconds=1)
        assert deliver_due(database, settings(clock, smtp=smtp)).sent == 2
        (envelope,) = handler.messages
        message = parse(envelope)
        assert message["Subject"] == "diplowatch daily digest: 2 contacts, 16 May 2024"
        text = message.get_body(("plain",)).get_content()
        assert "Putin – Xi: phone call" in text and "Xi – Modi: meeting" in text
    finally:
        controller.stop()


def test_immediate_email_alert(database: Database) -> None:
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        smtp = SmtpSettings(
            "127.0.0.1", controller.port, None, None, "none", "alerts@diplowatch.example", 5.0
        )
        subscribe(database, "desk@example.org", channel="email")
        save_contact(database, [PUTIN, MODI], kind="visit")
        handler.refuse_next = 1
        assert deliver_due(database, settings(smtp=smtp)).failed == 1
        assert "550" in deliveries(database)[0].last_error
        with database.sessions.begin() as session:
            repo.requeue_delivery(session, repo.list_deliveries(session)[0])
        assert deliver_due(database, settings(smtp=smtp)).sent == 1
        assert parse(handler.messages[0])["Subject"] == "Putin – Modi: visit, 16 May 2024"
    finally:
        controller.stop()


def test_digest_boundaries() -> None:
    at = datetime(2024, 5, 16, 13, 42, 5, tzinfo=UTC)
    assert digest_due(at, timedelta(hours=1)) == datetime(2024, 5, 16, 14, 0, tzinfo=UTC)
    assert digest_due(at, timedelta(days=1)) == datetime(2024, 5, 17, 0, 0, tzinfo=UTC)


def test_free_port_helper_gives_a_closed_port() -> None:
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", free_port()), timeout=2)


def test_two_workers_at_once_never_send_the_same_delivery(
    database: Database, receiver: Receiver
) -> None:
    subscribe(database, receiver.url, secret=new_secret())
    people = [Participant(f"P{i}", f"Person {i}", f"Q8{i:04d}", "AAA") for i in range(13)]
    for a, b in zip(people, people[1:], strict=False):
        save_contact(database, [a, b])
    small = settings(batch_size=3)
    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(lambda _: drain(database, small), range(2)))
    assert sum(reports) == 12
    ids = receiver.ids()
    assert len(ids) == len(set(ids)) == 12


def drain(database: Database, worker: WorkerSettings) -> int:
    sent = 0
    while (report := deliver_due(database, worker)).claimed:
        sent += report.sent
    return sent


def test_a_stuck_receiver_does_not_hold_back_other_subscribers(
    database: Database, receiver: Receiver
) -> None:
    stop = threading.Event()
    worker = threading.Thread(
        target=run_worker,
        args=(database, settings(webhook_timeout=20.0, interval=0.05), stop),
        daemon=True,
    )
    try:
        with DrippingReceiver(every=0.2) as stuck:
            subscribe(database, stuck.url, secret=new_secret())
            subscribe(database, receiver.url, secret=new_secret())
            save_contact(database, [PUTIN, XI])
            worker.start()
            assert receiver.wait_for(1), "the healthy subscriber waited for the stuck one"
            assert stuck.requests.wait(10)
            # A contact found while the stuck send is still in flight goes out at once too.
            save_contact(database, [PUTIN, MODI])
            assert receiver.wait_for(2, timeout=10), "a later alert waited for the stuck send"
            assert stuck.open_connections >= 1  # the stuck send is still going on
    finally:  # the stuck receiver has hung up by now: the worker's last send ends at once
        stop.set()
        worker.join(30)
    assert not worker.is_alive()


def test_each_job_is_leased_for_its_own_channel(database: Database) -> None:
    subscribe(database, "http://127.0.0.1:9/hook", secret=new_secret())
    subscribe(database, "alerts@example.org", channel="email")
    save_contact(database, [PUTIN, XI])
    clock = Clock()
    smtp = SmtpSettings("127.0.0.1", 1, None, None, "none", "a@example.org", 30.0)
    worker = settings(clock, webhook_timeout=10.0, smtp=smtp)
    with database.sessions.begin() as session:
        claimed = repo.claim_due_deliveries(
            session,
            limit=10,
            lease=lambda d: worker.lease_for(d.subscription.channel),
            now=clock.now,
        )
        leases = {d.subscription.channel: d.lease_until - clock.now for d in claimed}
    # A webhook has a 10 s deadline: a crashed worker's webhooks come back after 15 s, not 7 min.
    assert leases["webhook"] == timedelta(seconds=15)
    assert leases["email"] > timedelta(seconds=30 * 5)
