"""Being together as a contact ("appeared side by side", "had been closeted together", "was
closeted with"), an audience that is no party ("A and B spoke to reporters"), talks asked for
("called for talks between the two sides"), sessions with a list its post names first ("held
separate sessions late Tuesday with the chief negotiators, A and B"), and a participle's time
read from a past auxiliary ("helped clinch the deal, flying to Gaza on Monday for talks with
X"), and the broker or host of the talks as a party ("in talks brokered by C"). One test per
phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import news_detector, pairs

DAY = date(1998, 4, 11)  # a Saturday
_news = news_detector(DAY)


def _met(found: list) -> list[list[str]]:
    return [sorted(p.name for p in c.participants) for c in found]


@pytest.mark.parametrize(
    "together",
    [
        "appeared side by side at a news conference to present the accord",
        "had been closeted together at the castle for much of the week",
    ],
)
def test_being_together_is_a_meeting(kb: KnowledgeBase, together: str) -> None:
    text = f"British Prime Minister Tom Hale and Irish Prime Minister Sean Byrne {together}."
    found = _news(kb, text)
    assert [(c.type, _met([c])[0]) for c in found] == [("meeting", ["Sean Byrne", "Tom Hale"])], (
        pairs(found)
    )


def test_closeted_with_someone_is_a_meeting(kb: KnowledgeBase) -> None:
    text = "Kenyan President Amos Kibet was closeted with Ugandan President Peter Okello on Friday."
    found = _news(kb, text)
    assert [(c.type, str(c.date)) for c in found] == [("meeting", "1998-04-10")], pairs(found)


@pytest.mark.parametrize("audience", ["reporters", "the press", "journalists", "parliament"])
def test_an_audience_is_no_party_to_a_call(kb: KnowledgeBase, audience: str) -> None:
    text = (
        f"British Prime Minister Tom Hale and Irish Prime Minister Sean Byrne spoke to {audience} "
        "in Belfast."
    )
    assert [c for c in _news(kb, text) if c.type == "call"] == []


def test_talks_called_for_are_not_held(kb: KnowledgeBase) -> None:
    text = (
        "Hungarian Foreign Minister Lajos Varga met Slovak Foreign Minister Jan Kral on Friday. "
        "UN Secretary-General Karl Meier, speaking to reporters outside the chamber, called for "
        "talks between the two sides without preconditions."
    )
    assert ["Karl Meier", "Lajos Varga"] not in _met(_news(kb, text))


def test_sessions_with_the_negotiators_a_post_names_first(kb: KnowledgeBase) -> None:
    text = (
        "US Secretary of State Ann Moore held separate sessions late Tuesday with the chief "
        "negotiators, Israeli Minister Dan Meron and Palestinian negotiator Samir Haddad."
    )
    found = detect_contacts(text, date(2000, 1, 15), kb=kb)
    assert sorted(_met(found)) == [["Ann Moore", "Dan Meron"], ["Ann Moore", "Samir Haddad"]]


def test_a_participle_under_a_past_auxiliary_happened(kb: KnowledgeBase) -> None:
    text = (
        "Jordan's King Talal helped clinch the deal, flying by helicopter to Gaza on Monday for "
        "talks with Palestinian leader Samir Haddad."
    )
    found = _news(kb, text, date(1997, 1, 15))
    assert [(c.status, str(c.date)) for c in found if c.type == "meeting"] == [
        ("occurred", "1997-01-13")
    ], pairs(found)


@pytest.mark.parametrize(
    "setting",
    [
        "in talks brokered by South African President Thabo Nkosi",
        "in a trilateral format hosted by South African President Thabo Nkosi",
        "at a meeting, which was chaired by South African President Thabo Nkosi",
    ],
)
def test_the_broker_or_host_of_the_talks_sat_at_them(kb: KnowledgeBase, setting: str) -> None:
    text = (
        "Kenyan President Amos Kibet and his Ugandan counterpart Peter Okello met for the first "
        f"time since the war on Friday in the Kenyan port city of Mombasa, {setting}."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Amos Kibet", "Peter Okello", "Thabo Nkosi"]
    ], pairs(found)


def test_a_person_after_another_phrase_is_not_the_broker(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Amos Kibet and Ugandan President Peter Okello met on Friday, and the "
        "talks were praised by South African President Thabo Nkosi."
    )
    assert ["Amos Kibet", "Peter Okello"] in _met(_news(kb, text))
    assert all("Thabo Nkosi" not in m for m in _met(_news(kb, text)))


@pytest.mark.parametrize(
    "verb", ["went straight to the office of", "paid a call on", "drove to the residence of"]
)
def test_going_to_see_someone_is_a_meeting(kb: KnowledgeBase, verb: str) -> None:
    text = f"US Secretary of State Ann Moore {verb} Lebanese Prime Minister Fouad Karam on Friday."
    found = _news(kb, text)
    assert ["Ann Moore", "Fouad Karam"] in _met(found), pairs(found)


def test_every_by_of_an_attendance_list_counts(kb: KnowledgeBase) -> None:
    # "attended by A and by B, his C, and by D": the later "by"s hang on the first; one aide
    # the text does not place leaves a gathering of two states' leaders a contact
    text = (
        "The meeting was attended by farm ministers and foreign ministers from both countries and "
        "by French President "
        "Jean Dupont, his Prime Minister Paul Marchand, and by Chancellor Karl Weber of West "
        "Germany."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Jean Dupont", "Karl Weber", "Paul Marchand"]
    ], pairs(found)
    # "his Prime Minister": a post of the state of the one the possessive follows
    assert {p.name: p.state for p in found[0].participants}["Paul Marchand"] == "FRA"


@pytest.mark.parametrize("verb", ["was called by", "was telephoned by", "was phoned by"])
def test_a_passive_call_names_its_caller_after_by(kb: KnowledgeBase, verb: str) -> None:
    text = f"Israeli Prime Minister Dan Meron {verb} US President Tom Hale on Thursday."
    found = _news(kb, text)
    assert [(c.type, str(c.date)) for c in found] == [("call", "1998-04-09")], pairs(found)
    assert _met(found) == [["Dan Meron", "Tom Hale"]]


def test_a_second_contact_noun_after_and_takes_the_first_ones_subject(kb: KnowledgeBase) -> None:
    text = (
        "US Secretary of State Tom Hale held talks earlier in the day with China's top diplomat "
        "Li Wen, and nearly eight hours of talks with Chinese Foreign Minister Qin Bo on Sunday."
    )
    met = _met(_news(kb, text, date(2023, 6, 19)))
    assert ["Li Wen", "Tom Hale"] in met and ["Qin Bo", "Tom Hale"] in met, met


def test_a_meeting_cancelled_with_a_speech_is_cancelled(kb: KnowledgeBase) -> None:
    text = (
        "Thai Prime Minister Somchai Wong, who was in New York for the General Assembly, "
        "cancelled his speech to the assembly and a meeting with UN Secretary-General Karl Meier."
    )
    found = detect_contacts(text, date(2006, 9, 20), kb=kb)
    assert [c.status for c in found] == ["cancelled"], pairs(found)
