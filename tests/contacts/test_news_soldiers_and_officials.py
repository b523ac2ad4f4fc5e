"""Military chiefs, ranks and unnamed officials: a state's chief of staff is a party ("Iranian
army chief X", "Chief of the General Staff of the Iranian Armed Forces Major General X"), a
rank before a name is no part of it ("Gen. X"), "the Russian official" and "the top US
diplomat" are the one of that state told of before, "a senior US official" is an unnamed party
of that state, a passive host may stand after an adverb ("was later received ... by"), and a
street is no person ("on Bankova Street", though a knowledge-base minister was called Street),
nor the word after a title's possessive ("the Prime Minister's Office"). A grade before a title
is part of it ("Administrative Vice Foreign Minister X"), a sub-cabinet post is its own office
("Deputy Assistant Secretary of State"), and neither "the Home Minister", "Mr X's wife" nor "the
UN Special Commission" is a person of that name; "X, the UN envoy in charge of disarming Iraq,
who held talks" is X's talks, not Iraq's. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from contacts.lexicon import lexicon_for, tokenize
from contacts.mention_fixes import corrected
from contacts.mentions import find_mentions
from tests.contacts.support import news_detector, pairs, sorted_names, sorted_parties

DAY = date(2024, 8, 5)  # a Monday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "post",
    [
        "Iranian army chief",
        "Chief of the General Staff of the Iranian Armed Forces Major General",
        "Iran's chief of the general staff, Gen.",
    ],
)
def test_a_states_military_chief_is_a_party_and_his_rank_no_part_of_his_name(
    kb: KnowledgeBase, post: str
) -> None:
    text = f"Belarusian Defence Minister Oleg Karpenko met on Monday with {post} Reza Tavakoli."
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Oleg Karpenko", "BLR"), ("Reza Tavakoli", "IRN")]], pairs(
        found
    )


@pytest.mark.parametrize("reference", ["The Belarusian official", "The top Belarusian diplomat"])
def test_the_official_of_a_state_is_the_one_told_of_before(
    kb: KnowledgeBase, reference: str
) -> None:
    text = (
        "Belarusian Security Council Secretary Oleg Karpenko arrived in Tehran on Monday. "
        f"{reference} also met with Iranian Foreign Minister Reza Tavakoli."
    )
    meetings = [c for c in _news(kb, text) if c.type == "meeting"]
    assert sorted_parties(meetings) == [[("Oleg Karpenko", "BLR"), ("Reza Tavakoli", "IRN")]], (
        pairs(meetings)
    )


def test_an_unnamed_official_is_a_party_of_his_state(kb: KnowledgeBase) -> None:
    text = "A senior Belarusian official met Iranian negotiators in Geneva on Monday."
    found = _news(kb, text)
    assert sorted_parties(found) == [
        [("Belarusian official", "BLR"), ("Iranian negotiators", "IRN")]
    ], pairs(found)


def test_a_passive_host_after_an_adverb_and_an_address(kb: KnowledgeBase) -> None:
    text = (
        "Belarusian Foreign Minister Oleg Karpenko was later received at the Presidential "
        "Office on Bankova Street by Ukrainian President Taras Melnyk."
    )
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Oleg Karpenko", "BLR"), ("Taras Melnyk", "UKR")]], pairs(
        found
    )


def test_a_street_named_like_a_minister_is_no_person(kb: KnowledgeBase) -> None:
    text = (
        "Ukrainian President Taras Melnyk met on Monday at the Presidential Office on Bankova "
        "Street with Belarusian Foreign Minister Oleg Karpenko."
    )
    found = _news(kb, text)
    assert all(p.name != "Bankova Street" for c in found for p in c.participants), pairs(found)
    assert sorted_parties(found) == [[("Oleg Karpenko", "BLR"), ("Taras Melnyk", "UKR")]], pairs(
        found
    )


def test_the_word_after_a_titles_possessive_is_no_name(kb: KnowledgeBase) -> None:
    text = (
        "From: Prime Minister's Office\n\nThe Prime Minister spoke to Iranian President Reza "
        "Tavakoli this afternoon."
    )
    found = _news(kb, text)
    assert all(p.name != "Office" for c in found for p in c.participants), pairs(found)


@pytest.mark.parametrize("grade", ["Administrative", "Parliamentary", "Senior"])
def test_a_grade_before_a_title_is_part_of_it(kb: KnowledgeBase, grade: str) -> None:
    text = (
        "Belarusian Deputy Foreign Minister Oleg Karpenko paid a courtesy call on "
        f"{grade} Vice Foreign Minister Kenji Sato of Japan."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Kenji Sato", "Oleg Karpenko"]], pairs(found)


@pytest.mark.parametrize(
    ("post", "office"),
    [
        ("US Deputy Assistant Secretary of State", "Deputy Assistant Secretary of State"),
        ("US Assistant Secretary of State", "Assistant Secretary of State"),
    ],
)
def test_a_sub_cabinet_post_is_its_own_office(kb: KnowledgeBase, post: str, office: str) -> None:
    text = (
        f"HONIARA — {post} Ann Crane met with Secretary for Foreign Affairs Peter Tora of "
        "Solomon Islands on Monday."
    )
    found = _news(kb, text)
    offices = sorted((p.name, p.state, p.office) for c in found for p in c.participants)
    assert offices == [("Ann Crane", "USA", office), ("Peter Tora", "SLB", "Foreign Minister")], (
        pairs(found)
    )


def test_a_home_minister_is_no_family_name(kb: KnowledgeBase) -> None:
    text = (
        "NEW DELHI — Indian Prime Minister Ram Kumar reviewed the situation at a meeting with the "
        "Home Minister and senior officials."
    )
    assert _news(kb, text) == []


def test_a_persons_family_is_not_that_person(kb: KnowledgeBase) -> None:
    text = "LONDON — British Foreign Secretary James Hale spoke to Mr Forsyth's wife on Monday."
    assert _news(kb, text) == []


def test_who_after_a_long_description_is_the_person_described(kb: KnowledgeBase) -> None:
    text = (
        "Richard Holm, the new UN envoy in charge of disarming Iraq, who held talks with Deputy "
        "Prime Minister Karim Hamadi on Monday, said he had found the Iraqi side businesslike."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Karim Hamadi", "Richard Holm"]], pairs(found)


def test_a_bodys_name_after_its_chairmans_title_is_no_person(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan Foreign Minister Odhiambo Wekesa met the executive chairman of the UN Special "
        "Commission on Monday."
    )
    found = _news(kb, text)
    assert all("Commission" not in p.name for c in found for p in c.participants), pairs(found)


@pytest.mark.parametrize(
    "phrase",
    [
        "the political leader of the Kosovo Liberation Army",
        "the executive chairman of the UN Special Commission",
    ],
)
def test_a_bodys_name_after_a_title_is_no_person(kb: KnowledgeBase, phrase: str) -> None:
    text = f"The delegation is headed by Hashim Krasniqi, {phrase}, and by others."
    tokens = tokenize(text)
    found = corrected(text, tokens, lexicon_for(kb), find_mentions(text, tokens, lexicon_for(kb)))
    assert all(
        m.kind != "person" or m.name.split()[-1] not in ("Army", "Commission") for m in found
    )
