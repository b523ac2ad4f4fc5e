"""The store's API: plain functions over an explicit Session.

Callers own the transaction (`with sessionmaker.begin() as session:`), so a contact, its mention
and its pending deliveries commit together or not at all (the outbox).
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from store.models import (
    Actor,
    ApiToken,
    Article,
    Contact,
    ContactMention,
    ContactParticipant,
    CrawlRun,
    Delivery,
    FeedState,
    SeenUrl,
    Source,
    Subscription,
)
from store.types import utcnow

# --- sources -------------------------------------------------------------------------------


def get_or_create_source(session: Session, name: str) -> Source:
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, created_at=utcnow())
        session.add(source)
        session.flush()
    return source


def list_sources(session: Session) -> Sequence[Source]:
    return session.scalars(select(Source).order_by(Source.name)).all()


# --- articles and the crawler's memory -----------------------------------------------------


@dataclass
class NewArticle:
    url: str
    canonical_url: str
    body: str
    content_hash: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    language: str | None = None
    raw_html: bytes | None = None  # uncompressed; stored compressed


def is_url_seen(session: Session, url: str) -> bool:
    return session.get(SeenUrl, url) is not None


def mark_url_seen(
    session: Session,
    url: str,
    *,
    source: Source | None,
    status: str,
    reason: str | None = None,
    article: Article | None = None,
) -> None:
    if session.get(SeenUrl, url) is not None:
        return
    session.add(
        SeenUrl(
            url=url,
            source_id=source.id if source else None,
            status=status,
            reason=reason,
            article_id=article.id if article else None,
            first_seen=utcnow(),
        )
    )
    session.flush()


def find_duplicate_article(session: Session, new: NewArticle) -> Article | None:
    """The stored article that `new` repeats: same URL, same canonical URL or same body."""
    return session.scalar(
        select(Article)
        .where(
            or_(
                Article.url.in_([new.url, new.canonical_url]),
                Article.canonical_url.in_([new.url, new.canonical_url]),
                Article.content_hash == new.content_hash,
            )
        )
        .limit(1)
    )


def add_article(session: Session, new: NewArticle, *, source: Source | None) -> Article:
    article = _article_row(new, source)
    session.add(article)
    session.flush()
    return article


def _article_row(new: NewArticle, source: Source | None) -> Article:
    return Article(
        source_id=source.id if source else None,
        url=new.url,
        canonical_url=new.canonical_url,
        title=new.title,
        authors=list(new.authors),
        published_at=new.published_at,
        fetched_at=utcnow(),
        language=new.language,
        body=new.body,
        content_hash=new.content_hash,
        raw_html=zlib.compress(new.raw_html, 6) if new.raw_html is not None else None,
    )


# --- the same, several at a time (the crawl's store writer) ---------------------------------
# One statement for many rows instead of one per row: a crawl stores articles in batches.

_IN_CHUNK = 300  # values per IN (...) list, well below every backend's parameter limit


def find_duplicate_articles(session: Session, news: Sequence[NewArticle]) -> list[int | None]:
    """For each of `news`, the id of a stored article it repeats (as find_duplicate_article)."""
    stored: list[tuple[int, str, str, str]] = []
    for start in range(0, len(news), _IN_CHUNK // 3):
        chunk = news[start : start + _IN_CHUNK // 3]
        urls = list({url for new in chunk for url in (new.url, new.canonical_url)})
        hashes = list({new.content_hash for new in chunk})
        rows = session.execute(
            select(Article.id, Article.url, Article.canonical_url, Article.content_hash).where(
                or_(
                    Article.url.in_(urls),
                    Article.canonical_url.in_(urls),
                    Article.content_hash.in_(hashes),
                )
            )
        )
        stored.extend((row[0], row[1], row[2], row[3]) for row in rows)
    found: list[int | None] = []
    for new in news:
        keys = {new.url, new.canonical_url}
        found.append(
            next(
                (
                    article_id
                    for article_id, url, canonical, digest in stored
                    if url in keys or canonical in keys or digest == new.content_hash
                ),
                None,
            )
        )
    return found


def add_articles(
    session: Session, items: Sequence[tuple[NewArticle, Source | None]]
) -> list[Article]:
    """Add several articles (each with its source) in one flush; returned in order, with ids."""
    articles = [_article_row(new, source) for new, source in items]
    session.add_all(articles)
    session.flush()
    return articles


# Look-ups the crawl makes for every link and page, on one Connection the caller holds (see
# store.engine.make_read_sessionmaker for autocommit reads): statements built once, no ORM objects.

_URL_SEEN = select(SeenUrl.url).where(SeenUrl.url == bindparam("url")).limit(1)
_SAME_ARTICLE = (
    select(Article.id)
    .where(
        or_(
            Article.url == bindparam("url"),
            Article.url == bindparam("canonical"),
            Article.canonical_url == bindparam("url"),
            Article.canonical_url == bindparam("canonical"),
            Article.content_hash == bindparam("digest"),
        )
    )
    .limit(1)
)


def url_seen(connection: Connection, url: str) -> bool:
    """is_url_seen, for a connection."""
    return connection.execute(_URL_SEEN, {"url": url}).first() is not None


def duplicate_article_id(connection: Connection, new: NewArticle) -> int | None:
    """The id of the stored article `new` repeats (as find_duplicate_article), for a connection."""
    params = {"url": new.url, "canonical": new.canonical_url, "digest": new.content_hash}
    return connection.execute(_SAME_ARTICLE, params).scalar()


@dataclass
class SeenMark:
    """A URL to remember as seen; see mark_url_seen."""

    url: str
    source_id: int | None
    status: str  # article | duplicate | skipped
    reason: str | None = None
    article_id: int | None = None


def mark_urls_seen(session: Session, marks: Sequence[SeenMark]) -> int:
    """Remember several URLs. A URL already remembered, or repeated in `marks`, keeps its first
    record (as mark_url_seen). Returns how many were added."""
    urls = list({mark.url for mark in marks})
    known: set[str] = set()
    for start in range(0, len(urls), _IN_CHUNK):
        chunk = urls[start : start + _IN_CHUNK]
        known.update(session.scalars(select(SeenUrl.url).where(SeenUrl.url.in_(chunk))))
    now = utcnow()
    rows = []
    for mark in marks:
        if mark.url in known:
            continue
        known.add(mark.url)
        rows.append(
            {
                "url": mark.url,
                "source_id": mark.source_id,
                "status": mark.status,
                "reason": mark.reason,
                "article_id": mark.article_id,
                "first_seen": now,
            }
        )
    if rows:
        session.execute(insert(SeenUrl), rows)
    return len(rows)


def raw_html_of(article: Article) -> bytes | None:
    return zlib.decompress(article.raw_html) if article.raw_html is not None else None


def articles_with_raw_html(session: Session, since: datetime | None = None) -> Sequence[Article]:
    query = select(Article).where(Article.raw_html.is_not(None)).order_by(Article.id)
    if since is not None:
        query = query.where(Article.fetched_at >= since)
    return session.scalars(query).all()


def get_feed_validators(session: Session, url: str) -> tuple[str | None, str | None]:
    state = session.get(FeedState, url)
    return (state.etag, state.last_modified) if state else (None, None)


def save_feed_validators(
    session: Session, url: str, etag: str | None, last_modified: str | None
) -> None:
    state = session.get(FeedState, url)
    if state is None:
        session.add(FeedState(url=url, etag=etag, last_modified=last_modified, checked_at=utcnow()))
    else:
        state.etag, state.last_modified, state.checked_at = etag, last_modified, utcnow()
    session.flush()


def prune(
    session: Session, *, raw_html_older_than: datetime, seen_urls_older_than: datetime
) -> int:
    """Housekeeping: drop old raw pages and old skip records. Returns rows touched."""
    touched = session.execute(
        update(Article)
        .where(Article.raw_html.is_not(None), Article.fetched_at < raw_html_older_than)
        .values(raw_html=None)
    ).rowcount
    # Stored articles keep their seen-URL row: their URL stays unique in `articles` anyway.
    touched += session.execute(
        delete(SeenUrl).where(
            SeenUrl.status != "article", SeenUrl.first_seen < seen_urls_older_than
        )
    ).rowcount
    return touched


# --- actors and contacts -------------------------------------------------------------------


@dataclass
class NewParticipant:
    party_key: str
    name: str
    role: str = "participant"  # initiator | recipient | participant
    kb_id: str | None = None
    canonical_name: str | None = None
    state: str | None = None
    office: str | None = None


@dataclass
class NewContact:
    type: str
    status: str
    participants: list[NewParticipant]
    confidence: float
    mode: str | None = None
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


def list_contacts(session: Session, q: ContactQuery) -> Sequence[Contact]:
    query = select(Contact).options(
        selectinload(Contact.participants).selectinload(ContactParticipant.actor),
        selectinload(Contact.mentions)
        .selectinload(ContactMention.article)
        .selectinload(Article.source),
    )
    day = func.coalesce(Contact.date, func.date(Contact.first_seen))
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
    return session.scalars(query.order_by(Contact.id.desc()).limit(q.limit)).all()


def contact_to_dict(contact: Contact) -> dict:
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
    return {
        "id": contact.id,
        "type": contact.type,
        "mode": contact.mode,
        "status": contact.status,
        "date": contact.date.isoformat() if contact.date else None,
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


# --- subscriptions and the outbox ----------------------------------------------------------


def active_subscriptions(session: Session) -> Sequence[Subscription]:
    return session.scalars(select(Subscription).where(Subscription.active.is_(True))).all()


def add_delivery(
    session: Session, subscription: Subscription, contact: Contact, event: str, event_key: str
) -> Delivery:
    delivery = Delivery(
        message_id=f"msg_{uuid.uuid4().hex}",
        subscription_id=subscription.id,
        contact_id=contact.id,
        event=event,
        event_key=event_key,
        status="pending",
        attempts=0,
        next_attempt_at=utcnow(),
        created_at=utcnow(),
    )
    session.add(delivery)
    session.flush()
    return delivery


def claim_due_deliveries(
    session: Session, *, limit: int, lease: timedelta, now: datetime | None = None
) -> list[Delivery]:
    """Lease up to `limit` deliveries that are due, for this worker alone.

    On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets several workers claim at once without taking the
    same row; on SQLite the write lock of BEGIN IMMEDIATE serialises claimers. A row leased by a
    worker that died becomes due again when its lease runs out, and is sent with the same
    message id (receivers drop the duplicate).
    """
    now = now or utcnow()
    due = or_(
        (Delivery.status == "pending") & (Delivery.next_attempt_at <= now),
        (Delivery.status == "sending") & (Delivery.lease_until <= now),
    )
    rows = session.scalars(
        select(Delivery)
        .where(due)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for row in rows:
        row.status = "sending"
        row.lease_until = now + lease
    session.flush()
    return list(rows)


def mark_delivery_sent(session: Session, delivery: Delivery) -> None:
    delivery.status = "sent"
    delivery.attempts += 1
    delivery.delivered_at = utcnow()
    delivery.lease_until = None
    delivery.last_error = None
    session.flush()


def mark_delivery_failed(
    session: Session, delivery: Delivery, error: str, next_attempt_at: datetime | None
) -> None:
    """A failed attempt: retry at `next_attempt_at`, or dead when it is None."""
    delivery.attempts += 1
    delivery.last_error = error[:2000]
    delivery.lease_until = None
    if next_attempt_at is None:
        delivery.status = "dead"
    else:
        delivery.status = "pending"
        delivery.next_attempt_at = next_attempt_at
    session.flush()


def retry_dead_deliveries(session: Session, ids: Iterable[int] | None = None) -> int:
    query = update(Delivery).where(Delivery.status == "dead")
    if ids is not None:
        query = query.where(Delivery.id.in_(list(ids)))
    return session.execute(
        query.values(status="pending", next_attempt_at=utcnow(), attempts=0)
    ).rowcount


def count_deliveries(session: Session) -> dict[str, int]:
    rows = session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all()
    return {status: count for status, count in rows}


# --- crawl runs ----------------------------------------------------------------------------


def start_crawl_run(session: Session, source: Source, run_id: str) -> CrawlRun:
    run = CrawlRun(run_id=run_id, source_id=source.id, started_at=utcnow(), status="running")
    source.last_crawl_at = run.started_at
    session.add(run)
    session.flush()
    return run


def finish_crawl_run(
    session: Session, run: CrawlRun, *, ok: bool, error_summary: str | None = None, **counts: int
) -> None:
    run.finished_at = utcnow()
    run.status = "ok" if ok else "failed"
    run.error_summary = error_summary
    for name, value in counts.items():
        setattr(run, name, value)
    if ok:
        run.source.last_success_at = run.finished_at
    session.flush()


def last_crawl_runs(session: Session) -> dict[str, CrawlRun]:
    """The latest crawl run of each source, by source name."""
    latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source_id).scalar_subquery()
    runs = session.scalars(
        select(CrawlRun).where(CrawlRun.id.in_(latest)).options(selectinload(CrawlRun.source))
    ).all()
    return {run.source.name: run for run in runs}


# --- api -----------------------------------------------------------------------------------
# Queries of the HTTP API (diplowatch/api): tokens, and subscriptions seen through their owner.
# Every subscription query takes the owner's token id, so one token can never reach another's.


def add_api_token(session: Session, name: str, token_hash: str) -> ApiToken:
    token = ApiToken(name=name, token_hash=token_hash, created_at=utcnow(), revoked=False)
    session.add(token)
    session.flush()
    return token


def find_api_token(session: Session, token_hash: str) -> ApiToken | None:
    """The live (not revoked) token with this hash."""
    return session.scalar(
        select(ApiToken).where(ApiToken.token_hash == token_hash, ApiToken.revoked.is_(False))
    )


def list_api_tokens(session: Session) -> Sequence[ApiToken]:
    return session.scalars(select(ApiToken).order_by(ApiToken.id)).all()


def revoke_api_token(session: Session, token_id: int) -> bool:
    """Revoke a token; False when there is no such token. Its subscriptions stop with it."""
    token = session.get(ApiToken, token_id)
    if token is None:
        return False
    token.revoked = True
    session.execute(
        update(Subscription)
        .where(Subscription.token_id == token_id, Subscription.active.is_(True))
        .values(active=False, disabled_reason="API token revoked")
    )
    session.flush()
    return True


def touch_api_token(session: Session, token_id: int, now: datetime) -> None:
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


def add_subscription(
    session: Session,
    *,
    token_id: int | None,
    channel: str,
    target: str,
    filters: dict,
    mode: str,
    events: list[str],
    secret: str | None,
) -> Subscription:
    subscription = Subscription(
        token_id=token_id,
        channel=channel,
        target=target,
        filters=filters,
        mode=mode,
        events=events,
        secret=secret,
        active=True,
        created_at=utcnow(),
    )
    session.add(subscription)
    session.flush()
    return subscription


def get_token_subscription(
    session: Session, token_id: int, subscription_id: int
) -> Subscription | None:
    """The subscription when it belongs to the token; None for missing and for someone else's."""
    return session.scalar(
        select(Subscription).where(
            Subscription.id == subscription_id, Subscription.token_id == token_id
        )
    )


