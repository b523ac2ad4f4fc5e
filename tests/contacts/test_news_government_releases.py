"""A government's own release (a source with a home state: gov.uk, the State Department) names
its own minister by title alone: "Trade Minister Jane Doe has this week travelled to Vietnam.
In Hanoi on Tuesday, the Minister was received by Deputy Prime Minister X" is a meeting of the
home state's minister with X. Only the first official named is taken for the home state's: the
one she meets may be named by title alone too. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase, detect_contacts

DAY = date(2024, 10, 17)  # a Thursday

RELEASE = (
    "Trade Minister Harriet Lowe has this week travelled to Vietnam to strengthen trading ties.\n\n"
    "In Hanoi on Tuesday, the Minister was received by Deputy Prime Minister Tran Quoc Binh."
)


def _met(kb: KnowledgeBase, text: str, home: str | None) -> list[dict[str, str | None]]:
    found = detect_contacts(text, DAY, kb=kb, home_state=home)
    return [{p.name: p.state for p in c.participants} for c in found if c.type == "meeting"]


def test_the_releases_first_official_is_the_home_states(kb: KnowledgeBase) -> None:
    assert _met(kb, RELEASE, "GBR") == [{"Harriet Lowe": "GBR", "Tran Quoc Binh": "VNM"}]


def test_without_a_home_state_nothing_says_she_is_foreign(kb: KnowledgeBase) -> None:
    assert _met(kb, RELEASE, None) in ([], [{"Harriet Lowe": None, "Tran Quoc Binh": None}])


def test_the_one_she_meets_keeps_no_home_state(kb: KnowledgeBase) -> None:
    text = (
        "Deputy Assistant Secretary Carol Whitman met with Secretary for Foreign Affairs Jonah "
        "Mekere in Port Moresby on Tuesday."
    )
    found = detect_contacts(text, DAY, kb=kb, home_state="USA")
    states = {p.name: p.state for c in found for p in c.participants}
    assert states.get("Carol Whitman") == "USA" and states.get("Jonah Mekere") != "USA"
