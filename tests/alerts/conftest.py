"""Fixtures of the alerts tests: a live webhook receiver and sample contact dicts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.alerts.receiver import Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


def make_contact(**changes: object) -> dict:
    """A contact dict as the store renders it (a phone call, two known leaders)."""
    contact = {
        "id": 41,
        "type": "call",
        "mode": "phone",
        "status": "occurred",
        "date": "2023-10-16",
        "location": None,
        "confidence": 0.9,
        "cameo": "040",
        "plover_mode": "consult",
        "first_seen": "2023-10-16T18:02:11+00:00",
        "last_seen": "2023-10-16T19:40:00+00:00",
        "participants": [
            {
                "name": "Netanyahu",
                "canonical_name": "Benjamin Netanyahu",
                "kb_id": "Q43723",
                "state": "ISR",
                "office": "Prime Minister",
                "role": "recipient",
            },
            {
                "name": "Vladimir Putin",
                "canonical_name": "Vladimir Putin",
                "kb_id": "Q7747",
                "state": "RUS",
                "office": "President",
                "role": "initiator",
            },
        ],
        "evidence": ["The Russian leader telephoned the Israeli prime minister on Monday."],
        "articles": [
            {
                "url": "https://news.example.org/2023/10/16/call",
                "title": "Leaders speak by phone",
                "source": "example-news",
                "published_at": "2023-10-16T18:00:00+00:00",
            }
        ],
    }
    contact.update(changes)
    return contact


@pytest.fixture
def contact() -> dict:
    return make_contact()
