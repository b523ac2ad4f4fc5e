"""News grammar of lists, groups and who speaks for a state: "including A and B", counterparts
of three states then three names, delegations led by named people (in the sentence or the next),
"the three ministers", two posts of one person, posts of a state's institutions, officials the
dateline places, titles no state sends (opposition leaders, company chiefs) and those a state body
gives. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_sets, occurred_detector, pairs

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)
detect = detector(DAY)


def test_a_person_in_town_for_a_meeting_of_a_groups_ministers_attends_it(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez, in Brussels for a meeting of EU foreign "
        "ministers, said the trade deal was close."
    )
    found = occurred(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)
    assert {p.name for p in found[0].participants} == {"Mirela Vasquez", "EU foreign ministers"}


def test_a_meeting_with_one_and_another_with_a_second_are_two_meetings(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez held a bilateral meeting with Peruvian Foreign "
        "Minister Tomas Quispe and another with Bolivian Foreign Minister Ana Mamani."
    )
    assert name_sets(occurred(kb, text)) == {
        frozenset({"Mirela Vasquez", "Tomas Quispe"}),
        frozenset({"Mirela Vasquez", "Ana Mamani"}),
    }


def test_two_posts_joined_by_and_before_one_name_are_one_person(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez met Peru's Deputy Prime Minister and Foreign "
        "Minister Tomas Quispe on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Mirela Vasquez", "Tomas Quispe"})}, pairs(found)
    quispe = next(p for p in found[0].participants if p.name == "Tomas Quispe")
    assert quispe.state == "PER"


def test_the_people_a_group_is_told_by_after_including_are_the_parties(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena telephoned the leaders of several Andean countries "
        "early Tuesday to explain his decision, including Peruvian President Luis Quispe and "
        "Bolivian President Ana Mamani, his spokesman said."
    )
    found = occurred(kb, text)
    assert {c.type for c in found} == {"call"}, pairs(found)
    assert name_sets(found) == {
        frozenset({"Tomas Aravena", "Luis Quispe"}),
        frozenset({"Tomas Aravena", "Ana Mamani"}),
    }


def test_an_unqualified_official_meeting_foreigners_is_the_datelines_state(
    kb: KnowledgeBase,
) -> None:
    text = (
        "SANTIAGO, June 17 - Chile and Peru agreed to expand a credit line after two days of "
        "talks in Santiago between Economics Minister Rodrigo Fuenzalida and Peruvian Deputy "
        "Prime Minister Luis Quispe, a ministry spokesman said."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Rodrigo Fuenzalida", "Luis Quispe"})}, pairs(found)
    states = {p.name: p.state for p in found[0].participants}
    assert states == {"Rodrigo Fuenzalida": "CHL", "Luis Quispe": "PER"}


def test_the_minister_later_is_the_one_the_text_called_a_minister(kb: KnowledgeBase) -> None:
    text = (
        "Chile's foreign minister, Mirela Vasquez, was received by Vice President Dale Overby "
        "on Tuesday. She is to meet Secretary of State Alan Pemberton on Thursday. Chilean "
        "diplomats said the minister had spoken by telephone with Peruvian President Luis "
        "Quispe last week."
    )
    calls = [c for c in detect(kb, text) if c.type == "call"]
    assert name_sets(calls) == {frozenset({"Mirela Vasquez", "Luis Quispe"})}, pairs(calls)


def test_a_managing_director_speaks_for_no_state(kb: KnowledgeBase) -> None:
    text = "Chilean Foreign Minister Mirela Vasquez met Rosa Lemos, managing director of Banco Sur."
    assert occurred(kb, text) == []


def test_a_counterpart_set_off_by_commas_holds_the_others_office(kb: KnowledgeBase) -> None:
    text = "Chilean Foreign Minister Mirela Vasquez met her Peruvian counterpart, Tomas Quispe."
    found = occurred(kb, text)
    quispe = next(p for c in found for p in c.participants if p.name == "Tomas Quispe")
    assert (quispe.state, quispe.office) == ("PER", "Foreign Minister")


def test_a_word_a_line_wrap_broke_at_its_hyphen_is_joined_again(kb: KnowledgeBase) -> None:
    from contacts.normalize import join_broken_hyphens

    assert join_broken_hyphens("Ban Ki- moon and non- governmental groups") == (
        "Ban Ki-moon and non-governmental groups"
    )
    assert join_broken_hyphens("pro- and anti-government groups") == (
        "pro- and anti-government groups"
    )


@pytest.mark.parametrize(
    "post",
    ["the head of the central bank of Peru", "the president of the central bank of Peru"],
)
def test_a_post_of_a_states_institution_gives_the_name_after_it_that_state(
    kb: KnowledgeBase, post: str
) -> None:
    text = (
        f"Chilean central bank president Rodrigo Fuenzalida and {post}, Luis Quispe Mamani, "
        "met in Lima yesterday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Rodrigo Fuenzalida", "Luis Quispe Mamani"})}
    quispe = next(p for p in found[0].participants if p.name == "Luis Quispe Mamani")
    assert (quispe.state, quispe.office) == ("PER", None)  # a bank's president is no President


def test_counterparts_of_three_states_then_three_names_are_theirs_in_order(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Foreign Minister Mirela Vasquez of Chile held separate talks on Tuesday with her "
        "Peruvian, Bolivian and Ecuadorian counterparts, Tomas Quispe, Ana Gutierrez and Jorge "
        "Andrade Ruiz, who arrived together by overnight train."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {
        frozenset({"Mirela Vasquez", "Tomas Quispe"}),
        frozenset({"Mirela Vasquez", "Ana Gutierrez"}),
        frozenset({"Mirela Vasquez", "Jorge Andrade Ruiz"}),
    }, pairs(found)
    states = {p.name: p.state for c in found for p in c.participants}
    assert (states["Tomas Quispe"], states["Ana Gutierrez"], states["Jorge Andrade Ruiz"]) == (
        "PER",
        "BOL",
        "ECU",
    )


def test_talks_with_one_and_separately_with_another_are_two(kb: KnowledgeBase) -> None:
    text = (
        "On Tuesday, Chilean Foreign Minister Mirela Vasquez held talks with Peruvian Foreign "
        "Minister Tomas Quispe and, separately, with Bolivian President Ana Mamani."
    )
    assert name_sets(occurred(kb, text)) == {
        frozenset({"Mirela Vasquez", "Tomas Quispe"}),
        frozenset({"Mirela Vasquez", "Ana Mamani"}),
    }


def test_a_company_chief_executive_speaks_for_no_state(kb: KnowledgeBase) -> None:
    text = "Acme Chief Executive Dana Whitcombe met Kenyan Trade Minister Ruth Wanjiru on Tuesday."
    assert occurred(kb, text) == []


def test_a_visit_by_someone_nothing_says_is_foreign_is_no_contact(kb: KnowledgeBase) -> None:
    text = "Industry Minister Budi Santoso visited Indonesia's largest battery plant on Tuesday."
    assert detect(kb, text) == []


def test_no_one_is_named_in_a_dateline(kb: KnowledgeBase) -> None:
    text = (
        "MOMBASA, Kenya, May 4 (AFP) - Kenyan President Grace Wanjiru met Ugandan President "
        "Moses Kato aboard a navy ship on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Grace Wanjiru", "Moses Kato"})}, pairs(found)


def test_an_adjective_between_a_states_possessive_and_the_title_keeps_the_state(
    kb: KnowledgeBase,
) -> None:
    text = "Kenya's ailing President Grace Wanjiru met Uganda's embattled President Moses Kato."
    found = occurred(kb, text)
    states = {p.name: p.state for c in found for p in c.participants}
    assert states == {"Grace Wanjiru": "KEN", "Moses Kato": "UGA"}, pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "UN envoy Tarik Oumessaoud met the detained opposition leader Mya Thandar on Tuesday.",
        "Opposition Leader Dr Peter Campbell, who met US Secretary of State Alan Pemberton "
        "briefly on Tuesday, called on the government to explain.",
    ],
    ids=["opposition-leader-after-verb", "opposition-leader-as-subject"],
)
def test_an_opposition_leader_speaks_for_no_state(kb: KnowledgeBase, text: str) -> None:
    assert occurred(kb, text) == []


def test_a_foreign_host_at_ones_side_is_met_and_an_own_aide_is_not(kb: KnowledgeBase) -> None:
    hosted = occurred(
        kb,
        "On Monday night, Kenyan President Grace Wanjiru, accompanied by Uganda's Foreign "
        "Minister Moses Kato, toured the old town of Jinja.",
    )
    assert name_sets(hosted) == {frozenset({"Grace Wanjiru", "Moses Kato"})}, pairs(hosted)
    own = occurred(
        kb,
        "Kenyan President Grace Wanjiru, accompanied by Kenyan Foreign Minister Ruth Achieng, "
        "toured the old town of Jinja on Monday.",
    )
    assert own == [], pairs(own)


def test_the_chair_of_a_state_body_speaks_for_it_and_a_companys_does_not(
    kb: KnowledgeBase,
) -> None:
    state = occurred(
        kb,
        "Kenyan General Otieno Kamau was received on Tuesday by Wei Jianguo, vice chairman of "
        "the Central Military Commission.",
    )
    assert name_sets(state) == {frozenset({"Otieno Kamau", "Wei Jianguo"})}, pairs(state)
    company = occurred(
        kb, "Kenyan Foreign Minister Ruth Achieng met Dana Whitcombe, chairman of Acme Holdings."
    )
    assert company == [], pairs(company)


def test_a_delegation_led_by_someone_in_the_next_sentence_is_that_person(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The American special envoy Dana Whitcombe held a second round of talks with Taliban "
        "representatives in Qatar on Tuesday. The Taliban delegation was led by Mawlawi Abdul "
        "Rahim Sarwari, head of the group's political office."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Dana Whitcombe", "Mawlawi Abdul Rahim Sarwari"})}
    assert "The Taliban delegation" in found[0].evidence[-1]


def test_the_three_ministers_are_the_last_three_people_named(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez held separate talks on Tuesday with her "
        "Peruvian, Bolivian and Ecuadorian counterparts, Tomas Quispe, Ana Gutierrez and Jorge "
        "Andrade Ruiz. Later in the day, the three ministers were received together by "
        "Argentine President Luis Ferreyra."
    )
    found = occurred(kb, text)
    assert frozenset({"Tomas Quispe", "Ana Gutierrez", "Jorge Andrade Ruiz", "Luis Ferreyra"}) in (
        name_sets(found)
    ), pairs(found)


def test_a_name_after_the_object_list_that_says_it_is_the_source(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena had recently spoken by telephone with Peruvian "
        "President Luis Quispe, Mamani said."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Tomas Aravena", "Luis Quispe"})}, pairs(found)


def test_delegations_of_two_states_led_by_two_names_are_those_names_in_order(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Talks between Chilean and Peruvian delegations in Lima on Tuesday, led by Mirela Vasquez "
        "and deputy foreign minister Tomas Quispe, ended without a deal."
    )
    found = occurred(kb, text)
    states = {p.name: p.state for c in found for p in c.participants}
    assert states == {"Mirela Vasquez": "CHL", "Tomas Quispe": "PER"}, pairs(found)


def test_a_delegation_of_a_movement_led_by_its_head_is_that_head(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan Foreign Minister Ruth Achieng on Tuesday held talks with a delegation of the "
        "Palestinian movement Hamas led by the head of its political bureau, Osman Abdelrahim, in "
        "Nairobi."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Ruth Achieng", "Osman Abdelrahim"})}, pairs(found)


def test_the_delegations_led_by_two_people_who_met_are_those_two(kb: KnowledgeBase) -> None:
    text = (
        "The delegations, led by Kenyan aide Otieno Kamau and Ugandan MP Moses Kato, met for "
        "about three hours in the State House on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Otieno Kamau", "Moses Kato"})}, pairs(found)


def test_both_delegations_are_the_pair_told_before_and_two_teams_are_not(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The delegations, led by Kenyan aide Otieno Kamau and Ugandan MP Moses Kato, met for "
        "three hours on Tuesday. Tanzanian President Amina Mrisho greeted both delegations "
        "before the session."
    )
    found = occurred(kb, text)
    assert frozenset({"Otieno Kamau", "Moses Kato", "Amina Mrisho"}) in name_sets(found)
    sport = occurred(
        kb,
        "Kenyan President Grace Wanjiru watched the match with Ugandan President Moses Kato. "
        "The two teams, who had met twice earlier in the tournament, shared one win each.",
    )
    assert not any("two teams" in " ".join(c.evidence) for c in sport), pairs(sport)


def test_the_secretary_later_is_the_one_the_text_called_a_secretary(kb: KnowledgeBase) -> None:
    text = (
        "Secretary of State Alan Pemberton said on Wednesday he had given Chilean President "
        "Tomas Aravena a list of demands. The secretary also met Foreign Minister Mirela Vasquez "
        "of Chile over lunch on Tuesday."
    )
    found = occurred(kb, text)
    assert frozenset({"Alan Pemberton", "Mirela Vasquez"}) in name_sets(found), pairs(found)


def test_a_title_right_after_a_dateline_keeps_its_person(kb: KnowledgeBase) -> None:
    text = (
        "LIMA, Peru (AP) - Secretary of State Alan Pemberton met Peruvian President Luis Quispe "
        "on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Alan Pemberton", "Luis Quispe"})}, pairs(found)
    pemberton = next(p for p in found[0].participants if p.name == "Alan Pemberton")
    assert pemberton.state == "USA"
