"""The request and response bodies of the API, as pydantic models (they make the OpenAPI schema).

Request models forbid unknown keys: a misspelt field is a 422, not a silently ignored setting.
Every text input refuses NUL characters and unpaired surrogates, which PostgreSQL cannot store.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from store.models import (
    Channel,
    ContactMode,
    ContactStatus,
    ContactType,
    DeliveryStatus,
    Event,
    Role,
    RunStatus,
)
from store.models import DeliveryMode as Mode


def _created_only() -> list[Event]:
    return ["contact.created"]


def storable(text: str) -> str:
    """Refuse text a database cannot store (NUL) or encode (lone surrogates)."""
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return text


Text = Annotated[str, AfterValidator(storable)]


def iso_day(value: object) -> object:
    """Accept a day only as YYYY-MM-DD: pydantic would also read `0` as 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a day as YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(iso_day)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubscriptionCreate(_Request):
    channel: Channel = Field(
        "webhook",
        description="`webhook`: POST signed JSON to `target`; `email`: mail `target`; "
        "`apprise`: notify the Apprise URL `target` (Slack, Telegram, Matrix, ntfy, Discord...).",
    )
    target: Text = Field(
        min_length=3,
        max_length=2048,
        description="An http(s) URL for a webhook, an e-mail address for e-mail, an Apprise URL "
        "(e.g. `ntfy://topic`, `slack://...`, `json://host/path`) for apprise.",
        examples=["https://hooks.example.org/diplowatch"],
    )
    filters: dict[str, Any] = Field(
        default_factory=dict,
        description="Which contacts to send: `actors` (surname, name, Wikidata id or kb id; "
        "resolved through the knowledge base), `states` (names or codes), `types`, `statuses`, "
        "`sources`, `min_confidence`. Singular keys (`actor`) are accepted too. {} sends all.",
    )
    mode: Mode = Field(
        "immediate", description="Send each event at once, or an hourly or daily digest."
    )
    events: list[Event] = Field(
        default_factory=_created_only,
        min_length=1,
        max_length=2,
        description="Which events to send: new contacts, and new reports of known ones.",
    )


class SubscriptionUpdate(_Request):
    target: Text | None = Field(None, min_length=3, max_length=2048, description="New target.")
    filters: dict[str, Any] | None = Field(None, description="New filters (replace the old).")
    mode: Mode | None = Field(None, description="New sending mode.")
    events: list[Event] | None = Field(None, min_length=1, max_length=2, description="New events.")
    active: bool | None = Field(
        None, description="false pauses sending; true resumes (and clears `disabled_reason`)."
    )


class SubscriptionOut(BaseModel):
    id: int
    channel: Channel
    target: str
    filters: dict[str, Any]
    mode: Mode
    events: list[Event]
    active: bool
    disabled_reason: str | None = Field(
        description="Why sending stopped (e.g. the receiver answered 410 Gone), if it did."
    )
    previous_secret_expires_at: datetime | None = Field(
        description="Until when the secret replaced by the last rotation still signs, if any."
    )
    created_at: datetime


class SubscriptionCreated(SubscriptionOut):
    secret: str | None = Field(
        description="The webhook signing secret (Standard Webhooks `whsec_...`). Shown only "
        "in this answer: store it now. Null for e-mail."
    )
    resolved: list[str] = Field(
        default_factory=list,
        description="What the filters were resolved to, e.g. \"actor 'Putin' is Vladimir Putin "
        '(kb:vladimir-putin)".',
    )


class SubscriptionPage(BaseModel):
    items: list[SubscriptionOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")


class RotatedSecret(BaseModel):
    secret: str = Field(description="The new signing secret, shown only in this answer.")
    previous_secret_expires_at: datetime = Field(
        description="Until then webhooks carry signatures with both the new and the old secret."
    )


class TestResult(BaseModel):
    __test__ = False  # not a pytest test class, whatever its name says

    ok: bool = Field(description="Whether the receiver accepted the event (2xx; e-mail: sent).")
    status: int | None = Field(description="The receiver's HTTP status, if it answered.")
    error: str | None = Field(description="What went wrong, if something did.")
    message_id: str = Field(description="The `webhook-id` the test event was sent with.")


class DeliveryOut(BaseModel):
    id: int
    message_id: str = Field(description="The `webhook-id` header; the same on every attempt.")
    contact_id: int
    event: str
    status: DeliveryStatus = Field(description="pending, sending, sent, or dead (gave up).")
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None = Field(description="When the next attempt is due, if any.")
    created_at: datetime
    delivered_at: datetime | None


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")


class ParticipantOut(BaseModel):
    name: str = Field(description="As the text named them.")
    canonical_name: str | None
    kb_id: str | None = Field(description="The knowledge-base id, when identified.")
    state: str | None = Field(description="ISO 3166 alpha-3 code or organisation short name.")
    office: str | None
    role: Role


class ArticleOut(BaseModel):
    url: str
    title: str | None
    source: str | None
    published_at: datetime | None


class ContactOut(BaseModel):
    id: int
    type: ContactType
    mode: ContactMode | None
    status: ContactStatus
    date: dt.date | None = Field(
        description="The day of the contact, if the text gave it; never the day it was crawled."
    )
    publication_date: dt.date | None = Field(
        description="The day the earliest article reporting it was published (shown beside "
        "'date not given' when `date` is null)."
    )
    location: str | None
    confidence: float
    cameo: str | None
    plover_mode: str | None
    first_seen: datetime
    last_seen: datetime
    participants: list[ParticipantOut]
    evidence: list[str] = Field(description="The sentences that report the contact.")
    articles: list[ArticleOut] = Field(description="The articles that report it.")


class ContactPage(BaseModel):
    items: list[ContactOut] = Field(description="Newest first.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next (older) page; null at end. Stays valid while "
        "new contacts arrive: they appear on page one, never shift later pages."
    )


class CrawlRunOut(BaseModel):
    status: RunStatus
    started_at: datetime
    finished_at: datetime | None
    pages_fetched: int
    new_articles: int
    new_contacts: int
    errors: int
    error_summary: str | None


class SourceOut(BaseModel):
    name: str
    last_crawl_at: datetime | None
    last_success_at: datetime | None
    last_run: CrawlRunOut | None = Field(description="The latest crawl of this source, if any.")


class SourceList(BaseModel):
    items: list[SourceOut]
