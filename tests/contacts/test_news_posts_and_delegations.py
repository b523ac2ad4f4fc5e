"""News grammar of posts, delegations and settings: an envoy "for" a place and an ambassador "to"
one, a delegation "of" its members "led by" someone, "met at the ministry with", a dateline of a
city in capitals and a dash. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, occurred_detector

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)


@pytest.mark.parametrize(
    ("text", "envoy", "state"),
    [
        (
            "The UN envoy for Yemen, Tarik Oumessaoud, met Omani Foreign Minister Sayyid "
            "Badr Albusaidi on Tuesday.",
            "Tarik Oumessaoud",
            "UN",
        ),
        (
            "Georgia's special representative for relations with Russia, Levan Abashkidze, met "
            "Russian Deputy Foreign Minister Pavel Orlin in Prague on Tuesday.",
            "Levan Abashkidze",
            "GEO",
        ),
        (
            "The American special envoy for the Horn, Dana Whitcombe, met Kenyan Foreign "
            "Minister Ruth Wanjiru in Nairobi on Tuesday.",
            "Dana Whitcombe",
            "USA",
        ),
        (
            "Yemeni Ambassador to Russia Saleh Almuqri met Russian Deputy Foreign Minister "
            "Pavel Orlin on Tuesday.",
            "Saleh Almuqri",
            "YEM",
        ),
        (
            "The American special envoy for the Horn of Africa, Dana Whitcombe, met Kenyan "
            "Foreign Minister Ruth Wanjiru in Nairobi on Tuesday.",
            "Dana Whitcombe",
            "USA",
        ),
        (
            "The UN special envoy for the Great Lakes region Amadou Sissoko met Rwandan "
            "Foreign Minister Claire Uwase on Tuesday.",
            "Amadou Sissoko",
            "UN",
        ),
    ],
    ids=[
        "envoy-for-place",
        "representative-for-relations-with",
        "envoy-for-the",
        "ambassador-to",
        "envoy-for-the-region-of",
        "envoy-for-a-region-no-comma",
    ],
)
def test_a_posts_place_is_part_of_the_title_not_the_holders_state(
    kb: KnowledgeBase, text: str, envoy: str, state: str
) -> None:
    [contact] = occurred(kb, text)
    holder = next(p for p in contact.participants if p.name == envoy)
    assert holder.state == state
    assert contact.date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Oman's foreign minister, Sayyid Badr Albusaidi, met on Tuesday with a delegation of "
        "Houthi rebels led by Hamid Qassemi.",
        "Oman's foreign minister, Sayyid Badr Albusaidi, met on Tuesday with a delegation of "
        "Houthi rebels and their allies, led by Hamid Qassemi.",
        "Oman's foreign minister, Sayyid Badr Albusaidi, held talks on Tuesday with a visiting "
        "delegation headed by Hamid Qassemi.",
    ],
    ids=["of-members-led-by", "of-members-and-allies-comma-led-by", "headed-by"],
)
def test_a_delegation_is_the_person_who_leads_it(kb: KnowledgeBase, text: str) -> None:
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Sayyid Badr Albusaidi", "Hamid Qassemi"}


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Russian Deputy Foreign Minister Pavel Orlin met at the ministry with "
        "Myanmar's ambassador to Russia, Zaw Min Htike.",
        "Russian Deputy Foreign Minister Pavel Orlin met in Kazan on Tuesday with Myanmar's "
        "ambassador to Russia, Zaw Min Htike.",
    ],
    ids=["at-the-ministry", "in-a-city"],
)
def test_a_place_between_the_meeting_verb_and_with(kb: KnowledgeBase, text: str) -> None:
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Pavel Orlin", "Zaw Min Htike"}
    assert contact.date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a news conference with Kenyan Foreign Minister Ruth Wanjiru, Russian "
        "Deputy Foreign Minister Pavel Orlin said the grain deal would hold.",
        "The issue was discussed at length with Kenyan Foreign Minister Ruth Wanjiru, Russian "
        "officials said.",
    ],
    ids=["speaking-at-a-conference-with", "discussed-at-length-with"],
)
def test_a_setting_with_someone_after_other_verbs_is_no_call(kb: KnowledgeBase, text: str) -> None:
    assert [c.type for c in occurred(kb, text)] != ["call"]


def test_a_dateline_in_capitals_with_a_dash_is_no_party(kb: KnowledgeBase) -> None:
    text = (
        "GENEVA - The UN envoy for Yemen, Tarik Oumessaoud, met separately on Tuesday with "
        "Foreign Minister Nabil Alsaadi and with a delegation of Houthi rebels led by Hamid "
        "Qassemi."
    )
    found = occurred(kb, text)
    assert {frozenset(p.name for p in c.participants) for c in found} == {
        frozenset({"Tarik Oumessaoud", "Nabil Alsaadi"}),
        frozenset({"Tarik Oumessaoud", "Hamid Qassemi"}),
    }


def test_a_relative_clauses_date_is_not_the_contacts(kb: KnowledgeBase) -> None:
    for text in (
        "Kovac, the Slovene foreign minister, who took office in July, met Austrian Foreign "
        "Minister Lena Gruber yesterday.",
        "Slovene Foreign Minister Marko Kovac met Austrian Foreign Minister Lena Gruber, whom "
        "parliament elected last August.",
    ):
        [contact] = occurred(kb, text)
        assert not contact.background, text
        assert contact.date in (None, date(2015, 6, 16)), text


def test_a_group_telling_of_the_contact_is_its_source_not_a_party(kb: KnowledgeBase) -> None:
    text = (
        "Ghana's foreign minister, Abena Owusu, was received on Tuesday by Ivorian President "
        "Koffi Ahoua, Ghanaian officials said."
    )
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Abena Owusu", "Koffi Ahoua"}


def test_after_a_passive_reception_she_is_the_guest(kb: KnowledgeBase) -> None:
    text = (
        "Ghana's foreign minister, Abena Owusu, arrived in Abidjan on Monday. She was received "
        "on Tuesday by Ivorian President Koffi Ahoua. She then flew to Bouake, where she held "
        "talks on Wednesday with Ivorian Prime Minister Yao Kouadio."
    )
    meetings = [c for c in occurred(kb, text) if c.type == "meeting"]
    assert {frozenset(p.name for p in c.participants) for c in meetings} == {
        frozenset({"Abena Owusu", "Koffi Ahoua"}),
        frozenset({"Abena Owusu", "Yao Kouadio"}),
    }


def test_a_trip_that_was_planned_is_still_to_come(kb: KnowledgeBase) -> None:
    text = (
        "British Trade Minister Alan Pryce said his trip to Tokyo was planned well before the row."
    )
    [contact] = detector(DAY)(kb, text)
    assert (contact.type, contact.status) == ("visit", "planned")


@pytest.mark.parametrize(
    "text",
    [
        "The vote comes three days before the summit between Slovene Prime Minister Marko Kovac "
        "and Austrian Chancellor Lena Gruber.",
        "The session comes ahead of a summit meeting between Slovene Prime Minister Marko Kovac "
        "and Austrian Chancellor Lena Gruber.",
    ],
    ids=["before-the-summit", "ahead-of-a-summit-meeting"],
)
def test_a_summit_the_news_comes_before_is_still_to_come(kb: KnowledgeBase, text: str) -> None:
    [contact] = detector(DAY)(kb, text)
    assert contact.status == "planned"


def test_talks_after_a_gerund_before_them_took_place(kb: KnowledgeBase) -> None:
    text = (
        "Slovene Prime Minister Marko Kovac and Austrian Chancellor Lena Gruber laid a wreath at "
        "the memorial before holding talks at the chancellery."
    )
    assert [c.status for c in occurred(kb, text)] == ["occurred"]


@pytest.mark.parametrize(
    "text",
    [
        "On state television, the Iraqi leader repeatedly called Bush ``a liar'' and said war "
        "was near.",
        'Iraqi President Saddam Hussein called Bush "a criminal" on Thursday.',
        "Iraqi President Saddam Hussein called Bush a war criminal on Thursday.",
    ],
    ids=["wire-quotes", "quotes", "indefinite-insult"],
)
def test_calling_someone_names_is_no_call(kb: KnowledgeBase, text: str) -> None:
    assert detector(date(1990, 8, 16))(kb, text) == []


def test_a_leader_of_earlier_decades_resolves_from_the_packaged_history(kb: KnowledgeBase) -> None:
    # Facts of the record, not of a document: the US president and the Soviet foreign minister
    # of 1989, named as wire copy names them.
    text = (
        "WASHINGTON (AP) - President Bush telephoned Soviet Foreign Minister Eduard "
        "Shevardnadze on Wednesday. Later, Shevardnadze met Genscher in Bonn."
    )
    found = occurred(kb, text, date(1989, 12, 21))
    assert {(c.type, frozenset(p.state for p in c.participants)) for c in found} == {
        ("call", frozenset({"USA", "RUS"})),
        ("meeting", frozenset({"RUS", "DEU"})),
    }


def test_a_meeting_in_a_participle_phrase_on_the_subject_is_the_subjects(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Slovene Defence Minister Marko Kovac, briefing reporters after a separate meeting with "
        "Austrian Chancellor Lena Gruber, said the talks had gone well."
    )
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Marko Kovac", "Lena Gruber"}


def test_a_visiting_delegation_led_by_someone_is_that_person(kb: KnowledgeBase) -> None:
    text = (
        "BELGRADE, March 21 - Yugoslav Prime Minister Ante Petrovic held talks here today with a "
        "visiting European Community delegation led by Commission Vice-President Frans van Buren "
        "on Yugoslavia's request for new credits, the news agency said."
    )
    [contact] = occurred(kb, text, date(1990, 3, 21))
    guest = next(p for p in contact.participants if p.name == "Frans van Buren")
    assert guest.state == "EU"  # the delegation's, not the topic's ("Yugoslavia's request")


def test_a_readout_headline_is_the_call_it_reports(kb: KnowledgeBase) -> None:
    text = (
        "Readout of Foreign Minister Kovac’s Call with Austrian Chancellor Lena Gruber\n\n"
        "Slovene Foreign Minister Marko Kovac spoke by phone today with Austrian Chancellor Lena "
        "Gruber about energy."
    )
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Marko Kovac", "Lena Gruber"}
    assert not contact.background and len(contact.evidence) == 2


def test_central_bankers_named_with_a_state_cue_are_parties(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian central bank president Tomas Quispe and Mexican central bank chief Rafael "
        "Ortiz Mena met in Mexico City yesterday."
    )
    [contact] = occurred(kb, text, date(1987, 4, 24))
    assert {(p.name, p.state, p.office) for p in contact.participants} == {
        ("Tomas Quispe", "PER", "Central Bank Governor"),
        ("Rafael Ortiz Mena", "MEX", "Central Bank Governor"),
    }
