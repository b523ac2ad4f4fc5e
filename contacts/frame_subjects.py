"""Who does what a verb in the parse says: its subject, climbing to the governing clause where
it has none of its own ("X was received by Y and held talks with Z"), the person a description
or a relative clause is of, and the speaker a report's words belong to ("Lavrov said Japan must
..., following talks with Kono"). frames.py asks these for every trigger it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contacts.frame_words import ROLE_HEADS, SUBJECT_CLIMBS
from contacts.mentions import Mention
from contacts.phrases import PhraseIndex, known_lemma
from contacts.token_tags import is_proper, is_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def subjects_of(
    index: PhraseIndex, verb: Token, depth: int = 0, conjunct: bool = False
) -> list[Mention]:
    # `conjunct`: climbed from a conjunct verb, whose subject a passive verb's is too ("X was
    # received by Y and held talks with Z")
    subject_deps = ("nsubj", "csubj", "nsubjpass") if conjunct else ("nsubj", "csubj")
    for child in verb.children:
        if child.dep_ in subject_deps and child.tag_ not in ("WP", "WDT"):
            found = index.phrase(child) or _named_in(index, child)
            if found and not all(m.kind == "polity" for m in found):
                return found
            # "Spain would invest ..., Zapatero said, after meeting Annan": the speaker met
            speaker = _speaker(index, verb)
            if speaker:
                return speaker
            # a subject of its own that names no actor ("troops arrived"): not someone else's
            return found
    if depth > 4 or verb.head.i == verb.i:
        return []
    reported = _reported_clause(verb)
    if reported is not None:
        # "He spoke with A, the White House said, and had talked with B": the parse joins the
        # second verb to the source's; its subject is the reported clause's, not the source
        return subjects_of(index, reported, depth + 1, True)
    if verb.dep_ in SUBJECT_CLIMBS:
        return subjects_of(index, verb.head, depth + 1, verb.dep_ == "conj")
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        if noun.dep_ == "appos" and not is_proper(noun):
            # "Max Kampelman, the chief U.S. negotiator, who held talks": the person the
            # description is of, not the state word inside it
            people = [m for m in index.phrase(noun.head) if m.kind == "person"]
            if people:
                return people
        found = index.phrase(noun)
        if not found and conjunct and noun.head.dep_ == "prep" and is_verb(noun.head.head):
            # "arrived for a visit that had been unthinkable, and was embraced by Y": the parse
            # hangs the second verb on the relative clause of a noun that names no one
            return subjects_of(index, noun.head.head, depth + 1)
        return found
    return []


def _reported_clause(verb: Token) -> Token | None:
    source = verb.head
    if verb.dep_ != "conj" or known_lemma(source) != "say" or source.i > verb.i:
        return None
    if source.dep_ == "parataxis" and is_verb(source.head):
        return source.head  # "He spoke with A, [the White House said], and had talked with B"
    return next((c for c in source.children if c.dep_ == "ccomp" and c.i < source.i), None)


def _named_in(index: PhraseIndex, noun: Token) -> list[Mention]:
    # "the head of the OSCE mission to Albania, Franz Vranitzky, said": a role noun whose
    # person is named further inside its phrase.
    if noun.lower_ not in ROLE_HEADS:
        return []
    for token in noun.subtree:
        mention = index.by_token.get(token.i)
        if mention is not None and mention.kind == "person":
            return [mention]
    return []


def reporter(index: PhraseIndex, verb: Token) -> list[Mention]:
    # "Lavrov said Japan must recognize ... before the two countries can move forward,
    # following talks with Kono": the parse hangs the phrase on a reported verb; the speaker
    # held the talks
    for _ in range(4):
        if verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return []
        verb = verb.head
        if known_lemma(verb) == "say" or verb.lower_ in ("announced", "announces"):
            found = [m for c in verb.children if c.dep_ == "nsubj" for m in index.phrase(c)]
            return found if found and all(m.kind == "person" for m in found) else []
    return []


def _speaker(index: PhraseIndex, verb: Token) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and known_lemma(child) == "say":
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj":
                    found = index.phrase(grandchild)
                    if found and all(m.kind != "polity" for m in found):
                        return found
    return []
