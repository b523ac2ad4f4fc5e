"""The cheap first test of find_triggers (triggers.py): the word stems every trigger row's
match holds. Most sentences hold none of them, and the full alternation is slow.

A stem inside another word ("method" holds "met") only costs the full pattern's run; a row
whose match holds no stem would never be found, which tests/contacts/test_triggers.py checks
on every row's example.
"""

from __future__ import annotations

# Plain substrings of the lower-cased sentence (a C search each, several times faster than one
# regex alternation); a stem inside another word ("method") only costs the full pattern's run.
STEMS = (
    "call", "phon", "rang", "spok", "speak", "talk", "met", "meet", "negotiat", "mediat",
    "consultation", "discussion", "summit", "audience", "sat down", "receiv", "host", "welcom",
    "greet", "visit", "tour", "trip", "journey", "arriv", "travel", "flew", "landed", "left for",
    "departed", "set off", "return", "conversation", "video", "virtual", "bilateral",
    "conference", "reception", "dial", "dinner", "lunch", "banquet", "breakfast", "golf", "dine",
    "dining", "rode", "ride", "together", "shook", "shak", "supper", "courtesy", "spend", "spent",
    "see", "saw", "session", "gather", "signed", "initial", "alongside", "beside", "next to", "accompanied", "escorted", "embrac", "hug", " tea ", "coffee", "letter", "message",
    "confer", "consult", "exchang", "credential", "credence", "side by side", "closeted",
    "office of", "residence of", "palace of", "home of", "guest", "shuttl", "chair", "huddl", "chatt", "te-a-t", "te-à-t",
)  # fmt: skip


def has_stem(sentence: str) -> bool:
    """Whether `sentence` holds a stem some trigger row needs (else no row can match)."""
    lower = sentence.lower()
    return any(stem in lower for stem in STEMS)
