"""Two who chair one meeting together met there: "A and B co-chaired the dialogue", "A
co-chaired the dialogue with B", "the talks were co-chaired by A and B". A body's standing chairs
("the group is co-chaired by A and B") and a plan ("the summit, to be co-chaired by A and B,
opens on Saturday") report no meeting that happened. Invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2024, 8, 19)  # a Monday
_news = news_detector(DAY)

A = "US Secretary of State Laura Pemberton"
B = "Fijian Foreign Minister Josefa Tuilagi"


@pytest.mark.parametrize(
    "text",
    [
        f"{A} and {B} co-chaired the ministerial dialogue in Suva on Monday.",
        f"{A} co-chaired the ministerial dialogue with {B} in Suva on Monday.",
    ],
    ids=["a-and-b", "with-b"],
)
def test_two_who_co_chair_a_meeting_met(kb: KnowledgeBase, text: str) -> None:
    assert sorted_names(_news(kb, text)) == [["Josefa Tuilagi", "Laura Pemberton"]]


@pytest.mark.parametrize(
    "text",
    [
        f"The fisheries group is co-chaired by {A} and {B}.",
        f"The summit, to be co-chaired by {A} and {B}, opens on Saturday in Suva.",
    ],
    ids=["a-post", "a-plan"],
)
def test_a_post_or_a_plan_of_co_chairs_is_no_meeting(kb: KnowledgeBase, text: str) -> None:
    assert _news(kb, text) == []
