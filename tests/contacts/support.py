"""What the detector's tests share: the detector run on a reference day, and ways to read its
contacts. Each test file names its own day (the weekday its texts' "on Monday" resolves from)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contacts import Contact, KnowledgeBase, detect_contacts

Detect = Callable[..., list[Contact]]


def detector(day: date | None) -> Detect:
    """`detect(kb, text, published=day)`: every contact of `text`."""

    def detect(kb: KnowledgeBase, text: str, published: date | None = day) -> list[Contact]:
        return detect_contacts(text, published, kb=kb)

    return detect


def occurred_detector(day: date | None) -> Detect:
    """`occurred(kb, text, published=day)`: the contacts of `text` that happened."""

    def occurred(kb: KnowledgeBase, text: str, published: date | None = day) -> list[Contact]:
        return [c for c in detect_contacts(text, published, kb=kb) if c.status == "occurred"]

    return occurred


def news_detector(day: date | None) -> Detect:
    """`news(kb, text, published=day)`: the contacts of `text` that happened and are news (not
    background), the ones an evaluation counts."""

    def news(kb: KnowledgeBase, text: str, published: date | None = day) -> list[Contact]:
        return [
            c
            for c in detect_contacts(text, published, kb=kb)
            if c.status == "occurred" and not c.background
        ]

    return news


def single(detect: Detect) -> Callable[[KnowledgeBase, str], Contact]:
    """`one(kb, text)`: the only contact of `text` (the test fails showing all when not one)."""

    def one(kb: KnowledgeBase, text: str) -> Contact:
        found = detect(kb, text)
        assert len(found) == 1, pairs(found)
        return found[0]

    return one


def names(contact: Contact) -> set[str]:
    """Participants' canonical names where the KB knows them, else the text's."""
    return {p.canonical_name or p.name for p in contact.participants}


def pairs(found: list[Contact]) -> list[tuple[str, str, frozenset[str]]]:
    """Type, status and participants (canonical names where the KB knows them) of each."""
    return [
        (c.type, c.status, frozenset(p.canonical_name or p.name for p in c.participants))
        for c in found
    ]


def name_lists(found: list[Contact]) -> list[set[str]]:
    """The participants' names of each contact, in the order found."""
    return [{p.name for p in c.participants} for c in found]


def sorted_names(found: list[Contact]) -> list[list[str]]:
    """The participants' names of each contact, sorted, the contacts sorted too: the same lists
    whatever order the detector found them in."""
    return sorted(sorted(p.name for p in c.participants) for c in found)


def name_sets(found: list[Contact]) -> set[frozenset[str]]:
    return {frozenset(p.name for p in c.participants) for c in found}


def has(found: list[Contact], *wanted: str) -> bool:
    """Whether one contact holds every one of the `wanted` names."""
    return any(set(wanted) <= names(c) for c in found)


def people(contact: Contact) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.state, p.office) for p in contact.participants}


def sorted_parties(found: list[Contact]) -> list[list[tuple[str, str | None]]]:
    """Each contact's participants as (name, state), sorted, the contacts sorted too."""
    return sorted(sorted((p.name, p.state) for p in c.participants) for c in found)
