"""Who "he" or "she" stands for among the people named earlier in the same sentence.

"Quispe said he would meet X": the speaker. "After meeting Olmert in his office, she flew on":
not Olmert, the object of a fronted clause, but the story's subject (resolve.py, which asks
these two functions first and falls back on the story).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from contacts.mention_model import Mention

# "After meeting Olmert in his office, she flew on": a clause that opens on a verb's -ing form
# and ends at the comma before "she" holds the verb's object, never the subject she stands for
_GERUND_OPENS = re.compile(
    r"(?:^|[,;]|\b(?:after|before|upon|on|while|since|following|when|having|by))\s*"
    r"(?:[A-Za-z]+ing|been|met|held)\b[^,;]*$",
    re.IGNORECASE,
)
# "Quispe said he", "Quispe told reporters that she": the speaker is who the pronoun is
_SAID_THAT = re.compile(
    r"\s+(?:also\s+)?(?:said|says|told\s+(?:reporters|journalists|\w+)|added|insisted|stressed)"
    r"(?:\s+on\s+\w+day)?\s+(?:that\s+)?"
)
_CLAUSE_ENDS = re.compile(r"[^,;]*,\s*$")


def _in_fronted_clause(sentence: str, person: Mention, pronoun: Mention) -> bool:
    return bool(
        _GERUND_OPENS.search(sentence, 0, person.start)
        and _CLAUSE_ENDS.fullmatch(sentence, person.end, pronoun.start)
    )


def speaker_of(sentence: str, persons: list[Mention], pronoun: Mention) -> Mention | None:
    """The person named right before "said (that)" the pronoun: "Quispe said he"."""
    return next(
        (
            m
            for m in reversed(persons)
            if m.end <= pronoun.start and _SAID_THAT.fullmatch(sentence, m.end, pronoun.start)
        ),
        None,
    )


def persons_before(sentence: str, persons: list[Mention], pronoun: Mention) -> list[Mention]:
    """The people named before the pronoun who may be its antecedent, first named first."""
    return [
        m
        for m in persons
        if m.end <= pronoun.start and not _in_fronted_clause(sentence, m, pronoun)
    ]


# "After his meeting with Aravena, Quispe said": a pronoun in the phrase that opens the sentence
# is the subject named right after its comma
_OPENING_PHRASE = re.compile(
    r"\s*(?:After|Following|During|Before|At|In|On|Since|Upon)\s+(?:\w+\s+){0,3}", re.IGNORECASE
)
_AFTER_COMMA = re.compile(r"[^,;.]*,\s*")


def cataphor(sentence: str, persons: list[Mention], pronoun: Mention) -> Mention | None:
    """The subject after the opening phrase that holds the pronoun, if any."""
    if not _OPENING_PHRASE.fullmatch(sentence, 0, pronoun.start):
        return None
    comma = _AFTER_COMMA.match(sentence, pronoun.end)
    if comma is None:
        return None
    return next((m for m in persons if m.start == comma.end()), None)


def _female_given_names() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "given_names.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["female"])


FEMALE_GIVEN_NAMES = _female_given_names()
# "Mrs. Albright", "Ms Cooper", "Mme Cresson", "Queen Rania": the text says she is a woman
_WOMAN_BEFORE = re.compile(
    r"\b(?:Mrs|Ms|Mme|Madam|Madame|Queen|Princess|Lady|Dame|Baroness|Begum)\.?\s+"
    r"(?:[A-Z][\w'’-]*\s+){0,3}?([A-Z][\w'’-]+)\b(?!\s+[A-Z])"
)


def named_women(text: str) -> frozenset[str]:
    """Family names the text gives a woman's courtesy or title ("Mrs. Albright" -> albright)."""
    return frozenset(match.group(1).lower() for match in _WOMAN_BEFORE.finditer(text))


def is_woman(names: tuple[str | None, ...], women: frozenset[str]) -> bool:
    """Whether one of a person's names (as told, as the KB has it) is a woman's."""
    for name in names:
        words = (name or "").lower().split()
        if words and (words[0] in FEMALE_GIVEN_NAMES or words[-1] in women):
            return True
    return False
