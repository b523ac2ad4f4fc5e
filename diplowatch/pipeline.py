"""Where the libraries meet: an extracted article becomes stored contacts and pending alerts.

`StoreSink` is the crawler's ArticleSink. For each article it runs the detector and writes, in one
transaction, the article, its contacts (new ones, or a new mention of one already known) and one
outbox row per matching subscription for each new contact. A crash before the commit loses nothing
that was ever visible; a crash after it loses nothing at all.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from alerts.filters import matches, parse_filters
from contacts import Contact as DetectedContact
from contacts import KnowledgeBase, detect_contacts
from diplowatch.db import Database
from store import repository as repo
from store.models import Article, Subscription

log = logging.getLogger(__name__)

Detector = Callable[[str, date | None], list[DetectedContact]]


def kb_detector(kb: KnowledgeBase) -> Detector:
    """The detector bound to one loaded knowledge base (loading it is the slow part)."""

    def detect(text: str, published: date | None) -> list[DetectedContact]:
        return detect_contacts(text, published, kb=kb)

    return detect


def to_new_contact(found: DetectedContact) -> repo.NewContact:
    """The detector's contact as the store's plain value; participant roles from the initiator."""
    participants = []
    for person, key in zip(found.participants, _party_keys(found), strict=True):
        role = "participant"
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
    # One key per participant, in order: the knowledge-base id, else state and normalised name.
    return [
        p.kb_id or f"state:{p.state or '?'}:{' '.join(p.name.lower().split())}"
        for p in found.participants
    ]


def record_contacts(
    session: Session, article: Article, found: Sequence[DetectedContact]
) -> tuple[int, int]:
    """Store what the detector found in `article`, and queue alerts for new contacts.

    Returns (new contacts, new mentions of known contacts). Background contacts (long-past,
    told as context) are not news and are not stored.
    """
    new_contacts = new_mentions = 0
    subscriptions: list[tuple[Subscription, object]] | None = None
    for item in found:
        if item.background or len(item.participants) < 2:
            continue
        value = to_new_contact(item)
        known = repo.find_same_contact(session, value)
        contact = known or repo.add_contact(session, value)
        mention = repo.add_mention(session, contact, article, list(item.evidence), item.confidence)
        if mention is None:
            continue  # this article already reported it (two sentences, one contact)
        if subscriptions is None:
            subscriptions = _subscriptions_with_filters(session)
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


def _subscriptions_with_filters(session: Session) -> list[tuple[Subscription, object]]:
    result = []
    for subscription in repo.active_subscriptions(session):
        try:
            result.append((subscription, parse_filters(subscription.filters or {})))
        except ValueError as exc:  # validated on the way in; a bad row must not stop the crawl
            log.error("subscription %s has invalid filters (%s); skipped", subscription.id, exc)
    return result


class StoreSink:
    """The crawler's ArticleSink, backed by the store and the detector."""

    def __init__(self, database: Database, detect: Detector, *, keep_raw_html: bool = False):
        self.database = database
        self.detect = detect
        self.keep_raw_html = keep_raw_html
        self.new_contacts: Counter[str] = Counter()
        self.errors: dict[str, list[str]] = {}

    def is_known(self, url: str) -> bool:
        with self.database.sessions() as session:
            return repo.is_url_seen(session, url)

    def add_article(self, source: str, article, raw_html: bytes | None) -> str:  # type: ignore[no-untyped-def]
        new = repo.NewArticle(
            url=article.url,
            canonical_url=article.canonical_url or article.url,
            body=article.body,
            content_hash=article.content_hash,
            title=article.title,
            authors=list(article.authors or []),
            published_at=article.published_at,
            language=article.language,
            raw_html=raw_html if self.keep_raw_html else None,
        )
        published = article.published_at.date() if article.published_at else None
        # Detect outside the transaction: it is CPU work and needs no lock.
        found = self.detect(article.body, published)
        with self.database.sessions.begin() as session:
            src = repo.get_or_create_source(session, source)
            duplicate = repo.find_duplicate_article(session, new)
            if duplicate is not None:
                for url in {new.url, new.canonical_url}:
                    repo.mark_url_seen(
                        session, url, source=src, status="duplicate", article=duplicate
                    )
                return "duplicate"
            stored = repo.add_article(session, new, source=src)
            for url in {new.url, new.canonical_url}:
                repo.mark_url_seen(session, url, source=src, status="article", article=stored)
            created, _ = record_contacts(session, stored, found)
        self.new_contacts[source] += created
        return "new"

    def add_skipped(self, source: str, url: str, reason: str) -> None:
        with self.database.sessions.begin() as session:
            src = repo.get_or_create_source(session, source)
            repo.mark_url_seen(session, url, source=src, status="skipped", reason=reason)

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        with self.database.sessions() as session:
            return repo.get_feed_validators(session, url)

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.database.sessions.begin() as session:
            repo.save_feed_validators(session, url, etag, last_modified)

    def record_error(self, source: str, url: str, error: str) -> None:
        # Errors are not remembered as seen: the next crawl tries the URL again.
        self.errors.setdefault(source, []).append(f"{url}: {error}")
        log.warning("%s: %s: %s", source, url, error)


def reprocess(
    database: Database,
    detect: Detector,
    extract: Callable[[bytes, str], object],
    *,
    since: datetime | None = None,
) -> tuple[int, int]:
    """Re-run extraction and detection over stored raw pages. Returns (articles, new contacts)."""
    articles = created = 0
    with database.sessions() as session:
        ids = [a.id for a in repo.articles_with_raw_html(session, since)]
    for article_id in ids:
        with database.sessions.begin() as session:
            stored = session.get(Article, article_id)
            result = extract(repo.raw_html_of(stored) or b"", stored.url)
            body = getattr(result, "body", None)
            if body:
                stored.body = body
                stored.title = getattr(result, "title", None) or stored.title
            published = stored.published_at.date() if stored.published_at else None
            new, _ = record_contacts(session, stored, detect(stored.body, published))
            articles += 1
            created += new
    return articles, created
