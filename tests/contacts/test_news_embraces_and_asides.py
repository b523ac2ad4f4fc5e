"""An embrace as a meeting ("embraced X on the tarmac", "was hugged by X"), a second verb whose
subject is the first's across a relative clause ("arrived for a visit that had been unthinkable,
and was embraced by X"), a relative clause's time that is not the contact's ("a visit that would
have been unthinkable a few months ago"), and a meeting "being planned". One test per phrasing
class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, news_detector, pairs, sorted_names

DAY = date(2018, 7, 8)  # a Sunday
_news = news_detector(DAY)
_all = detector(DAY)


@pytest.mark.parametrize(
    "embrace",
    [
        "Kenyan President Amos Kibet embraced Ugandan President Peter Okello",
        "Ugandan President Peter Okello was hugged by Kenyan President Amos Kibet",
    ],
)
def test_an_embrace_is_a_meeting(kb: KnowledgeBase, embrace: str) -> None:
    found = _news(kb, f"{embrace} at the airport on Friday.")
    assert [(c.type, str(c.date), sorted_names([c])[0]) for c in found] == [
        ("meeting", "2018-07-06", ["Amos Kibet", "Peter Okello"])
    ], pairs(found)


def test_embracing_a_plan_is_no_meeting(kb: KnowledgeBase) -> None:
    assert _all(kb, "Kenyan President Amos Kibet embraced the plan on Friday.") == []


def test_the_second_verb_across_a_relative_clause_is_the_first_ones(kb: KnowledgeBase) -> None:
    text = (
        "Malian Prime Minister Oumar Keita arrived in Niger on Sunday for a visit that would have "
        "been unthinkable a few months ago, and was embraced on the tarmac by President Ali Issa "
        "of Niger as thousands lined the streets."
    )
    found = _news(kb, text)
    assert [(c.type, str(c.date), sorted_names([c])[0]) for c in found] == [
        ("meeting", "2018-07-08", ["Ali Issa", "Oumar Keita"])
    ], pairs(found)


@pytest.mark.parametrize("being", ["is being planned", "is being prepared", "is being arranged"])
def test_a_meeting_being_planned_has_not_happened(kb: KnowledgeBase, being: str) -> None:
    text = (
        "As the aide told reporters earlier, a meeting between Kenyan President Amos Kibet and "
        f"Ugandan President Peter Okello {being} on the sidelines of the summit."
    )
    found = _all(kb, text)
    assert [c.status for c in found] == ["planned"], pairs(found)
