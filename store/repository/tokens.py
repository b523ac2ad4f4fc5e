"""API tokens, and the subscriptions each token owns.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.models import (
    ApiToken,
    Contact,
    Delivery,
    Subscription,
)
from store.types import utcnow

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


def new_access_token() -> str:
    """A subscription's link secret (feed, contact pages, unsubscribe): 256 random bits."""
    return secrets.token_urlsafe(32)


def subscription_by_access_token(session: Session, token: str) -> Subscription | None:
    if not token or len(token) > 64:
        return None
    return session.scalar(select(Subscription).where(Subscription.access_token == token))


def subscription_contacts(
    session: Session, subscription_id: int, *, limit: int = 50
) -> Sequence[Contact]:
    """The contacts queued for a subscription (its outbox), the latest queued first."""
    from sqlalchemy import func
    from sqlalchemy.orm import selectinload

    from store.models import Article, ContactMention, ContactParticipant

    latest = (
        select(Delivery.contact_id, func.max(Delivery.id).label("last"))
        .where(Delivery.subscription_id == subscription_id)
        .group_by(Delivery.contact_id)
        .subquery()
    )
    query = (
        select(Contact)
        .join(latest, latest.c.contact_id == Contact.id)
        .options(
            selectinload(Contact.participants).selectinload(ContactParticipant.actor),
            selectinload(Contact.mentions)
            .selectinload(ContactMention.article)
            .selectinload(Article.source),
        )
        .order_by(latest.c.last.desc())
        .limit(limit)
    )
    return session.scalars(query).all()


def subscription_has_contact(session: Session, subscription_id: int, contact_id: int) -> bool:
    found = session.scalar(
        select(Delivery.id)
        .where(Delivery.subscription_id == subscription_id, Delivery.contact_id == contact_id)
        .limit(1)
    )
    return found is not None


def add_subscription(
    session: Session,
    *,
    token_id: int | None,
    channel: str,
    target: str,
    filters: dict[str, Any],
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
        access_token=new_access_token(),
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
