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
Which mentions a token's phrase stands for is phrases.py; the status the parse reads, tense.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contacts.clauses import JOINT, Clause
from contacts.frame_subjects import reporter, subjects_of
from contacts.frame_words import (
    ATTENDING_VERBS,
    LIGHT_VERBS,
    MEALS,
    MEETING_VERBS,
    OBJECT_PREPOSITIONS,
    PARSE_TRIGGERS,
    PLACE_TIME_PREPOSITIONS,
    SETTING_PREPOSITIONS,
    SIGNING_VERBS,
    TAKES_A_GUEST,
    TAKING_VERBS,
    TOPIC_VERBS,
    TRIP_NOUNS,
    WEAK_TRIGGERS,
)
from contacts.mentions import Mention
from contacts.phrases import PhraseIndex, known_lemma, prepositional, unique
from contacts.tense import held_before, parse_status, surely_past, trigger_head, verb_status
from contacts.token_tags import is_noun, is_proper, is_verb
from contacts.triggers import KINDS, MEET_WORDS, MEETS_A_TARGET, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def parse_triggers(doc: Doc, found: list[Trigger]) -> list[Trigger]:
    """Triggers of PARSE_TRIGGERS in words no phrase pattern took, in sentence order."""
    taken = [(t.start, t.end) for t in found]
    extra: list[Trigger] = []
    weak: list[Trigger] = []
    for token in doc:
        pos = "VERB" if is_verb(token) else "NOUN" if is_noun(token) else ""
        name = PARSE_TRIGGERS.get((known_lemma(token), pos))
        if name is None:
            continue
        start, end = token.idx, token.idx + len(token)
        if any(a <= start < b for a, b in taken):
            continue
        if token.lower_ in MEET_WORDS and MEETS_A_TARGET.match(doc.text, end):
            continue  # "had been meeting its OPEC quota"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in ("in", "under")
            and not any(c.dep_ in ("det", "poss") for c in token.children)
        ):
            continue  # "in consultation with", "under negotiation": an idiom, no event
        trigger = Trigger(KINDS[name], name, start, end, token.text)
        (weak if known_lemma(token) in WEAK_TRIGGERS else extra).append(trigger)
    # A weak trigger gives way to a call told before or anywhere in the sentence ("During a
    # phone call, A and B discussed"), not to a contact it is about ("A and B discussed a third
    # round of talks").
    stronger = [*found, *extra]
    extra += [
        w for w in weak if not any(t.start < w.start or t.kind.type == "call" for t in stronger)
    ]
    return sorted([*found, *extra], key=lambda t: t.start)


def _welcomed_a_thing(index: PhraseIndex, head: Token) -> bool:
    return is_verb(head) and known_lemma(head) in TAKES_A_GUEST and index.thing_object(head)


def dependency_clause(doc: Doc, mentions: list[Mention], trigger: Trigger) -> Clause | None:
    """The trigger's clause read from the parse, or None when the parse names no party."""
    head = trigger_head(doc, trigger)
    if head is None:
        return None
    index = PhraseIndex.build(doc, mentions)
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
    if not is_verb(head) and sum(m.kind == "person" for m in objects) >= 2:
        # "West Germany and Hungary agreed ... after talks between A and B": the people named
        # are the parties, not the states of the clause the talks are the setting of
        subjects = [m for m in subjects if m.kind != "polity"]
    if visit and not (subjects and objects) and all(m.kind != "polity" for m in subjects + objects):
        return None  # "the three ministers, who arrived together": visitors, and no host
    if known_lemma(head) in SIGNING_VERBS:
        # States sign through people: "Japan and the United States signed an accord" tells of
        # no meeting, "A and B initialled the text" does
        subjects = [m for m in subjects if m.kind == "person"]
        objects = [m for m in objects if m.kind == "person"]
        if len(subjects) + len(objects) < 2:
            return None
    gathering = _lone_gathering(trigger, subjects + objects)
    if is_verb(head) and objects and not subjects and not gathering:
        return None  # "[unread heads of agencies] met Qatari and Egyptian officials": no one met
    if not gathering:
        if not subjects and len(objects) < 2:
            return None
        if not objects and (len(subjects) < 2 or _welcomed_a_thing(index, head)):
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
        separate=(
            any(t.lower_ in ("separate", "separately") for t in head.head.subtree)
            or _bilaterals(head)
        )
        and len(objects) > 1,
        start=min(spans),
        end=max(spans),
        status=parse_status(doc, trigger),
        past=surely_past(doc, trigger),
        gathering=gathering,
    )


