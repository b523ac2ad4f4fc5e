"""A bare "the Secretary-General", "when they met", calls received from several leaders, expected
trips: each rule with a positive sentence and a negative twin.

Sentences written for these tests (not taken from any article).
"""

from __future__ import annotations

from datetime import date

from contacts import Contact, KnowledgeBase
from tests.contacts.support import detector

THURSDAY = date(2025, 9, 4)
detect = detector(THURSDAY)


def parties(found: list[Contact]) -> list[tuple[str, str, frozenset[str]]]:
    return [
        (c.type, c.status, frozenset(p.canonical_name or p.name for p in c.participants))
        for c in found
    ]


# "The Secretary-General" with no organisation beside it heads the one the text names.


def test_bare_secretary_general_is_the_un_one_in_a_un_text(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "The Secretary-General met today with Masoud Pezeshkian, President of Iran, on the "
        "margins of the General Assembly.",
    )
    assert parties(found) == [
        ("meeting", "occurred", frozenset({"António Guterres", "Masoud Pezeshkian"}))
    ]
    assert found[0].participants[0].state == "UN"


def test_bare_secretary_general_without_an_organisation_stays_unknown(kb: KnowledgeBase) -> None:
    found = detect(kb, "The Secretary-General met today with Masoud Pezeshkian in Tehran.")
    assert parties(found) == []


# "... when they met": the subordinate clause's "they" is the pair the main clause named.


def test_when_they_met_takes_the_pair_of_the_main_clause(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Trump said that he and Russian President Vladimir Putin failed to reach a deal when "
        "they met in Alaska on Friday.",
    )
    assert parties(found) == [
        ("meeting", "occurred", frozenset({"Donald Trump", "Vladimir Putin"}))
    ]


def test_when_they_met_needs_a_coordinated_pair(kb: KnowledgeBase) -> None:
    found = detect(kb, "Trump praised reporters when they met him in the Oval Office.")
    assert parties(found) == []


# "received phone calls from A, <title>, and B, <title>": one call each, plural and bare.


def test_received_phone_calls_from_two_leaders_with_appositives(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Qatar's Emir Tamim bin Hamad Al Thani received phone calls on Wednesday from Abdel "
        "Fattah el-Sisi, President of Egypt, and Recep Tayyip Erdogan, President of Turkey.",
    )
    assert [(c.type, c.status, len(c.participants)) for c in found] == [("call", "occurred", 2)] * 2
    callers = sorted(c.participants[1].state for c in found)
    assert callers == ["EGY", "TUR"]
    assert all(c.participants[0].state == "QAT" for c in found)
    assert all(c.initiator != "Tamim bin Hamad Al Thani" for c in found)


def test_received_phone_calls_from_citizens_is_no_contact(kb: KnowledgeBase) -> None:
    found = detect(
        kb, "Qatar's Emir Tamim bin Hamad Al Thani received phone calls from worried citizens."
    )
    assert parties(found) == []


# "Modi's expected trip to China": the adjective puts the trip in the future.


def test_an_expected_trip_is_planned(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Prime Minister Narendra Modi's expected trip to China for the summit would be his "
        "first in seven years.",
    )
    assert [(c.type, c.status) for c in found] == [("visit", "planned")]


def test_a_trip_that_went_as_expected_happened(kb: KnowledgeBase) -> None:
    found = detect(kb, "Prime Minister Narendra Modi visited China on Monday, as expected.")
    assert [(c.type, c.status) for c in found] == [("visit", "occurred")]
