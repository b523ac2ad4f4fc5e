"""Where a sentence is set: its own place, and the dateline before it.

"In Lima on Tuesday, the envoy was received by Deputy Minister X" is set in Peru: the sentence is
its own dateline, so X, whom nothing else qualifies, may be Peru's and the envoy, of a state the
story left unsaid, is a foreigner he received. "SUVA, Tuesday:" (Australian papers) is a dateline,
blanked before the parse like any other. One who travelled to a state ("X traveled to Fiji and
Tonga") is no host in it, wherever the story later sets X. "Held talks here on Tuesday with Y":
the dateline's "here" is a setting between the talks and Y, never their object. One test per phrasing class, invented
names only.
"""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2024, 10, 17)  # a Thursday
_news = news_detector(DAY)

ENVOY = "Trade Envoy Maren Ostby has travelled to Peru to promote exports. "


def test_a_sentence_set_in_a_capital_is_its_own_dateline(kb: KnowledgeBase) -> None:
    text = ENVOY + "In Lima on Tuesday, the envoy was received by Deputy Minister Jorge Quispe."
    found = _news(kb, text)
    assert sorted_names(found) == [["Jorge Quispe", "Maren Ostby"]]
    assert found[0].date == date(2024, 10, 15)


def test_without_a_setting_nothing_says_the_two_are_of_different_states(
    kb: KnowledgeBase,
) -> None:
    assert (
        _news(kb, ENVOY + "On Tuesday, the envoy was received by Deputy Minister Jorge Quispe.")
        == []
    )


def test_a_places_view_is_no_setting(kb: KnowledgeBase) -> None:
    text = ENVOY + "In Lima's view, the envoy was received by Deputy Minister Jorge Quispe."
    assert _news(kb, text) == []


def test_a_weekday_dateline_is_blanked_before_the_parse() -> None:
    from contacts.datelines import blank_dateline

    text = "SUVA, Thursday: The Trade Minister, Mr Alan Pirie, today won"
    assert blank_dateline(text) == " " * len("SUVA, Thursday:") + text[len("SUVA, Thursday:") :]
    assert blank_dateline("On Thursday: the minister") == "On Thursday: the minister"


def test_the_subject_after_a_weekday_dateline_holds_the_measured_talks(kb: KnowledgeBase) -> None:
    text = (
        "SUVA, Tuesday: The Trade Minister, Mr Alan Pirie, today won an undertaking from Fiji to "
        "ease import licensing for Australian live cattle and wheat, after two hours of talks with "
        "his Fijian counterpart, Mr Josefa Tuilagi, at the Department of Trade in central Suva."
    )
    assert sorted_names(_news(kb, text)) == [["Alan Pirie", "Josefa Tuilagi"]]


def test_the_dateline_after_a_headline_and_a_byline_is_the_storys(kb: KnowledgeBase) -> None:
    from contacts.datelines import dateline_place

    story = (
        "SUVA, Tuesday: The Trade Minister, Mr Alan Pirie, arrived for two days of talks. "
        "Mr Pirie was later the guest of the Minister of Industry, Mr Josefa Tuilagi, at a "
        "working lunch at the Grand Pacific Hotel."
    )
    page = "Pirie wins Suva promise on beef\nFrom ANNA CROFT\n\n" + story
    assert dateline_place(page, kb) == dateline_place(story, kb) == ("Suva", "FJI")
    (contact,) = _news(kb, page)  # the dateline makes the one who arrived a foreigner
    assert {p.name.split()[-1] for p in contact.participants} == {"Pirie", "Tuilagi"}
    # a first line that is a sentence is the story itself, not its headline
    assert dateline_place("Talks went on all day.\n" + story, kb) is None


def test_one_who_travelled_to_the_setting_is_no_host_there(kb: KnowledgeBase) -> None:
    text = (
        "Deputy Assistant Secretary of State for Pacific Island Affairs Laura Pemberton traveled "
        "to Fiji and Tonga August 12-16 to advance cooperation on fisheries.\n\n"
        "In Suva on August 13, Deputy Assistant Secretary Pemberton met with Secretary for "
        "Foreign Affairs Josefa Tuilagi to review the Shiprider Agreement."
    )
    found = news_detector(date(2024, 8, 19))(kb, text)
    assert [{p.name.split()[-1] for p in c.participants} for c in found] == [
        {"Pemberton", "Tuilagi"}
    ]


def test_talks_held_here_are_talks_with_the_one_after(kb: KnowledgeBase) -> None:
    text = (
        "SUVA, Jan. 17 (Xinhua) -- Visiting Chinese Foreign Minister Li Wenhua held talks here on "
        "Tuesday with his Fijian counterpart Josefa Tuilagi, with both sides pledging closer ties."
    )
    found = news_detector(date(2006, 1, 17))(kb, text)
    assert sorted_names(found) == [["Josefa Tuilagi", "Li Wenhua"]]
