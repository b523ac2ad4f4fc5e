"""Who a story follows from sentence to sentence: "he" after "where he and X conferred" is
still the story's subject, a contact told as background is an aside, "the President" is the
president the story tells of most, a list after a subject the position rules missed, and a
month that is no person. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, pairs

DAY = date(2015, 6, 20)  # a Saturday
detect = detector(DAY)


def _pairs_of(found: list) -> set[frozenset[str]]:
    return {frozenset(p.name for p in c.participants) for c in found if c.status == "occurred"}


def test_he_after_he_and_another_conferred_is_still_the_storys_subject(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Friday. The "
        "stop ended a week-long journey that took the president from Quito, where he and "
        "Ecuadorean President Rosa Paez conferred on Monday, to La Paz. There, on Wednesday, "
        "he met Bolivian President Ana Mamani."
    )
    assert frozenset({"Tomas Aravena", "Ana Mamani"}) in _pairs_of(detect(kb, text))


def test_a_contact_told_as_background_does_not_change_who_he_is(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Friday. The "
        "meeting was the first since Bolivian President Ana Mamani saw Quispe in Lima in "
        "1977. Earlier in the day he met Ecuadorean President Rosa Paez."
    )
    found = _pairs_of(detect(kb, text))
    assert frozenset({"Tomas Aravena", "Rosa Paez"}) in found, found


def test_the_president_is_the_one_the_story_tells_of_most(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena spent Thursday on the telephone, speaking with "
        "Peruvian President Luis Quispe. The President also met Prime Minister Anna Berg of "
        "Sweden on Thursday in Santiago."
    )
    found = _pairs_of(detect(kb, text))
    assert frozenset({"Tomas Aravena", "Anna Berg"}) in found, found


def test_a_list_after_a_subject_the_position_rules_missed_is_one_call_each(
    kb: KnowledgeBase,
) -> None:
    text = (
        "In Chile, President Tomas Aravena spent Thursday on the telephone, speaking with "
        "King Carlos of Spain, President Luis Quispe of Peru and President Ana Mamani of "
        "Bolivia, officials said."
    )
    found = detect(kb, text)
    assert _pairs_of(found) == {
        frozenset({"Tomas Aravena", "Carlos"}),
        frozenset({"Tomas Aravena", "Luis Quispe"}),
        frozenset({"Tomas Aravena", "Ana Mamani"}),
    }, pairs(found)


def test_a_month_before_its_day_is_no_person(kb: KnowledgeBase) -> None:
    text = (
        "The treaty will not be ready when Chilean President Tomas Aravena arrives in Lima "
        "on May 29 for his talks with Peruvian President Luis Quispe."
    )
    found = detect(kb, text)
    assert all("May" not in {p.name for p in c.participants} for c in found), pairs(found)


def test_he_in_a_second_clause_is_the_first_clauses_subject(kb: KnowledgeBase) -> None:
    text = (
        "After the ceremony the secretary of state met separately with Peruvian President Luis "
        "Quispe and with Bolivian President Ana Mamani, and on Thursday morning he received "
        "Ecuadorean President Rosa Paez."
    )
    found = _pairs_of(detect(kb, text))
    assert frozenset({"Luis Quispe", "Rosa Paez"}) not in found, found


def test_a_titled_family_name_is_whoever_held_that_office_that_day(kb: KnowledgeBase) -> None:
    # Two people of the knowledge base are "Clinton": the President in 1998 is one of them.
    text = "President Clinton telephoned Peruvian President Luis Quispe on Friday."
    found = detect(kb, text, date(1998, 4, 11))
    clinton = next(p for c in found for p in c.participants if "Clinton" in p.name)
    assert (clinton.kb_id, clinton.state) == ("kb:bill-clinton", "USA")


def test_both_leaders_a_while_later_are_the_pair_the_story_follows(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena and Peruvian President Luis Quispe met for seven "
        "hours on Friday. Aravena said the talks went well. Quispe agreed. On the flight to "
        "Lima on Thursday, Aravena telephoned Bolivian President Ana Mamani. The markets "
        "rose in June. Ecuadorean President Rosa Paez, the host, greeted both "
        "leaders on their arrival on Thursday."
    )
    greeted = [c for c in detect(kb, text) if "Rosa Paez" in {p.name for p in c.participants}]
    assert [{p.name for p in c.participants} for c in greeted] == [
        {"Rosa Paez", "Tomas Aravena", "Luis Quispe"}
    ], pairs(greeted)


def test_the_two_ministers_right_after_their_talks_are_that_pair(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Friday. Aravena "
        "said the talks went well. Chilean Foreign Minister Mirela Vasquez held talks with "
        "Bolivian Foreign Minister Ana Mamani on Saturday. During their talks, the two "
        "ministers discussed the border and agreed to meet again."
    )
    found = _pairs_of(detect(kb, text))
    assert frozenset({"Tomas Aravena", "Ana Mamani"}) not in found, found
    assert frozenset({"Mirela Vasquez", "Ana Mamani"}) in found, found


def test_the_two_envoys_are_the_two_people_named_before(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe accepted a plan presented to him by the UN envoy, "
        "Anna Berg, and Chile's special envoy Tomas Aravena. The announcement came after the "
        "two envoys returned to the palace this morning for a second session with Quispe."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred"]
    assert any(
        {"Anna Berg", "Tomas Aravena", "Luis Quispe"} <= {p.name for p in c.participants}
        for c in found
    ), pairs(found)


def test_a_bare_surname_of_a_known_person_keeps_the_fullest_name_the_text_gave(
    kb: KnowledgeBase,
) -> None:
    # The knowledge base spells him "Joseph Kasa-Vubu"; the text says "Kasavubu".
    text = (
        "President Joseph Kasavubu replied with a short address. King Baudouin had been met "
        "at the airport on his arrival by President Kasavubu."
    )
    found = [c for c in detect(kb, text, date(1960, 6, 30)) if c.status == "occurred"]
    names = {p.name for c in found for p in c.participants}
    assert "Joseph Kasavubu" in names, pairs(found)
