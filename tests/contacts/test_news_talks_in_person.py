"""Talk with no wire named, told in person ("spoke directly for a few minutes in the presence of
the Omani minister", "talked alone on a veranda", "had a brief conversation with X on the margins
of the lunch", "with their advisers at their side"), is a meeting; the same words by telephone
stay a call. A letter handed over is a meeting too ("handed X a letter from the king"); one sent
is not. The guest of an official ("was later the guest of X at a working lunch") met him; a
go-between who "shuttled between A and B" met each; "went into a session, lasting until three,
with X" is a meeting with X. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_names

DAY = date(2014, 6, 6)  # a Friday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "talk",
    [
        "spoke directly with Kenyan President Amos Kibet for a few minutes in the presence of "
        "the Omani minister",
        "talked alone with Kenyan President Amos Kibet on a veranda overlooking the sea",
        "had a brief conversation with Kenyan President Amos Kibet on the margins of the lunch",
    ],
)
def test_talk_told_in_person_is_a_meeting(kb: KnowledgeBase, talk: str) -> None:
    found = _news(kb, f"Ugandan President Peter Okello {talk}.")
    assert [c.type for c in found] == ["meeting"], pairs(found)


@pytest.mark.parametrize(
    "talk",
    [
        "spoke by telephone with Kenyan President Amos Kibet during a break in the talks",
        "had a phone call with Kenyan President Amos Kibet on the margins of the summit",
    ],
)
def test_talk_by_wire_stays_a_call(kb: KnowledgeBase, talk: str) -> None:
    found = _news(kb, f"Ugandan President Peter Okello {talk}.")
    assert [c.type for c in found] == ["call"], pairs(found)


def test_talk_with_advisers_at_their_side_is_a_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan Foreign Minister Amos Kibet and Ugandan Foreign Minister Peter Okello then talked "
        "for more than three hours with their arms control advisers at their side."
    )
    found = _news(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)


@pytest.mark.parametrize(
    "handed",
    [
        "handed Ugandan President Peter Okello a letter from the king",
        "delivered a message from the emir to Ugandan President Peter Okello",
        "handed over a personal letter to Ugandan President Peter Okello",
    ],
)
def test_a_letter_handed_over_is_a_meeting(kb: KnowledgeBase, handed: str) -> None:
    found = _news(kb, f"Kenyan envoy Amos Kibet visited Kampala on Thursday and {handed}.")
    assert [(c.type, sorted(p.name for p in c.participants)) for c in found] == [
        ("meeting", ["Amos Kibet", "Peter Okello"])
    ], pairs(found)


@pytest.mark.parametrize(
    "sent",
    [
        "sent a letter to Ugandan President Peter Okello",
        "delivered a message to the nation",
    ],
)
def test_a_letter_sent_is_no_meeting(kb: KnowledgeBase, sent: str) -> None:
    assert _news(kb, f"Kenyan President Amos Kibet {sent} on Thursday.") == []


@pytest.mark.parametrize("guest", ["was the guest of", "was later the guest of"])
def test_the_guest_of_an_official_met_him(kb: KnowledgeBase, guest: str) -> None:
    text = f"Ugandan President Peter Okello {guest} Kenyan President Amos Kibet at a working lunch."
    found = _news(kb, text)
    assert [(c.type, sorted(p.name for p in c.participants)) for c in found] == [
        ("meeting", ["Amos Kibet", "Peter Okello"])
    ], pairs(found)


def test_a_go_between_who_shuttled_met_each_side(kb: KnowledgeBase) -> None:
    text = (
        "Norwegian envoy Lars Berg, who has shuttled between Kenyan President Amos Kibet and "
        "Ugandan President Peter Okello for weeks, said gaps remain."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [
        ["Amos Kibet", "Lars Berg"],
        ["Lars Berg", "Peter Okello"],
    ], pairs(found)


def test_going_into_a_session_is_a_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan Foreign Minister Amos Kibet and Ugandan Foreign Minister Peter Okello, with their "
        "senior advisers, went into a separate session at the Kenyan mission."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Amos Kibet", "Peter Okello"]], pairs(found)


def test_how_long_a_session_lasted_stands_before_its_with(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan Foreign Minister Amos Kibet went almost at once into a session, lasting until "
        "nearly three in the morning, with Ugandan President Peter Okello."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Amos Kibet", "Peter Okello"]], pairs(found)


def test_a_second_meeting_after_a_named_place_has_the_first_ones_subject(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Before the summit opened, Trump held talks with Vietnamese President Tran Van Lam at "
        "the Presidential Palace on Wednesday and later met Prime Minister Le Quang Minh."
    )
    found = news_detector(date(2019, 2, 28))(kb, text)
    assert sorted(n for c in found for n in sorted_names([c])[0] if "Trump" not in n) == [
        "Le Quang Minh",
        "Tran Van Lam",
    ]
