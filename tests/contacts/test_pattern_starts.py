"""The first letters a trigger row can begin with, read from its pattern (contacts/pattern_starts.py).

find_triggers() skips words no row can begin with; these tests hold that the sets are never
narrower than the patterns, so the skip changes no reading.
"""

from __future__ import annotations

import pytest

from contacts import triggers
from contacts.pattern_starts import may_start, start_prefixes
from contacts.triggers import ROWS, find_triggers


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"met|meet", {"met", "mee"}),
        (r"(?:tele)?phon(?:ed|e)", {"tel", "pho"}),
        (r"in\s+a\s+call", {"in"}),
        (r"(?<=, )meeting", {"mee"}),
        (r"[ab]x|c", {"ax", "bx", "c"}),
    ],
    ids=["alternatives", "optional-prefix", "stops-at-a-space", "look-behind", "class"],
)
def test_prefixes_are_read_from_the_pattern(pattern: str, prefixes: set[str]) -> None:
    assert start_prefixes(pattern) == prefixes


@pytest.mark.parametrize("pattern", [r"[a-z-]+\s+meeting", r"\w+ talks", r"(?:the\s+)?talks|"])
def test_a_pattern_that_may_start_with_any_word_has_no_prefixes(pattern: str) -> None:
    assert start_prefixes(pattern) is None


def test_may_start_compares_one_to_three_letters() -> None:
    prefixes = frozenset({"in", "met"})
    lower = "they met in oslo"
    assert may_start(prefixes, lower, lower.index("met"))
    assert may_start(prefixes, lower, lower.index("in"))
    assert not may_start(prefixes, lower, lower.index("they"))
    assert not may_start(prefixes, lower, lower.index("oslo"))


def _read(sentence: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.name) for t in find_triggers(sentence)]


def test_the_skip_changes_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [row.example for row in ROWS] + [
        "The two ministers, who met in Oslo's harbour talks with Norway, spoke by phone later.",
        "In his meeting with Ruiz, Okafor said the visit to Lagos had been called off.",
    ]
    skipped = [_read(s) for s in sentences]
    monkeypatch.setattr(triggers, "may_start", lambda prefixes, lower, at: True)
    assert [_read(s) for s in sentences] == skipped
    assert all(skipped[: len(ROWS)])  # and every row's example holds a trigger
