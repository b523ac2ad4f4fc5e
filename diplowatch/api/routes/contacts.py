"""/v1/contacts and /v1/sources: what the product knows, readable by any valid token."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from diplowatch.api.cursors import (
    MAX_ID,
    POSITION_PREFIX,
    decode_cursor,
    encode_cursor,
    next_cursor,
)
from diplowatch.api.deps import Authenticated, State
from diplowatch.api.errors import error_responses, invalid, not_found
from diplowatch.api.schemas import (
    ContactOut,
    ContactPage,
    CrawlRunOut,
    Day,
    SourceList,
    SourceOut,
    Text,
)
from store import repository as repo

router = APIRouter(tags=["contacts"])


@router.get(
    "/contacts",
    response_model=ContactPage,
    summary="Query contacts",
    description="Contacts newest first (by id), filtered. Pages follow `next_cursor`; a cursor "
    "stays valid while new contacts arrive. `since`/`until` compare the contact's `date`, or, "
    "when the text gave none, its `publication_date` (the day the earliest report came out); "
    "a contact with neither is outside every date range. The crawl day is never used.",
    responses=error_responses(401, 422, 429),
)
def list_contacts(
    caller: Authenticated,
    api: State,
    since: Annotated[Day | None, Query(description="On or after this day.")] = None,
    until: Annotated[Day | None, Query(description="On or before this day.")] = None,
    actor: Annotated[
        Text | None,
        Query(min_length=1, max_length=300, description="A participant: name or kb id."),
    ] = None,
    state: Annotated[
        Text | None,
        Query(
            min_length=1,
            max_length=16,
            description="A participant's state (ISO alpha-3 or organisation).",
        ),
    ] = None,
    type: Annotated[
        Literal["call", "meeting", "visit"] | None, Query(description="The kind of contact.")
    ] = None,
    status: Annotated[
        Literal["occurred", "planned", "cancelled"] | None,
        Query(description="Whether it happened, is announced, or was called off."),
    ] = None,
    source: Annotated[
        Text | None,
        Query(min_length=1, max_length=100, description="Reported by this source."),
    ] = None,
    cursor: Annotated[str | None, Query(max_length=100, description="From `next_cursor`.")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size.")] = 50,
    order: Annotated[
        Literal["id", "date"],
        Query(
            description="`id`: newest stored first (cursor pages never shift). `date`: by the "
            "contact's date, else its publication date, newest first, undated last (pages by "
            "position: a contact stored meanwhile can shift a page)."
        ),
    ] = "id",
) -> ContactPage:
    if since and until and since > until:
        raise invalid("query.since", "is after `until`")
    by_date = order == "date"
    position = (decode_cursor(cursor, POSITION_PREFIX) or 0) if by_date else 0
    query = repo.ContactQuery(
        since=since,
        until=until,
        actor=actor,
        state=state,
        type=type,
        status=status,
        source=source,
        before_id=None if by_date else decode_cursor(cursor),
        limit=limit + 1,
        order=order,
        offset=position,
    )
    with api.database.sessions() as session:
        rows = repo.list_contacts(session, query)
        if by_date:
            following = (
                encode_cursor(position + limit, POSITION_PREFIX) if len(rows) > limit else None
            )
        else:
            following = next_cursor([row.id for row in rows], limit)
        return ContactPage(
            items=[ContactOut.model_validate(repo.contact_to_dict(row)) for row in rows[:limit]],
            next_cursor=following,
        )


@router.get(
    "/contacts/{contact_id}",
    response_model=ContactOut,
    summary="Read a contact",
    description="One contact with its participants, evidence and the articles that report it.",
    responses=error_responses(401, 404, 422, 429),
)
def read_contact(
    caller: Authenticated,
    api: State,
    contact_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The contact's id.")],
) -> ContactOut:
    with api.database.sessions() as session:
        contact = repo.get_contact(session, contact_id)
        if contact is None:
            raise not_found(f"contact {contact_id}")
        return ContactOut.model_validate(repo.contact_to_dict(contact))


@router.get(
    "/sources",
    response_model=SourceList,
    summary="List sources",
    description="Every source crawled so far, with the outcome of its latest crawl.",
    responses=error_responses(401, 429),
)
def list_sources(
    caller: Authenticated,
    api: State,
) -> SourceList:
    with api.database.sessions() as session:
        runs = repo.last_crawl_runs(session)
        items = []
        for source in repo.list_sources(session):
            run = runs.get(source.name)
            items.append(
                SourceOut(
                    name=source.name,
                    last_crawl_at=source.last_crawl_at,
                    last_success_at=source.last_success_at,
                    last_run=CrawlRunOut.model_validate(run, from_attributes=True) if run else None,
                )
            )
        return SourceList(items=items)
