"""Tours of several states ("visited Japan and China", "toured Egypt, the Republic of Congo and
Uganda", "visited Bonn and The Hague"), a visit "before visiting" that follows a step still to
come, a possessive that names the pronoun's antecedent ("Liu's tour began in X, where he
met Y"), and plural subjects that welcomed a thing, not a guest. One test per phrasing class,
invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import name_lists, news_detector, pairs

DAY = date(1987, 11, 18)  # a Wednesday
_occurred = news_detector(DAY)


def _visited(found: list) -> list[str]:
    return sorted(p.state or "" for c in found for p in c.participants if p.state != "MYS")


def test_a_visit_to_two_states_is_a_visit_to_each(kb: KnowledgeBase) -> None:
    text = "Malaysian Trade Minister Razak Hamid visited Japan and China last week."
    found = _occurred(kb, text)
    assert [c.type for c in found] == ["visit", "visit"], pairs(found)
    assert _visited(found) == ["CHN", "JPN"]


def test_a_visit_to_a_list_of_capitals_is_a_visit_to_each_state(kb: KnowledgeBase) -> None:
    text = (
        "Malaysian Trade Minister Razak Hamid, who earlier visited Bonn and The Hague, said on "
        "Wednesday the proposal was unfair."
    )
    found = _occurred(kb, text)
    assert _visited(found) == ["DEU", "NLD"], pairs(found)


def test_a_tour_lists_states_with_their_article(kb: KnowledgeBase) -> None:
    text = (
        "Malaysian Trade Minister Razak Hamid toured Egypt, the Republic of Congo, Uganda and "
        "Ethiopia last month."
    )
    found = _occurred(kb, text)
    assert _visited(found) == ["COG", "EGY", "ETH", "UGA"], pairs(found)


def test_a_person_after_the_state_visited_is_no_second_state(kb: KnowledgeBase) -> None:
    text = (
        "Malaysian Trade Minister Razak Hamid visited Japan and met Prime Minister Kenji Mori "
        "on Monday."
    )
    found = _occurred(kb, text)
    assert all(c.type != "visit" or _visited([c]) == ["JPN"] for c in found), pairs(found)
    assert {"Razak Hamid", "Kenji Mori"} in name_lists(found)


def test_visiting_before_a_step_still_to_come_is_planned(kb: KnowledgeBase) -> None:
    text = "Malaysian Trade Minister Razak Hamid flies to Tonga on Friday, before visiting Fiji."
    found = detect_contacts(text, DAY, kb=kb)
    later = [c for c in found if _visited([c]) == ["FJI"]]
    assert len(later) == 1, pairs(found)
    assert all(c.status == "planned" and c.date is None for c in later)


def test_visiting_before_a_past_step_happened(kb: KnowledgeBase) -> None:
    text = "Malaysian Trade Minister Razak Hamid flew to Tonga on Saturday, before visiting Fiji."
    found = _occurred(kb, text)
    assert "FJI" in _visited(found), pairs(found)


def test_the_possessor_of_the_subject_is_the_pronoun_he(kb: KnowledgeBase) -> None:
    text = (
        "Chinese Foreign Minister Liu Jianguo arrived in Suva on Monday. Before the "
        "meeting, the president of Palau, Tommy Remengesau, had written to Pacific leaders. "
        "Liu's 10-day tour began in the Solomon Islands on Thursday, where he met the "
        "prime minister, Siosaia Tupou, weeks after the deal."
    )
    found = _occurred(kb, text)
    assert {"Liu Jianguo", "Siosaia Tupou"} in name_lists(found), pairs(found)
    assert not any("Tommy Remengesau" in names for names in name_lists(found))


def test_leaders_who_welcomed_a_thing_met_no_one(kb: KnowledgeBase) -> None:
    text = "Lim visited Japan, and China's leaders welcomed the move."
    found = _occurred(kb, text)
    assert not any(c.type == "meeting" for c in found), pairs(found)


def test_leaders_who_discussed_a_thing_met(kb: KnowledgeBase) -> None:
    text = (
        "Japanese Prime Minister Kenji Mori and Chinese Premier Zhou Baoguo discussed trade "
        "in Beijing on Monday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Kenji Mori", "Zhou Baoguo"}], pairs(found)
