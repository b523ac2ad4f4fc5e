"""News rules added on the second blind set: informal meetings, courtesy calls, 'for talks with'
after an arrival, role lists ('the leaders of A and B'), quoted adjectives. Each rule has a
negative twin: a sentence that looks alike and reports no contact."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, names, single

FRIDAY = date(2025, 8, 8)
detect = detector(FRIDAY)
one = single(detect)


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump played golf with Finnish President Alexander Stubb in Florida.",
        "Keir Starmer dined with Indian Prime Minister Narendra Modi in London on Thursday.",
        "Keir Starmer had breakfast with Narendra Modi before the signing ceremony.",
        "Narendra Modi rode with Vladimir Putin to the venue in the Russian leader's car.",
    ],
)
def test_informal_meetings_are_meetings(kb: KnowledgeBase, text: str) -> None:
    contact = one(kb, text)
    assert contact.type == "meeting" and contact.status == "occurred"
    assert len(names(contact)) == 2


def test_two_leaders_riding_together_met(kb: KnowledgeBase) -> None:
    contact = one(kb, "Vladimir Putin and Kim Jong Un rode together to the parade in Beijing.")
    assert contact.type == "meeting" and names(contact) == {"Vladimir Putin", "Kim Jong Un"}


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump played golf with his sons in Scotland.",
        "Keir Starmer had breakfast with cabinet ministers in Downing Street.",
        "Emmanuel Macron dined at a Paris bistro on Thursday.",
    ],
)
def test_informal_verbs_without_a_foreign_party_are_nothing(kb: KnowledgeBase, text: str) -> None:
    assert detect(kb, text) == []


def test_called_on_a_person_is_a_courtesy_call(kb: KnowledgeBase) -> None:
    contact = one(kb, "S. Jaishankar called on Chinese Vice President Han Zheng in Beijing.")
    assert contact.type == "meeting" and "Han Zheng" in names(contact)


@pytest.mark.parametrize(
    "text",
    [
        "S. Jaishankar called on Chinese Vice President Han Zheng to release the detainees.",
        "S. Jaishankar called on China to respect the border agreements.",
        "Emmanuel Macron called on Vladimir Putin, not for the first time, to agree a truce.",
    ],
)
def test_called_on_to_is_an_appeal(kb: KnowledgeBase, text: str) -> None:
    assert detect(kb, text) == []


def test_arrived_for_talks_with_is_a_meeting(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "Hungarian Prime Minister Viktor Orban arrived in Moscow on Friday for talks with "
        "President Vladimir Putin.",
    )
    assert contact.type == "meeting" and names(contact) == {"Viktor Orbán", "Vladimir Putin"}


def test_arrived_for_talks_about_is_only_a_visit(kb: KnowledgeBase) -> None:
    contact = one(kb, "Viktor Orban arrived in Moscow on Friday for talks about gas supplies.")
    assert contact.type == "visit"


def test_leaders_of_two_states_are_their_heads_named_later(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Donald Trump hosted the leaders of Azerbaijan and Armenia at the White House on Friday. "
        "Aliyev and Pashinyan thanked Trump.",
    )
    assert names(found[0]) == {"Donald Trump", "Ilham Aliyev", "Nikol Pashinyan"}
    assert found[0].date == FRIDAY


def test_foreign_ministers_of_three_states_met(kb: KnowledgeBase) -> None:
    contact = one(
        kb, "The foreign ministers of Britain, France and Germany met in Paris on Monday."
    )
    assert contact.type == "meeting"
    assert {p.state for p in contact.participants} == {"GBR", "FRA", "DEU"}
    assert all(p.office == "Foreign Minister" for p in contact.participants)


def test_leaders_of_one_state_list_is_no_contact(kb: KnowledgeBase) -> None:
    assert detect(kb, "The leaders of France met in Paris on Monday to discuss the budget.") == []


def test_a_quoted_adjective_keeps_the_phone_call(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        'Mark Carney said he had a "very productive" phone conversation with Donald Trump.',
    )
    assert (contact.type, contact.mode) == ("call", "phone")


def test_hours_of_talks(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "Marco Rubio and Sergei Lavrov held four and a half hours of talks in Riyadh on Tuesday.",
    )
    assert contact.type == "meeting" and contact.date == date(2025, 8, 5)


def test_hours_of_television_are_no_talks(kb: KnowledgeBase) -> None:
    assert detect(kb, "Marco Rubio and Sergei Lavrov held four hours of press briefings.") == []


def test_no_plans_for_a_conversation_between_is_no_call(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "The Kremlin said there were no plans for a conversation between Putin and Macron.",
    )
    assert contact.status == "cancelled"


def test_a_conversation_between_that_happened_despite_other_plans(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "A conversation between Putin and Macron took place on Monday, though there were no "
        "plans for a summit.",
    )
    assert contact.status == "occurred"


def test_a_postponed_trip_cancels_the_meeting_it_was_for(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "President Joe Biden has postponed a planned visit to Germany, where he was due to meet "
        "Chancellor Olaf Scholz in Berlin.",
    )
    assert (contact.type, contact.status) == ("meeting", "cancelled")


def test_a_trip_still_on_keeps_the_meeting_planned(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "President Joe Biden will make a visit to Germany, where he is due to meet Chancellor "
        "Olaf Scholz in Berlin.",
    )
    assert (contact.type, contact.status) == ("meeting", "planned")


def test_before_holding_talks_takes_the_opening_subject(kb: KnowledgeBase) -> None:
    contact = one(
        kb,
        "Modi and Zelensky embraced at a memorial to children killed in the war before holding "
        "talks at the Mariinsky Palace.",
    )
    assert contact.type == "meeting"
    assert names(contact) == {"Narendra Modi", "Volodymyr Zelensky"}


def test_before_holding_talks_alone_is_no_contact(kb: KnowledgeBase) -> None:
    assert detect(kb, "Modi said India would wait before holding talks.") == []


def test_a_leader_named_earlier_in_the_same_sentence(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Putin and Kim Jong Un rode together to the parade on Wednesday, and the Russian "
        "president later held talks with the North Korean leader.",
    )
    assert found and all(names(c) == {"Vladimir Putin", "Kim Jong Un"} for c in found)


def test_a_visit_to_a_capital_names_the_state(kb: KnowledgeBase) -> None:
    visit = one(kb, "Indian Prime Minister Narendra Modi arrived in Kyiv on Friday by train.")
    assert visit.type == "visit"
    host = next(p for p in visit.participants if p.state == "UKR")
    assert host.name == "Ukraine"


def test_a_designate_title_keeps_its_name(kb: KnowledgeBase) -> None:
    contact = one(
        kb, "S. Jaishankar met Secretary of State-designate Marco Rubio in Washington on Monday."
    )
    assert names(contact) == {"Subrahmanyam Jaishankar", "Marco Rubio"}


def test_a_designate_title_without_a_name_is_nothing_new(kb: KnowledgeBase) -> None:
    assert detect(kb, "The Secretary of State-designate testified before the Senate.") == []
