"""Negotiating with someone, with how it went told between: "negotiated line by line with X",
"negotiated for hours with X" are talks with X; a "negotiating team with its advisers" is no
one negotiating with anyone. The time told between the verb and the party may be "that
evening": "conferred that evening with X". Invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(1974, 1, 18)
_news = news_detector(DAY)


@pytest.mark.parametrize("how", ["line by line", "for hours", "late into the night"])
def test_negotiated_how_with_someone_is_talks(kb: KnowledgeBase, how: str) -> None:
    text = f"US envoy Paul Whitcombe negotiated {how} with Israeli Prime Minister Ruth Adler."
    assert sorted_names(_news(kb, text)) == [["Paul Whitcombe", "Ruth Adler"]]


def test_a_negotiating_team_with_its_advisers_meets_no_one(kb: KnowledgeBase) -> None:
    text = "Israel's negotiating team with its advisers arrived in Geneva on Friday."
    assert _news(kb, text) == []


@pytest.mark.parametrize("when", ["that evening", "that night", "that morning"])
def test_a_time_that_day_between_the_verb_and_the_party(kb: KnowledgeBase, when: str) -> None:
    text = (
        f"US President Paul Whitcombe, who arrived on Friday, conferred {when} with Prime "
        "Minister Carmel Borg of Malta in Valletta."
    )
    assert sorted_names(_news(kb, text)) == [["Carmel Borg", "Paul Whitcombe"]]
