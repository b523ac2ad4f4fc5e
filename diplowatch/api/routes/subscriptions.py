"""/v1/subscriptions: a token's own alert subscriptions.

Every query goes through the caller's token id, so another token's subscription is simply not
found (404), never "forbidden": a token cannot even learn which ids exist.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy.orm import Session

from alerts.apprise_channel import check_apprise_url
from alerts.webhooks import new_secret
from diplowatch.api.cursors import MAX_ID, decode_cursor, next_cursor
from diplowatch.api.deps import ApiState, Authenticated, Caller, State
from diplowatch.api.errors import ApiError, error_responses, invalid, not_found
from diplowatch.api.schemas import (
    RotatedSecret,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionOut,
    SubscriptionPage,
    SubscriptionUpdate,
)
from diplowatch.api.targets import check_email, check_webhook_url
from diplowatch.subscription_filters import (
    Resolved,
    default_kb,
    known_sources,
    resolve_filters,
)
from store import repository as repo
from store.models import Subscription
from store.types import utcnow

# How long a rotated-out secret keeps signing: receivers get a day to switch.
SECRET_OVERLAP = timedelta(hours=24)

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"])

SubscriptionId = Annotated[int, Path(ge=1, le=MAX_ID, description="The subscription's id.")]


def owned(session: Session, caller: Caller, subscription_id: int) -> Subscription:
    subscription = repo.get_token_subscription(session, caller.token_id, subscription_id)
    if subscription is None:
        raise not_found(f"subscription {subscription_id}")
    return subscription


def to_out(subscription: Subscription) -> SubscriptionOut:
    return SubscriptionOut.model_validate(_fields(subscription))


def _fields(subscription: Subscription) -> dict:
    expires = subscription.previous_secret_expires_at
    return {
        "id": subscription.id,
        "channel": subscription.channel,
        "target": subscription.target,
        "filters": subscription.filters or {},
        "mode": subscription.mode,
        "events": subscription.events or ["contact.created"],
        "active": subscription.active,
        "disabled_reason": subscription.disabled_reason,
        "previous_secret_expires_at": expires if expires and expires > utcnow() else None,
        "created_at": subscription.created_at,
    }


def _check_target(state: ApiState, channel: str, target: str) -> None:
    if channel == "webhook":
        problem = check_webhook_url(target, allow_private=state.config.alerts.allow_private_targets)
    elif channel == "apprise":
        problem = check_apprise_url(target)
    else:
        problem = check_email(target)
    if problem:
        raise invalid("body.target", problem)


def _checked_filters(state: ApiState, filters: dict) -> dict:
    """The filters resolved (actors through the knowledge base, states to codes, known sources)
    in their canonical stored form; a 422 naming the bad key, with the nearest names, otherwise."""
    return _resolved(state, filters).filters


def _resolved(state: ApiState, filters: dict) -> Resolved:
    with state.database.sessions() as session:
        sources = known_sources(state.config, session)
    try:
        return resolve_filters(filters, default_kb(), sources)
    except ValueError as exc:
        raise invalid("body.filters", str(exc)) from None


@router.post(
    "",
    status_code=201,
    response_model=SubscriptionCreated,
    summary="Create a subscription",
    description="Subscribe a webhook URL or an e-mail address to contacts matching `filters`. "
    "The answer carries the webhook signing secret: it is shown only this once.",
    responses=error_responses(401, 413, 422, 429),
)
def create_subscription(
    caller: Authenticated,
    state: State,
    body: SubscriptionCreate,
) -> SubscriptionCreated:
    _check_target(state, body.channel, body.target)
    resolved = _resolved(state, body.filters)
    filters = resolved.filters
    secret = new_secret() if body.channel == "webhook" else None
    with state.database.sessions.begin() as session:
        subscription = repo.add_subscription(
            session,
            token_id=caller.token_id,
            channel=body.channel,
            target=body.target,
            filters=filters,
            mode=body.mode,
            events=list(dict.fromkeys(body.events)),
            secret=secret,
        )
        return SubscriptionCreated.model_validate(
            {**_fields(subscription), "secret": secret, "resolved": resolved.notes}
        )


@router.get(
    "",
    response_model=SubscriptionPage,
    summary="List your subscriptions",
    description="The caller's subscriptions, newest first.",
    responses=error_responses(401, 422, 429),
)
def list_subscriptions(
    caller: Authenticated,
    state: State,
    cursor: Annotated[str | None, Query(max_length=100, description="From `next_cursor`.")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size.")] = 50,
) -> SubscriptionPage:
    before = decode_cursor(cursor)
    with state.database.sessions() as session:
        rows = repo.list_token_subscriptions(
            session, caller.token_id, before_id=before, limit=limit + 1
        )
        return SubscriptionPage(
            items=[to_out(row) for row in rows[:limit]],
            next_cursor=next_cursor([row.id for row in rows], limit),
        )


@router.get(
    "/{subscription_id}",
    response_model=SubscriptionOut,
    summary="Read a subscription",
    responses=error_responses(401, 404, 422, 429),
)
def read_subscription(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
) -> SubscriptionOut:
    with state.database.sessions() as session:
        return to_out(owned(session, caller, subscription_id))


@router.patch(
    "/{subscription_id}",
    response_model=SubscriptionOut,
    summary="Update a subscription",
    description="Change the fields given; the others stay. The channel cannot change: create a "
    "new subscription instead.",
    responses=error_responses(401, 404, 413, 422, 429),
)
def update_subscription(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
    body: SubscriptionUpdate,
) -> SubscriptionOut:
    filters = _checked_filters(state, body.filters) if body.filters is not None else None
    if body.target is not None:
        # Checked before the write transaction: resolving a name must not hold the lock.
        with state.database.sessions() as session:
            channel = owned(session, caller, subscription_id).channel
        _check_target(state, channel, body.target)
    with state.database.sessions.begin() as session:
        subscription = owned(session, caller, subscription_id)
        if body.target is not None:
            subscription.target = body.target
        if filters is not None:
            subscription.filters = filters
        if body.mode is not None:
            subscription.mode = body.mode
        if body.events is not None:
            subscription.events = list(dict.fromkeys(body.events))
        if body.active is not None:
            subscription.active = body.active
            if body.active:
                subscription.disabled_reason = None
        session.flush()
        return to_out(subscription)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    response_class=Response,
    summary="Delete a subscription",
    description="Delete the subscription and its delivery history; pending deliveries are dropped.",
    responses=error_responses(401, 404, 422, 429),
)
def delete_subscription(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
) -> Response:
    with state.database.sessions.begin() as session:
        session.delete(owned(session, caller, subscription_id))
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    response_model=RotatedSecret,
    summary="Rotate the signing secret",
    description="Make a new signing secret (shown only in this answer). For 24 hours webhooks "
    "are signed with both the new and the old secret (Standard Webhooks sends several "
    "signatures), so the receiver can switch without losing an event.",
    responses=error_responses(401, 404, 409, 422, 429),
)
def rotate_secret(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
) -> RotatedSecret:
    with state.database.sessions.begin() as session:
        subscription = owned(session, caller, subscription_id)
        if subscription.channel != "webhook":
            raise ApiError(409, "conflict", "only webhook subscriptions have a signing secret")
        expires = utcnow() + SECRET_OVERLAP
        subscription.previous_secret = subscription.secret
        subscription.previous_secret_expires_at = expires
        subscription.secret = new_secret()
        return RotatedSecret(secret=subscription.secret, previous_secret_expires_at=expires)
