""" "The two leaders" after a gathering of many: "the conference opened with President A and Soviet
President B presiding ... Spanish Prime Minister C welcomed the delegations of D, E and F ...
The two superpower leaders had met on Tuesday" are A and B, the two last told as "A and B", not
the gathering just told; "the two sides" are groups, never that couple. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(1991, 10, 31)  # a Thursday
_news = news_detector(DAY)

OPENING = (
    "The conference opened on Wednesday with US President Martin Hale and Soviet President Ivan "
    "Petrov presiding. Spanish Prime Minister Luis Ortega welcomed Israeli Prime Minister David "
    "Ben-Ami, Syrian Foreign Minister Omar Haddad and Egyptian Foreign Minister Samir Fawzi. "
)


def test_the_two_leaders_are_the_couple_not_the_gathering(kb: KnowledgeBase) -> None:
    text = OPENING + "The two superpower leaders had met on Tuesday at the Soviet Embassy."
    found = [c for c in _news(kb, text) if c.date == date(1991, 10, 29)]
    assert sorted_names(found) == [["Ivan Petrov", "Martin Hale"]]


def test_the_two_sides_are_not_the_couple(kb: KnowledgeBase) -> None:
    text = OPENING + "The two sides had met on Tuesday at the Soviet Embassy."
    found = [c for c in _news(kb, text) if c.date == date(1991, 10, 29)]
    assert ["Ivan Petrov", "Martin Hale"] not in sorted_names(found)
