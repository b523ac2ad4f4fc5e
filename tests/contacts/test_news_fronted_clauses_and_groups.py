"""A state named before a comma, a pronoun after a fronted clause, a noun phrase's own
"are scheduled", and "each of the two ministers". One test per phrasing class, invented names
only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_lists, pairs

DAY = date(2015, 6, 16)  # a Tuesday
detect = detector(DAY)


def test_a_state_before_a_comma_does_not_qualify_the_next_name(kb: KnowledgeBase) -> None:
    # The bug showed on people the KB knows: "from Cyprus, Rice" made a Cypriot of her.
    text = (
        "Secretary of State Condoleezza Rice met Peruvian President Luis Quispe on Tuesday. "
        "Arriving on Monday aboard a helicopter from Bolivia, Rice held talks with "
        "Ecuadorean Foreign Minister Rosa Chalco."
    )
    found = detect(kb, text, date(2006, 7, 25))
    states = [sorted(p.state or "" for p in c.participants) for c in found]
    assert states == [["PER", "USA"], ["ECU", "USA"]], pairs(found)


def test_she_after_a_fronted_gerund_clause_is_not_its_object(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Ana Aravena met Peruvian President Luis Quispe in Lima on "
        "Monday. On Tuesday, after meeting Quispe in his office, she flew to La Paz for a "
        "meeting with Bolivian President Juan Mamani."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred"]
    assert {"Ana Aravena", "Juan Mamani"} in name_lists(found), pairs(found)
    assert {"Luis Quispe", "Juan Mamani"} not in name_lists(found), pairs(found)


def test_he_said_after_a_clause_with_a_subject_is_still_that_subject(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena met Peruvian President Luis Quispe on Monday, "
        "and Quispe said he would meet Bolivian President Juan Mamani next week."
    )
    found = [c for c in detect(kb, text) if c.status == "planned"]
    assert name_lists(found) == [{"Luis Quispe", "Juan Mamani"}], pairs(found)


def test_talks_that_are_scheduled_for_a_day_are_planned(kb: KnowledgeBase) -> None:
    text = (
        "Talks between Chilean Foreign Minister Tomas Aravena and Peruvian Foreign Minister "
        "Luis Quispe are scheduled for Friday."
    )
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("planned", date(2015, 6, 19))], pairs(found)


def test_talks_that_were_held_on_a_day_stay_done(kb: KnowledgeBase) -> None:
    text = (
        "Talks between Chilean Foreign Minister Tomas Aravena and Peruvian Foreign Minister "
        "Luis Quispe were held on Friday."
    )
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("occurred", date(2015, 6, 12))], pairs(found)


def test_each_of_the_two_ministers_is_a_meeting_each(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe welcomed Chilean Prime Minister Tomas Aravena on "
        "Tuesday, alongside Chilean Foreign Minister Rosa Chalco and Chilean Trade Minister "
        "Ines Mora. Quispe then met separately with each of the two Chilean ministers."
    )
    found = [c for c in detect(kb, text) if "met separately" in c.evidence[0]]
    assert name_lists(found) == [
        {"Luis Quispe", "Rosa Chalco"},
        {"Luis Quispe", "Ines Mora"},
    ], pairs(found)
