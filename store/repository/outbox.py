"""Subscriptions and the outbox: deliveries claimed, sent, failed, retried.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from store.models import (
    Article,
    Contact,
    ContactMention,
    ContactParticipant,
    Delivery,
    Subscription,
)
from store.types import rowcount, utcnow

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
    session: Session,
    *,
    limit: int,
    lease: timedelta | Callable[[Delivery], timedelta],
    now: datetime | None = None,
) -> list[Delivery]:
    """Lease up to `limit` deliveries that are due, for this worker alone; `lease` may depend on
    the row (a webhook's send is bounded by another timeout than an e-mail's).

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
        row.lease_until = now + (lease if isinstance(lease, timedelta) else lease(row))
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
    return rowcount(
        session.execute(query.values(status="pending", next_attempt_at=utcnow(), attempts=0))
    )


def count_deliveries(session: Session) -> dict[str, int]:
    rows = session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all()
    return {status: count for status, count in rows}


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
