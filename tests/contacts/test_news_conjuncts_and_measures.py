"""A verb's subject read through a passive first conjunct ("X was received by Y and held talks
with Z": X held the talks), and the party of talks measured out ("after twelve hours of talks over
the weekend with X": the "with" hangs on the measure), and two holders of one post told apart by
a state word ("Foreign Minister A and Chinese Foreign Minister B discussed trade": A is not
Chinese). One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_names

DAY = date(1991, 3, 16)  # a Saturday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "second",
    [
        "held talks with Prime Minister Tomas Varga on Thursday",
        "met Prime Minister Tomas Varga on Thursday",
    ],
)
def test_a_passive_first_conjunct_gives_the_second_its_subject(
    kb: KnowledgeBase, second: str
) -> None:
    text = (
        "Norwegian Foreign Minister Erik Lund, who arrived in Budapest on Wednesday, was received "
        f"that evening by Hungarian President Pal Kiss at the palace and {second}."
    )
    found = _news(kb, text)
    assert ["Erik Lund", "Tomas Varga"] in sorted_names(found), pairs(found)
    assert ["Erik Lund", "Pal Kiss"] in sorted_names(found), pairs(found)


@pytest.mark.parametrize(
    "measure",
    ["some twelve hours of talks over the weekend", "two rounds of talks in the capital"],
)
def test_the_party_of_measured_talks_hangs_on_the_measure(kb: KnowledgeBase, measure: str) -> None:
    text = (
        "Danish Foreign Minister Ole Berg left for London on Friday after "
        f"{measure} with Chilean President Luis Rojas and Foreign Minister Ana Soto."
    )
    found = _news(kb, text)
    meetings = [c for c in found if c.type == "meeting"]
    assert sorted_names(meetings) == [["Ana Soto", "Luis Rojas", "Ole Berg"]], pairs(found)


def test_one_post_with_a_state_word_and_one_without_are_two_states(kb: KnowledgeBase) -> None:
    text = (
        "Officials said Foreign Minister Ruben Salgado and Chinese Foreign Minister Wu Jianguo "
        "also discussed ways of expanding trade."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Ruben Salgado", "Wu Jianguo"]], pairs(found)


def test_two_unqualified_holders_of_one_post_may_be_compatriots(kb: KnowledgeBase) -> None:
    text = "Foreign Minister Ruben Salgado and Foreign Minister Wu Jianguo discussed trade."
    assert _news(kb, text) == []
