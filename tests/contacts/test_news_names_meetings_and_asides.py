"""Names (hyphenated given names), one-state titles, mediated and hosted meetings, asides between
subject and verb: each rule with a positive sentence and a negative twin.

Sentences written for these tests (not taken from any article).
"""

from __future__ import annotations

from datetime import date

import pytest

from contacts import Contact, KnowledgeBase
from tests.contacts.support import detector

THURSDAY = date(2025, 9, 4)
detect = detector(THURSDAY)


def parties(found: list[Contact]) -> list[tuple[str, str, frozenset[str]]]:
    return [
        (c.type, c.status, frozenset(p.canonical_name or p.name for p in c.participants))
        for c in found
    ]


# Hyphenated given names stay whole.


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        ("President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba.", "kb:lee-jae-myung"),
        ("Foreign Minister Cho Tae-yul held talks with Takeshi Iwaya in Seoul.", "kb:cho-tae-yul"),
        ("Kim Jong-un received Sergei Lavrov in Wonsan on Saturday.", "kb:kim-jong-un"),
    ],
)
def test_a_lower_case_syllable_after_a_hyphen_is_part_of_the_name(
    kb: KnowledgeBase, text: str, kb_id: str
) -> None:
    found = detect(kb, text)
    assert len(found) == 1, parties(found)
    assert kb_id in {p.kb_id for p in found[0].participants}, found[0].participants


def test_a_hyphenated_adjective_after_a_name_is_not_part_of_it(kb: KnowledgeBase) -> None:
    # "Putin-led" is no given name: the name stays "Vladimir Putin", never "Putin led ...".
    found = detect(kb, "Ali Khamenei received Vladimir Putin-led delegations in Tehran.")
    names = {p.name for c in found for p in c.participants}
    assert not any("led" in n for n in names), names


@pytest.mark.parametrize(
    "text",
    [
        "Kazakh President Kassym-Jomart Tokayev held talks with Vladimir Putin on Wednesday.",
        "French Foreign Minister Jean-Noël Barrot received Wang Yi in Paris on Wednesday.",
    ],
)
def test_hyphenated_given_names_in_capitals(kb: KnowledgeBase, text: str) -> None:
    found = detect(kb, text)
    assert len(found) == 1 and found[0].status == "occurred", parties(found)
    assert all(p.kb_id for p in found[0].participants), found[0].participants


# Titles used by one state only name that state.


def test_eam_is_indias_external_affairs_minister(kb: KnowledgeBase) -> None:
    text = (
        "External Affairs Minister S. Jaishankar held talks with Sergey Lavrov in Moscow. "
        "EAM also called on First Deputy Prime Minister Denis Manturov."
    )
    found = detect(kb, text)
    assert len(found) == 2, parties(found)
    second = found[1].participants
    assert [(p.kb_id, p.state) for p in second][0] == ("kb:subrahmanyam-jaishankar", "IND")
    assert second[1].name == "Denis Manturov"


def test_eam_meeting_his_own_prime_minister_is_not_a_contact(kb: KnowledgeBase) -> None:
    assert detect(kb, "EAM met Prime Minister Narendra Modi in New Delhi on Tuesday.") == []


def test_a_demonym_wins_over_the_titles_usual_state(kb: KnowledgeBase) -> None:
    found = detect(
        kb, "Canadian External Affairs Minister Jon Dorrance met Sergey Lavrov on Tuesday."
    )
    assert len(found) == 1, parties(found)
    assert {p.state for p in found[0].participants} == {"CAN", "RUS"}


# "No need for a meeting" denies it.


def test_no_need_for_a_meeting_between_is_cancelled(kb: KnowledgeBase) -> None:
    text = "Dmitry Peskov said there was no need for a meeting between Putin and Zelensky yet."
    assert [c.status for c in detect(kb, text)] == ["cancelled"]


def test_no_need_after_the_meeting_leaves_it_occurred(kb: KnowledgeBase) -> None:
    text = "Putin met Erdogan on Monday and said there was no need to rush a deal."
    assert [c.status for c in detect(kb, text)] == ["occurred"]


# A two-party reading inside a larger meeting told in the same sentence is that meeting.


def test_a_pair_inside_a_mediated_meeting_is_one_contact(kb: KnowledgeBase) -> None:
    text = (
        "Felix Tshisekedi and Paul Kagame met in Doha on Tuesday in talks mediated by "
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani."
    )
    found = detect(kb, text)
    assert len(found) == 1, parties(found)
    assert len(found[0].participants) == 3


def test_a_bilateral_in_a_sentence_of_its_own_stays(kb: KnowledgeBase) -> None:
    text = (
        "Felix Tshisekedi and Paul Kagame met in Doha on Tuesday in talks mediated by "
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani. Later, Kagame held talks with Tshisekedi "
        "alone."
    )
    assert sorted(len(c.participants) for c in detect(kb, text)) == [2, 3]


# Summits: the host named after "hosted by" takes part; "co-chaired" is a meeting verb.


def test_attendees_of_a_summit_hosted_by_someone_meet_the_host(kb: KnowledgeBase) -> None:
    text = (
        "About 20 leaders, including Vladimir Putin and Narendra Modi, attended a summit "
        "hosted by Chinese President Xi Jinping in Tianjin on Monday."
    )
    found = detect(kb, text)
    assert len(found) == 1, parties(found)
    names = {p.canonical_name for p in found[0].participants}
    assert {"Vladimir Putin", "Narendra Modi", "Xi Jinping"} <= names


def test_a_visit_hosted_by_a_compatriot_adds_no_host(kb: KnowledgeBase) -> None:
    # "hosted by" far from a meeting word, after a full stop: nothing is added.
    text = (
        "Vladimir Putin and Narendra Modi held talks on Monday. A dinner was hosted by Xi Jinping."
    )
    found = detect(kb, text)
    assert [len(c.participants) for c in found] == [2], parties(found)


def test_co_chaired_a_meeting(kb: KnowledgeBase) -> None:
    text = "Emmanuel Macron and Keir Starmer co-chaired a meeting of European leaders on Thursday."
    found = detect(kb, text)
    assert len(found) == 1, parties(found)
    assert {p.canonical_name for p in found[0].participants} == {"Emmanuel Macron", "Keir Starmer"}


def test_chaired_a_meeting_alone_is_no_contact(kb: KnowledgeBase) -> None:
    assert detect(kb, "Vladimir Putin chaired a meeting of the Security Council on Friday.") == []


# A relative clause between the subject and its verb is an aside.


def test_verb_after_a_who_aside_takes_the_subject(kb: KnowledgeBase) -> None:
    text = "JD Vance, who was accompanied by his wife, also had dinner with Narendra Modi."
    found = detect(kb, text)
    assert len(found) == 1, parties(found)
    assert {p.canonical_name for p in found[0].participants} == {"JD Vance", "Narendra Modi"}


def test_the_person_inside_the_aside_is_no_subject(kb: KnowledgeBase) -> None:
    text = "JD Vance, who praised Narendra Modi, later had dinner with his wife."
    assert detect(kb, text) == []
