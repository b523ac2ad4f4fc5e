"""Datelines of wire copy: "CAIRO (Reuters) -", "HANOI, July 12 (AFP) -", "GENEVA - ".

The dateline names where the story was filed: its city's state is where "here" is ("arrived here
on Monday") and the likely state of officials the story leaves unqualified; and it is no part of
the first sentence's grammar, so the parser reads the sentence without it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from contacts.mentions import Mention

if TYPE_CHECKING:
    from contacts.kb import KnowledgeBase


# A wire story's dateline: "THE HAGUE, June 18 -", "CAIRO (Reuters) -", "Beijing, Nov. 3 --".
# Also "CAIRO, Egypt (AP) —", "HANOI, July 12 (AFP) -", "KAZAN, October 22. /TASS/.",
# "LAHORE, Feb 20:" (Pakistani and Indian papers), "JAKARTA, Tuesday:" (Australian papers).
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z .'-]{1,40})(?:\s*,\s*[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)?(?=\s*[(,]))?"
    r"(?:\s*,?\s*(?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?=:))\.?)?"
    r"\s*(?P<agency>\([A-Z][\w .]*\)|/[A-Z][\w .]*/\.?)?\s*(?P<dash>--|-|–|—|:(?=\s))?"
)
# "GENEVA - The United Nations envoy ...", "DOHA (Reuters) — ": a city in capitals and a dash,
# which the pattern above reads as one long name running into the sentence.
_CAPITALS_DATELINE = re.compile(
    r"^\s*(?=[A-Z.'’]{4}|[A-Z]+\s[A-Z])([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:\s*,\s*[A-Z][A-Za-z.'’-]+)?"
    r"\s*(?:\([A-Z][\w .]*\))?\s*(?:--|-|–|—)\s"
)
_HERE = re.compile(r"\bhere\b")


def dateline_place(text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The polity of the city a dateline names (its capital or its own name), else None.

    The dateline opens the story, after the headline and byline lines a page may keep ("Colbran
    wins Jakarta promise / From LOUISE BRANNIGAN / JAKARTA, Tuesday: The Trade Minister")."""
    match = None
    for line in [line for line in text.splitlines() if line.strip()][: _HEAD_LINES + 1]:
        match = _dateline(line)
        if match is not None or not _headline(line):
            break
    if match is None:
        return None
    city = match.group(1).strip()
    polity = kb.polity(city) or kb.polity(city.title())
    if polity is None:
        return None
    return city.title(), str(polity.code)


_HEAD_LINES = 3  # a headline, a byline, a date line


def _headline(line: str) -> bool:
    # A headline or byline is one short line without a sentence's full stop.
    line = line.strip()
    return len(line) < 160 and not line.endswith((".", '."', ".”"))


def _dateline(text: str) -> re.Match[str] | None:
    match = _DATELINE.match(text)
    if match is None:
        return _CAPITALS_DATELINE.match(text)
    capitals = match.group(1).strip().isupper() and len(match.group(1).strip()) > 2
    if not (match.group("day") or match.group("agency") or (capitals and match.group("dash"))):
        # "MONTEVIDEO —" alone is a dateline, "Vienna -" may be a headline
        return _CAPITALS_DATELINE.match(text)
    if not (match.group("agency") or match.group("dash")):
        return None  # "Vienna, March 3" alone may open a sentence
    return match


def dateline_end(sentence: str) -> int:
    """Where the sentence's dateline ends (0 when it has none): "MOSCOW, Sept 14 (Reuters) -"
    dates the report, not what it tells."""
    match = _dateline(sentence)
    return 0 if match is None else match.end()


def blank_dateline(sentence: str) -> str:
    # The dateline is no part of the sentence's grammar: the model reads "HANOI, July 12 (AFP)
    # - Philippine Trade Secretary X arrived" with the city as subject. Blanked, offsets kept.
    match = _dateline(sentence)
    return sentence if match is None else " " * match.end() + sentence[match.end() :]


def with_here(sentence: str, mentions: list[Mention], here: tuple[str, str]) -> list[Mention]:
    # In wire copy "here" is the dateline's city: "arrived here on Wednesday", "talks here".
    extra = [
        Mention("polity", m.start(), m.end(), here[0], state=here[1], how="capital")
        for m in _HERE.finditer(sentence)
        if not any(x.start <= m.start() < x.end for x in mentions)
    ]
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions
