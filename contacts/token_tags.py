"""Parts of speech and dictionary forms of the parse's tokens, read from the tagger's tags.

The pipeline runs without spaCy's lemmatizer and attribute ruler (syntax.py): the frames need
only whether a token is a verb, a noun or a proper noun, and the lemma of the few words they
look up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


# Forms the suffix rule of lemma() cannot undo.
_IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "had": "have",
    "has": "have",
    "made": "make",
    "paid": "pay",
    "began": "begin",
    "begun": "begin",
    "spoke": "speak",
    "spoken": "speak",
    "said": "say",
    "says": "say",
    "told": "tell",
    "gave": "give",
    "given": "give",
    "took": "take",
    "flew": "fly",
    "flown": "fly",
    "went": "go",
    "gone": "go",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "sent": "send",
    "left": "leave",
    "led": "lead",
    "rang": "ring",
    "sat": "sit",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "am": "be",
}


def lemma(token: Token, known: frozenset[str]) -> str:
    """The dictionary form of `token` if it is one of `known`, else its lower-case text.

    Verbs are undone first ("meeting" the verb is "meet"); nouns keep their form when known
    ("meeting" the noun is "meeting", "talks" stays "talks")."""
    word = token.lower_
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    stems = [word[:-3], word[:-3] + "e", word[:-2], word[:-2] + "e", word[:-1]]
    if word.endswith("ies"):
        stems.insert(0, word[:-3] + "y")
    if len(word) > 4 and word[-4] == word[-5] and word.endswith(("ing", "ed")):
        stems.insert(0, word[:-4] if word.endswith("ing") else word[:-3])  # "chairred"
    verb = is_verb(token)
    for candidate in (stems + [word]) if verb else ([word] + stems):
        if candidate in known:
            return candidate
    return word


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def is_noun(token: Token) -> bool:
    return token.tag_.startswith("NN")


def is_proper(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS")
