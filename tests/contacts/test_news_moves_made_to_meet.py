"""A move made to meet someone, told in the past: "then crossed the corridor to see Y", "flew to
Cairo to meet Y" report the meeting, with the subject of the clause before when the parse hangs
the move on it loosely (", then crossed ..."). A move still to come ("will fly to Cairo to meet
Y") plans it. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, news_detector, sorted_names

DAY = date(1988, 3, 3)  # a Thursday
_news = news_detector(DAY)
_every = detector(DAY)


def test_a_second_meeting_after_a_move_has_the_first_ones_subject(kb: KnowledgeBase) -> None:
    text = (
        "Diego Ruiz, a U.N. under-secretary-general, met Pakistan's Minister of State for Foreign "
        "Affairs Zafar Qureshi for about two hours in the morning, then crossed the corridor to "
        "see Afghan Foreign Minister Abdul Rahimi in the afternoon."
    )
    assert sorted_names(_news(kb, text)) == [
        ["Abdul Rahimi", "Diego Ruiz"],
        ["Diego Ruiz", "Zafar Qureshi"],
    ]


def test_a_move_made_to_see_someone_reports_the_meeting(kb: KnowledgeBase) -> None:
    text = "U.N. envoy Diego Ruiz flew to Kabul to see Afghan Foreign Minister Abdul Rahimi."
    assert sorted_names(_news(kb, text)) == [["Abdul Rahimi", "Diego Ruiz"]]


def test_a_move_still_to_come_plans_the_meeting(kb: KnowledgeBase) -> None:
    text = "U.N. envoy Diego Ruiz will fly to Kabul to see Afghan Foreign Minister Abdul Rahimi."
    found = [c for c in _every(kb, text) if c.type == "meeting"]
    assert [c.status for c in found] == ["planned"]
