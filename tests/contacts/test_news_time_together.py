"""Time spent together as a meeting: tea or coffee ("went on to have tea with the King"), a day
("spent Tuesday with X"), a session ("after a session with"), standing beside someone for a joint
declaration. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs

DAY = date(2023, 2, 28)  # a Tuesday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "together",
    [
        "went on to have tea with Ugandan President Peter Okello at the palace",
        "took coffee with Ugandan President Peter Okello at the palace",
        "had a cup of tea with Ugandan President Peter Okello at the palace",
        "spent Monday with Ugandan President Peter Okello at the palace",
        "emerged after a long session with Ugandan President Peter Okello at the palace",
        "stood beside Ugandan President Peter Okello as they issued a joint declaration",
    ],
)
def test_time_spent_together_is_a_meeting(kb: KnowledgeBase, together: str) -> None:
    found = _news(kb, f"Kenyan President Amos Kibet {together}.")
    assert [(c.type, sorted(p.name for p in c.participants)) for c in found] == [
        ("meeting", ["Amos Kibet", "Peter Okello"])
    ], pairs(found)


def test_tea_exports_are_no_meeting(kb: KnowledgeBase) -> None:
    text = "Kenyan President Amos Kibet said tea exports to Uganda rose on Monday."
    assert _news(kb, text) == []