def list_token_subscriptions(
    session: Session, token_id: int, *, before_id: int | None = None, limit: int = 100
) -> Sequence[Subscription]:
    query = select(Subscription).where(Subscription.token_id == token_id)
    if before_id is not None:
        query = query.where(Subscription.id < before_id)
    return session.scalars(query.order_by(Subscription.id.desc()).limit(limit)).all()


def list_subscription_deliveries(
    session: Session,
    subscription_id: int,
    *,
    status: str | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> Sequence[Delivery]:
    query = select(Delivery).where(Delivery.subscription_id == subscription_id)
    if status is not None:
        query = query.where(Delivery.status == status)
    if before_id is not None:
        query = query.where(Delivery.id < before_id)
    return session.scalars(query.order_by(Delivery.id.desc()).limit(limit)).all()


def get_subscription_delivery(
    session: Session, subscription_id: int, delivery_id: int
) -> Delivery | None:
    return session.scalar(
        select(Delivery).where(
            Delivery.id == delivery_id, Delivery.subscription_id == subscription_id
        )
    )


# --- deliveries (alerts worker) ---
# Added by the alerts helper for diplowatch/delivery.py and the subscriptions/deliveries commands.


def get_subscription(session: Session, subscription_id: int) -> Subscription | None:
    return session.get(Subscription, subscription_id)


def list_subscriptions(session: Session) -> Sequence[Subscription]:
    """Every subscription, whoever made it (the CLI is the operator's view)."""
    return session.scalars(select(Subscription).order_by(Subscription.id)).all()


def remove_subscription(session: Session, subscription_id: int) -> bool:
    """Delete a subscription and (by cascade) its deliveries; False when there is none."""
    subscription = session.get(Subscription, subscription_id)
    if subscription is None:
        return False
    session.execute(delete(Delivery).where(Delivery.subscription_id == subscription_id))
    session.delete(subscription)
    session.flush()
    return True


def disable_subscription(session: Session, subscription_id: int, reason: str) -> None:
    session.execute(
        update(Subscription)
        .where(Subscription.id == subscription_id)
        .values(active=False, disabled_reason=reason[:2000])
    )


def get_delivery(session: Session, delivery_id: int) -> Delivery | None:
    return session.get(Delivery, delivery_id)


def list_deliveries(
    session: Session, *, status: str | None = None, limit: int = 100
) -> Sequence[Delivery]:
    """Deliveries, newest first, with their subscription loaded."""
    query = select(Delivery).options(selectinload(Delivery.subscription))
    if status is not None:
        query = query.where(Delivery.status == status)
    return session.scalars(query.order_by(Delivery.id.desc()).limit(limit)).all()


def defer_delivery(session: Session, delivery: Delivery, until: datetime) -> None:
    """Put a claimed delivery back, due at `until`, without counting an attempt (digests)."""
    delivery.status = "pending"
    delivery.next_attempt_at = until
    delivery.lease_until = None
    session.flush()


def requeue_delivery(session: Session, delivery: Delivery) -> None:
    """Make a pending or dead delivery due now, with a fresh retry schedule."""
    delivery.status = "pending"
    delivery.next_attempt_at = utcnow()
    delivery.lease_until = None
    delivery.attempts = 0
    session.flush()


def get_contacts(session: Session, contact_ids: Iterable[int]) -> dict[int, Contact]:
    """Several contacts by id, with what contact_to_dict needs loaded in a few queries."""
    ids = sorted(set(contact_ids))
    if not ids:
        return {}
    contacts = session.scalars(
        select(Contact)
        .where(Contact.id.in_(ids))
        .options(
            selectinload(Contact.participants).selectinload(ContactParticipant.actor),
            selectinload(Contact.mentions)
            .selectinload(ContactMention.article)
            .selectinload(Article.source),
        )
    ).all()
    return {contact.id: contact for contact in contacts}
