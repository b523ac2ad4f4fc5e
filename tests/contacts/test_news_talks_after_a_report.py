"""Talks set off after a report: "X said Monday that Japan must recognize ... before the two
countries can move forward, following talks in Moscow with his Japanese counterpart Y". The
parse hangs the phrase on the reported verb, whose subject is a state; the speaker held the
talks, and the modal is the report's, not the talks'. Without the comma, "X said Japan could
sign a treaty after talks with Y" tells of no talks yet. "A and B announced that their countries
had concluded negotiations after a meeting" is A's and B's meeting, and "the call A held with B"
happened (not "the summit, to be co-chaired by A and B"). A trip told as the setting
of a place ("from Malaysia, where he was on a three-day visit") is a visit to that place. One
test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_parties

DAY = date(2019, 1, 14)  # a Monday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "report",
    [
        "Japan must recognize the outcome of the war",
        "Japan must recognize the outcome of the war before the two countries can move "
        "forward on a peace treaty",
    ],
)
def test_the_speaker_held_the_talks_set_off_after_his_report(
    kb: KnowledgeBase, report: str
) -> None:
    text = (
        f"Belarusian Foreign Minister Oleg Karpenko said Monday that {report}, following talks "
        "in Minsk with his Japanese counterpart Kenji Sato."
    )
    found = _news(kb, text)
    assert sorted_parties(found) == [[("Kenji Sato", "JPN"), ("Oleg Karpenko", "BLR")]], pairs(
        found
    )


def test_talks_a_modal_verb_waits_for_are_no_contact_yet(kb: KnowledgeBase) -> None:
    text = (
        "Belarusian Foreign Minister Oleg Karpenko said Monday that Japan could sign a treaty "
        "after talks with his Japanese counterpart Kenji Sato."
    )
    assert _news(kb, text) == []


@pytest.mark.parametrize(
    "trip",
    [
        "flew here from neighbouring Malaysia where he was on a three-day visit",
        "returned from Malaysia, where he had been on an official visit, on Monday",
    ],
)
def test_the_place_where_he_was_on_a_visit_was_visited(kb: KnowledgeBase, trip: str) -> None:
    text = f"SINGAPORE (AFP) - Egyptian Prime Minister Karim Fahmy {trip}."
    visits = [c for c in _news(kb, text) if c.type == "visit"]
    assert [sorted((p.name, p.state) for p in c.participants) for c in visits] == [
        [("Karim Fahmy", "EGY"), ("Malaysia", "MYS")]
    ], pairs(visits)


def test_a_meeting_after_which_their_countries_agreed_was_the_announcers(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Belarusian President Oleg Karpenko arrived in Beijing on Sunday. Earlier yesterday, "
        "Karpenko and Japanese Prime Minister Kenji Sato announced that their countries had "
        "concluded negotiations on a trade agreement after a meeting at which the two also "
        "discussed security."
    )
    found = [c for c in _news(kb, text) if c.type == "meeting"]
    assert sorted_parties(found) == [[("Kenji Sato", "JPN"), ("Oleg Karpenko", "BLR")]], pairs(
        found
    )


def test_the_call_one_held_with_another_happened(kb: KnowledgeBase) -> None:
    text = (
        "The talks follow the telephone call President Oleg Karpenko of Belarus held with "
        "Japanese Prime Minister Kenji Sato on January 3 at Sato's request."
    )
    found = _news(kb, text)
    assert [(c.type, c.status) for c in found] == [("call", "occurred")], pairs(found)
    assert sorted_parties(found) == [[("Kenji Sato", "JPN"), ("Oleg Karpenko", "BLR")]], pairs(
        found
    )


def test_a_meeting_still_to_be_held_has_not_happened(kb: KnowledgeBase) -> None:
    text = (
        "The summit, to be co-chaired by Belarusian President Oleg Karpenko and Japanese Prime "
        "Minister Kenji Sato, opens on Saturday."
    )
    assert _news(kb, text) == []
