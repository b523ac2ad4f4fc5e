"""Wire-copy phrasings: posts of central banks and of one state's cabinet, an organisation's
head named after his post, lists that go on past the first object, a telephone conversation
between two, a second meeting "and again", a delegation's leader in apposition. One test per
phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_lists, news_detector, pairs

DAY = date(1987, 3, 6)  # a Friday
detect = detector(DAY)
_occurred = news_detector(DAY)


def test_central_bank_posts_name_their_state(kb: KnowledgeBase) -> None:
    text = (
        "Bundesbank President Karl Lindner spoke to Federal Reserve Board Chairman Paul Hadley "
        "by telephone on Tuesday, and Fed Chairman Hadley later met Bank of Japan Governor "
        "Taro Mizuno."
    )
    found = _occurred(kb, text)
    states = [sorted(p.state or "" for p in c.participants) for c in found]
    assert states == [["DEU", "USA"], ["JPN", "USA"]], pairs(found)


def test_cabinet_posts_of_one_state_name_it(kb: KnowledgeBase) -> None:
    text = (
        "International Trade and Industry Minister Hajime Okuda met Commerce Secretary Walter "
        "Brandt in Washington on Thursday."
    )
    found = _occurred(kb, text)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["JPN", "USA"]]


def test_an_organisations_managing_director_speaks_for_it(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian Finance Minister Luis Quispe held four hours of talks with IMF Managing "
        "Director Jacques de Montclair on Monday. Quispe later met the managing director of "
        "the World Bank, Anders Holm, and a company's managing director, Juan Perez."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [
        {"Luis Quispe", "Jacques de Montclair"},
        {"Luis Quispe", "Anders Holm"},
    ], pairs(found)
    assert [p.state for p in found[0].participants] == ["PER", "IMF"]


def test_a_list_goes_on_past_the_and_the(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe met Chilean President Tomas Aravena and the exiled "
        "emir of Kuwait, Sheik Omar al-Rashid, in Lima on Wednesday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Luis Quispe", "Tomas Aravena", "Sheik Omar al-Rashid"}], pairs(
        found
    )


def test_each_object_with_its_own_place_is_its_own_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian Foreign Minister Rosa Chalco met Chilean President Tomas Aravena in Santiago "
        "and Bolivian President Juan Mamani in La Paz last week."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [
        {"Rosa Chalco", "Tomas Aravena"},
        {"Rosa Chalco", "Juan Mamani"},
    ], pairs(found)


def test_a_list_of_names_the_rules_did_not_read_is_parsed(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena today held discussions with Peruvian Foreign "
        "Minister Rosa Chalco and Sens. Robert Hale of Ohio, Daniel Brooks of Iowa and Peter "
        "Quinn of Maine."
    )
    found = _occurred(kb, text)
    named = set().union(*name_lists(found)) if found else set()
    assert {"Robert Hale", "Daniel Brooks", "Peter Quinn"} <= named, pairs(found)


def test_discussed_something_by_telephone_with_is_a_call(kb: KnowledgeBase) -> None:
    text = (
        "British Prime Minister Anna Holt discussed the move by telephone with Peruvian "
        "President Luis Quispe before it was announced."
    )
    found = _occurred(kb, text)
    assert [(c.type, c.mode) for c in found] == [("call", "phone")], pairs(found)


def test_a_conversation_between_two_told_by_officials_is_a_call(kb: KnowledgeBase) -> None:
    text = (
        "The agreement was concluded in a late-night telephone conversation between Chilean "
        "Trade Minister Tomas Aravena and Peruvian Trade Minister Rosa Chalco, Chilean "
        "officials said."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Rosa Chalco"}], pairs(found)


def test_met_on_monday_and_again_on_thursday_is_two_meetings(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena flew to Lima, where he met Peruvian President "
        "Luis Quispe on Monday and again on Thursday to work out the wording."
    )
    found = _occurred(kb, text)
    assert [c.date for c in found] == [date(1987, 3, 2), date(1987, 3, 5)], pairs(found)


def test_the_states_envoy_is_the_envoy_the_story_sent(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Deputy Foreign Minister Tomas Aravena met Peruvian President Luis Quispe in "
        "Lima on Monday. The Chilean envoy also saw Bolivian President Juan Mamani in La Paz "
        "on Wednesday."
    )
    found = _occurred(kb, text)
    assert {"Tomas Aravena", "Juan Mamani"} in name_lists(found), pairs(found)


def test_a_visit_today_is_not_the_meeting_of_an_earlier_trip(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena arrived in Lima on Wednesday for an official "
        "visit. Aravena last visited Lima in November, when he held talks with Peruvian "
        "President Luis Quispe."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred"]
    assert sorted((c.type, c.background) for c in found) == [
        ("meeting", True),
        ("visit", False),
    ], pairs(found)


def test_a_delegation_led_by_someone_in_apposition_is_that_person(kb: KnowledgeBase) -> None:
    text = (
        "Chilean and Peruvian negotiators met for two hours on Friday. The Chilean delegation "
        "to the border talks, led by Ambassador Tomas Aravena, tabled a draft at a session "
        "with the Peruvian side, headed by Rosa Chalco, on Wednesday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Rosa Chalco"}] * 2, pairs(found)


def test_a_given_name_of_an_indonesian_is_that_person(kb: KnowledgeBase) -> None:
    text = (
        "Indonesian Foreign Minister Harjono Wirasmita arrived in Hanoi on Wednesday. Thai "
        "Foreign Minister Somchai Rattana, who held talks with Harjono in Bangkok last week, "
        "said Thailand would study the plan."
    )
    found = _occurred(kb, text)
    assert {"Somchai Rattana", "Harjono Wirasmita"} in name_lists(found), pairs(found)


def test_invited_to_visit_and_waiting_for_a_trip_are_plans(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe had invited Chilean President Tomas Aravena to visit "
        "Lima. The two sides would settle the issues now rather than wait for an Aravena trip "
        "to Lima in the autumn."
    )
    found = detect(kb, text)
    assert found and all(c.status == "planned" for c in found), pairs(found)


def test_a_year_of_talks_is_the_background_of_an_accord(kb: KnowledgeBase) -> None:
    text = (
        "The accord was the result of more than a year of on-and-off talks between Chilean "
        "envoy Tomas Aravena and Peruvian envoy Rosa Chalco in Quito."
    )
    found = detect(kb, text)
    assert [c.background for c in found] == [True], pairs(found)


def test_the_ambassadors_of_two_states_are_one_party_each(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena met on Wednesday with the ambassadors of "
        "Costa Rica and Honduras."
    )
    found = _occurred(kb, text)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [
        ["CHL", "CRI", "HND"]
    ], pairs(found)


def test_in_a_city_and_with_another_is_one_meeting_each(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena met Peruvian Foreign Minister Rosa Chalco in "
        "Lima, and with Peru's president, Luis Quispe, on Saturday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [
        {"Tomas Aravena", "Rosa Chalco"},
        {"Tomas Aravena", "Luis Quispe"},
    ], pairs(found)


def test_the_two_leaders_after_a_background_aside_are_the_pair_before_it(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena ended two days of "
        "talks on Friday. It was the first summit since President Ana Ruiz of Peru and "
        "President Jorge Mora of Chile met in 1971. The two leaders held more than six hours "
        "of talks at the palace."
    )
    found = [c for c in detect(kb, text) if not c.background]
    assert name_lists(found) == [{"Luis Quispe", "Tomas Aravena"}], pairs(found)


def test_a_joint_news_conference_after_a_summit_is_that_summit(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena ended two days of "
        "talks on Friday. Chilean Foreign Minister Rosa Chalco held separate talks on "
        'Thursday with Peruvian Foreign Minister Ana Ruiz. "We have opened a new page," '
        "Aravena told a joint news conference with Quispe at the end of the summit."
    )
    found = _occurred(kb, text)
    assert sorted(sorted(n) for n in name_lists(found)) == [
        ["Ana Ruiz", "Rosa Chalco"],
        ["Luis Quispe", "Tomas Aravena"],
    ], pairs(found)


def test_most_recently_during_a_visit_is_no_habit(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena has frequently voiced his opposition to the plan, "
        "most recently during a visit to Peru last week."
    )
    found = detect(kb, text)
    assert [(c.type, c.background) for c in found] == [("visit", False)], pairs(found)


def test_days_of_talks_held_or_ended_are_a_meeting(kb: KnowledgeBase) -> None:
    for verb in ("held", "ended"):
        text = (
            f"Peruvian President Luis Quispe and Chilean President Tomas Aravena {verb} two "
            "days of talks on Friday."
        )
        found = _occurred(kb, text)
        assert [(c.type, c.date) for c in found] == [("meeting", DAY)], (verb, pairs(found))


def test_a_second_post_in_apposition_is_no_second_party(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Mines Minister Tomas Aravena said he had spoken by telephone on Sunday with "
        "Nigerian Oil Minister Ade Okafor, the OPEC president."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Ade Okafor"}], pairs(found)


def test_a_delegation_led_by_someone_with_a_long_title_is_that_someone(
    kb: KnowledgeBase,
) -> None:
    text = (
        "LIMA, Feb 23 - Chilean and Peruvian officials ended two days of talks here today. "
        "The Chilean delegation was led by Under Secretary of State for Economic Affairs "
        "Tomas Aravena, and the Peruvian side was headed by Rosa Chalco."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Rosa Chalco"}], pairs(found)
