"""News grammar of posts, delegations and settings: an envoy "for" a place and an ambassador "to"
one, a delegation "of" its members "led by" someone, "met at the ministry with", a dateline of a
city in capitals and a dash. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import occurred_detector

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)


@pytest.mark.parametrize(
    ("text", "envoy", "state"),
    [
        (
            "The UN envoy for Yemen, Tarik Oumessaoud, met Omani Foreign Minister Sayyid "
            "Badr Albusaidi on Tuesday.",
            "Tarik Oumessaoud",
            "UN",
        ),
        (
            "Georgia's special representative for relations with Russia, Levan Abashkidze, met "
            "Russian Deputy Foreign Minister Pavel Orlin in Prague on Tuesday.",
            "Levan Abashkidze",
            "GEO",
        ),
        (
            "The American special envoy for the Horn, Dana Whitcombe, met Kenyan Foreign "
            "Minister Ruth Wanjiru in Nairobi on Tuesday.",
            "Dana Whitcombe",
            "USA",
        ),
        (
            "Yemeni Ambassador to Russia Saleh Almuqri met Russian Deputy Foreign Minister "
            "Pavel Orlin on Tuesday.",
            "Saleh Almuqri",
            "YEM",
        ),
    ],
    ids=["envoy-for-place", "representative-for-relations-with", "envoy-for-the", "ambassador-to"],
)
def test_a_posts_place_is_part_of_the_title_not_the_holders_state(
    kb: KnowledgeBase, text: str, envoy: str, state: str
) -> None:
    [contact] = occurred(kb, text)
    holder = next(p for p in contact.participants if p.name == envoy)
    assert holder.state == state
    assert contact.date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Oman's foreign minister, Sayyid Badr Albusaidi, met on Tuesday with a delegation of "
        "Houthi rebels led by Hamid Qassemi.",
        "Oman's foreign minister, Sayyid Badr Albusaidi, met on Tuesday with a delegation of "
        "Houthi rebels and their allies, led by Hamid Qassemi.",
        "Oman's foreign minister, Sayyid Badr Albusaidi, held talks on Tuesday with a visiting "
        "delegation headed by Hamid Qassemi.",
    ],
    ids=["of-members-led-by", "of-members-and-allies-comma-led-by", "headed-by"],
)
def test_a_delegation_is_the_person_who_leads_it(kb: KnowledgeBase, text: str) -> None:
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Sayyid Badr Albusaidi", "Hamid Qassemi"}


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Russian Deputy Foreign Minister Pavel Orlin met at the ministry with "
        "Myanmar's ambassador to Russia, Zaw Min Htike.",
        "Russian Deputy Foreign Minister Pavel Orlin met in Kazan on Tuesday with Myanmar's "
        "ambassador to Russia, Zaw Min Htike.",
    ],
    ids=["at-the-ministry", "in-a-city"],
)
def test_a_place_between_the_meeting_verb_and_with(kb: KnowledgeBase, text: str) -> None:
    [contact] = occurred(kb, text)
    assert {p.name for p in contact.participants} == {"Pavel Orlin", "Zaw Min Htike"}
    assert contact.date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a news conference with Kenyan Foreign Minister Ruth Wanjiru, Russian "
        "Deputy Foreign Minister Pavel Orlin said the grain deal would hold.",
        "The issue was discussed at length with Kenyan Foreign Minister Ruth Wanjiru, Russian "
        "officials said.",
    ],
    ids=["speaking-at-a-conference-with", "discussed-at-length-with"],
)
def test_a_setting_with_someone_after_other_verbs_is_no_call(kb: KnowledgeBase, text: str) -> None:
    assert [c.type for c in occurred(kb, text)] != ["call"]


def test_a_dateline_in_capitals_with_a_dash_is_no_party(kb: KnowledgeBase) -> None:
    text = (
        "GENEVA - The UN envoy for Yemen, Tarik Oumessaoud, met separately on Tuesday with "
        "Foreign Minister Nabil Alsaadi and with a delegation of Houthi rebels led by Hamid "
        "Qassemi."
    )
    found = occurred(kb, text)
    assert {frozenset(p.name for p in c.participants) for c in found} == {
        frozenset({"Tarik Oumessaoud", "Nabil Alsaadi"}),
        frozenset({"Tarik Oumessaoud", "Hamid Qassemi"}),
    }
