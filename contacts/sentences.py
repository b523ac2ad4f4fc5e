"""Split article text into sentences without tripping over "U.S.", "Mr." or "Joseph R. Biden, Jr."."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt sgt adm cmdr sen sens rep reps gov govs st jr sr prof rev
    hon amb messrs mme mmes rt supt brig
    pres no nos vs etc fig inc corp ltd co dept est approx jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft""".split()
)
# After a dotted acronym ("U.S.", "D.C.") only these words start a new sentence; otherwise the
# acronym is taken as a modifier ("U.S. Secretary of State").
_SENTENCE_OPENERS = frozenset(
    "the he she they it in on this that but we his her their a an at after while".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]?(\w+)")


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index of the paragraph (line block) in the text
    index: int  # index of the sentence in the whole text


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in reading order; every non-empty line is its own paragraph (headlines, bylines)."""
    sentences: list[Sentence] = []
    for number, line in enumerate(text.splitlines()):
        line = line.strip()
        if not line:
            continue
        for piece in _split_line(line):
            sentences.append(Sentence(piece, number, len(sentences)))
    return sentences


def _split_line(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.start()
        if not _ends_sentence(line, start, end, match.end()):
            continue
        pieces.append(line[start : match.end()].strip())
        start = match.end()
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _ends_sentence(line: str, start: int, period_at: int, next_at: int) -> bool:
    if line[period_at] != ".":
        return True  # "!" or "?"
    before = _WORD_BEFORE.search(line, start, period_at)
    if before is None:
        return True
    word = before.group(1)
    if word.isdigit():
        return True  # "closed since June 4. Foreign Minister X": no initial
    if "." in word or len(word) == 1:  # "U.S", "D.C", an initial "R"
        following = _NEXT_WORD.match(line, next_at)
        return (
            following is not None
            and following.group(1).lower() in _SENTENCE_OPENERS
            and len(word) > 1
        )
    return word.lower() not in _ABBREVIATIONS
