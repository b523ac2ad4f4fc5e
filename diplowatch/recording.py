"""Recording what the detector found: contacts (or new mentions of known ones) and, for each
matching subscription, an outbox row, in the caller's transaction.

The store writer commits these with their article; `diplowatch reprocess` with the re-read one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session

from alerts.filters import Filters, matches, parse_filters
from contacts import Contact as DetectedContact
from store import repository as repo
from store.models import Article, Role, Subscription

log = logging.getLogger(__name__)


def to_new_contact(found: DetectedContact) -> repo.NewContact:
    """The detector's contact as the store's plain value; participant roles from the initiator."""
    participants = []
    for person, key in zip(found.participants, _party_keys(found), strict=True):
        role: Role = "participant"
        if found.initiator:
            is_initiator = found.initiator in {person.canonical_name, person.name}
            role = "initiator" if is_initiator else "recipient"
        participants.append(
            repo.NewParticipant(
                party_key=key,
                name=person.name,
                role=role,
                kb_id=person.kb_id,
                canonical_name=person.canonical_name,
                state=person.state,
                office=person.office,
            )
        )
    return repo.NewContact(
        type=found.type,
        mode=found.mode,
        status=found.status,
        date=found.date,
        location=found.location,
        confidence=found.confidence,
        cameo=found.cameo,
        plover_mode=found.plover_mode,
        participants=participants,
    )


def _party_keys(found: DetectedContact) -> list[str]:
    # The detector's own identity of a party, so the store and the detector's merging agree on
    # who is the same person (a migration, alembic 0003, moved stored keys to it).
    return [p.key() for p in found.participants]


def record_contacts(
    session: Session,
    article: Article,
    found: Sequence[DetectedContact],
    subscriptions: list[tuple[Subscription, Filters]] | None = None,
) -> tuple[int, int]:
    """Store what the detector found in `article`, and queue alerts for new contacts.

    Returns (new contacts, new mentions of known contacts). Background contacts (long-past,
    told as context) are not news and are not stored. `subscriptions` (from
    `subscriptions_with_filters`, loaded once for several articles) default to a fresh load.
    """
    new_contacts = new_mentions = 0
    for item in found:
        if item.background or len(item.participants) < 2:
            continue
        value = to_new_contact(item)
        repo.lock_contact_identity(session, value.party_key)
        known = repo.find_same_contact(session, value)
        contact = known or repo.add_contact(session, value)
        mention = repo.add_mention(session, contact, article, list(item.evidence), item.confidence)
        if mention is None:
            continue  # this article already reported it (two sentences, one contact)
        if subscriptions is None:
            subscriptions = subscriptions_with_filters(session)
        event, key = ("contact.created", "created")
        if known is not None:
            new_mentions += 1
            event, key = ("contact.updated", f"updated:{mention.id}")
        else:
            new_contacts += 1
        data = repo.contact_to_dict(contact)
        for subscription, filters in subscriptions:
            if event in (subscription.events or ["contact.created"]) and matches(filters, data):
                repo.add_delivery(session, subscription, contact, event, key)
    return new_contacts, new_mentions


def subscriptions_with_filters(session: Session) -> list[tuple[Subscription, Filters]]:
    """The active subscriptions, each with its parsed filters."""
    result: list[tuple[Subscription, Filters]] = []
    for subscription in repo.active_subscriptions(session):
        try:
            result.append((subscription, parse_filters(subscription.filters or {})))
        except ValueError as exc:  # validated on the way in; a bad row must not stop the crawl
            log.error("subscription %s has invalid filters (%s); skipped", subscription.id, exc)
    return result
