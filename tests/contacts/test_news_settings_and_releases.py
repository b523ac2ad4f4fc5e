"""Where a sentence is set, and what a government's own release leaves unsaid.

"In Lima on Tuesday, the envoy was received by Deputy Minister X" is set in Peru: the sentence is
its own dateline, so X, whom nothing else qualifies, may be Peru's and the envoy, of a state the
story left unsaid, is a foreigner he received. One test per phrasing class, invented names only.
"""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2024, 10, 17)  # a Thursday
_news = news_detector(DAY)

ENVOY = "Trade Envoy Maren Ostby has travelled to Peru to promote exports. "


def test_a_sentence_set_in_a_capital_is_its_own_dateline(kb: KnowledgeBase) -> None:
    text = ENVOY + "In Lima on Tuesday, the envoy was received by Deputy Minister Jorge Quispe."
    found = _news(kb, text)
    assert sorted_names(found) == [["Jorge Quispe", "Maren Ostby"]]
    assert found[0].date == date(2024, 10, 15)


def test_without_a_setting_nothing_says_the_two_are_of_different_states(
    kb: KnowledgeBase,
) -> None:
    assert (
        _news(kb, ENVOY + "On Tuesday, the envoy was received by Deputy Minister Jorge Quispe.")
        == []
    )


def test_a_places_view_is_no_setting(kb: KnowledgeBase) -> None:
    text = ENVOY + "In Lima's view, the envoy was received by Deputy Minister Jorge Quispe."
    assert _news(kb, text) == []
