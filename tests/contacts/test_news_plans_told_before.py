"""What the verb "before" hangs on plans, the gerund after it plans too: "Macron flies to Kyiv on
Tuesday, before traveling to Berlin for an evening meeting with X" is a planned meeting; "flew
..., before traveling to Berlin for a meeting with X" one that took place. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, news_detector, sorted_names

DAY = date(2022, 6, 13)  # a Monday
_every = detector(DAY)
_news_after = news_detector(date(2022, 6, 15))  # the Wednesday after


def _berlin(found: list) -> list:
    return [c for c in found if c.location == "Berlin"]


def test_a_meeting_after_before_a_timetable_is_planned(kb: KnowledgeBase) -> None:
    text = (
        "French President Luc Morel flies on Tuesday to Vilnius, before traveling to Berlin for "
        "an evening meeting with German Chancellor Karl Brandauer."
    )
    (meeting,) = _berlin(_every(kb, text))
    assert sorted_names([meeting]) == [["Karl Brandauer", "Luc Morel"]]
    assert meeting.status == "planned"


def test_a_meeting_after_before_a_past_trip_took_place(kb: KnowledgeBase) -> None:
    text = (
        "French President Luc Morel flew on Tuesday to Vilnius, before traveling to Berlin for "
        "an evening meeting with German Chancellor Karl Brandauer."
    )
    (meeting,) = _berlin(_news_after(kb, text))
    assert meeting.status == "occurred"
