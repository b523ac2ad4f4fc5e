"""News grammar of scenes, groups and trips: a contact that sets the scene of another verb,
groups told by their leaders or attendees, joint calls, trips to several places, dates without a
day. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import has, name_sets, occurred_detector

DAY = date(2024, 3, 6)  # a Wednesday
occurred = occurred_detector(DAY)


# -- the contact as the scene, the main verb's object the other party ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In a telephone conversation on Tuesday, Uruguay's foreign minister, Ernesto Larra "
        "Pineda, thanked his Argentine counterpart, Jorge Tabares, for lifting the blockade.",
        "In a phone call on Tuesday, Uruguayan Foreign Minister Ernesto Larra Pineda told "
        "Argentine Foreign Minister Jorge Tabares that the bridge would reopen.",
    ],
    ids=["thanked", "told"],
)
def test_in_a_call_a_verb_b_is_a_call_between_them(kb: KnowledgeBase, text: str) -> None:
    found = occurred(kb, text)
    assert [(c.type, sorted(p.name for p in c.participants)) for c in found] == [
        ("call", ["Ernesto Larra Pineda", "Jorge Tabares"])
    ]
    assert {p.name: p.office for p in found[0].participants}["Jorge Tabares"] == "Foreign Minister"


# -- groups named by their leader, relative pronouns, courtesy calls ---------------------------


def test_a_delegation_led_by_someone_is_that_person(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Malaysian Trade Minister Rahim Abdul Karim welcomed a Philippine delegation led by "
        "Trade Undersecretary Carlos Villamor on Tuesday.",
    )
    assert [{p.name: p.state for p in c.participants} for c in found] == [
        {"Rahim Abdul Karim": "MYS", "Carlos Villamor": "PHL"}
    ]


def test_with_whom_is_the_person_it_hangs_on(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Tanzanian Vice President Amani Kilimo arrived in Beijing on Sunday at the invitation of "
        "Chinese Vice President Zeng Hualin, with whom he held talks on Monday.",
    )
    assert has(found, "Amani Kilimo", "Zeng Hualin")


def test_a_courtesy_call_on_someone_is_a_meeting(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "COLOMBO — South Korea's newly arrived ambassador, Park Min-jae, paid a courtesy call on "
        "Sri Lankan Foreign Minister Tilak Perera at the ministry on Monday.",
    )
    assert [(c.type, {p.name: p.state for p in c.participants}) for c in found] == [
        ("meeting", {"Park Min-jae": "KOR", "Tilak Perera": "LKA"})
    ]


def test_a_counterpart_from_a_state_named_after_a_comma(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "The foreign minister of Ghana, Abena Owusu-Mensah, welcomed her counterpart from Burkina "
        "Faso, Issa Sawadogo-Kone, to Accra on Wednesday for talks on border security.",
    )
    assert [{p.name: p.state for p in c.participants} for c in found] == [
        {"Abena Owusu-Mensah": "GHA", "Issa Sawadogo-Kone": "BFA"}
    ]


def test_discussing_a_later_round_of_talks_is_still_a_meeting_now(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Russian Deputy Foreign Minister Sergei Vorobyov and UN envoy Lakhdar Benali discussed "
        "prospects for a third round of talks in Geneva on Monday.",
    )
    assert has(found, "Sergei Vorobyov", "Lakhdar Benali")


def test_a_meeting_that_sets_the_scene_takes_the_main_verbs_time(kb: KnowledgeBase) -> None:
    found = detect_contacts(
        "Haiti's interim foreign minister, Jean-Baptiste Desroches, asked for the first Kenyan "
        "officers to be deployed before the rainy season, during a meeting with Kenya's foreign "
        "minister, Musa Kiprono, in Nairobi on Monday.",
        DAY,
        kb=kb,
    )
    assert [(c.status, c.date) for c in found] == [("occurred", date(2024, 3, 4))]


@pytest.mark.parametrize(("when", "background"), [("last October", True), ("in March", False)])
def test_a_month_without_a_day_dates_the_past(
    kb: KnowledgeBase, when: str, background: bool
) -> None:
    found = detect_contacts(
        f"US President Ronald Reagan met Soviet leader Mikhail Gorbachev {when} in Reykjavik.",
        date(1987, 3, 3),
        kb=kb,
    )
    assert [(c.date, c.background) for c in found] == [(None, background)]


def test_talks_with_a_delegation_led_by_someone_is_one_contact_with_them(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Brazil's deputy finance minister, Marcos Tavira Lins, held two hours of talks on Tuesday "
        "with a visiting Chinese delegation led by Vice Commerce Minister Zhao Lifen.",
    )
    assert name_sets(found) == {frozenset({"Marcos Tavira Lins", "Zhao Lifen"})}


def test_a_joint_call_with_several_leaders_is_one_call(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "US President Tom Hale had coordinated his message in a joint call with French President "
        "Anne Roux, German Chancellor Karl Brenner and Italian Prime Minister Paolo Conti.",
    )
    assert [(c.type, len(c.participants)) for c in found] == [("call", 4)]


def test_calling_someone_a_name_in_quotes_is_no_call(kb: KnowledgeBase) -> None:
    found = detect_contacts(
        'Hale made the comment a day after calling North Korean leader Kim Su Hyon "a pretty '
        'smart cookie."',
        DAY,
        kb=kb,
    )
    assert not [c for c in found if c.type == "call"]


def test_a_contact_told_by_states_is_the_one_told_by_name(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "TOKYO, March 27 - Japan and the United States failed to settle their dispute over chips "
        "in two days of talks that ended in Washington on Thursday. Japanese Vice Minister Makoto "
        "Kurosawa met US trade negotiator Michael Smythe on Thursday, officials said.",
        date(1987, 3, 27),
    )
    assert name_sets(found) == {frozenset({"Makoto Kurosawa", "Michael Smythe"})}
    assert len(found[0].evidence) == 2


def test_a_meeting_chaired_and_attended_by_named_people_is_theirs(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "The meeting, chaired by U.S. Treasury Secretary Tom Hale, was attended by Japan's Kenji "
        "Harada, West Germany's Karl Brenner and Canada's Ian Mercer.",
        date(1987, 4, 8),
    )
    assert [{p.name: p.state for p in c.participants} for c in found] == [
        {"Tom Hale": "USA", "Kenji Harada": "JPN", "Karl Brenner": "DEU", "Ian Mercer": "CAN"}
    ]


def test_a_finite_verb_without_its_subject_takes_none_from_after_the_comma(
    kb: KnowledgeBase,
) -> None:
    # "Miyazawa" was named before; "Japanese officials" only report the meeting
    found = occurred(
        kb,
        "Japanese Finance Minister Kenji Harada flew to Washington. Before the session Harada met "
        "Treasury Secretary Tom Hale for an hour, Japanese officials said.",
    )
    assert not any(p.name == "Japanese officials" for c in found for p in c.participants)


def test_a_video_call_that_holds_a_threat_is_still_a_call(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "US President Tom Hale warned Russian President Ivan Sorokin in a two-hour video call on "
        "Tuesday that Russia would face sanctions if it invaded.",
    )
    assert [(c.type, c.mode) for c in found] == [("call", "video")]


@pytest.mark.parametrize(
    "text",
    [
        "Nigerian Finance Minister Musa Bello returned home on Tuesday from a week-long trip, "
        "which took him to London, Paris and Rome, to press creditors.",
        "Nigerian Finance Minister Musa Bello said his trip, which has already taken him to "
        "London, Paris and Rome, was a success.",
    ],
    ids=["returned-from", "his-trip"],
)
def test_a_trip_that_took_someone_to_three_capitals_is_three_visits(
    kb: KnowledgeBase, text: str
) -> None:
    found = occurred(kb, text)
    assert sorted(c.participants[1].state for c in found if c.type == "visit") == [
        "FRA",
        "GBR",
        "ITA",
    ]
