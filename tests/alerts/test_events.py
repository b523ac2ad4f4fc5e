"""The versioned event payload."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from alerts.events import MAX_ARTICLES, build_event
from tests.alerts.conftest import make_contact


def test_payload_shape(contact: dict) -> None:
    moment = datetime(2023, 10, 16, 21, 30, tzinfo=timezone(timedelta(hours=3)))
    event = build_event("contact.created", {**contact, "internal": "not for receivers"}, moment)
    assert event["type"] == "contact.created"
    assert event["timestamp"] == "2023-10-16T18:30:00Z"
    assert event["version"] == "1"
    data = event["data"]
    assert data["id"] == 41 and data["type"] == "call" and data["mode"] == "phone"
    assert data["summary"] == "Putin – Netanyahu: phone call, 16 Oct 2023"
    assert "internal" not in data
    assert data["participants"][1]["kb_id"] == "Q7747"
    assert data["participants"][1]["role"] == "initiator"
    assert data["articles"] == contact["articles"] and data["article_count"] == 1
    assert data["evidence"] == contact["evidence"]
    json.dumps(event)  # plain JSON all the way down


def test_long_contacts_are_capped() -> None:
    articles = [
        {"url": f"https://e.org/{i}", "title": "t", "source": "s", "published_at": None}
        for i in range(MAX_ARTICLES + 7)
    ]
    contact = make_contact(articles=articles, evidence=["x" * 5000] * 20)
    data = build_event("contact.updated", contact, datetime.now(UTC))["data"]
    assert len(data["articles"]) == MAX_ARTICLES and data["article_count"] == MAX_ARTICLES + 7
    assert len(data["evidence"]) == 5 and all(len(e) <= 600 for e in data["evidence"])
    assert len(json.dumps(data)) < 20_000


def test_unknown_type_and_naive_time_are_refused(contact: dict) -> None:
    with pytest.raises(ValueError, match="event type 'contact.deleted'"):
        build_event("contact.deleted", contact, datetime.now(UTC))
    with pytest.raises(ValueError, match="timezone-aware"):
        build_event("test", contact, datetime(2024, 1, 1))