def _bilaterals(head: Token) -> bool:
    # "held bilateral meetings with A and B": one meeting with each
    return head.tag_ == "NNS" and any(c.lower_ == "bilateral" for c in head.children)


def _lone_gathering(trigger: Trigger, parties: list[Mention]) -> bool:
    # "EC farm ministers met", "a meeting of Opec ministers": a multilateral contact with one
    # group party ("the ASEAN summit", a name alone, mostly sets the scene of another contact)
    return trigger.kind.type == "meeting" and len(parties) == 1 and parties[0].how == "members"


def _guest(index: PhraseIndex, visiting: Token) -> Token | None:
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


def _guest_clause(
    index: PhraseIndex, trigger: Trigger, visiting: Token, guest: Token
) -> Clause | None:
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
        hosts = subjects_of(index, verb if place.i == visiting.i else guest.head)
    elif place.dep_ in ("pobj", "pcomp") or guest.dep_ == "pobj":
        # "discussed trade with visiting X": the verb the preposition's phrase hangs on
        governor = (guest if guest.dep_ == "pobj" else place).head.head
        if is_noun(governor) and governor.dep_ in ("dobj", "pobj"):
            governor = governor.head
        if is_verb(governor):
            hosts = subjects_of(index, governor)
            verb = governor
    guest_mention = index.by_token[guest.i]
    hosts = [m for m in hosts if m is not guest_mention and m.kind in ("person", "role", "ref")]
    if not hosts:
        return None
    # "a visiting EC delegation led by Frans Andriessen": the guest is the one who leads it
    guests = [m for m in index.phrase(guest) if m.kind == "person"] or [guest_mention]
    status = verb_status(verb) if is_verb(verb) else "occurred"
    kind = KINDS["hosted"]
    spans = [m.start for m in (*hosts, *guests)] + [m.end for m in (*hosts, *guests)]
    return Clause(
        kind=kind,
        trigger=Trigger(kind, "hosted", trigger.start, trigger.end, trigger.text),
        subjects=hosts,
        objects=guests,
        start=min(spans + [trigger.start]),
        end=max(spans + [trigger.end]),
        status=status,
    )


def _verb_parties(index: PhraseIndex, verb: Token) -> tuple[list[Mention], list[Mention]]:
    subjects = subjects_of(index, verb)
    objects: list[Mention] = []
    topic = known_lemma(verb) in TOPIC_VERBS
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd") and topic:
            # "discussed [the debt with X]", never "[the ties between A and B]"
            objects += prepositional(index, child, ("with",))
        elif child.dep_ in ("dobj", "attr", "oprd"):
            objects += index.phrase(child)
            # "held talks with X": the light verb's noun carries the preposition; "hosted a
            # state banquet for X": a meal's guest
            meal = child.lower_ in MEALS
            objects += prepositional(
                index, child, OBJECT_PREPOSITIONS | {"for"} if meal else OBJECT_PREPOSITIONS
            )
        elif child.dep_ == "nsubjpass":
            objects += index.phrase(child)  # "Abe was received by Reagan": Abe is the guest
    agents = _agents(verb)
    for agent in agents:
        subjects += [m for c in agent.children if c.dep_ == "pobj" for m in index.phrase(c)]
    objects += prepositional(index, verb)
    children = list(verb.children)
    if (
        verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ in ("nsubjpass", "nsubj") for c in children)
        and agents
    ):
        # "Vajpayee crossed into Pakistan ... and was received by Sharif": the first verb's
        # subject is the guest
        objects += [m for m in subjects_of(index, verb.head) if m not in subjects]
    for child in verb.children if known_lemma(verb) in MEETING_VERBS else ():
        if child.dep_ == "prep" and child.lower_ in PLACE_TIME_PREPOSITIONS:
            # "met at the ministry with X", "met in Geneva with X": the parse often hangs "with"
            # on the place's noun, not on the verb
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    objects += prepositional(index, pobj, ("with",))
    if known_lemma(verb) == "arrive":
        # "arrived in Cairo", "arrived here" (the dateline's city): the place is the host
        objects += [m for m in prepositional(index, verb, ("in",)) if m.kind == "polity"]
        objects += [
            index.by_token[c.i]
            for c in verb.children
            if c.dep_ == "advmod" and c.i in index.by_token
        ]
    return unique(subjects), unique(objects)


