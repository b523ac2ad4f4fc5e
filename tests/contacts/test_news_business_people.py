"""A company's officer is no party (GUIDELINES: business meetings with companies are no
contacts): "X, Micron's senior vice-president", "Tesla chief executive X"; a state's post of the
same words is ("Kenya's vice-president", "Kenyan Vice-President X", "Vice-President X"). One test
per phrasing class, invented names only. A party's leader is no party either ("Socialist Party
leader X"), unless the party rules the state ("Communist Party chief X")."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs

DAY = date(2023, 6, 21)  # a Wednesday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "officer",
    [
        "Ravi Menon, Norvik Semiconductor's senior vice-president and head of its India operations,",
        "Vextra chief executive Ravi Menon",
        "Ravi Menon, the chief executive of Vextra Holdings,",
        "Vextra Corp CEO Ravi Menon",
    ],
)
def test_a_companys_officer_is_no_party(kb: KnowledgeBase, officer: str) -> None:
    text = (
        f"Kenyan Foreign Minister Amos Kibet held a closed-door meeting with {officer} on Tuesday."
    )
    assert _news(kb, text) == []


@pytest.mark.parametrize(
    "official",
    [
        "Ravi Menon, Ghana's vice-president,",
        "Ghanaian Vice-President Ravi Menon",
        "Ghanaian Vice President Ravi Menon",
    ],
)
def test_a_states_post_of_the_same_words_is_a_party(kb: KnowledgeBase, official: str) -> None:
    text = (
        f"Kenyan Foreign Minister Amos Kibet held a closed-door meeting with {official} on Tuesday."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Amos Kibet", "Ravi Menon"]
    ], pairs(found)


@pytest.mark.parametrize(
    "leader", ["Socialist Party leader Ravi Menon", "opposition leader Ravi Menon"]
)
def test_a_partys_or_the_oppositions_leader_is_no_party(kb: KnowledgeBase, leader: str) -> None:
    text = f"Kenyan Foreign Minister Amos Kibet met {leader} in Accra on Tuesday."
    assert _news(kb, text) == []


def test_a_ruling_communist_partys_chief_is_a_party(kb: KnowledgeBase) -> None:
    text = "Vietnamese Communist Party chief Nguyen Van Duc met Kenyan President Amos Kibet on Tuesday."
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Amos Kibet", "Nguyen Van Duc"]
    ], pairs(found)
