"""Dates a little way after the verb, spans that start with "since", and a contact told again
as a predicate ("It was their first conversation since ..."). One test per phrasing class,
invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, pairs

DAY = date(2015, 6, 20)  # a Saturday
detect = detector(DAY)


def test_a_day_a_few_words_after_the_verb_dates_the_contact(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena and Peruvian President Luis Quispe spoke face to face "
        "for the first time on Friday, in a brief encounter."
    )
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("occurred", date(2015, 6, 19))], pairs(found)


def test_a_date_inside_a_noun_further_on_does_not_date_the_call(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena spoke with Peruvian President Luis Quispe regarding "
        "preparations for the June 22-23 Andean Summit on Trade."
    )
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("occurred", None)], pairs(found)


def test_an_old_date_that_starts_a_since_span_makes_no_background(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena and Peruvian President Luis Quispe also spoke "
        "informally during the lunch, in their first conversation in person since the border "
        "dispute began in March."
    )
    found = detect(kb, text)
    assert [(c.status, c.background) for c in found] == [("occurred", False)], pairs(found)


def test_it_was_their_first_conversation_tells_a_contact_again(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena held a long phone call with Peruvian President Luis "
        "Quispe on Friday. It was Aravena's first conversation with Quispe since he took "
        "office on January 20."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred" and not c.background]
    assert [c.type for c in found] == ["call"], pairs(found)


def test_went_on_to_hold_talks_is_done_not_planned(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena went on to hold talks with Luis Quispe on Friday."
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("occurred", date(2015, 6, 19))], pairs(found)


def test_going_to_hold_talks_is_still_planned(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena is going to hold talks with Luis Quispe on Monday."
    found = detect(kb, text)
    assert [c.status for c in found] == ["planned"], pairs(found)


def test_bilateral_meetings_with_two_leaders_are_two_meetings(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena held bilateral meetings with Peruvian President Luis "
        "Quispe and Bolivian President Ana Mamani on Friday."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred"]
    assert sorted(sorted(p.name for p in c.participants) for c in found) == [
        ["Ana Mamani", "Tomas Aravena"],
        ["Luis Quispe", "Tomas Aravena"],
    ], pairs(found)


def test_one_sentence_telling_a_meeting_twice_is_one_contact(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena and Peruvian Foreign Minister Luis Quispe met for "
        "more than four hours in Lima on Friday and for a further two hours on Saturday, in "
        "their first face-to-face discussion since the dispute began."
    )
    found = [c for c in detect(kb, text) if c.status == "occurred"]
    assert len(found) == 1, pairs(found)


def test_days_ago_date_the_contact_and_weeks_ago_make_it_old(kb: KnowledgeBase) -> None:
    base = "Chilean President Tomas Aravena met Peruvian President Luis Quispe {}."
    two_days = detect(kb, base.format("two days ago"))
    assert [(c.date, c.background) for c in two_days] == [(date(2015, 6, 18), False)]
    three_weeks = detect(kb, base.format("three weeks ago"))
    assert [(c.date, c.background) for c in three_weeks] == [(None, True)]


def test_a_meeting_counted_in_the_year_is_a_habit(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena, who has met Peruvian President Luis Quispe twice "
        "this year, said the border was calm."
    )
    assert [c.background for c in detect(kb, text)] == [True]


def test_is_meeting_someone_is_a_meeting(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena is meeting Peruvian President Luis Quispe today."
    found = detect(kb, text)
    assert [(c.type, c.date) for c in found] == [("meeting", DAY)], pairs(found)
