"""Multilateral gatherings and the members news names later: the group first ("NATO foreign ministers meeting
in emergency session", "a lunch of EU ministers", "economic ministers of ASEAN ended a two-day
meeting"), its members later ("X, who chaired the talks", "quoted Y as saying at the same
meeting", "Z met W on the sidelines of the session"). One test per phrasing class, invented
names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_lists, occurred_detector, pairs

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)
detect = detector(DAY)


def test_a_groups_ministers_meeting_as_a_participle_are_a_gathering(kb: KnowledgeBase) -> None:
    text = (
        "NATO foreign ministers meeting in emergency session on Tuesday said there could be "
        "no business as usual."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"NATO foreign ministers"}], pairs(found)
    assert found[0].date == date(2015, 6, 16)


def test_ministers_of_two_portfolios_joined_by_and_are_one_group(kb: KnowledgeBase) -> None:
    text = (
        "Belgian minister Pieter Vandamme chaired a joint meeting of EC finance and farm ministers."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Pieter Vandamme", "EC finance and farm ministers"}], pairs(found)


def test_portfolio_ministers_of_an_organisation_ending_a_meeting_are_a_gathering(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Economic ministers of the Association of South East Asian Nations ended a two-day "
        "meeting today by agreeing to widen tariff cuts."
    )
    found = occurred(kb, text)
    assert len(found) == 1 and found[0].participants[0].state == "ASEAN", pairs(found)


def test_a_meal_of_a_groups_ministers_is_a_gathering(kb: KnowledgeBase) -> None:
    text = "Danish Foreign Minister Lars Holmgaard chaired a lunch of EU ministers on Tuesday."
    found = occurred(kb, text)
    assert name_lists(found) == [{"Lars Holmgaard", "EU ministers"}], pairs(found)


def test_who_chaired_the_gathering_told_before_takes_part_in_it(kb: KnowledgeBase) -> None:
    text = (
        "EU foreign ministers met in Brussels on Tuesday to discuss sanctions. Portugal's "
        "foreign minister, Joao Tavares, who chaired the talks, said the mood was sober."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"EU foreign ministers", "Joao Tavares"}], pairs(found)


def test_an_unnamed_post_that_chaired_the_gathering_takes_part_with_its_state(
    kb: KnowledgeBase,
) -> None:
    text = (
        "ASEAN economic ministers met in Singapore on Tuesday. Singapore's Trade and Industry "
        "Minister, who chaired the talks, said progress was modest."
    )
    found = occurred(kb, text)
    assert len(found) == 1, pairs(found)
    assert {p.state for p in found[0].participants} == {"ASEAN", "SGP"}


def test_someone_quoted_as_saying_at_the_same_meeting_took_part(kb: KnowledgeBase) -> None:
    text = (
        "Belgian finance minister Pieter Vandamme spoke after chairing a meeting of EC finance "
        "ministers on Tuesday. Diplomats quoted EC Commission president Hans Keller as saying "
        "at the same meeting that a deal was near."
    )
    found = occurred(kb, text)
    assert len(found) == 1, pairs(found)
    assert {"Pieter Vandamme", "Hans Keller"} <= {p.name for p in found[0].participants}


def test_both_sides_of_a_meeting_on_the_sidelines_were_at_the_gathering(
    kb: KnowledgeBase,
) -> None:
    text = (
        "NATO foreign ministers met in emergency session on Tuesday. Canadian Foreign Minister "
        "Anne Tremblay, who met Georgia's foreign minister, Nino Beridze, on the sidelines of "
        "the session, said the alliance was united."
    )
    found = occurred(kb, text)
    gathering = next(c for c in found if "NATO foreign ministers" in name_lists([c])[0])
    assert {"Anne Tremblay", "Nino Beridze"} <= {p.name for p in gathering.participants}
    assert {"Anne Tremblay", "Nino Beridze"} in name_lists(found)


def test_talking_at_a_meeting_of_ones_own_is_no_part_of_a_bilateral_told_before(
    kb: KnowledgeBase,
) -> None:
    # Only a gathering (a group party, or three and more) takes members told later.
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Tuesday. "
        "Bolivian President Ana Mamani, speaking at the same meeting of her party, said little."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], pairs(found)


def test_a_habit_told_after_the_clause_is_not_this_contacts(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Tuesday in "
        "Lima, at the council where the two states have met regularly since 2002."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], pairs(found)
    assert not found[0].background


def test_two_portfolios_before_a_title_keep_the_state_cue(kb: KnowledgeBase) -> None:
    text = "Thai Trade and Industry Minister Somchai Wongthep met Peruvian President Luis Quispe."
    found = occurred(kb, text)
    somchai = next(p for c in found for p in c.participants if p.name == "Somchai Wongthep")
    assert somchai.state == "THA"


def test_leaders_of_two_states_who_gathered_somewhere_met(kb: KnowledgeBase) -> None:
    text = (
        "Officials and diplomats, as well as Chilean President Tomas Aravena and UN Special "
        "Envoy Ana Mamani, gathered in the town of Arica for the festivities."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Ana Mamani"}], pairs(found)


def test_crowds_that_gathered_are_no_party(kb: KnowledgeBase) -> None:
    text = "Hundreds of protesters gathered outside the Chilean embassy in Lima on Tuesday."
    assert occurred(kb, text) == []


def test_two_people_of_two_states_signing_together_met(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez and Peruvian Foreign Minister Ana Quispe "
        "initialled the border accord in Lima today."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Mirela Vasquez", "Ana Quispe"}], pairs(found)


def test_a_deal_signed_by_two_people_is_their_meeting(kb: KnowledgeBase) -> None:
    text = (
        "The deal was signed on Wednesday by Chilean envoy Tomas Aravena and Peruvian "
        "negotiator Luis Quispe in a hotel ballroom."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], pairs(found)


def test_states_that_signed_an_accord_tell_of_no_meeting(kb: KnowledgeBase) -> None:
    text = "Chile and Peru signed a fisheries accord in 1971, officials recalled."
    assert detect(kb, text) == []


def test_a_meeting_of_some_hours_between_a_list_with_an_aside_holds_them_all(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The accord was reached at a meeting of more than seven hours between Chilean Finance "
        "Minister Mirela Vasquez, who was host, Peruvian Finance Minister Ana Quispe and "
        "Bolivian Finance Minister Luis Mamani."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Mirela Vasquez", "Ana Quispe", "Luis Mamani"}], pairs(found)


def test_who_chaired_the_meeting_of_a_group_told_before_makes_the_gathering(
    kb: KnowledgeBase,
) -> None:
    text = (
        "EU farm ministers gave diverging reactions to the proposals on Tuesday. Belgian "
        "Agriculture Minister Pieter Vandamme, who chaired the meeting, said no deal was near."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"EU farm ministers", "Pieter Vandamme"}], pairs(found)


def test_one_attending_his_first_council_takes_part_in_the_gathering(kb: KnowledgeBase) -> None:
    text = (
        "EU farm ministers met in Luxembourg on Tuesday. Belgian Agriculture Minister Pieter "
        "Vandamme chaired the talks. Britain's new Agriculture Minister John Hale, attending "
        "his first council, backed the plan."
    )
    found = occurred(kb, text)
    assert len(found) == 1, pairs(found)
    assert {"Pieter Vandamme", "John Hale"} <= {p.name for p in found[0].participants}


def test_a_chair_with_no_group_told_makes_no_gathering(kb: KnowledgeBase) -> None:
    text = "Belgian Agriculture Minister Pieter Vandamme, who chaired the meeting, said little."
    assert occurred(kb, text) == []


def test_and_with_a_second_after_an_according_to_aside_is_another_meeting(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Chilean envoy Tomas Aravena met separately with Peruvian President Luis Quispe, "
        "according to a State Department official, and with Bolivian President Ana Mamani."
    )
    found = occurred(kb, text)
    assert {frozenset(n) for n in name_lists(found)} == {
        frozenset({"Tomas Aravena", "Luis Quispe"}),
        frozenset({"Tomas Aravena", "Ana Mamani"}),
    }, pairs(found)


def test_talks_with_the_trade_ministers_of_a_list_of_states_are_with_each(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Japanese Trade Minister Kenji Morita, speaking after two days of informal talks with "
        "the trade ministers of Chile, Peru and Canada, said the mood was good. Canadian Trade "
        "Minister Anne Tremblay agreed."
    )
    found = occurred(kb, text)
    assert len(found) == 1, pairs(found)
    assert {p.state for p in found[0].participants} == {"JPN", "CHL", "PER", "CAN"}
    assert "Anne Tremblay" in {p.name for p in found[0].participants}


def test_the_objects_of_a_verb_whose_subject_is_unread_did_not_meet_each_other(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The heads of the two intelligence agencies met Peruvian and Bolivian officials in "
        "Lima on Sunday to discuss a new deal."
    )
    found = occurred(kb, text)
    assert {"PER", "BOL"} not in [{p.state for p in c.participants} for c in found], pairs(found)
