"""Attach participants to a trigger: its subject on the left, its objects on the right.

Rules, not a parser: the subject is the nearest mention before the trigger when only auxiliaries,
adverbs and times stand between them ("Putin on Monday called", "Biden will meet"); a coordinated
subject ("Biden and Sánchez spoke") is kept whole. Objects start where the trigger's grammar says
(see clause_objects.OBJECT_GAP) and run on through a list ("A, B, C and D").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contacts.clause_objects import objects_of
from contacts.clause_objects import usable as _usable
from contacts.mentions import Mention
from contacts.triggers import Trigger, TriggerKind

_SUBJECT_GAP_WORDS = frozenset(
    """has have had will would shall was were is are be been also then later earlier finally first
    again not never did does do didn don doesn won t expected scheduled set due plans planned plan
    planning agreed agree agrees wants want hopes hope intends intend going ready refused refuses
    declined declines to and on in at by the a an who today yesterday tonight this morning
    afternoon evening last night week monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december jr sr
    ii iii held hold holds had having both all three together personally jointly separately
    reportedly briefly virtually only just already however though nonetheless indeed
    photographed pictured filmed seen shown spotted""".split()
)
_WORD = re.compile(r"[A-Za-z]+|\d+|[^\w\s]")
_CHAINED = re.compile(
    r"^(?:\s+(?:on\s+\w+|today|yesterday|\w+ly|in\s+[A-Z][\w-]+|last\s+\w+|this\s+\w+|also|then"
    # "held talks with A at the Presidential Palace on Wednesday and later met B"
    r"|(?:at|in)\s+the\s+[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+)?[A-Z][\w'’-]+){0,3}))*"
    r"(?:\s*,?\s+and\s+(?:also\s+|then\s+|later\s+)?|\s*,\s*(?:then|later|afterwards)\s+)$"
)
_SAID_AFTER = re.compile(
    r"\s+(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference))"
    r"(?:\s+(?:today|yesterday|on\s+\w+day))?\s+"
)
_AND_THEN = re.compile(r"^[^.;]*?,?\s+and\s+(?:then\s+)?$")
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\bbilateral\s+(?:meetings|talks)\b", re.I)
# "Kim arrived in Russia on Tuesday aboard his armored train and was met at the border by X":
# the arrival's subject does what follows the "and"
_AFTER_ARRIVAL = re.compile(r"^[^,;:.]{0,80}\s+and\s+(?:then\s+|later\s+)?$", re.I)
_FOR_TALKS = re.compile(r"for\b", re.I)
# "called on the president to resign": an appeal, not a courtesy call
_APPEAL = re.compile(r"^\s*,?\s*(?:to|for|not|over|about)\b", re.I)
_PLACE_PREPOSITIONS = frozenset("in to at from into near".split())
_COORD_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$", re.I)
JOINT = re.compile(
    r"\b(?:joint|jointly|together|trilateral|quadrilateral|conference call|video ?conference|"
    r"videoconference|video call|virtual summit|virtual meeting|group call)\b",
    re.I,
)
_NAMING = re.compile(r"^\s*[\"“‘']?(?:an?\b|the\s+(?!(?:next|following|same|previous)\b))", re.I)
# Asides between a subject and its verb: "Biden, joined by Harris, ..." and relative clauses
# "Vance, who was accompanied by his family, also had dinner with ...".
# "Kerry, on his third visit to the Gulf, also called on ...", "Hegseth, in Brussels, met".
_ASIDE = re.compile(
    # "Shultz and Shevardnadze, with their senior advisers, went into a session"
    r",\s*(?:(?:joined|accompanied|flanked)\s+by\s+|who\s+|whose\s+|with\s+(?:their|his|her)\s+"
    r"|on\s+(?:his|her|their|a|an)\s+(?=[^,]*\b(?:visit|trip|tour|stop|mission)\b)"
    r"|in\s+(?=[A-Z][\w-]+\s*,)"
    # "Brezhnev, General Secretary of the CPSU Central Committee and President of the Presidium,
    # today received": a post set off by commas
    r"|(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s+(?:of|for)\s+)[^,]+,"
)
_SEEN_AS = re.compile(r"^(?:['’]s\b|\s+as\b|\s+(?:on|in)\s+(?:television|TV|the\s+news)\b)")
_POLITY_OK = {"talks", "negotiated", "meeting_between", "mediation"}


@dataclass
class Clause:
    kind: TriggerKind
    trigger: Trigger
    subjects: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    symmetric_objects: bool = False  # objects alone make the contact ("talks between A and B")
    joint: bool = False
    separate: bool = False  # each object is a contact of its own ("and then with ...")
    initiator: str = ""  # "subject" | "object" | ""
    start: int = 0
    end: int = 0
    # Read from the parse (frames.py): "planned", "cancelled", "hypothetical" overrule the text
    # rules' "occurred", "background" marks context; None leaves status to the text rules.
    status: str | None = None
    # The parse reads a finite past-tense verb for the trigger (tense.surely_past): the text
    # rules' future words belong to something else in the sentence.
    past: bool = False
    # One party that is a gathering of its own: an organisation's ministers or leaders meeting
    # ("EC farm ministers met in Brussels"), a multilateral contact with one group participant.
    gathering: bool = False


def clauses_for(sentence: str, mentions: list[Mention], triggers: list[Trigger]) -> list[Clause]:
    clauses: list[Clause] = []
    for trigger in triggers:
        clause = _clause(sentence, mentions, trigger)
        if clause is None:
            continue
        previous = clauses[-1] if clauses else None
        if previous is not None and clause.subjects and clause.subjects[0] in previous.objects:
            clause.subjects = []  # "visited Jordan and held talks": Jordan is no subject
        if not clause.subjects and previous is not None and previous.subjects:
            # "Pezeshkian arrived in Moscow on Friday and held talks with Putin": a second
            # verb of the same subject.
            gap = sentence[previous.end : trigger.start]
            if (
                _CHAINED.match(gap)
                or (_FOR_TALKS.match(trigger.text) and previous.kind.grammar == "visit")
                or (previous.kind.grammar == "visit" and _AFTER_ARRIVAL.match(gap))
            ):
                # ... or "Orban arrived in Moscow on Friday for talks with Putin"
                clause.subjects = list(previous.subjects)
                clause.start = previous.start
        clauses.append(clause)
    return clauses


_BEFORE_AFTER = re.compile(r"\b(?:before|after)(?:\s+(?:holding|having|meeting))?\s*$", re.I)
# "... al-Jubeir has ruled out talks with Iran, speaking after a meeting with Kerry": the
# speaker is the sentence's subject
_PARTICIPLE_BEFORE = re.compile(
    r",\s*(?:speaking|talking|briefing|addressing|writing|answering)\b[^,;]{0,40}$", re.I
)
_LEADING = re.compile(r"^(?:[A-Z][A-Za-z0-9 ,.]{0,30}(?:\([^)]{1,20}\))?\s*[-—–]\s*)?$")


def _sentence_subject(
    sentence: str, mentions: list[Mention], trigger: Trigger, objects: list[Mention]
) -> list[Mention]:
    usable = [m for m in mentions if _usable(m, False) and m.end <= trigger.start]
    if not usable or not _LEADING.match(sentence[: usable[0].start]):
        return []
    group = [usable[0]]
    for m in usable[1:]:
        if _COORD_GAP.match(sentence[group[-1].end : m.start]):
            group.append(m)
        else:
            break
    if any(m in objects for m in group):
        return []
    return group


_PLACE_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s*(?:the\s+)?")


def _visited_states(sentence: str, objects: list[Mention]) -> list[Mention]:
    places = objects[:1]
    for mention in objects[1:]:
        same_span = (mention.start, mention.end) == (places[-1].start, places[-1].end)
        if mention.kind != "polity" or not (
            same_span or _PLACE_LIST_GAP.fullmatch(sentence, places[-1].end, mention.start)
        ):
            break
        places.append(mention)
    return places


def _clause(sentence: str, mentions: list[Mention], trigger: Trigger) -> Clause | None:
    kind = trigger.kind
    name = trigger.name
    polity_ok = name in _POLITY_OK
    objects, separate = objects_of(
        sentence, mentions, trigger, polity_ok or kind.grammar == "visit"
    )
    if name == "visited" and trigger.text.lower() == "visiting" and objects:
        if objects[0].kind == "person":
            return None  # "met visiting Chinese Foreign Minister Wang Yi": an adjective
    if name == "saw" and (
        not objects
        or objects[0].kind not in ("person", "role")
        or _SEEN_AS.match(sentence[objects[0].end :])
    ):
        return None  # "saw Putin as a threat", "saw Obama's speech": no meeting
    if name == "called" and objects and _NAMING.match(sentence[objects[-1].end :]):
        return None  # "called Netanyahu a liar"
    if name == "called_on" and (
        not objects
        or any(m.kind == "polity" for m in objects)
        or _APPEAL.match(sentence[objects[-1].end :])
    ):
        return None
    if kind.grammar == "visit" and objects and objects[0].kind == "polity":
        # "visited Japan and China", "visited Bonn and The Hague": a visit to each state of a
        # list; a person after the place is the host, not a second visit
        objects = _visited_states(sentence, objects)
    subjects = _subjects(sentence, mentions, trigger, polity_ok)
    if name == "closing_talks" and not (
        len(subjects) == 1 and _SAID_AFTER.fullmatch(sentence, subjects[0].end, trigger.start)
    ):
        subjects = _sentence_subject(sentence, mentions, trigger, [])
        opening = not any(_usable(m, False) for m in mentions if m.end <= trigger.start)
        if len(subjects) < 2 and opening and trigger.text.lower().endswith("meeting"):
            # "Speaking to reporters after meeting Y, X said": the gerund's object, then the
            # subject after the opening phrase's comma
            objects = [m for m in mentions if m.start >= trigger.end and _usable(m, False)][:1]
            subjects = (
                _subjects_after_opening(sentence, mentions, objects[0].end) if objects else []
            )
            if not subjects or not _gap_ok(sentence[trigger.end : objects[0].start]):
                return None
        elif len(subjects) < 2:
            return None
    elif name == "closing_talks" and not objects and trigger.text.lower().endswith("meeting"):
        # "X said after meeting Indonesian Minister Y here": the gerund's own object
        objects = [m for m in mentions if m.start >= trigger.end][:1]
        if not objects or not _gap_ok(sentence[trigger.end : objects[0].start]):
            return None
    if name == "aside_meeting":
        subjects = _last_pair(sentence, mentions, trigger.start)
        if len(subjects) < 2 or sentence[subjects[-1].end : trigger.start].strip() != ",":
            return None
        objects = []
    # the scene set by a phrase or a participle, not a finite verb whose subject the text
    # left out ("Before the session Miyazawa met Baker ..., Japanese officials said")
    opening = trigger.name in _SCENE_TRIGGERS or trigger.text.lower().endswith("ing")
    if (
        not subjects
        and opening
        and not any(_usable(m, False) for m in mentions if m.end <= trigger.start)
    ):
        # "In a call with Macron on Monday, Zelensky ...", "After talks with X, Y said",
        # "During a phone call on Friday, A and B discussed ...": the subject follows the phrase
        if len(objects) > 1 and all(
            sentence[a.end : b.start].strip() == ","
            for a, b in zip(objects, objects[1:], strict=False)
        ):
            objects = objects[:1]  # "In talks with A, B said": no "and", so no list
        opening_end = objects[-1].end if objects else trigger.end
        subjects = _subjects_after_opening(sentence, mentions, opening_end)
    if (
        not subjects
        and kind.type != "visit"
        and (
            _BEFORE_AFTER.search(sentence, 0, trigger.start)
            or _PARTICIPLE_BEFORE.search(sentence, 0, trigger.start)
        )
    ):
        # "Modi and Zelensky embraced at a memorial before holding talks": the sentence's
        # opening subject does the second verb too.
        subjects = _sentence_subject(sentence, mentions, trigger, objects)
    if not subjects and _WHEN_THEY.search(sentence, 0, trigger.start):
        # "A and B failed to reach a deal when they met in Alaska": "they" is the pair the
        # main clause named.
        subjects = _last_pair(sentence, mentions, trigger.start)
    if not objects and subjects and kind.type == "meeting":
        objects = _host_after(sentence, mentions, trigger)
    pair = len(subjects) == 1 and subjects[0].how in ("pair", "group")  # "the two leaders met"
    if not objects and len(subjects) < 2 and not pair:
        return None
    if not objects and kind.grammar in ("direct", "from", "to", "visit", "between"):
        return None
    if name == "adverbial" and len(objects) > 1 and not subjects:
        if re.fullmatch(r"\s*,\s*", sentence[objects[-2].end : objects[-1].start]):
            subjects = [objects.pop()]
    clause = Clause(kind, trigger, subjects, objects)
    clause.symmetric_objects = kind.grammar == "between"
    clause.joint = bool(JOINT.search(sentence))
    # "held separate talks with A, B and C", "met separately with A and B": one contact each
    clause.separate = (
        separate
        or name == "shuttle"  # one go-between, each side met in turn
        or bool(_SEPARATE.search(sentence, trigger.start, trigger.end + 12))
    )
    if len(objects) == 1 and objects[0].how in ("pair", "group"):
        # "received the two delegation leaders separately": each of those told before
        clause.separate = clause.separate or bool(
            _SEPARATE.match(sentence, objects[0].end + 1, objects[0].end + 12)
        )
    if name in ("called", "phoned", "visited", "visit_to"):
        clause.initiator = "subject"
    elif name in ("call_from", "called_by", "hosted", "passive_host", "hosted_meal"):
        clause.initiator = "object"
    spans = [m.start for m in subjects] + [trigger.start]
    clause.start = min(spans)
    clause.end = max([trigger.end] + [m.end for m in objects])
    return clause


_RELATIVE_GAP = re.compile(r"\s*(?:\([^)]*\))?\s*,\s*who\s+(?:also\s+|later\s+)?")
# A subordinate clause whose subject is "they": "... when they met", "after they spoke".
_WHEN_THEY = re.compile(
    r"\b(?:when|as|after|where|while|once)\s+they(?:\s+(?:had|have|first|last|finally))?\s*$",
    re.I,
)


def _last_pair(sentence: str, mentions: list[Mention], end: int) -> list[Mention]:
    # The last coordinated group of two or more actors before `end` ("he and Putin").
    before = [m for m in mentions if m.end <= end and _usable(m, False)]
    for i in range(len(before) - 1, 0, -1):
        group = [before[i]]
        for m in reversed(before[:i]):
            if _COORD_GAP.match(sentence[m.end : group[0].start]):
                group.insert(0, m)
            else:
                break
        if len(group) >= 2:
            return group
    return []


# "attended a summit ... hosted by Xi": the host is a participant too.
_HOSTED_BY = re.compile(
    r"^[^.;:]{0,80}?\b(?:hosted|chaired|co-?chaired|convened|organi[sz]ed)\s+by\s*$", re.I
)


def _host_after(sentence: str, mentions: list[Mention], trigger: Trigger) -> list[Mention]:
    for m in mentions:
        if m.start >= trigger.end and m.kind == "person":
            return [m] if _HOSTED_BY.match(sentence[trigger.end : m.start]) else []
    return []


def _subjects(
    sentence: str, mentions: list[Mention], trigger: Trigger, polity_ok: bool
) -> list[Mention]:
    before = [m for m in mentions if m.end <= trigger.start]
    gap_end = trigger.start
    speaker = before[-1] if before and before[-1].kind == "person" else None
    if speaker and _SAID_AFTER.fullmatch(sentence, speaker.end, trigger.start):
        # "..., Economic Cooperation Minister Hans Klein said after talks with X": who speaks
        # of the talks had them
        return [speaker]
    if trigger.name in ("possessive", "possessive_call", "adverbial", "by_phone", "pp_meeting"):
        return _adverbial_subjects(sentence, before, trigger, polity_ok)
    # "Biden, joined by Vice President Harris, spoke ...": the companion is not the subject.
    asides = [  # not one a mention has taken in ("X, General Secretary of the Party,")
        a
        for a in _ASIDE.finditer(sentence, 0, trigger.start)
        if not any(m.start < a.start() < m.end for m in before)
    ]
    aside = asides[-1] if asides else None
    if aside and _gap_ok(sentence[aside.end() : trigger.start]):
        before = [m for m in before if m.end <= aside.start()]
        gap_end = aside.start()
    if not before:
        return []
    nearest = before[-1]
    if not _usable(nearest, polity_ok) or not _gap_ok(sentence[nearest.end : gap_end]):
        return []
    if nearest.kind == "polity" and _RELATIVE_GAP.fullmatch(sentence, nearest.end, gap_end):
        # "Richard Butler, the chairman of the commission disarming Iraq, who held talks
        # with": the relative clause is the person's the description after his name is of
        described = [m for m in before if m.kind == "person" and sentence[m.end : m.end + 1] == ","]
        return described[-1:]
    if nearest.kind == "polity" and _word_before(sentence, nearest.start) in _PLACE_PREPOSITIONS:
        return []  # "arrived in Moscow and held talks": a place, not the subject
    if (
        nearest.kind == "person"
        and _word_before(sentence, nearest.start) in ("with", "to")
        and _AND_THEN.match(sentence[nearest.end : gap_end])
    ):
        # "cancelled a meeting with Annan, and flew to London": the object of "with" does
        # not fly; the clause's subject is further back
        return []
    # Mentions sharing the nearest one's span come from one phrase ("the Russian and Ukrainian
    # delegations").
    group = [m for m in before if (m.start, m.end) == (nearest.start, nearest.end)]
    joined_by_and = False
    for m in reversed([m for m in before if m.end <= nearest.start]):
        gap = sentence[m.end : group[0].start]
        if not _usable(m, polity_ok) or not _COORD_GAP.match(gap):
            break
        if gap.strip() == "," and not joined_by_and:
            break  # "At the initiative of the German side, Scholz ...": no list without "and"
        joined_by_and = joined_by_and or "and" in gap or "&" in gap
        group.insert(0, m)
    return group


_SCENE_TRIGGERS = frozenset(
    {"adverbial", "by_phone", "pp_meeting", "opening_talks", "possessive", "possessive_call"}
)
_OPENING_REST = re.compile(r"^[^,;:.]{0,60}?,\s*$")


def _subjects_after_opening(sentence: str, mentions: list[Mention], start: int) -> list[Mention]:
    later = [m for m in mentions if m.start >= start and _usable(m, False)]
    if not later or not _OPENING_REST.match(sentence[start : later[0].start]):
        return []
    if any(m.kind == "person" for m in mentions if start <= m.start < later[0].start):
        return []
    group = [later[0]]
    for m in later[1:]:
        if _COORD_GAP.match(sentence[group[-1].end : m.start]):
            group.append(m)
        else:
            break
    return group


def _adverbial_subjects(
    sentence: str, before: list[Mention], trigger: Trigger, polity_ok: bool
) -> list[Mention]:
    usable = [m for m in before if _usable(m, polity_ok)]
    if trigger.name in ("possessive", "possessive_call"):
        # "Biden's meeting with Xi": the owner right before the noun
        if usable and usable[-1].end >= trigger.start - 3:
            return [usable[-1]]
        return []
    # "Erdogan told Putin in a phone call ...": subject, verb, object, then the call
    if len(usable) >= 2:
        subject, obj = usable[-2], usable[-1]
        verb = _WORD.findall(sentence[subject.end : obj.start])
        tail = sentence[obj.end : trigger.start]
        if 1 <= len(verb) <= 3 and all(w.isalpha() and w.islower() for w in verb) and _gap_ok(tail):
            if not set(verb) & _NOT_VERBS:
                return [subject, obj]
    if len(usable) >= 2 and _gap_ok(sentence[usable[-1].end : trigger.start]):
        # "Putin discussed gas supplies with Mirziyoyev by phone"
        subject, obj = usable[-2], usable[-1]
        between = sentence[subject.end : obj.start]
        if between.rstrip().lower().endswith(" with") and _VERB_PHRASE.match(
            between[: -len(" with ")]
        ):
            return [subject, obj]
    if usable and _gap_ok(sentence[usable[-1].end : trigger.start]):
        return [usable[-1]]  # "Zelensky, in a phone call with Macron, ..."
    if usable and _VERB_PHRASE.match(sentence[usable[-1].end : trigger.start]):
        # "Fidan and his Russian counterpart Lavrov discussed the grain deal in a phone call"
        group = [usable[-1]]
        for m in reversed(usable[:-1]):
            if _COORD_GAP.match(sentence[m.end : group[0].start]):
                group.insert(0, m)
            else:
                break
        if len(group) > 1:
            return group
    return []


# A short verb phrase with no clause break: " discussed the Black Sea grain deal ".
_VERB_PHRASE = re.compile(
    r"^\s+(?!(?:said|says|told|and|or|of|who|which|that)\b)[a-z]+(?:ed|s)?\b[^,;:.\"“”]{0,80}$"
)
_NOT_VERBS = frozenset("and or of with about for from to in on at by said says".split())


def _word_before(sentence: str, at: int) -> str:
    words = sentence[:at].split()
    return words[-1].lower() if words else ""


def _gap_ok(gap: str) -> bool:
    words = _WORD.findall(gap)
    if len(words) > 12:
        return False
    for word in words:
        lower = word.lower()
        if lower in _SUBJECT_GAP_WORDS or lower.endswith("ly") or word.isdigit():
            continue
        if word in (",", ".", "’", "'", "-"):
            continue
        return False
    return True
