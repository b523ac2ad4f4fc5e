"""Actors, contacts and their mentions; the contact as a plain dict.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from store.models import (
    Actor,
    Article,
    Contact,
    ContactMention,
    ContactMode,
    ContactParticipant,
    ContactStatus,
    ContactType,
    Role,
    Source,
)
from store.types import utcnow

# --- actors and contacts -------------------------------------------------------------------


@dataclass
class NewParticipant:
    party_key: str
    name: str
    role: Role = "participant"
    kb_id: str | None = None
    canonical_name: str | None = None
    state: str | None = None
    office: str | None = None


@dataclass
class NewContact:
    type: ContactType
    status: ContactStatus
    participants: list[NewParticipant]
    confidence: float
    mode: ContactMode | None = None
    date: date | None = None
    location: str | None = None
    cameo: str | None = None
    plover_mode: str | None = None

    @property
    def party_key(self) -> str:
        return "|".join(sorted({p.party_key for p in self.participants}))


def get_or_create_actor(
    session: Session, kb_id: str, canonical_name: str, state: str | None, office: str | None
) -> Actor:
    actor = session.scalar(select(Actor).where(Actor.kb_id == kb_id))
    if actor is None:
        actor = Actor(kb_id=kb_id, canonical_name=canonical_name, state=state, office=office)
        session.add(actor)
        session.flush()
    elif office and actor.office != office:
        actor.office = office  # the latest office seen
    return actor


def _in_person(kind: str) -> bool:
    return kind in {"meeting", "visit"}


# The first of the two keys of the advisory locks taken for contact identities (the two-key form
# never meets the one-key locks of diplowatch/locks.py).
_CONTACT_LOCKS = 0x636F6E74  # "cont"


def lock_contact_identity(session: Session, party_key: str) -> None:
    """Until this transaction ends, be the only writer looking up or adding a contact of these
    parties. The identity is fuzzy (dates within days, kinds that count as one), so no unique key
    can hold it; on PostgreSQL a transaction-level advisory lock serialises the find-then-insert
    of two writers, and the second then finds the first's contact. SQLite's write lock (BEGIN
    IMMEDIATE) already lets one writer in at a time."""
    if session.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(party_key.encode("utf-8")).digest()
    key = int.from_bytes(digest[:4], "big", signed=True)
    session.execute(
        text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": _CONTACT_LOCKS, "key": key}
    )


def find_same_contact(session: Session, new: NewContact, window_days: int = 2) -> Contact | None:
    """A stored contact that `new` reports again: same parties, same kind, dates close enough.

    Kind compares calls with calls and in-person with in-person (one outlet's "visit" is another's
    "meeting"). Status must agree: a meeting announced and the same meeting held are two pieces of
    news. A contact without a date matches when the stored one was last reported recently.
    """
    query = select(Contact).where(Contact.party_key == new.party_key, Contact.status == new.status)
    candidates = session.scalars(query.order_by(Contact.id.desc()).limit(50)).all()
    for contact in candidates:
        if _in_person(contact.type) != _in_person(new.type):
            continue
        if new.date and contact.date:
            if abs((new.date - contact.date).days) <= window_days:
                return contact
        elif utcnow() - contact.last_seen <= timedelta(days=window_days + 5):
            return contact
    return None


def add_contact(session: Session, new: NewContact) -> Contact:
    now = utcnow()
    contact = Contact(
        type=new.type,
        mode=new.mode,
        status=new.status,
        date=new.date,
        location=new.location,
        confidence=new.confidence,
        cameo=new.cameo,
        plover_mode=new.plover_mode,
        party_key=new.party_key,
        first_seen=now,
        last_seen=now,
    )
    seen_keys: set[str] = set()
    for p in new.participants:
        if p.party_key in seen_keys:
            continue
        seen_keys.add(p.party_key)
        actor = None
        if p.kb_id:
            actor = get_or_create_actor(
                session, p.kb_id, p.canonical_name or p.name, p.state, p.office
            )
        contact.participants.append(
            ContactParticipant(
                actor=actor,
                party_key=p.party_key,
                name=p.name,
                state=p.state,
                office=p.office,
                role=p.role,
            )
        )
    session.add(contact)
    session.flush()
    return contact


def add_mention(
    session: Session, contact: Contact, article: Article, evidence: list[str], confidence: float
) -> ContactMention | None:
    """Record that `article` reports `contact`; None when it already did."""
    existing = session.scalar(
        select(ContactMention).where(
            ContactMention.contact_id == contact.id, ContactMention.article_id == article.id
        )
    )
    if existing is not None:
        return None
    mentions = contact.mentions  # load the collection before the new row joins it
    mention = ContactMention(
        article=article, evidence=evidence, confidence=confidence, created_at=utcnow()
    )
    mentions.append(mention)
    contact.last_seen = mention.created_at
    if confidence > contact.confidence:
        contact.confidence = confidence
    session.flush()
    return mention


def get_contact(session: Session, contact_id: int) -> Contact | None:
    return session.scalar(
        select(Contact)
        .where(Contact.id == contact_id)
        .options(
            selectinload(Contact.participants).selectinload(ContactParticipant.actor),
            selectinload(Contact.mentions)
            .selectinload(ContactMention.article)
            .selectinload(Article.source),
        )
    )


@dataclass
class ContactQuery:
    since: date | None = None
    until: date | None = None
    actor: str | None = None  # canonical name, name in the text or kb id
    state: str | None = None
    type: str | None = None
    status: str | None = None
    source: str | None = None
    before_id: int | None = None  # cursor: contacts with a smaller id (newest first)
    limit: int = 100
    # "id": newest stored first (what the id cursor pages through); "date": by contact_day(),
    # newest first, for one page read at once (the CLI list, the report).
    order: str = "id"
    offset: int = 0  # for order "date": rows to skip (position paging)


def publication_day() -> ColumnElement[Any]:
    """SQL: the day the earliest-published article reporting a contact came out (or NULL)."""
    earliest = (
        select(func.min(Article.published_at))
        .join(ContactMention, ContactMention.article_id == Article.id)
        .where(ContactMention.contact_id == Contact.id)
        .correlate(Contact)
        .scalar_subquery()
    )
    return func.date(earliest)


def contact_day() -> ColumnElement[Any]:
    """SQL: the day a contact is filed under: its own date, else its publication day.

    Never the day it was crawled: a 2024 meeting reported in a 2024 article and crawled today
    belongs to 2024. A contact with neither date is left out of date ranges.
    """
    return func.coalesce(Contact.date, publication_day())


def list_contacts(session: Session, q: ContactQuery) -> Sequence[Contact]:
    query = select(Contact).options(
        selectinload(Contact.participants).selectinload(ContactParticipant.actor),
        selectinload(Contact.mentions)
        .selectinload(ContactMention.article)
        .selectinload(Article.source),
    )
    day = contact_day()
    if q.since:
        query = query.where(day >= q.since)
    if q.until:
        query = query.where(day <= q.until)
    if q.type:
        query = query.where(Contact.type == q.type)
    if q.status:
        query = query.where(Contact.status == q.status)
    if q.state:
        query = query.where(
            Contact.participants.any(func.upper(ContactParticipant.state) == q.state.upper())
        )
    if q.actor:
        needle = q.actor.lower()
        query = query.where(
            Contact.participants.any(
                or_(
                    func.lower(ContactParticipant.name) == needle,
                    ContactParticipant.actor.has(
                        or_(func.lower(Actor.canonical_name) == needle, Actor.kb_id == q.actor)
                    ),
                )
            )
        )
    if q.source:
        query = query.where(
            Contact.mentions.any(
                ContactMention.article.has(Article.source.has(Source.name == q.source))
            )
        )
    if q.before_id is not None:
        query = query.where(Contact.id < q.before_id)
    if q.order == "date":
        # Newest first by the day it is filed under; contacts without any day come last.
        order = (day.is_(None), day.desc(), Contact.id.desc())
        return session.scalars(query.order_by(*order).offset(q.offset).limit(q.limit)).all()
    return session.scalars(query.order_by(Contact.id.desc()).limit(q.limit)).all()


def contact_to_dict(contact: Contact) -> dict[str, Any]:
    """The contact as the plain dict that alerts, the API and exports share."""
    articles = []
    evidence: list[str] = []
    for mention in contact.mentions:
        article = mention.article
        articles.append(
            {
                "url": article.url,
                "title": article.title,
                "source": article.source.name if article.source else None,
                "published_at": article.published_at.isoformat() if article.published_at else None,
            }
        )
        evidence.extend(e for e in mention.evidence if e not in evidence)
    published = [m.article.published_at for m in contact.mentions if m.article.published_at]
    return {
        "id": contact.id,
        "type": contact.type,
        "mode": contact.mode,
        "status": contact.status,
        "date": contact.date.isoformat() if contact.date else None,
        # When the text gives no date: the day the earliest report came out, shown beside
        # "date not given", never in the date's place.
        "publication_date": min(published).date().isoformat() if published else None,
        "location": contact.location,
        "confidence": round(contact.confidence, 3),
        "cameo": contact.cameo,
        "plover_mode": contact.plover_mode,
        "first_seen": contact.first_seen.isoformat(),
        "last_seen": contact.last_seen.isoformat(),
        "participants": [
            {
                "name": p.name,
                "canonical_name": p.actor.canonical_name if p.actor else None,
                "kb_id": p.actor.kb_id if p.actor else None,
                "state": p.state,
                "office": p.office,
                "role": p.role,
            }
            for p in contact.participants
        ],
        "evidence": evidence,
        "articles": articles,
    }
