"""A subscription's test event and delivery history: /v1/subscriptions/{id}/test, .../deliveries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from diplowatch.api.cursors import MAX_ID, decode_cursor, next_cursor
from diplowatch.api.deps import Authenticated, State
from diplowatch.api.errors import ApiError, error_responses, not_found
from diplowatch.api.routes.subscriptions import SubscriptionId, owned
from diplowatch.api.schemas import DeliveryOut, DeliveryPage, DeliveryStatus, TestResult
from diplowatch.api.testevent import send_test_event
from store import repository as repo
from store.models import Delivery

router = APIRouter(prefix="/subscriptions/{subscription_id}", tags=["deliveries"])


def to_out(delivery: Delivery) -> DeliveryOut:
    waiting = delivery.status in {"pending", "sending"}
    return DeliveryOut(
        id=delivery.id,
        message_id=delivery.message_id,
        contact_id=delivery.contact_id,
        event=delivery.event,
        status=delivery.status,
        attempts=delivery.attempts,
        last_error=delivery.last_error,
        next_attempt_at=delivery.next_attempt_at if waiting else None,
        created_at=delivery.created_at,
        delivered_at=delivery.delivered_at,
    )


@router.post(
    "/test",
    response_model=TestResult,
    summary="Send a test event",
    description="Send one `test` event now, signed like real ones, and report how the receiver "
    "answered. A receiver's failure is reported in the body (`ok: false`), not as an error.",
    responses=error_responses(401, 404, 422, 429),
)
def send_test(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
) -> TestResult:
    with state.database.sessions() as session:
        subscription = owned(session, caller, subscription_id)
    # Sent outside the session: a slow receiver must not hold a database connection.
    return send_test_event(subscription, state.config)


@router.get(
    "/deliveries",
    response_model=DeliveryPage,
    summary="List deliveries",
    description="The subscription's deliveries, newest first, with status, attempts, last error "
    "and when the next attempt is due.",
    responses=error_responses(401, 404, 422, 429),
)
def list_deliveries(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
    status: Annotated[DeliveryStatus | None, Query(description="Only this status.")] = None,
    cursor: Annotated[str | None, Query(max_length=100, description="From `next_cursor`.")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size.")] = 50,
) -> DeliveryPage:
    before = decode_cursor(cursor)
    with state.database.sessions() as session:
        owned(session, caller, subscription_id)
        rows = repo.list_subscription_deliveries(
            session, subscription_id, status=status, before_id=before, limit=limit + 1
        )
        return DeliveryPage(
            items=[to_out(row) for row in rows[:limit]],
            next_cursor=next_cursor([row.id for row in rows], limit),
        )


@router.post(
    "/deliveries/{delivery_id}/retry",
    response_model=DeliveryOut,
    summary="Retry a dead delivery",
    description="Put a delivery that gave up (`dead`) back in the queue, due now, with its "
    "attempts reset. Other statuses answer 409.",
    responses=error_responses(401, 404, 409, 422, 429),
)
def retry_delivery(
    caller: Authenticated,
    state: State,
    subscription_id: SubscriptionId,
    delivery_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The delivery's id.")],
) -> DeliveryOut:
    with state.database.sessions.begin() as session:
        owned(session, caller, subscription_id)
        delivery = repo.get_subscription_delivery(session, subscription_id, delivery_id)
        if delivery is None:
            raise not_found(f"delivery {delivery_id}")
        if delivery.status != "dead":
            raise ApiError(
                409, "conflict", f"delivery {delivery_id} is {delivery.status}, not dead"
            )
        repo.retry_dead_deliveries(session, [delivery.id])
        session.refresh(delivery)
        return to_out(delivery)