def _agents(verb: Token) -> list[Token]:
    # "was received by X", and "was met on arrival by X", whose "by" the parse hangs on the noun
    found = [c for c in verb.children if c.dep_ == "agent"]
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        settings = [p for c in verb.children if c.dep_ == "prep" for p in c.children]
        found = [b for p in settings for b in p.children if b.dep_ == "prep" and b.lower_ == "by"]
    return found


def _noun_parties(index: PhraseIndex, noun: Token) -> tuple[list[Mention], list[Mention]]:
    # "the first visit to China by a U.S. secretary of state": the one "by" whom is the visitor
    visitors = prepositional(index, noun, ("by",)) if noun.lower_ in TRIP_NOUNS else []
    objects = [m for m in prepositional(index, noun) if m not in visitors]
    carrier = _measure_of(noun)
    if carrier is not noun:  # "after twelve hours of talks over the weekend with X"
        objects += [m for m in prepositional(index, carrier, ("with",)) if m not in objects]
    if carrier.dep_ in ("dobj", "nsubjpass") and known_lemma(carrier.head) in LIGHT_VERBS:
        # "held talks on Monday with X", "held two hours of talks with X": the parse hangs
        # "with" on the light verb
        objects += [m for m in prepositional(index, carrier.head, ("with",)) if m not in objects]
    held = _held_by(noun)
    if held is not None:
        # "the telephone call President Biden held with President Putin": the relative
        # clause's light verb takes both
        objects += [m for m in prepositional(index, held, ("with",)) if m not in objects]
    # "at a meeting of EU foreign ministers", "the G-7 meeting": the gathered group is a party
    objects += [m for m in _group_of(index, noun) if m not in objects]
    # "The meeting, chaired by Baker, was attended by Miyazawa, Stoltenberg and ...": those it
    # was chaired, hosted or attended by
    objects += [m for m in _attendees(index, noun) if m not in objects]
    # "a week-long trip, which took him to London, Paris and Bonn"
    objects += [m for m in _destinations(index, noun) if m not in objects]
    subjects: list[Mention] = list(visitors)
    if held is not None:
        # the model hangs the holder on the noun as an apposition now and then
        holders = subjects_of(index, held) or [
            m for c in noun.children if c.dep_ == "appos" for m in index.phrase(c)
        ]
        subjects += [m for m in holders if m not in objects]
    subjects += [m for m in _attendee_aside(index, carrier) if m not in objects]
    for child in noun.children:
        if child.dep_ == "poss":
            subjects += index.phrase(child)
        elif child.dep_ in ("compound", "nmod") and is_proper(child):
            subjects += index.phrase(child)
        elif (
            child.dep_ == "compound"
            and getattr(index.by_token.get(child.i), "how", "") == "members"
        ):
            subjects.append(index.by_token[child.i])  # "NATO foreign ministers meeting in ..."
    if subjects and all(m.how == "members" for m in subjects):
        # "Fidan spoke at the NATO ministers' meeting": the group is met, the speaker attends
        governing = [m for m in _governor_subjects(index, noun) if m.kind == "person"]
        if governing:
            objects += [m for m in subjects if m not in objects]
            subjects = governing
    if not subjects or all(m.kind == "ref" for m in subjects):
        # "In his meeting with Kagame, Hu said": the possessive points ahead to the subject of
        # the clause the phrase sets the scene for.
        governing = _governor_subjects(index, noun)
        if governing and not all(m.kind == "ref" for m in governing) or not subjects:
            subjects = governing
    if not objects and subjects and _is_setting(carrier):
        # "In a telephone conversation on Tuesday, A thanked B for ...", "he had given Assad a
        # list during three hours of talks": the contact is the scene, the main verb's object
        # the other party
        objects = [m for m in _verb_objects(index, carrier.head.head) if m not in subjects]
    return unique(subjects), unique(objects)


def _attendee_aside(index: PhraseIndex, noun: Token) -> list[Mention]:
    # "Hegseth, in Brussels for a meeting of NATO defence ministers, said": the phrase hangs on
    # the person who attends
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in ("for", "at", "to"):
        return []
    mention = index.by_token.get(head.head.i)
    return [mention] if mention is not None and mention.kind == "person" else []


def _is_setting(noun: Token) -> bool:
    head = noun.head
    setting = head.dep_ == "prep" and head.lower_ in SETTING_PREPOSITIONS
    return noun.dep_ == "pobj" and setting and is_verb(head.head)


