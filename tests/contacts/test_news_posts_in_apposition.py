"""Posts set off by commas that no title list holds: a state's post before the name ("the UN
special coordinator for the peace process, X", "Iran's top nuclear negotiator, X"), the head of
a state's body with a rank ("the head of Sudan's military council, General X"), a long post with
no state word after the name ("X, General Secretary of the Central Committee and President of
the Presidium, today received"), and a subject seen doing it ("were photographed shaking hands
with"). One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_parties

DAY = date(2016, 3, 4)  # a Friday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    ("post", "state"),
    [
        ("the UN special coordinator for the Middle East peace process", "UN"),
        ("Iran's top nuclear negotiator", "IRN"),
        ("the Saudi national security adviser", "SAU"),
    ],
)
def test_a_states_post_before_the_name_gives_its_state(
    kb: KnowledgeBase, post: str, state: str
) -> None:
    text = f"Danish Foreign Minister Ole Berg spoke with {post}, Karim Haddad, on Thursday."
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Karim Haddad", state), ("Ole Berg", "DNK")]], pairs(found)


def test_the_head_of_a_states_body_with_a_rank(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Amos Kibet held talks in Khartoum on Thursday with the head of Sudan's "
        "Transitional Military Council, General Omar Hamid, on a handover to civilian rule."
    )
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Amos Kibet", "KEN"), ("Omar Hamid", "SDN")]], pairs(found)


def test_a_long_post_after_the_name_stands_between_subject_and_verb(kb: KnowledgeBase) -> None:
    text = (
        "MOSCOW, March 4 (TASS) - Pavel Orlov, General Secretary of the Central Committee and "
        "President of the Presidium of the Supreme Soviet, today received in the Kremlin "
        "Hungarian Prime Minister Janos Szabo, who is staying in the Soviet Union on a visit."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Janos Szabo", "Pavel Orlov"]
    ], pairs(found)


@pytest.mark.parametrize("seen", ["were photographed", "were seen", "were pictured"])
def test_a_subject_seen_shaking_hands(kb: KnowledgeBase, seen: str) -> None:
    text = (
        f"Iranian envoy Reza Karimi and Saudi envoy Faisal Nasser {seen} shaking hands with "
        "Chinese Foreign Minister Li Wen in Beijing on Friday."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Faisal Nasser", "Li Wen", "Reza Karimi"]
    ], pairs(found)


def test_a_relative_clauses_post_is_the_one_befores(kb: KnowledgeBase) -> None:
    text = (
        "Chinese President Wu Jianguo held talks with Ghanaian President Kofi Mensah on Thursday. "
        "During his talks with Mensah, who is also chairman of the African Union, Wu said China "
        "supported a bigger role for the union."
    )
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Kofi Mensah", "GHA"), ("Wu Jianguo", "CHN")]], pairs(found)
