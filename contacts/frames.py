"""Participants of a trigger read from the dependency parse, where token distance fails.

clauses.py attaches parties by position: the mention just before the verb, the list just after
"with". News puts words between them ("met at the Elysee Palace with", "Speaking to reporters
after talks with President Suharto, Conable said"), names the parties away from a noun trigger
("During a meeting with Museveni, Hu said") or through a possessive ("Thatcher's visit to the
Soviet Union"). Here the parse says who is the subject and who the object of each trigger:

    verb trigger   subject: nsubj, else the governing clause's (xcomp, conj, advcl), else the noun
                   a relative clause hangs on; objects: dobj, pobj of with/to/between, agent
    noun trigger   objects: pobj of with/between/among/to/by; subject: a possessor, a name
                   compounded in ("the Ban-Aso meeting"), the subject of the verb that holds it
                   ("held talks"), or of the clause its phrase modifies ("after talks with X, Y said")

The result is a clauses.Clause, so status, date, place and codes are decided as for every clause.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from contacts.clauses import JOINT, Clause
from contacts.frame_words import (
    ATTENDING_VERBS,
    FUTURE,
    FUTURE_TIMES,
    GROUP_NOUNS,
    KNOWN_LEMMAS,
    LEADING_VERBS,
    LIGHT_VERBS,
    MODALS,
    NOT_YET_VERBS,
    NP_DEPS,
    OBJECT_PREPOSITIONS,
    PARSE_TRIGGERS,
    PLANNED_ADJECTIVES,
    PLANNING_NOUNS,
    PRONOUNS,
    REFUSAL_VERBS,
    REPORTING_WORDS,
    ROLE_HEADS,
    SETTING_PREPOSITIONS,
    TAKING_VERBS,
    TITLE_WORDS,
    TOPIC_VERBS,
    TRIGGER_HEADS,
    WEAK_TRIGGERS,
)
from contacts.mentions import Mention
from contacts.syntax import is_noun, is_proper, is_verb, lemma
from contacts.titles import NON_STATE_TITLES
from contacts.triggers import KINDS, Trigger

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


def _lemma(token: Token) -> str:
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
class _Index:
    """Which rule or spaCy mention each token of the sentence belongs to."""

    doc: Doc
    by_token: dict[int, Mention]

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention]) -> _Index:
        starts = [token.idx for token in doc]
        by_token: dict[int, Mention] = {}
        for mention in mentions:
            i = bisect_left(starts, mention.start)
            while i < len(starts) and starts[i] < mention.end:
                by_token.setdefault(i, mention)
                i += 1
        return cls(doc, by_token)

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
        if _lemma(token) not in GROUP_NOUNS and token.lower_ not in GROUP_NOUNS:
            return []
        group = self.by_token.get(token.i)
        for child in token.children:
            if child.dep_ == "acl" and _lemma(child) in LEADING_VERBS:
                for agent in child.children:
                    if agent.dep_ != "agent":
                        continue
                    people = [
                        m
                        for pobj in agent.children
                        if pobj.dep_ == "pobj"
                        for m in self.phrase(pobj)
                        if m.kind == "person"
                    ]
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
            given = [c for c in token.children if c.dep_ == "compound"]
            if any(c.lower_ in NON_STATE_TITLES for c in given):
                return None  # "California Governor Newsom": no one a state sends
            given = [c for c in given if c.ent_type_ == "PERSON"]
            first = min([token.i] + [c.i for c in given])
            start = token.doc[first].idx
            name = token.doc.text[start : token.idx + len(token)]
            mention = Mention("person", start, token.idx + len(token), name)
            self.by_token[token.i] = mention
            return mention
        return None


def parse_triggers(doc: Doc, found: list[Trigger]) -> list[Trigger]:
    """Triggers of PARSE_TRIGGERS in words no phrase pattern took, in sentence order."""
    taken = [(t.start, t.end) for t in found]
    extra: list[Trigger] = []
    weak: list[Trigger] = []
    for token in doc:
        pos = "VERB" if is_verb(token) else "NOUN" if is_noun(token) else ""
        name = PARSE_TRIGGERS.get((_lemma(token), pos))
        if name is None:
            continue
        start, end = token.idx, token.idx + len(token)
        if any(a <= start < b for a, b in taken):
            continue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in ("in", "under")
            and not any(c.dep_ in ("det", "poss") for c in token.children)
        ):
            continue  # "in consultation with", "under negotiation": an idiom, no event
        trigger = Trigger(KINDS[name], name, start, end, token.text)
        (weak if _lemma(token) in WEAK_TRIGGERS else extra).append(trigger)
    # A weak trigger gives way to a call told before or anywhere in the sentence ("During a
    # phone call, A and B discussed"), not to a contact it is about ("A and B discussed a third
    # round of talks").
    stronger = [*found, *extra]
    extra += [
        w for w in weak if not any(t.start < w.start or t.kind.type == "call" for t in stronger)
    ]
    return sorted([*found, *extra], key=lambda t: t.start)


def parse_status(doc: Doc, trigger: Trigger) -> str | None:
    """The trigger's status read from the parse: occurred | planned | cancelled | hypothetical;
    "naming" for "called Bush a liar"; None when the parse has no head for it."""
    head = _trigger_head(doc, trigger)
    if head is None:
        return None
    if _lemma(head) == "call" and is_verb(head) and _names_something(head):
        return "hypothetical"  # "called Bush a liar", "called the talks useful": naming
    return _noun_status(head) if is_noun(head) else _verb_status(head)


def _names_something(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("prep", "punct", "advmod", "nsubj", "aux", "npadvmod", "cc", "conj"):
            continue
        if child.tag_ in ("NN", "NNS", "JJ") and (
            child.dep_ == "oprd" or any(g.lower_ in ("a", "an") for g in child.children)
        ):
            return True
        if any(g.dep_ == "nsubj" for g in child.children):
            return True  # "called [Zelensky a dictator]": a small clause
        if any(g.dep_ == "appos" and g.tag_ in ("NN", "NNS") for g in child.children):
            return True  # the same, parsed as "Zelensky, a dictator"
    return False


def dependency_clause(doc: Doc, mentions: list[Mention], trigger: Trigger) -> Clause | None:
    """The trigger's clause read from the parse, or None when the parse names no party."""
    head = _trigger_head(doc, trigger)
    if head is None:
        return None
    index = _Index.build(doc, mentions)
    if head.lower_ == "visiting":
        guest = _guest(index, head)
        if guest is not None:
            return _guest_clause(index, trigger, head, guest)
    if is_verb(head):
        subjects, objects = _verb_parties(index, head)
    else:
        subjects, objects = _noun_parties(index, head)
    if not is_verb(head) and all(m.kind == "ref" for m in subjects + objects):
        if any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in head.children):
            return None  # "after the meeting, both sides said": the contact told before
    # A capital is a visit's destination, never a party that talks ("BERLIN (dpa) - Merz met").
    visit = trigger.kind.grammar == "visit"
    subjects = [m for m in subjects if m.kind != "polity" or m.how == "name"]
    objects = [m for m in objects if m not in subjects and (visit or m.how != "capital")]
    if not subjects and len(objects) < 2:
        return None
    if not objects and len(subjects) < 2:
        return None
    spans = [trigger.start, trigger.end] + [m.start for m in subjects + objects]
    spans += [m.end for m in subjects + objects]
    return Clause(
        kind=trigger.kind,
        trigger=trigger,
        subjects=subjects if objects else [],
        objects=objects if objects else subjects,
        symmetric_objects=not objects or not subjects,
        joint=bool(JOINT.search(doc.text)),
        initiator="subject" if trigger.kind.type == "call" and subjects and objects else "",
        separate=any(t.lower_ in ("separate", "separately") for t in head.head.subtree)
        and len(objects) > 1,
        start=min(spans),
        end=max(spans),
        status=parse_status(doc, trigger),
    )