def _verb_objects(index: PhraseIndex, verb: Token) -> list[Mention]:
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            found += [m for m in index.phrase(child) if m.kind != "polity"]
    return found + [m for m in prepositional(index, verb, ("with", "to")) if m.kind != "polity"]


def _destinations(index: PhraseIndex, noun: Token) -> list[Mention]:
    found: list[Mention] = []
    for verb in noun.children:
        if verb.dep_ in ("relcl", "acl") and known_lemma(verb) in TAKING_VERBS:
            found += [m for m in prepositional(index, verb, ("to",)) if m.kind == "polity"]
    # "flew here from Malaysia, where he was on a three-day visit": the place "where" is
    verb = noun.head.head if noun.dep_ == "pobj" else noun
    if (
        noun.lower_ in TRIP_NOUNS
        and verb.dep_ == "relcl"
        and any(c.lower_ == "where" for c in verb.children)
    ):
        found += [m for m in index.phrase(verb.head) if m.kind == "polity"]
    return found


def _attendees(index: PhraseIndex, noun: Token) -> list[Mention]:
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "nsubjpass":
        verbs.append(noun.head)
    found: list[Mention] = []
    for verb in verbs:
        if known_lemma(verb) not in ATTENDING_VERBS:
            continue
        # "attended by farm ministers ... and by President X, ..., and by Chancellor Y": every
        # "by" of the list
        agents = [a for c in verb.children if c.dep_ == "agent" for a in (c, *c.conjuncts)]
        for agent in agents:
            found += [m for c in agent.children if c.dep_ == "pobj" for m in index.phrase(c)]
    return [m for m in found if m.kind in ("person", "role", "ref")]


def _group_of(index: PhraseIndex, noun: Token) -> list[Mention]:
    # "a session of the UN Security Council" is the body sitting, none of its members met
    # (GUIDELINES: a body meeting of one organisation is no contact)
    kinds = ("role",) if noun.lower_ in _SITTINGS else ("role", "polity")
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += [m for m in index.phrase(pobj) if m.kind in kinds]
        elif child.dep_ in ("compound", "nmod") and child.i in index.by_token:
            mention = index.by_token[child.i]
            if mention.kind == "polity" and mention.how == "name":
                found.append(mention)
    return found


_SITTINGS = frozenset({"session", "sessions", "sitting"})


def _held_by(noun: Token) -> Token | None:
    """The light verb of a relative clause on the noun: "the call Biden held with Putin"."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("relcl", "acl") and known_lemma(c) in LIGHT_VERBS and held_before(c)
        ),
        None,
    )


def _measure_of(noun: Token) -> Token:
    # "two hours of talks", "a round of talks": the phrase stands where its measure stands
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and is_noun(noun.head.head):
        return noun.head.head
    return noun


def _governor_subjects(index: PhraseIndex, noun: Token) -> list[Mention]:
    noun = _measure_of(noun)
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and known_lemma(head) in LIGHT_VERBS:
        return subjects_of(index, head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SETTING_PREPOSITIONS:
        governor = head.head
        if is_verb(governor):
            found = subjects_of(index, governor)
            # "..., following talks" after a state's verb, or "after a meeting" after a verb
            # whose subject names no one ("their countries had concluded"): the reporter's
            closing = head.lower_ in ("after", "following")
            set_off = closing and head.i > 0 and head.nbor(-1).text == ","
            if (set_off and all(m.kind != "person" for m in found)) or (closing and not found):
                return reporter(index, governor) or found
            return found
        if governor.dep_ in ("dobj", "pobj", "conj") and is_verb(governor.head):
            # "discussed the issue and Israel's operations in a telephone conversation with Y":
            # the setting of the verb's object, or of a second object read as its conjunct
            return subjects_of(index, governor.head)
        if governor.dep_ == "pobj" and is_noun(governor):  # "said on his return from a visit"
            return _governor_subjects(index, governor)
        if governor.dep_ == "appos" and governor.head.i in index.by_token:
            # "Ileto, briefing reporters after a meeting with Shultz, said": the model reads the
            # participle's phrase as an apposition to the person
            mention = index.by_token[governor.head.i]
            return [mention] if mention.kind == "person" else []
    if noun.dep_ == "conj":  # "held talks with X, and eight hours of talks with Y"
        return subjects_of(index, head) if is_verb(head) else _governor_subjects(index, head)
    return []
