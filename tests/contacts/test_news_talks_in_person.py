"""Talk with no wire named, told in person ("spoke directly for a few minutes in the presence of
the Omani minister", "talked alone on a veranda", "had a brief conversation with X on the margins
of the lunch"), is a meeting; the same words by telephone stay a call. One test per phrasing
class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs

DAY = date(2014, 6, 6)  # a Friday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "talk",
    [
        "spoke directly with Kenyan President Amos Kibet for a few minutes in the presence of "
        "the Omani minister",
        "talked alone with Kenyan President Amos Kibet on a veranda overlooking the sea",
        "had a brief conversation with Kenyan President Amos Kibet on the margins of the lunch",
    ],
)
def test_talk_told_in_person_is_a_meeting(kb: KnowledgeBase, talk: str) -> None:
    found = _news(kb, f"Ugandan President Peter Okello {talk}.")
    assert [c.type for c in found] == ["meeting"], pairs(found)


@pytest.mark.parametrize(
    "talk",
    [
        "spoke by telephone with Kenyan President Amos Kibet during a break in the talks",
        "had a phone call with Kenyan President Amos Kibet on the margins of the summit",
    ],
)
def test_talk_by_wire_stays_a_call(kb: KnowledgeBase, talk: str) -> None:
    found = _news(kb, f"Ugandan President Peter Okello {talk}.")
    assert [c.type for c in found] == ["call"], pairs(found)
