"""Contacts the text says did not take place ("denied that A had met B", "there were no talks
between A and B", "was not aware of any conversation between A and B") and speech that airs
views rather than reports a call ("A and B spoke in favour of a ceasefire"), an official
the dateline places meeting someone whose state the text does not give, an aside about the
subject ("X, who was not at the talks, spoke with Y"), "was host to", and a post or rank before
the object's name ("with the head of Sudan's military council, General X"). One test per
phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import news_detector, pairs

DAY = date(2014, 6, 6)  # a Friday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Officials denied that Kenyan President Amos Kibet had met Ugandan President Peter Okello.",
        "Kenyan President Amos Kibet denied having met Ugandan President Peter Okello in Arusha.",
    ],
    ids=["denied-that", "denied-having"],
)
def test_a_denied_meeting_is_cancelled(kb: KnowledgeBase, text: str) -> None:
    found = detect_contacts(text, DAY, kb=kb)
    assert not [c for c in found if c.status == "occurred"], pairs(found)
    assert [c.status for c in found] == ["cancelled"], pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "There were no talks between Turkish Foreign Minister Selim Aras and his Armenian "
        "counterpart, the ministry said.",
        "The ministry said it was not aware of any conversation between Prime Minister Arvind "
        "Kulkarni of India and Brazilian President Jorge Tavares.",
        "There has been no direct meeting between Israeli Foreign Minister Dan Meron and Syrian "
        "Foreign Minister Karim Haddad.",
    ],
    ids=["no-talks-between", "not-aware-of-any", "no-direct-meeting"],
)
def test_a_contact_the_text_says_none_of_took_place_is_not_news(
    kb: KnowledgeBase, text: str
) -> None:
    assert _news(kb, text) == []


@pytest.mark.parametrize(
    "verb",
    ["spoke in favour of", "spoke in favor of", "spoke out against", "spoke strongly against"],
)
def test_airing_views_is_no_call(kb: KnowledgeBase, verb: str) -> None:
    text = (
        f"Russian President Ivan Sokolov and Ukrainian President Taras Bondar {verb} a speedy end "
        "to the fighting, the Kremlin said."
    )
    assert _news(kb, text) == []


def test_speaking_by_phone_is_still_a_call(kb: KnowledgeBase) -> None:
    text = (
        "Russian President Ivan Sokolov and Ukrainian President Taras Bondar spoke by phone on "
        "Thursday about a speedy end to the fighting, the Kremlin said."
    )
    found = _news(kb, text)
    assert [(c.type, str(c.date)) for c in found] == [("call", "2014-06-05")], pairs(found)


def test_a_dateline_official_meeting_someone_of_no_stated_state_is_a_contact(
    kb: KnowledgeBase,
) -> None:
    # The dateline suggests the host's state; nothing says the guest shares it, as with a
    # host whose state the text gives ("Ghanaian Agriculture Minister").
    text = (
        "ACCRA, June 5 - Pierre Lamont of the International Cocoa Organization held talks with "
        "Agriculture Minister Kwame Boateng on Thursday."
    )
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Kwame Boateng", "Pierre Lamont"]
    ], pairs(found)


def test_two_officials_the_dateline_places_in_one_state_met_no_foreigner(
    kb: KnowledgeBase,
) -> None:
    text = (
        "ACCRA, June 5 - Agriculture Minister Kwame Boateng met President Kofi Mensah on Thursday."
    )
    assert _news(kb, text) == []


@pytest.mark.parametrize(
    "aside", ["who was not at the talks", "who will retire next year", "who could not attend"]
)
def test_an_aside_about_the_subject_leaves_the_status(kb: KnowledgeBase, aside: str) -> None:
    text = (
        f"Kenyan Finance Minister Amos Kibet, {aside}, spoke by telephone with Ugandan Finance "
        "Minister Peter Okello on Thursday."
    )
    found = _news(kb, text)
    assert [(c.type, str(c.date)) for c in found] == [("call", "2014-06-05")], pairs(found)


@pytest.mark.parametrize("host", ["was host to", "played host to"])
def test_host_to_is_hosting(kb: KnowledgeBase, host: str) -> None:
    text = (
        f"Kenyan President Amos Kibet {host} Ugandan President Peter Okello and Tanzanian "
        "President Juma Mrisho at State House on Thursday."
    )
    found = _news(kb, text)
    names = {p.name for c in found for p in c.participants}
    assert {"Amos Kibet", "Peter Okello", "Juma Mrisho"} <= names, pairs(found)


@pytest.mark.parametrize(
    "object_",
    [
        "the head of Sudan's Transitional Military Council, General Omar Hamid",
        "General Omar Hamid of Sudan",
        "Lt. Gen. Omar Hamid of Sudan",
    ],
)
def test_a_post_or_a_rank_before_the_name_keeps_the_object(kb: KnowledgeBase, object_: str) -> None:
    text = f"Ethiopian Prime Minister Dawit Bekele held talks in Khartoum on Friday with {object_}."
    found = _news(kb, text)
    assert ["Dawit Bekele", "Omar Hamid"] in [
        sorted(p.name for p in c.participants) for c in found
    ], pairs(found)


def test_ranks_and_posts_before_a_name_count_only_capitalised() -> None:
    # "captain Rohit X" of a cricket team, "the head of government, X": no rank, no body's name
    from contacts.clause_objects import OBJECT_GAP

    assert OBJECT_GAP["with"].match(" by phone with Captain ")
    assert not OBJECT_GAP["with"].match(" by phone with captain ")
    assert OBJECT_GAP["with"].match(" with the head of the Sovereign Council, ")
    assert not OBJECT_GAP["with"].match(" with the head of government, ")


@pytest.mark.parametrize("measure", ["two days of talks", "more than an hour of talks", "talks"])
def test_a_setting_measured_in_time_after_the_main_clause(kb: KnowledgeBase, measure: str) -> None:
    text = (
        "UN envoy Karl Meier met Iraqi President Omar Saleh for three hours on Thursday, after "
        f"{measure} with Iraqi Deputy Prime Minister Tariq Hamid."
    )
    met = [sorted(p.name for p in c.participants) for c in _news(kb, text)]
    assert ["Karl Meier", "Tariq Hamid"] in met, met


def test_a_summit_called_by_a_leader_is_his_gathering_no_call(kb: KnowledgeBase) -> None:
    text = (
        "The summit, called by Zambian President Joseph Banda, was attended by Zimbabwe Prime "
        "Minister Tendai Moyo and Mozambique President Carlos Manjate."
    )
    found = _news(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)
    assert {p.name for p in found[0].participants} == {
        "Joseph Banda",
        "Tendai Moyo",
        "Carlos Manjate",
    }


def test_a_visit_returned_from_is_a_visit(kb: KnowledgeBase) -> None:
    text = (
        "British Trade Minister Alan Hughes said on his return from a visit to Japan that the "
        "Japanese were beginning to open their markets."
    )
    found = _news(kb, text)
    assert [(c.type, [p.state for p in c.participants]) for c in found] == [
        ("visit", ["GBR", "JPN"])
    ], pairs(found)


def test_talks_one_is_due_somewhere_for_are_planned(kb: KnowledgeBase) -> None:
    text = (
        "Japanese Prime Minister Kenji Mori is due in Washington at the end of the month for "
        "talks with US President Tom Hale, officials said."
    )
    found = detect_contacts(text, DAY, kb=kb)
    assert [c.status for c in found] == ["planned"], pairs(found)
