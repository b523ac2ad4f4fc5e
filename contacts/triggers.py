"""Contact triggers: find the words of the trigger table (contacts/trigger_table.py) in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from contacts.pattern_starts import may_start, start_prefixes
from contacts.trigger_stems import has_stem
from contacts.trigger_table import FILL, ROWS, TriggerKind, TriggerRow

__all__ = ["FILL", "KINDS", "ROWS", "Trigger", "TriggerKind", "TriggerRow", "find_triggers"]

KINDS: dict[str, TriggerKind] = {row.name: row.kind for row in ROWS}
_PATTERNS: dict[str, str] = {row.name: row.pattern for row in ROWS}

TRIGGERS = re.compile(
    "|".join(rf"\b(?P<{name}>{pattern})\b" for name, pattern in _PATTERNS.items()),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trigger:
    kind: TriggerKind
    name: str
    start: int
    end: int
    text: str


_WORD_START = re.compile(r"\b[A-Za-z]")


# What one meets that is no one: a quota, a deadline, a demand.
MEET_WORDS = frozenset({"met", "meet", "meets", "meeting"})
MEETS_A_TARGET = re.compile(
    r"\s+(?:all\s+)?(?:its|their|his|her|the|a|an|this|that|our|these|those|some|most)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:quotas?|targets?|deadlines?|demands?|requirements?|obligations?"
    r"|needs|expectations?|criteria|goals?|standards?|commitments?|costs?|payments?|conditions"
    r"|terms|forecasts?|estimates?|challenges?|thresholds?|ceilings?|limits?|levels?|objectives?"
    r"|schedules?|timetables?|budgets?|bills?|debts?|payrolls?)\b",
    re.I,
)


def _row_starts() -> tuple[frozenset[str], re.Pattern[str] | None]:
    # The first letters of the rows that have them, and one look-ahead for the rows that may
    # start with any word ("[a-z-]+ meeting with" after a possessive).
    prefixes: set[str] = set()
    anywhere = []
    for row in ROWS:
        starts = start_prefixes(row.pattern)
        if starts is None:
            anywhere.append(rf"\b(?=(?:{row.pattern})\b)")
        else:
            prefixes |= starts
    either = re.compile("|".join(anywhere), re.IGNORECASE) if anywhere else None
    return frozenset(prefixes), either


_ROW_PREFIXES, _ANY_WORD_ROWS = _row_starts()


def find_triggers(sentence: str) -> list[Trigger]:
    if not has_stem(sentence):
        return []
    found = []
    end = 0
    lower = sentence.lower()
    anywhere = {m.start() for m in _ANY_WORD_ROWS.finditer(sentence)} if _ANY_WORD_ROWS else set()
    # Every phrasing starts a word: try the pattern at word starts only (what finditer finds,
    # at a fraction of the attempts; lookbehinds still see the text before), and only at words
    # whose first letters some row can begin with.
    for start in _WORD_START.finditer(sentence):
        at = start.start()
        if at < end or not (may_start(_ROW_PREFIXES, lower, at) or at in anywhere):
            continue
        match = TRIGGERS.match(sentence, at)
        if match is None:
            continue
        name = match.lastgroup or ""
        if match.group().lower().split()[-1] in MEET_WORDS and MEETS_A_TARGET.match(
            sentence, match.end()
        ):
            continue  # "Kuwait is meeting its OPEC quota", "met the deadline": no one is met
        found.append(Trigger(KINDS[name], name, match.start(), match.end(), match.group()))
        end = match.end()
    if any(t.name != "by_phone" for t in found):
        # "spoke by phone with", "held talks by phone": the verb carries the contact; a phone
        # adverb alone ("discussed X with Y by phone") only when no other trigger is there.
        found = [t for t in found if t.name != "by_phone"]
    if any(t.kind.type == "call" for t in found):
        # "exchanged views ... during a telephone conversation": the views were the call's
        found = [t for t in found if t.name != "conferred"]
    return found
