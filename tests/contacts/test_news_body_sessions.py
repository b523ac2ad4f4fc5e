"""A body's own session is no contact (GUIDELINES): "At an emergency session of the UN Security
Council on Wednesday, Russia's envoy X demanded ..." names no one X met; "a meeting of EU
foreign ministers" still gathers its members. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector

DAY = date(2018, 3, 15)  # a Thursday
_news = news_detector(DAY)


def test_a_session_of_a_body_meets_no_one(kb: KnowledgeBase) -> None:
    text = (
        "At an emergency session of the UN Security Council on Wednesday, Russia's envoy Pavel "
        'Gromov demanded "material proof" of Moscow\'s involvement.'
    )
    assert _news(kb, text) == []


def test_a_meeting_of_ministers_gathers_them(kb: KnowledgeBase) -> None:
    text = (
        "At a meeting of EU foreign ministers in Brussels on Wednesday, Irish Foreign Minister "
        "Aoife Brennan met Ukrainian Foreign Minister Taras Hlib."
    )
    found = _news(kb, text)
    assert any(
        {p.name for p in c.participants} >= {"Aoife Brennan", "Taras Hlib"} for c in found
    ), found