def _guest(index: _Index, visiting: Token) -> Token | None:
    """The token heading the person that "visiting" describes ("told visiting Japanese Foreign
    Minister Nakayama"), or None when it is a verb of its own ("visiting Japan")."""
    following = index.doc[visiting.i + 1 : visiting.i + 3]
    mention = next((index.by_token[t.i] for t in following if t.i in index.by_token), None)
    if mention is None or mention.kind not in ("person", "role"):
        return None
    words = index._words(mention)
    if not words or words[0].i > visiting.i + 2:
        return None
    inside = {t.i for t in words}
    return next((t for t in words if t.head.i not in inside), words[-1])


def _guest_clause(index: _Index, trigger: Trigger, visiting: Token, guest: Token) -> Clause | None:
    # The guest's place in the sentence says who received them. The tagger often reads the
    # adjective "visiting" as a verb whose object is the guest: the guest then stands where
    # "visiting" stands ("Li Peng told [visiting X]", "Abe and [visiting Ban] agreed").
    place = visiting if guest.head.i == visiting.i else guest
    verb = place.head
    hosts: list[Mention] = []
    before = index.doc[visiting.i - 2] if visiting.i >= 2 else None
    if place.dep_ == "conj":
        hosts = index.phrase(place.head)  # "Abe and visiting Ban agreed"
    elif any(c.dep_ == "conj" for c in guest.children):
        hosts = index.phrase(guest)  # "Visiting Minister Kamau and his Ugandan counterpart"
    elif before is not None and index.doc[visiting.i - 1].lower_ == "and":
        hosts = [index.by_token[before.i]] if before.i in index.by_token else []
        verb = guest.head
    elif place.dep_ in ("dobj", "dative", "attr", "xcomp", "ccomp") or (
        place.dep_ == "amod" and guest.dep_ in ("dobj", "dative")
    ):
        hosts = _subjects_of(index, verb if place.i == visiting.i else guest.head)
    elif place.dep_ in ("pobj", "pcomp") or guest.dep_ == "pobj":
        # "discussed trade with visiting X": the verb the preposition's phrase hangs on
        governor = (guest if guest.dep_ == "pobj" else place).head.head
        if is_noun(governor) and governor.dep_ in ("dobj", "pobj"):
            governor = governor.head
        if is_verb(governor):
            hosts = _subjects_of(index, governor)
            verb = governor
    guest_mention = index.by_token[guest.i]
    hosts = [m for m in hosts if m is not guest_mention and m.kind in ("person", "role", "ref")]
    if not hosts:
        return None
    status = _verb_status(verb) if is_verb(verb) else "occurred"
    kind = KINDS["hosted"]
    spans = [m.start for m in (*hosts, guest_mention)] + [m.end for m in (*hosts, guest_mention)]
    return Clause(
        kind=kind,
        trigger=Trigger(kind, "hosted", trigger.start, trigger.end, trigger.text),
        subjects=hosts,
        objects=[guest_mention],
        start=min(spans + [trigger.start]),
        end=max(spans + [trigger.end]),
        status=status,
    )


