"""Saving contacts the way the application does (diplowatch.recording.record_contacts), so a
worker test sees exactly the outbox rows a crawl would leave; the delivery worker's test settings
and a clock the tests move."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import store
from alerts.email import SmtpSettings
from contacts import Contact, Participant
from diplowatch.db import Database, open_database
from diplowatch.delivery import WorkerSettings
from diplowatch.recording import record_contacts
from store import repository as repo
from store.models import Delivery, Subscription

PUTIN = Participant("Vladimir Putin", "Vladimir Putin", "Q7747", "RUS", "President")
XI = Participant("Xi Jinping", "Xi Jinping", "Q15031", "CHN", "President")
MODI = Participant("Narendra Modi", "Narendra Modi", "Q1058", "IND", "Prime Minister")


def open_test_database(url: str) -> Database:
    engine = store.make_engine(url)
    store.upgrade(engine)  # PostgreSQL is never migrated implicitly
    engine.dispose()
    return open_database(url)


def subscribe(
    database: Database,
    target: str,
    *,
    channel: str = "webhook",
    filters: dict | None = None,
    mode: str = "immediate",
    secret: str | None = None,
) -> int:
    with database.sessions.begin() as session:
        return repo.add_subscription(
            session,
            token_id=None,
            channel=channel,
            target=target,
            filters=filters or {},
            mode=mode,
            events=["contact.created"],
            secret=secret,
        ).id


def save_contact(
    database: Database,
    participants: list[Participant],
    *,
    kind: str = "call",
    day: date = date(2024, 5, 16),
    source: str = "tass",
    url: str | None = None,
) -> int:
    """Store one article reporting one contact; returns the contact's id."""
    url = url or f"https://{source}.example/{'-'.join(p.kb_id or p.name for p in participants)}"
    found = Contact(
        type=kind,  # type: ignore[arg-type]
        mode="phone" if kind == "call" else None,
        status="occurred",
        date=day,
        participants=participants,
        initiator=participants[0].canonical_name,
        evidence=[f"A {kind} between {' and '.join(p.name for p in participants)}."],
        confidence=0.9,
    )
    with database.sessions.begin() as session:
        src = repo.get_or_create_source(session, source)
        article = repo.add_article(
            session,
            repo.NewArticle(
                url=url,
                canonical_url=url,
                body=found.evidence[0],
                content_hash=hashlib.sha256(url.encode()).hexdigest(),
                title="A contact",
            ),
            source=src,
        )
        created, _ = record_contacts(session, article, [found])
        assert created == 1, "the test contact merged into an earlier one"
        return article.mentions[0].contact_id


def deliveries(database: Database) -> list[Delivery]:
    with database.sessions() as session:
        return list(repo.list_deliveries(session, limit=10_000))


def subscription(database: Database, subscription_id: int) -> Subscription:
    with database.sessions() as session:
        return repo.get_subscription(session, subscription_id)  # type: ignore[return-value]


class Clock:
    """Time the worker sees; tests move it forward instead of waiting hours."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def settings(clock: Clock | None = None, **changes: object) -> WorkerSettings:
    smtp = SmtpSettings("127.0.0.1", 1, None, None, "none", "alerts@diplowatch.example", 2.0)
    values = {"smtp": smtp, "allow_private": True, "webhook_timeout": 2.0, "batch_size": 20}
    if clock is not None:
        values["clock"] = clock
    return WorkerSettings(**{**values, **changes})  # type: ignore[arg-type]
