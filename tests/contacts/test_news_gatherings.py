"""News grammar of gatherings and of what is only asked for or going on: an organisation's
ministers meeting as one group party, "called for talks", the present progressive, "this week".
One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import occurred_detector

DAY = date(1987, 3, 16)  # a Monday
occurred = occurred_detector(DAY)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("EC agriculture ministers met in Brussels on Sunday to discuss farm prices.", "EU"),
        ("A meeting of EC trade officials yesterday agreed to act on chip imports.", "EU"),
        ("The summit of EC leaders in Brussels ended on Tuesday without a budget deal.", "EU"),
        ("Opec oil ministers ended their meeting in Vienna on Saturday.", "OPEC"),
        ("Foreign ministers of the Association of Southeast Asian Nations met in Manila.", "ASEAN"),
    ],
    ids=["met", "meeting-of", "summit-of", "their-meeting", "ministers-of"],
)
def test_an_organisations_ministers_meeting_is_a_contact_of_one_group(
    kb: KnowledgeBase, text: str, state: str
) -> None:
    [contact] = occurred(kb, text)
    assert contact.type == "meeting"
    assert [p.state for p in contact.participants] == [state]


def test_a_gathering_of_one_states_officials_or_a_body_alone_is_no_contact(
    kb: KnowledgeBase,
) -> None:
    # Ministers of one state, and an organisation's name as the summit's setting, are not a group
    # that meets as a party.
    assert occurred(kb, "Indonesian cabinet ministers met in Jakarta on Sunday.") == []
    assert occurred(kb, "The UN meeting in Geneva ended on Tuesday.") == []
    assert occurred(kb, "Last week's G-7 meeting in Washington produced no accord.") == []


def test_a_planned_gathering_is_planned(kb: KnowledgeBase) -> None:
    [contact] = detect_contacts(
        "EU foreign ministers will meet in Luxembourg next week.", DAY, kb=kb
    )
    assert contact.status == "planned"
    contacts = detect_contacts(
        "EU leaders, meeting at a summit in Brussels from Thursday, will try again to end the "
        "dispute over the farm budget.",
        DAY,
        kb=kb,
    )
    assert [c.status for c in contacts] == ["planned"]


def test_someone_speaking_at_the_groups_meeting_met_the_group(kb: KnowledgeBase) -> None:
    [contact] = occurred(
        kb,
        "Brazilian Finance Minister Tomas Arruda Veiga spoke on Monday at the EC finance "
        "ministers' meeting in Brussels.",
    )
    assert {p.state for p in contact.participants} == {"BRA", "EU"}
    assert contact.location == "Brussels"  # the sentence's full stop is not the place's


@pytest.mark.parametrize(
    "text",
    [
        "Nigerian Oil Minister Tunde Okafor called for talks with Mexican President Ramon Tellez.",
        "Nigerian Oil Minister Tunde Okafor has pressed for a meeting with Mexican President "
        "Ramon Tellez.",
        "Opec ministers called for talks with Mexico.",
    ],
    ids=["called-for", "pressed-for", "group"],
)
def test_asking_for_talks_is_no_contact_yet(kb: KnowledgeBase, text: str) -> None:
    assert occurred(kb, text) == []


def test_the_present_progressive_without_a_time_is_going_on_now(kb: KnowledgeBase) -> None:
    text = (
        "Belgian minister Pieter Vandaele, who is chairing the meeting of EC farm ministers, said "
        "on Sunday that no deal was near."
    )
    [contact] = occurred(kb, text)
    assert {p.state for p in contact.participants} == {"BEL", "EU"}
    assert contact.status == "occurred"


def test_this_week_gives_no_day(kb: KnowledgeBase) -> None:
    [contact] = occurred(
        kb,
        "Japanese Foreign Minister Kenji Aoyama met Thai Prime Minister Chalerm Suwan earlier "
        "this week.",
    )
    assert contact.date is None