def _verb_status(verb: Token, depth: int = 0) -> str:
    """occurred | planned | cancelled | hypothetical, from the verb's tense, auxiliaries and
    the verb that governs an infinitive."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return "cancelled"
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & MODALS:
        return "hypothetical"
    if auxes & FUTURE:
        return "planned"
    if "to" in auxes or verb.dep_ == "xcomp":
        governor = verb.head
        if governor.i == verb.i or depth > 3:
            return "planned"
        if _lemma(governor) in REFUSAL_VERBS:
            return "cancelled"
        if _lemma(governor) in NOT_YET_VERBS:
            return "planned"
        governed = _verb_status(governor, depth + 1) if is_verb(governor) else ""
        return "planned" if governed != "cancelled" else "cancelled"
    if verb.tag_ in ("VBD", "VBN"):
        return "occurred"
    if verb.tag_ == "VBG":
        if auxes & {"is", "are", "am", "'s", "'re"}:
            return "planned"  # "Abe is meeting Reagan on Friday"
        if auxes & {"was", "were"}:
            return "occurred"
        governor = verb.head
        if governor.i != verb.i and depth <= 3 and is_verb(governor):
            return _verb_status(governor, depth + 1)
        return "occurred"
    if verb.tag_ in ("VBZ", "VBP", "VB"):
        # News reports the past in the past tense; its present tense is a timetable ("visits
        # Washington this week") or a habit, except in a headline ("Putin Speaks to Netanyahu").
        text = verb.doc.text.rstrip()
        return "planned" if text.endswith((".", "!", "?", '"', "”")) else "occurred"
    return "occurred"


def _noun_status(noun: Token) -> str:
    children = list(noun.children)
    if any(c.lower_ in PLANNED_ADJECTIVES for c in children if c.dep_ in ("amod", "compound")):
        return "planned"
    if any(t.lower_ in FUTURE_TIMES for t in noun.subtree):
        return "planned"  # "a summit in Ottawa next month between ..."
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "cancelled"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("on", "of", "about"):
        if _lemma(head.head) in REPORTING_WORDS:
            return "background"  # "briefed him on his recent trip", "his assessment of the talks"
    if noun.dep_ == "pobj" and _lemma(head.head) in PLANNING_NOUNS:
        return "planned"  # "preparations for his U.S. trip", "an invitation to talks"
    if noun.dep_ == "pobj" and (
        head.lower_ in ("before", "ahead") or (head.lower_ == "of" and head.head.lower_ == "ahead")
    ):
        return "planned"  # "three days before the summit", "ahead of his visit"
    if head.i == noun.i:
        return "occurred"
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "conj"):
        if is_verb(head):
            return _verb_status(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and is_verb(head.head):
        return _verb_status(head.head)
    return "occurred"


def _trigger_head(doc: Doc, trigger: Trigger) -> Token | None:
    inside = [t for t in doc if trigger.start <= t.idx < trigger.end]
    heads = [t for t in inside if _lemma(t) in TRIGGER_HEADS or t.lower_ in TRIGGER_HEADS]
    # "In a phone call": "call", whose phrase it is, not its modifier "phone"
    indices = {t.i for t in heads}
    outer = [t for t in heads if not any(a.i in indices for a in t.ancestors)]
    if outer:
        return outer[0]
    if heads:
        return heads[0]
    return inside[-1] if inside else None


def _verb_parties(index: _Index, verb: Token) -> tuple[list[Mention], list[Mention]]:
    subjects = _subjects_of(index, verb)
    objects: list[Mention] = []
    topic = _lemma(verb) in TOPIC_VERBS
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd") and topic:
            # "discussed [the debt with X]", never "[the ties between A and B]"
            objects += _prepositional(index, child, ("with",))
        elif child.dep_ in ("dobj", "attr", "oprd"):
            objects += index.phrase(child)
            # "held talks with X": the light verb's noun carries the preposition
            objects += _prepositional(index, child)
        elif child.dep_ == "nsubjpass":
            objects += index.phrase(child)  # "Abe was received by Reagan": Abe is the guest
        elif child.dep_ == "agent":
            subjects += [m for c in child.children if c.dep_ == "pobj" for m in index.phrase(c)]
    objects += _prepositional(index, verb)
    if _lemma(verb) == "arrive":
        # "arrived in Cairo", "arrived here" (the dateline's city): the place is the host
        objects += [m for m in _prepositional(index, verb, ("in",)) if m.kind == "polity"]
        objects += [
            index.by_token[c.i]
            for c in verb.children
            if c.dep_ == "advmod" and c.i in index.by_token
        ]
    return _unique(subjects), _unique(objects)


def _noun_parties(index: _Index, noun: Token) -> tuple[list[Mention], list[Mention]]:
    objects = _prepositional(index, noun)
    carrier = _measure_of(noun)
    if carrier.dep_ in ("dobj", "nsubjpass") and _lemma(carrier.head) in LIGHT_VERBS:
        # "held talks on Monday with X", "held two hours of talks with X": the parse hangs
        # "with" on the light verb
        objects += [m for m in _prepositional(index, carrier.head, ("with",)) if m not in objects]
    # "at a meeting of EU foreign ministers", "the G-7 meeting": the gathered group is a party
    objects += [m for m in _group_of(index, noun) if m not in objects]
    # "The meeting, chaired by Baker, was attended by Miyazawa, Stoltenberg and ...": those it
    # was chaired, hosted or attended by
    objects += [m for m in _attendees(index, noun) if m not in objects]
    # "a week-long trip, which took him to London, Paris and Bonn"
    objects += [m for m in _destinations(index, noun) if m not in objects]
    subjects: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss":
            subjects += index.phrase(child)
        elif child.dep_ in ("compound", "nmod") and is_proper(child):
            subjects += index.phrase(child)
    if not subjects or all(m.kind == "ref" for m in subjects):
        # "In his meeting with Kagame, Hu said": the possessive points ahead to the subject of
        # the clause the phrase sets the scene for.
        governing = _governor_subjects(index, noun)
        if governing and not all(m.kind == "ref" for m in governing) or not subjects:
            subjects = governing
    if not objects and subjects and _is_setting(noun):
        # "In a telephone conversation on Tuesday, A thanked B for ...": the contact is the
        # scene, the main verb's object the other party
        objects = [m for m in _verb_objects(index, noun.head.head) if m not in subjects]
    return _unique(subjects), _unique(objects)


def _is_setting(noun: Token) -> bool:
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in SETTING_PREPOSITIONS
        and is_verb(head.head)
    )


def _verb_objects(index: _Index, verb: Token) -> list[Mention]:
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            found += [m for m in index.phrase(child) if m.kind != "polity"]
    return found + [m for m in _prepositional(index, verb, ("with", "to")) if m.kind != "polity"]


def _destinations(index: _Index, noun: Token) -> list[Mention]:
    found: list[Mention] = []
    for verb in noun.children:
        if verb.dep_ in ("relcl", "acl") and _lemma(verb) in TAKING_VERBS:
            found += [m for m in _prepositional(index, verb, ("to",)) if m.kind == "polity"]
    return found


def _attendees(index: _Index, noun: Token) -> list[Mention]:
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "nsubjpass":
        verbs.append(noun.head)
    found: list[Mention] = []
    for verb in verbs:
        if _lemma(verb) not in ATTENDING_VERBS:
            continue
        for agent in verb.children:
            if agent.dep_ == "agent":
                found += [m for c in agent.children if c.dep_ == "pobj" for m in index.phrase(c)]
    return [m for m in found if m.kind in ("person", "role", "ref")]


def _group_of(index: _Index, noun: Token) -> list[Mention]:
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += [m for m in index.phrase(pobj) if m.kind in ("role", "polity")]
        elif child.dep_ in ("compound", "nmod") and child.i in index.by_token:
            mention = index.by_token[child.i]
            if mention.kind == "polity" and mention.how == "name":
                found.append(mention)
    return found


def _measure_of(noun: Token) -> Token:
    # "two hours of talks", "a round of talks": the phrase stands where its measure stands
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and is_noun(noun.head.head):
        return noun.head.head
    return noun


def _governor_subjects(index: _Index, noun: Token) -> list[Mention]:
    noun = _measure_of(noun)
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(head) in LIGHT_VERBS:
        return _subjects_of(index, head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SETTING_PREPOSITIONS:
        governor = head.head
        if is_verb(governor):
            return _subjects_of(index, governor)
        if governor.dep_ in ("dobj", "pobj") and is_verb(governor.head):
            return _subjects_of(index, governor.head)
    if noun.dep_ == "conj":
        return _governor_subjects(index, head)
    return []


def _subjects_of(index: _Index, verb: Token, depth: int = 0) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and child.tag_ not in ("WP", "WDT"):
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
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "pobj", "prep", "parataxis"):
        return _subjects_of(index, verb.head, depth + 1)
    if verb.dep_ in ("relcl", "acl"):
        return index.phrase(verb.head)
    return []


def _named_in(index: _Index, noun: Token) -> list[Mention]:
    # "the head of the OSCE mission to Albania, Franz Vranitzky, said": a role noun whose
    # person is named further inside its phrase.
    if noun.lower_ not in ROLE_HEADS:
        return []
    for token in noun.subtree:
        mention = index.by_token.get(token.i)
        if mention is not None and mention.kind == "person":
            return [mention]
    return []


def _speaker(index: _Index, verb: Token) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and _lemma(child) == "say":
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj":
                    found = index.phrase(grandchild)
                    if found and all(m.kind != "polity" for m in found):
                        return found
    return []


def _prepositional(
    index: _Index,
    token: Token,
    prepositions: frozenset[str] | tuple[str, ...] = OBJECT_PREPOSITIONS,
) -> list[Mention]:
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += index.phrase(pobj)
    return found


def _unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if mention not in out:
            out.append(mention)
    return out
