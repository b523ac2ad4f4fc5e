"""French copy's courtesies before a name ("received M. Bedie", "the Prime Minister, M. Kengo"),
meals as verbs ("breakfasted with"), leaders who sign side by side ("A and B this afternoon
signed the declaration"), and a guest met "on arrival by" the host. One test per phrasing class,
invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_names

DAY = date(1994, 11, 10)  # a Thursday
_news = news_detector(DAY)


@pytest.mark.parametrize("courtesy", ["M.", "Mme", "Mr."])
def test_a_courtesy_opens_the_object_and_is_no_part_of_the_name(
    kb: KnowledgeBase, courtesy: str
) -> None:
    text = (
        f"The Gabonese Prime Minister, {courtesy} Paul Mba, for his part, received "
        f"{courtesy} Jean Kouassi, the Ivorian foreign minister, for half an hour on Wednesday."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Jean Kouassi", "Paul Mba"]], pairs(found)


@pytest.mark.parametrize("meal", ["breakfasted", "lunched", "dined"])
def test_a_meal_verb_is_a_meeting(kb: KnowledgeBase, meal: str) -> None:
    text = (
        "On Wednesday morning the Belgian foreign minister, Luc Peeters, "
        f"{meal} with the Zairean Prime Minister, Kito Mbala."
    )
    found = _news(kb, text)
    assert [(c.type, sorted_names([c])[0]) for c in found] == [
        ("meeting", ["Kito Mbala", "Luc Peeters"])
    ]


def test_two_leaders_who_sign_together_meet(kb: KnowledgeBase) -> None:
    text = (
        "Laotian Premier Kham Vong and Thai Prime Minister Somchai Ruang this afternoon signed "
        "the Joint Declaration on the Question of the Border at a solemn ceremony in the hall."
    )
    found = _news(kb, text)
    assert [(c.type, sorted_names([c])[0]) for c in found] == [
        ("meeting", ["Kham Vong", "Somchai Ruang"])
    ], pairs(found)


def test_states_that_sign_do_not_meet(kb: KnowledgeBase) -> None:
    text = "Laos and Thailand this afternoon signed the Joint Declaration on the Border."
    assert _news(kb, text) == []


@pytest.mark.parametrize("where", ["on arrival", "at the airport"])
def test_met_on_arrival_by_the_host(kb: KnowledgeBase, where: str) -> None:
    text = (
        "Finnish envoy Karl Niemi flew from Belgrade to Bonn on Wednesday to brief ministers "
        f"gathered there, and was met {where} by German Chancellor Hans Vogel."
    )
    found = _news(kb, text)
    assert ["Hans Vogel", "Karl Niemi"] in sorted_names(found), pairs(found)
