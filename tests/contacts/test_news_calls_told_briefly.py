"""Calls told in a word: Commonwealth papers' "rang his Indonesian counterpart X", and a call set
before the clause it frames ("In a separate call yesterday afternoon, A and B agreed ..."),
which says nothing of a telephone but is one; "In a call for calm, A and B urged ..." is none. "A
discussed X and Y in a telephone conversation with B" is A's call, whatever the parse makes of
the two topics.
One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2004, 12, 28)  # a Tuesday
_news = news_detector(DAY)


def test_rang_his_counterpart_is_a_call(kb: KnowledgeBase) -> None:
    text = (
        "Foreign Minister Arjun Pillai rang his Malaysian counterpart Rahim Yusof yesterday "
        "morning to offer help."
    )
    (call,) = _news(kb, text)
    assert (call.type, call.mode, call.date) == ("call", "phone", date(2004, 12, 27))
    assert sorted_names([call]) == [["Arjun Pillai", "Rahim Yusof"]]


def test_rang_a_bell_is_no_call(kb: KnowledgeBase) -> None:
    text = "Foreign Minister Arjun Pillai rang his bell for Malaysian Minister Rahim Yusof."
    assert [c for c in _news(kb, text) if c.type == "call"] == []


def test_a_call_set_before_the_clause_holds_its_subjects(kb: KnowledgeBase) -> None:
    text = (
        "In a separate call yesterday afternoon, Defence Minister Arjun Pillai and Malaysian "
        "Defence Minister Rahim Yusof agreed that the two armed forces would coordinate relief."
    )
    (call,) = _news(kb, text)
    assert (call.type, call.mode, call.date) == ("call", "phone", date(2004, 12, 27))
    assert sorted_names([call]) == [["Arjun Pillai", "Rahim Yusof"]]


def test_a_call_for_something_is_no_call(kb: KnowledgeBase) -> None:
    text = (
        "In a call for calm, Defence Minister Arjun Pillai and Malaysian Defence Minister Rahim "
        "Yusof urged restraint."
    )
    assert _news(kb, text) == []


def test_a_call_set_after_two_topics_has_the_sentences_subject(kb: KnowledgeBase) -> None:
    text = (
        "Egyptian Foreign Minister Karim Mansour discussed the Amitai issue and Israel's "
        "military operations in Gaza in a telephone conversation with his Israeli counterpart "
        "Dalia Ronen on Saturday."
    )
    (call,) = _news(kb, text)
    assert sorted_names([call]) == [["Dalia Ronen", "Karim Mansour"]]
    assert call.date == date(2004, 12, 25)
