"""API tokens, and the subscriptions each token owns.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.models import (
    ApiToken,
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
