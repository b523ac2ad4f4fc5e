"""One party, one identity: the store keys people by the detector's Participant.key(), a
migration moves old keys to it, and two writers on PostgreSQL never both add one contact."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import date

import pytest
from sqlalchemy import select, text

import store
from contacts import Contact as DetectedContact
from contacts import Participant
from diplowatch.db import open_database
from diplowatch.recording import record_contacts
from store import repository as repo
from store.models import Contact, ContactParticipant
from tests.support.databases import postgres_database

XANANA = Participant("Xanana Gusmão", None, None, "TLS", "Prime Minister")


def found(other: Participant) -> DetectedContact:
    return DetectedContact(
        type="meeting",
        mode=None,
        status="occurred",
        date=date(2024, 5, 16),
        participants=[XANANA, other],
        evidence=["They met."],
        confidence=0.8,
    )


def store_article(session, url: str, contact: DetectedContact) -> None:  # type: ignore[no-untyped-def]
    source = repo.get_or_create_source(session, "desk")
    article = repo.add_article(
        session,
        repo.NewArticle(
            url=url,
            canonical_url=url,
            body="They met.",
            content_hash=hashlib.sha256(url.encode()).hexdigest(),
            title="t",
        ),
        source=source,
    )
    record_contacts(session, article, [contact], [])


def test_two_spellings_of_one_person_are_one_contact(database_url: str) -> None:
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    engine.dispose()
    database = open_database(database_url)
    try:
        spellings = ["José Ramos-Horta Jr.", "Jose Ramos-Horta Jr"]
        for number, name in enumerate(spellings):
            with database.sessions.begin() as session:
                store_article(
                    session, f"https://a.example/{number}", found(Participant(name, state="TLS"))
                )
        with database.sessions() as session:
            contacts = session.scalars(select(Contact)).all()
            assert len(contacts) == 1 and len(contacts[0].mentions) == 2
            assert "state:TLS:jose ramos-horta jr" in contacts[0].party_key
    finally:
        database.close()


def test_the_migration_recomputes_stored_keys(database_url: str) -> None:
    engine = store.make_engine(database_url)
    store.upgrade(engine, "0002")
    old = ["state:TLS:josé ramos-horta jr.", "state:TLS:xanana gusmão"]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (type, status, confidence, party_key, first_seen, last_seen)"
                " VALUES ('meeting', 'occurred', 0.8, :key, :now, :now)"
            ),
            {"key": "|".join(sorted(old)), "now": "2024-05-16 10:00:00"},
        )
        contact_id = connection.execute(text("SELECT max(id) FROM contacts")).scalar_one()
        for key in [*old, "state:TLS:jose ramos-horta jr"]:  # one person twice, two spellings
            connection.execute(
                text(
                    "INSERT INTO contact_participants (contact_id, party_key, name, role)"
                    " VALUES (:contact, :key, 'x', 'participant')"
                ),
                {"contact": contact_id, "key": key},
            )
    store.upgrade(engine)
    with engine.connect() as connection:
        keys = connection.execute(select(ContactParticipant.party_key)).scalars().all()
        contact_key = connection.execute(select(Contact.party_key)).scalar_one()
    engine.dispose()
    assert sorted(keys) == ["state:TLS:jose ramos-horta jr", "state:TLS:xanana gusmao"]
    assert contact_key == "state:TLS:jose ramos-horta jr|state:TLS:xanana gusmao"


def _waiting_on_a_lock(url: str, timeout: float) -> bool:
    """Whether another session of this database waits for a lock within `timeout` seconds."""
    engine = store.make_engine(url)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                waiting = connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )
                ).scalar_one()
            if waiting:
                return True
            time.sleep(0.05)
        return False
    finally:
        engine.dispose()


def test_two_writers_on_postgresql_add_one_contact() -> None:
    with postgres_database() as url:
        engine = store.make_engine(url)
        store.upgrade(engine)
        engine.dispose()
        database = open_database(url)
        with database.sessions.begin() as session:
            repo.get_or_create_source(session, "desk")
        other = Participant("Anthony Albanese", "Anthony Albanese", "kb:anthony-albanese", "AUS")
        first_wrote = threading.Event()
        release_first = threading.Event()
        second_done = threading.Event()
        errors: list[BaseException] = []

        def first() -> None:
            try:
                with database.sessions.begin() as session:
                    store_article(session, "https://a.example/1", found(other))
                    first_wrote.set()
                    assert release_first.wait(30)
            except Exception as exc:  # noqa: BLE001 - reported by the test below
                errors.append(exc)

        def second() -> None:
            try:
                with database.sessions.begin() as session:
                    store_article(session, "https://b.example/1", found(other))
            except Exception as exc:  # noqa: BLE001 - reported by the test below
                errors.append(exc)
            finally:
                second_done.set()

        writers = [threading.Thread(target=first), threading.Thread(target=second)]
        try:
            writers[0].start()
            assert first_wrote.wait(30)
            writers[1].start()
            # The second writer must wait for the first's transaction, not look past it.
            blocked = _waiting_on_a_lock(url, 10) and not second_done.is_set()
            release_first.set()
            for writer in writers:
                writer.join(30)
            assert not errors, errors
            with database.sessions() as session:
                contacts = session.scalars(select(Contact)).all()
                mentions = [len(c.mentions) for c in contacts]
        finally:
            release_first.set()
            database.close()
        assert blocked
        assert len(contacts) == 1 and mentions == [2]


@pytest.mark.parametrize("name", ["José Ramos-Horta Jr.", "JOSE  RAMOS-HORTA JR"])
def test_the_store_key_is_the_detectors_key(name: str) -> None:
    from diplowatch.recording import to_new_contact

    value = to_new_contact(found(Participant(name, state="TLS")))
    assert value.participants[1].party_key == Participant(name, state="TLS").key()
