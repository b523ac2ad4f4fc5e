"""Whether a trigger the parse reads happened, is planned, cancelled or only hypothetical.

From the verb's tense and auxiliaries, the verb that governs an infinitive ("agreed to meet",
"refused to meet"), a noun's modifiers ("the planned visit", "no meeting") and the verb its phrase
hangs on ("after talks with X, Y said"). "Called Bush a liar" is naming, no call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contacts.frame_words import (
    ASKING_VERBS,
    FUTURE,
    FUTURE_TIMES,
    LIGHT_VERBS,
    MODALS,
    NOT_YET_VERBS,
    PLANNED_ADJECTIVES,
    PLANNING_NOUNS,
    PLANNING_VERBS,
    REFUSAL_VERBS,
    REPORTING_WORDS,
    TRIGGER_HEADS,
)
from contacts.phrases import known_lemma
from contacts.token_tags import is_noun, is_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from contacts.triggers import Trigger


def parse_status(doc: Doc, trigger: Trigger) -> str | None:
    """The trigger's status read from the parse: occurred | planned | cancelled | hypothetical;
    "naming" for "called Bush a liar"; None when the parse has no head for it."""
    head = trigger_head(doc, trigger)
    if head is None:
        return None
    if known_lemma(head) == "call" and is_verb(head) and _names_something(head):
        return "hypothetical"  # "called Bush a liar", "called the talks useful": naming
    return noun_status(head) if is_noun(head) else verb_status(head)


def _names_something(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in (
            "prep",
            "punct",
            "advmod",
            "nsubj",
            "aux",
            "npadvmod",
            "cc",
            "conj",
            "advcl",
        ):
            continue  # advcl: "called on X on Sunday, shortly after the leader landed"
        if child.tag_ in ("NN", "NNS", "JJ") and (
            child.dep_ == "oprd" or any(g.lower_ in ("a", "an") for g in child.children)
        ):
            return True
        if any(g.dep_ == "nsubj" for g in child.children):
            return True  # "called [Zelensky a dictator]": a small clause
        if any(g.dep_ == "appos" and g.tag_ in ("NN", "NNS") for g in child.children):
            return True  # the same, parsed as "Zelensky, a dictator"
    return False


def verb_status(verb: Token, depth: int = 0) -> str:
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
        if known_lemma(governor) in REFUSAL_VERBS:
            return "cancelled"
        if known_lemma(governor) in NOT_YET_VERBS:
            return "planned"
        governed = verb_status(governor, depth + 1) if is_verb(governor) else ""
        if governed == "occurred" and _carried_out(governor):
            return "occurred"  # "Xi went on to hold meetings with", "managed to meet"
        if governed == "occurred" and verb.dep_ == "advcl" and _moved(governor):
            return "occurred"  # "then crossed the corridor to see X": the trip was made for it
        return "planned" if governed != "cancelled" else "cancelled"
    if verb.tag_ in ("VBD", "VBN"):
        return "occurred"
    if verb.tag_ == "VBG":
        if auxes & {"is", "are", "am", "'s", "'re"}:
            # "Abe is meeting Reagan on Friday" is planned; with no time of its own the present
            # progressive is what goes on now ("Kovac, who is chairing the meeting, said").
            # (a time word as well as an entity: sentences may be parsed without entities)
            timed = any(
                t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_WORDS for t in verb.subtree
            )
            return "planned" if timed else "occurred"
        if auxes & {"was", "were"}:
            return "occurred"
        governor = verb.head
        if verb.dep_ == "acl" and governor.dep_ in ("nsubj", "nsubjpass", "dobj"):
            governor = governor.head  # "EU leaders, meeting from Thursday, will try": "try"
        if verb.dep_ == "pcomp" and governor.dep_ == "prep" and governor.lower_ == "before":
            # "flies to Kyiv on Tuesday, before traveling to Berlin for a meeting with X": what
            # comes after the verb "before" hangs on shares its time ("after meeting X, he
            # will ..." is not so sure: the meeting may have been)
            governor = governor.head
        if governor.i != verb.i and depth <= 3 and is_verb(governor):
            return verb_status(governor, depth + 1)
        return "occurred"
    if verb.tag_ in ("VBZ", "VBP", "VB") and _subordinate(verb) and depth <= 3:
        # "ruled out talks until Tehran stops ...": the present of an adverbial clause is no
        # timetable; the clause it hangs on tells the time
        return verb_status(verb.head, depth + 1)
    if auxes & {"did"} or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in children):
        return "occurred"  # "Putin did, however, receive Szijjarto"; "helped clinch the deal"
    if verb.tag_ in ("VBZ", "VBP", "VB"):
        # News reports the past in the past tense; its present tense is a timetable ("visits
        # Washington this week") or a habit, except in a headline ("Putin Speaks to Netanyahu").
        text = verb.doc.text.rstrip()
        return "planned" if text.endswith((".", "!", "?", '"', "”")) else "occurred"
    return "occurred"


# Moves made to meet someone: "flew to Cairo to meet X", "crossed the corridor to see X".
_MOVES = frozenset(
    """crossed flew travelled traveled drove walked went came returned headed hurried rushed
    stopped""".split()
)


def _moved(governor: Token) -> bool:
    return governor.lower_ in _MOVES


# Verbs whose infinitive is done when they are: "went on to hold", "proceeded to meet".
_CARRYING_OUT = frozenset({"proceed", "manage", "begin", "start", "continue", "happen"})


def _carried_out(governor: Token) -> bool:
    if known_lemma(governor) == "go" or governor.lower_ in ("went", "goes", "gone"):
        # "went on to", not "is going to"
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in governor.children)
    return known_lemma(governor) in _CARRYING_OUT or governor.lower_ in (
        "proceeded",
        "managed",
        "began",
        "started",
        "continued",
        "happened",
        "helped",  # "helped clinch the deal, flying to Gaza for talks"
    )


_TIME_WORDS = frozenset(
    """today tomorrow tonight week month year weekend morning afternoon evening monday tuesday
    wednesday thursday friday saturday sunday january february march april june july august
    september october november december""".split()
)
_PAST_TIMES = frozenset({"earlier", "ago", "yesterday", "last", "previous", "recently"})
_CALL_NOUNS = frozenset({"call", "calls", "conversation", "conversations", "videoconference"})
_SUBORDINATORS = frozenset("until unless if once when whenever because while as since".split())


def _subordinate(verb: Token) -> bool:
    return (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and is_verb(verb.head)
        and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children)
    )


def _cancelling(verb: Token) -> bool:
    return known_lemma(verb) in REFUSAL_VERBS or verb.lower_ in (
        "cancelled",
        "canceled",
        "cancels",
        "postponed",
        "postpones",
        "scrapped",
        "delayed",
    )


def _due(noun: Token) -> bool:
    verb = next((a for a in noun.ancestors if is_verb(a)), None)
    return verb is not None and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in ("due", "expected", "scheduled", "set")
        for c in verb.children
    )


def noun_status(noun: Token) -> str:
    children = list(noun.children)
    if (
        noun.dep_ == "attr"
        and noun.head.lower_ in ("is", "was", "be", "been", "will", "'s")
        and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in noun.head.children
        )
    ):
        return "background"  # "It was Trump's first conversation with Putin since ...": told
    if any(c.lower_ in PLANNED_ADJECTIVES for c in children if c.dep_ in ("amod", "compound")):
        return "planned"
    if any(t.lower_ in FUTURE_TIMES for t in noun.subtree):
        return "planned"  # "a summit in Ottawa next month between ..."
    if any(t.lower_ in _PAST_TIMES for t in noun.subtree):
        return "occurred"  # "The visit follows a call between A and B earlier this month"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "cancelled"
    if any(
        c.dep_ in ("relcl", "acl") and known_lemma(c) in LIGHT_VERBS and held_before(c)
        for c in children
    ):
        return "occurred"  # "follows the call Biden held with Putin on December 30"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("on", "of", "about"):
        reporting = head.head
        opening = not any(t.is_alpha for t in reporting.doc[: reporting.i])
        if known_lemma(reporting) in REPORTING_WORDS and not opening:
            # "briefed him on his recent trip", "his assessment of the talks". Not a sentence
            # opening "Readout of X's Call with Y": a headline, whose contact is the one reported.
            return "background"
    if noun.dep_ == "pobj" and head.lower_ == "for" and known_lemma(head.head) in ASKING_VERBS:
        return "planned"  # "called for talks with Iran", "pressed for a meeting"
    if noun.dep_ == "pobj" and head.lower_ == "for" and _due(noun):
        return "planned"  # "is due in Washington at the end of the month for talks with X"
    if noun.dep_ == "pobj" and known_lemma(head.head) in PLANNING_NOUNS:
        return "planned"  # "preparations for his U.S. trip", "an invitation to talks"
    if noun.dep_ == "pobj" and (
        head.lower_ in ("before", "ahead") or (head.lower_ == "of" and head.head.lower_ == "ahead")
    ):
        return "planned"  # "three days before the summit", "ahead of his visit"
    if head.i == noun.i:
        return "occurred"
    if noun.dep_ == "nsubjpass" and known_lemma(head) in PLANNING_VERBS:
        return "planned"  # "his trip to Tokyo was planned well before the row"
    first = noun
    while first.dep_ == "conj" and is_noun(first.head):
        first = first.head  # "cancelled his speech and a meeting with X": the list's verb
    governor = first.head if first.dep_ in ("dobj", "conj") else None
    if governor is not None and is_verb(governor) and _cancelling(governor):
        return "cancelled"
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "conj"):
        if (
            is_verb(head)
            and head.tag_ in ("VBZ", "VBP")
            and any(t.lower_ in _PAST_TIMES for t in head.subtree)
        ):
            # "The visit follows a call between A and B earlier this month": the present of a
            # verb that places the contact in the past
            return "occurred"
        if is_verb(head):
            return verb_status(head)
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lower_ in ("is", "are", "'s"):
        return "occurred"  # "Mwansa, who is on an official visit to China": under way
    if noun.dep_ == "pobj" and head.dep_ == "prep" and is_verb(head.head):
        verb = head.head
        if (
            noun.lower_ in _CALL_NOUNS
            and verb.dep_ == "xcomp"
            and known_lemma(verb) in ("meet", "visit")
            and is_verb(verb.head)
        ):
            # "agreed to meet during a telephone conversation": no one meets in a call; the
            # call is the agreeing verb's setting
            return verb_status(verb.head)
        if verb.dep_ == "xcomp" and head.lower_ in _SETTING_WORDS and is_verb(verb.head):
            # "failed to resolve the dispute in a telephone conversation": the conversation is
            # the setting of what was tried, told by the finite verb
            return verb_status(verb.head)
        status = verb_status(verb)
        if status == "hypothetical" and _reported(verb, head):
            # "Lavrov said Japan must recognize ..., following talks with Kono": what must be
            # done is the report's; the talks set off after it happened when the report says
            # (not "could sign a treaty after talks with Kono")
            return verb_status(_report_verb(verb))
        return status
    return "occurred"


def _report_verb(verb: Token) -> Token:
    while known_lemma(verb) != "say":
        verb = verb.head
    return verb


def _reported(verb: Token, preposition: Token) -> bool:
    if preposition.lower_ not in ("after", "following") or preposition.i == 0:
        return False
    if preposition.nbor(-1).text != ",":
        return False
    for _ in range(4):  # "said Japan must recognize ... before the two can move, following"
        if verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if known_lemma(verb) == "say":
            return True
    return False


# The way up from a noun trigger to the verb its phrase hangs on: "ended [two days of talks]",
# "agreed ..., [after three hours of talks]". Not "before", "ahead of" or "for" a contact.
_CHAIN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "prep", "conj", "appos"})
_NOT_YET_PREPOSITIONS = frozenset({"before", "ahead", "until", "for", "toward", "towards"})
_SETTING_WORDS = frozenset({"after", "following", "during", "at", "in", "over", "throughout"})


def surely_past(doc: Doc, trigger: Trigger) -> bool:
    """The trigger is told by a finite verb in the past tense: itself ("met"), or the verb its
    noun phrase hangs on ("ended two days of talks", "agreed on a plan after three hours of
    talks"). Then a future word elsewhere in the sentence ("next month's summit", "a plan to
    end the war") is some other event's time, not this contact's."""
    token = trigger_head(doc, trigger)
    if token is None:
        return False
    setting = False  # "agreed ... after talks": the talks are the agreement's setting
    for _ in range(6):
        if is_verb(token):
            break
        if token.dep_ not in _CHAIN_DEPS or token.lower_ in _NOT_YET_PREPOSITIONS:
            return False
        setting = setting or (token.dep_ == "prep" and token.lower_ in _SETTING_WORDS)
        if is_noun(token) and (
            known_lemma(token) in PLANNING_NOUNS
            or any(
                c.lower_ in PLANNED_ADJECTIVES or c.lower_ in FUTURE_TIMES for c in token.children
            )
        ):
            return False  # "plans for talks", "the next round of talks"
        if token.head.i == token.i:
            return False
        token = token.head
    else:
        return False
    perfect = any(
        (c.dep_ == "aux" and c.lower_ in ("has", "have", "had"))
        or (c.dep_ == "auxpass" and c.lower_ in ("was", "were"))  # "was received by"
        for c in token.children
    )
    if token.tag_ != "VBD" and not (token.tag_ == "VBN" and perfect):
        return False
    lemma = known_lemma(token)
    if lemma in REFUSAL_VERBS or (
        not setting and (lemma in NOT_YET_VERBS or lemma in ASKING_VERBS)
    ):
        return False  # "agreed on talks", "called for talks", "refused talks"
    if any(
        c.lower_ == "forward" or (c.dep_ == "prt" and c.lower_ in ("off", "out"))
        for c in token.children
    ):
        return False  # "looked forward to talks", "ruled out talks", "called off the talks"
    return verb_status(token) == "occurred"


def trigger_head(doc: Doc, trigger: Trigger) -> Token | None:
    # the tokens that start inside the trigger's words (the span, not the whole sentence)
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    inside = [
        t for t in (span if span is not None else doc) if trigger.start <= t.idx < trigger.end
    ]
    heads = [t for t in inside if known_lemma(t) in TRIGGER_HEADS or t.lower_ in TRIGGER_HEADS]
    # "In a phone call": "call", whose phrase it is, not its modifier "phone"
    indices = {t.i for t in heads}
    outer = [t for t in heads if not any(a.i in indices for a in t.ancestors)]
    if outer:
        return outer[0]
    if heads:
        return heads[0]
    return inside[-1] if inside else None


def held_before(verb: Token) -> bool:
    """A light verb of a relative clause in the past: "the call Biden held with Putin" (not "the
    talks to be held with Iran")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "to be co-chaired": the model may hang the auxiliaries on "co"
    before = {t.lower_ for t in verb.doc[max(0, verb.i - 4) : verb.i]}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes and not before & _NOT_YET)


_NOT_YET = frozenset({"to", "be", "will", "would", "shall"})
