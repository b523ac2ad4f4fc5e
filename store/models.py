"""The database schema, as SQLAlchemy 2.0 typed models.

Every duplicate that is exactly defined is refused by a unique constraint, so the database, not the
application's luck, guarantees it: one article per URL, one mention of a contact per article, one
delivery per subscription, contact and event.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.types import UtcDateTime

# The values the string columns below hold (stored as VARCHAR: new values need no migration).
SeenStatus = Literal["article", "duplicate", "skipped"]
ContactType = Literal["call", "meeting", "visit"]
ContactMode = Literal["phone", "video"]
ContactStatus = Literal["occurred", "planned", "cancelled"]
Channel = Literal["webhook", "email", "apprise"]
DeliveryMode = Literal["immediate", "hourly", "daily"]
Event = Literal["contact.created", "contact.updated"]
DeliveryStatus = Literal["pending", "sending", "sent", "dead"]
RunStatus = Literal["running", "ok", "failed"]
Role = Literal["initiator", "recipient", "participant"]

# Named constraints make Alembic migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_crawl_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    canonical_url: Mapped[str] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime())
    language: Mapped[str | None] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # zlib-compressed page, kept only when the config asks for it (for `diplowatch reprocess`).
    raw_html: Mapped[bytes | None] = mapped_column(LargeBinary)

    source: Mapped[Source | None] = relationship()
    mentions: Mapped[list[ContactMention]] = relationship(back_populates="article")


class SeenUrl(Base):
    """Every URL the crawler settled: stored as an article, skipped (with why), or failed.

    The crawler asks this table before it fetches, so a second crawl fetches only what is new.
    """

    __tablename__ = "seen_urls"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    status: Mapped[SeenStatus] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class FeedState(Base):
    """HTTP validators of a feed, for conditional GET (If-None-Match / If-Modified-Since)."""

    __tablename__ = "feed_states"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    kb_id: Mapped[str] = mapped_column(String(200), unique=True)
    canonical_name: Mapped[str] = mapped_column(String(300))
    state: Mapped[str | None] = mapped_column(String(16))
    office: Mapped[str | None] = mapped_column(String(200))


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[ContactType] = mapped_column(String(16))
    mode: Mapped[ContactMode | None] = mapped_column(String(16))
    status: Mapped[ContactStatus] = mapped_column(String(16))
    date: Mapped[date | None] = mapped_column(Date, index=True)
    location: Mapped[str | None] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float)
    cameo: Mapped[str | None] = mapped_column(String(8))
    plover_mode: Mapped[str | None] = mapped_column(String(32))
    # Sorted participant keys joined by "|": how later reports of the same contact find it.
    party_key: Mapped[str] = mapped_column(String(2000), index=True)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime())

    participants: Mapped[list[ContactParticipant]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactParticipant.id"
    )
    mentions: Mapped[list[ContactMention]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactMention.id"
    )


class ContactParticipant(Base):
    __tablename__ = "contact_participants"
    __table_args__ = (UniqueConstraint("contact_id", "party_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    party_key: Mapped[str] = mapped_column(String(400))
    name: Mapped[str] = mapped_column(String(300))  # as in the text (or the title + state)
    state: Mapped[str | None] = mapped_column(String(16))
    office: Mapped[str | None] = mapped_column(String(200))  # office on the contact's date
    role: Mapped[Role] = mapped_column(String(16))

    contact: Mapped[Contact] = relationship(back_populates="participants")
    actor: Mapped[Actor | None] = relationship()


class ContactMention(Base):
    __tablename__ = "contact_mentions"
    __table_args__ = (UniqueConstraint("contact_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    contact: Mapped[Contact] = relationship(back_populates="mentions")
    article: Mapped[Article] = relationship(back_populates="mentions")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Subscription(Base):
    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(2048))  # URL or e-mail address
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    mode: Mapped[DeliveryMode] = mapped_column(String(16), default="immediate")
    events: Mapped[list[Event]] = mapped_column(JSON, default=lambda: ["contact.created"])
    secret: Mapped[str | None] = mapped_column(String(200))
    # A rotated secret stays valid for a while, so receivers can switch without losing alerts.
    previous_secret: Mapped[str | None] = mapped_column(String(200))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The secret in the subscriber's own links: the Atom feed, the contact pages, one-click
    # unsubscribe. Anyone holding it may read the subscription's contacts and end it.
    access_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    token_id: Mapped[int | None] = mapped_column(
        ForeignKey("api_tokens.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Delivery(Base):
    """The outbox: one row per subscription, contact and event, written with the contact."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "contact_id", "event_key"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable message id: the webhook-id header, the same on every retry.
    message_id: Mapped[str] = mapped_column(String(64), unique=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    event: Mapped[Event] = mapped_column(String(32))
    # "created", or "updated:<mention id>": what makes a delivery unique for its contact.
    event_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[DeliveryStatus] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # While a worker sends, the row is leased; a worker that died lets the lease run out.
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    subscription: Mapped[Subscription] = relationship()
    contact: Mapped[Contact] = relationship()


class CrawlRun(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[RunStatus] = mapped_column(String(16))
    pages_fetched: Mapped[int] = mapped_column(Integer, default=0)
    new_articles: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    new_contacts: Mapped[int] = mapped_column(Integer, default=0)
    error_summary: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship()
