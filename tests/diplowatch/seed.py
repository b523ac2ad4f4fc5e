"""A small, known set of stored contacts, written through the store's own API."""

from __future__ import annotations

from datetime import UTC, date, datetime

import store
from diplowatch.db import Database, open_database
from store import repository as repo

PUTIN = ("Q7747", "Vladimir Putin", "RUS", "President")
ERDOGAN = ("Q39723", "Recep Tayyip Erdoğan", "TUR", "President")
WANG = ("Q16199", "Wang Yi", "CHN", "Foreign Minister")
LAVROV = ("Q80137", "Sergey Lavrov", "RUS", "Foreign Minister")
MODI = ("Q1058", "Narendra Modi", "IND", "Prime Minister")
BLINKEN = ("Q2344", "Antony Blinken", "USA", "Foreign Minister")

# (type, mode, status, day, location, [(actor, role)], evidence, source, url, title)
CONTACTS = [
    (
        "call", "phone", "occurred", date(2024, 3, 4), None,
        [(PUTIN, "initiator"), (ERDOGAN, "recipient")],
        "Vladimir Putin held a telephone conversation with Recep Tayyip Erdoğan on Monday.",
        "kremlin", "https://example.org/kremlin/1", "Telephone conversation with Erdoğan",
    ),
    (
        "meeting", None, "occurred", date(2024, 3, 6), "Beijing",
        [(WANG, "participant"), (LAVROV, "participant")],
        'Wang Yi met Sergey Lavrov in Beijing on Wednesday, saying ties were "<b>strong</b>".',
        "wire", "https://example.org/wire/2", "Wang and Lavrov meet in Beijing",
    ),
    (
        "visit", None, "planned", date(2024, 3, 20), "New Delhi",
        [(BLINKEN, "initiator"), (MODI, "recipient")],
        "Antony Blinken will travel to New Delhi next week to meet Narendra Modi.",
        "wire", "https://example.org/wire/3", "Blinken to visit India",
    ),
    (
        "meeting", None, "cancelled", date(2024, 2, 10), "Ankara",
        [(LAVROV, "participant"), (ERDOGAN, "participant")],
        "A planned meeting between Lavrov and Erdoğan in Ankara was called off.",
        "kremlin", "https://example.org/kremlin/4", "Ankara talks called off",
    ),
]  # fmt: skip


def seed(database: Database) -> list[int]:
    """Store CONTACTS, each with one article; returns the contact ids in CONTACTS order."""
    ids = []
    for kind, mode, status, day, place, people, evidence, source, url, title in CONTACTS:
        with database.sessions.begin() as session:
            src = repo.get_or_create_source(session, source)
            article = repo.add_article(
                session,
                repo.NewArticle(
                    url=url,
                    canonical_url=url,
                    body=evidence,
                    content_hash=url,
                    title=title,
                    published_at=datetime.combine(day, datetime.min.time(), UTC),
                ),
                source=src,
            )
            participants = [
                repo.NewParticipant(
                    party_key=kb, name=name, role=role, kb_id=kb, canonical_name=name,
                    state=state, office=office,
                )
                for (kb, name, state, office), role in people
            ]  # fmt: skip
            contact = repo.add_contact(
                session,
                repo.NewContact(
                    type=kind, mode=mode, status=status, date=day, location=place,
                    participants=participants, confidence=0.9, cameo="040", plover_mode=mode,
                ),
            )  # fmt: skip
            repo.add_mention(session, contact, article, [evidence], 0.9)
            ids.append(contact.id)
    return ids


def seeded_database(url: str) -> tuple[Database, list[int]]:
    database = open_database(url, migrate=False)
    store.upgrade(database.engine)  # PostgreSQL test databases start empty
    return database, seed(database)


# The undated contact: its text gave no day; its one article was published on this one.
PUBLISHED = date(2023, 11, 5)


def add_undated(database: Database) -> int:
    """A contact whose text gave no date, in an article published on PUBLISHED (crawled today)."""
    with database.sessions.begin() as session:
        source = repo.get_or_create_source(session, "archive")
        url = "https://example.org/archive/2023/wang-lavrov"
        article = repo.add_article(
            session,
            repo.NewArticle(
                url=url, canonical_url=url, body="Wang Yi met Sergey Lavrov.", content_hash=url,
                title="Wang meets Lavrov",
                published_at=datetime.combine(PUBLISHED, datetime.min.time(), UTC),
            ),
            source=source,
        )  # fmt: skip
        contact = repo.add_contact(
            session,
            repo.NewContact(
                type="meeting", status="occurred", date=None, confidence=0.8,
                participants=[
                    repo.NewParticipant(party_key=kb, name=name, kb_id=kb, canonical_name=name,
                                        state=state, office=office)
                    for kb, name, state, office in (WANG, LAVROV)
                ],
            ),
        )  # fmt: skip
        repo.add_mention(session, contact, article, ["Wang Yi met Sergey Lavrov."], 0.8)
        return contact.id
