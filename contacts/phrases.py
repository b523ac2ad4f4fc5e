"""Which mentions a noun phrase of the parse stands for.

The rules (mentions.py) find mentions as character spans; the parse (syntax.py) gives tokens and
their dependencies. A PhraseIndex ties every token to the mention it belongs to and reads a
phrase headed by a token as the mentions it names: its own, its conjuncts' ("A, B and C"), a
list hung on an apposition or on "including", the people a group is led by, the noun a
relative pronoun stands for.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from contacts.frame_words import (
    GROUP_NOUNS,
    KNOWN_LEMMAS,
    LEADING_VERBS,
    NP_DEPS,
    OBJECT_PREPOSITIONS,
    PRONOUNS,
    TITLE_WORDS,
)
from contacts.mention_parts import BODY_WORDS
from contacts.mentions import Mention
from contacts.titles import NON_STATE_TITLES, THING_WORDS
from contacts.token_tags import is_proper, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _listed_after_place(person: Token) -> list[Token]:
    found: list[Token] = []
    for prep in person.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for place in prep.children:
                if place.dep_ == "pobj" and is_proper(place):
                    found += [c for c in place.conjuncts if c.ent_type_ == "PERSON"]
                    found += [c for c in place.children if c.dep_ == "appos"]
    return [t for t in found if t.ent_type_ == "PERSON"]


def known_lemma(token: Token) -> str:
    """The dictionary form of `token` among the words the frames compare (frame_words)."""
    return lemma(token, KNOWN_LEMMAS)


def _antecedent(token: Token) -> Token:
    # "Zeng Qinghong, with whom he held talks": the relative pronoun is the noun it hangs on
    if token.lower_ not in ("whom", "who"):
        return token
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl":
            return ancestor.head
    return token


@dataclass
class PhraseIndex:
    """Which rule or spaCy mention each token of the sentence belongs to."""

    doc: Doc
    by_token: dict[int, Mention]
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention]) -> PhraseIndex:
        starts = [token.idx for token in doc]
        by_token: dict[int, Mention] = {}
        for mention in mentions:
            i = bisect_left(starts, mention.start)
            while i < len(starts) and starts[i] < mention.end:
                by_token.setdefault(i, mention)
                i += 1
        return cls(doc, by_token, mentions)

    def phrase(self, token: Token) -> list[Mention]:
        """The mentions a noun phrase headed by `token` stands for, its conjuncts included:
        "his Swiss counterpart Stich, Delamuraz and Languetin" (the list hangs on the
        apposition), "five African presidents, including A, B and C"."""
        found: list[Mention] = []
        heads = [token]
        seen: set[int] = set()
        while heads:
            head = _antecedent(heads.pop(0))
            if head.i in seen:
                continue
            seen.add(head.i)
            leaders = self._leaders(head)
            if leaders:
                found.extend(m for m in leaders if m not in found)
                continue
            mention, carrier = self._core(head)
            if mention is not None and mention not in found:
                found.append(mention)
                # "the trade ministers of the United States, the EC and Canada": one role per
                # state, each spanning the whole phrase
                found.extend(
                    m
                    for m in self.mentions
                    if m.kind == "role"
                    and (m.start, m.end) == (mention.start, mention.end)
                    and m not in found
                )
            # a list may hang on any word of the mention: "his Swiss counterpart Otto
            # Lindqvist, Anna Keller and Peter Haldimann" coordinates on "Lindqvist"
            words = [head] if mention is None else self._words(mention)
            for other in (*words, carrier):
                if other is not None:
                    heads.extend(c for c in other.conjuncts if c.i not in seen)
            if mention is not None and mention.kind == "person":
                # "A of Ghana, B of Gabon and C of Kenya": the parse hangs the list on places
                heads.extend(_listed_after_place(head))
                # "with Vice President A, Secretary of State B and ...": a person's apposition
                # that is another named person is the next item of a list
                heads.extend(
                    c
                    for word in words
                    for c in word.children
                    if c.dep_ == "appos" and self._person_other_than(c, mention)
                )
            if mention is None:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("including", "like"):
                        heads.extend(c for c in child.children if c.dep_ == "pobj")
        return found

    def thing_object(self, verb: Token) -> bool:
        """The verb's direct object is a thing, no party: "welcomed the move"."""
        return any(
            child.dep_ == "dobj"
            and child.ent_type_ not in ("DATE", "TIME")  # "met today", parsed as an object
            and child.lower_ not in ("today", "yesterday", "tonight", "here", "there")
            and not any(t.i in self.by_token for t in child.subtree)
            for child in verb.children
        )

    def _core(self, token: Token) -> tuple[Mention | None, Token | None]:
        """The mention a noun phrase stands for, and the token that carries it."""
        if token.i in self.by_token:
            return self.by_token[token.i], token
        for child in token.children:
            if child.dep_ in NP_DEPS and child.dep_ != "poss":
                if child.i in self.by_token:
                    return self.by_token[child.i], child
                for grandchild in child.children:
                    if grandchild.dep_ in ("compound", "flat") and grandchild.i in self.by_token:
                        return self.by_token[grandchild.i], child
        return self._unlisted(token), token

    def _leaders(self, token: Token) -> list[Mention]:
        """The people a group is named by: "a Chinese delegation led by Vice Minister Zhao"
        is Zhao (of the delegation's state when the title gives none)."""
        if known_lemma(token) not in GROUP_NOUNS and token.lower_ not in GROUP_NOUNS:
            return []
        group = self.by_token.get(token.i)
        for child in _group_modifiers(token):
            if child.dep_ in ("acl", "relcl") and known_lemma(child) in LEADING_VERBS:
                for agent in child.children:
                    if agent.dep_ != "agent":
                        continue
                    pobjs = [pobj for pobj in agent.children if pobj.dep_ == "pobj"]
                    people = [m for pobj in pobjs for m in self.phrase(pobj) if m.kind == "person"]
                    if not people:
                        # "led by the head of its political bureau, X": the name the title's
                        # phrase holds, wherever the parse hung the apposition
                        people = list(
                            {
                                id(m): m
                                for pobj in pobjs
                                for t in pobj.subtree
                                if (m := self.by_token.get(t.i)) is not None and m.kind == "person"
                            }.values()
                        )[:1]
                    if group is not None and group.state:
                        people = [m if m.state else replace(m, state=group.state) for m in people]
                    return people
        return []

    def _person_other_than(self, token: Token, mention: Mention) -> bool:
        other = self.by_token.get(token.i)
        return other is not None and other is not mention and other.kind == "person"

    def _words(self, mention: Mention) -> list[Token]:
        return [self.doc[i] for i, other in self.by_token.items() if other is mention]

    def _unlisted(self, token: Token) -> Mention | None:
        lower = token.lower_
        if token.tag_ in ("PRP", "PRP$") and lower in PRONOUNS:
            mention = Mention(
                "ref", token.idx, token.idx + len(token), token.text, how=PRONOUNS[lower]
            )
            self.by_token[token.i] = mention
            return mention
        if (
            token.tag_ == "NNP"
            and token.ent_type_ in ("PERSON", "PRODUCT", "WORK_OF_ART", "")
            and token.dep_ in ("nsubj", "nsubjpass")
            and token.lower_ not in TITLE_WORDS
        ):
            # A bare surname in a party's place ("Pinheiro met ..."), which NER missed: the
            # discourse resolves it against the fuller mention told before.
            if token.lower_ in BODY_WORDS:
                return None  # "The Government of Sudan and the SPLM signed": no one by name
            if not token.doc.has_annotation("ENT_IOB") and (
                token.text.isupper() or token.lower_ in THING_WORDS
            ):
                # parsed without the recogniser: "Hainan Province", "the CS" name no one
                return None
            given = [c for c in token.children if c.dep_ == "compound"]
            if any(t.lower_ in NON_STATE_TITLES for c in given for t in c.subtree):
                # "California Governor Newsom", "Nvidia Chief Executive Jensen Huang": no one
                # a state sends
                return None
            given = [c for c in given if c.ent_type_ == "PERSON"]
            first = min([token.i] + [c.i for c in given])
            start = token.doc[first].idx
            name = token.doc.text[start : token.idx + len(token)]
            mention = Mention("person", start, token.idx + len(token), name)
            self.by_token[token.i] = mention
            return mention
        return None


def _group_modifiers(group: Token) -> list[Token]:
    """The group noun's children, and those of the members it is "of": the parse hangs "led by"
    on the last noun ("a delegation of Houthi rebels and their allies, led by X")."""
    found = list(group.children)
    for prep in group.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for member in prep.children:
                if member.dep_ == "pobj":
                    found += [c for m in (member, *member.conjuncts) for c in m.children]
    return found


def prepositional(
    index: PhraseIndex,
    token: Token,
    prepositions: frozenset[str] | tuple[str, ...] = OBJECT_PREPOSITIONS,
) -> list[Mention]:
    """The mentions in `token`'s prepositional phrases ("talks with X", "a visit by Y")."""
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            # "with A and with B": the second preposition is the first one's conjunct
            for prep in (child, *[c for c in child.conjuncts if c.lower_ == child.lower_]):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found += index.phrase(pobj)
    return found


def unique(mentions: list[Mention]) -> list[Mention]:
    """`mentions` once each, in order."""
    out: list[Mention] = []
    for mention in mentions:
        if mention not in out:
            out.append(mention)
    return out
