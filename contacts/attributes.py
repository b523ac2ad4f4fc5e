"""Status, date, background, place, type refinements and event codes of one clause's contact."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from contacts.clauses import Clause
from contacts.datelines import dateline_end
from contacts.dates import find_dates
from contacts.model import Contact
from contacts.resolve import Party
from contacts.triggers import Trigger

# Case-sensitive on purpose: "May" is a month, "may" a modal.
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|should|must|if|unless|whether|would like|can)\b")
_HYPOTHETICAL_VERB = re.compile(
    r"^[^,;.]{0,40}?\b(?:could|might|may|should|would|can)\b(?!\s+(?:not|never)\b)"
)
_PLANNED = re.compile(
    r"\b(?:will|shall|would|'ll|is to|are to|was to|were to|to be|plans? to|planned|planning to|expected to|"
    r"scheduled to|set to|due to|(?:is|are)\s+due\s+(?:in|at|back|here)|agreed to|agrees to|agree to|"
    r"intends? to|hopes? to|wants? to|"
    r"going to|invited|invites|invitation|ready to|upcoming|looks? forward to|looking forward to|"
    r"proposed|offered to|asked for|requested|seeks? to|seeking|ahead of|prepar\w+ (?:for|to)|"
    # "called for talks between the two sides", "pressed for a meeting": asked, not held
    r"(?:called|calls|calling|call|pressed|pressing|pushed|pushing|appealed|appealing)\s+for|"
    # "Modi's expected trip to China": an adjective that puts the noun in the future
    r"(?:expected|anticipated|forthcoming|impending)\s+(?:[a-z-]+\s+)?"
    r"(?:visit|trip|tour|meeting|talks|summit|call))\b",
    re.I,
)
# "Putin had invited Trump to visit Moscow", "rather than wait for a Brezhnev trip to": the
# words right before the clause ask for the contact or wait for it
_ASKED_BEFORE = re.compile(
    r"\b(?:invited|invites|invite|inviting|urged|urges|wait\s+for|waiting\s+for|awaits|awaited"
    r"|awaiting)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_WILL_AFTER = re.compile(
    r"\s*(?:will|shall|'ll|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|plans?\s+to"
    r"|is\s+expected\s+to|are\s+expected\s+to)\b",
    re.I,
)
_PLANNED_AFTER = re.compile(
    r"^[^.;]*?\b(?:next (?:week|month|year)|later this (?:week|month|year)|in the coming (?:days|weeks))\b"
    # "Talks between A and B are scheduled for Tuesday": the noun phrase's own verb, present
    # "a meeting between Putin and X is being planned"
    r"|^\s*(?:is|are)\s+(?:now\s+|also\s+)?(?:being\s+(?:prepared|arranged|organi[sz]ed|worked\s+out|planned)\b"
    r"|(?:scheduled|set|due|expected|planned|slated"
    r"|to\s+(?:be\s+held|take\s+place|begin|start|open|resume))\b)",
    re.I,
)
# "three days before the summit between A and B", "ahead of a summit meeting between": the
# words right before the contact's noun phrase put it in the future.
# Not a gerund: "embraced before holding talks" tells what happened in order.
_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead of|prior to|run-up to)\s+(?:the|a|an|their)?\s*(?:(?![\w-]+ing\s)[\w-]+\s+)?$",
    re.I,
)
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*,")
_GERUND = re.compile(r"(?!meetings?\b)\w+ing\b")  # "meeting" is the noun too
# A name "called" what follows it: a quoted or indefinite noun phrase that is no time.
_NAMING_AFTER = re.compile(
    r"^\s*(?:``|\"|“|')\s*(?:a|an)\s"
    r"|^\s*(?:a|an)\s+(?!(?:day|week|month|year|few|second|third|fortnight|number)\b)"
    r"(?:[a-z-]+\s+)?(?:liar|traitor|criminal|dictator|terrorist|puppet|murderer|thug|tyrant|"
    r"war criminal|killer|clown|fool|friend|hero)\b",
    re.I,
)
_CANCELLED = re.compile(
    r"\b(?:not|n't|never|refused|refuses|refusing|declined|declines|cancell?ed|cancels|called off|"
    r"calls off|postponed|scrapped|ruled out|no plans)\b",
    re.I,
)
# "The Kremlin flatly denied a report that Trump spoke by phone with Putin": a denied contact
# ... and "officials denied that Moi had met Museveni", "denied having met him"
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|dismissed|rejected)\b[^.;]{0,60}?\b(?:reports?|claims?)\s+that\b"
    r"|\b(?:denied|denies|deny|denying)\s+(?:that\b|having\b)",
    re.I,
)
# "There were no talks between A and B", "was not aware of any conversation between A and B":
# the noun's own determiner says none took place.
_NONE_TOOK_PLACE = re.compile(
    r"\b(?:no|not\s+(?:\w+\s+){0,4}?any)\s+(?:(?:such|direct|official|formal|bilateral|"
    r"face-to-face|telephone|phone|high-level|substantive|further)\s+)?$",
    re.I,
)
_CANCELLED_AFTER = re.compile(
    r"^[^.;]*?\b(?:was|were|has been|had been|have been|is|are)\s+(?:\w+\s+)?"
    r"(?:cancell?ed|called off|postponed|scrapped|put off|put on hold|shelved|suspended)\b",
    re.I,
)
# "no plans for a conversation between A and B": the noun phrase's own negation, further left;
# "no need for a meeting between A and B" and "no point in talks with" deny it just as well.
_NO_PLANS = re.compile(
    r"\bno\s+(?:plans?|intention|arrangements?|need|reason|point|sense)\s+(?:for|of|to|in)\b"
    r"[^.;]{0,40}$",
    re.I,
)
# "postponed a planned visit to Germany, where he was due to meet Scholz": the meeting is off too.
_CANCELLED_TRIP = re.compile(
    r"\b(?:postponed|cancell?ed|called\s+off|scrapped|put\s+off|shelved)\s+(?:a|an|his|her|their|the)"
    r"\s+(?:planned\s+|scheduled\s+)?(?:[a-z-]+\s+)?(?:visit|trip|tour)\b[^.;]{0,60},\s*where\b",
    re.I,
)
_VETO = re.compile(r"\bsummon(?:ed|s|ing)?\b", re.I)
_HABITUAL = re.compile(
    r"\b(?:every (?:week|month|day|year)|each (?:week|month)|regularly|frequently|routinely|"
    r"usually|often|in the past|years ago|last year|have met \w+ times|several times|many times|"
    r"\w+ times before|(?:first|previous|last) term|"
    # "who has met him twice this year": told as a count, a habit of the year
    r"(?:twice|(?:three|four|five|six|several|many|\d+)\s+times)\s+(?:this|last|a|in\s+the\s+past)\s+"
    r"(?:year|month|week|few\s+(?:weeks|months))|"
    # "the result of more than a year of on-and-off talks between A and B": a long process
    r"(?:a|one|two|three|four|five|several|many|\d+)\s+(?:years?|months)\s+of\s+(?:[\w-]+\s+)?"
    r"(?:talks|negotiations|meetings|contacts))\b",
    re.I,
)
_MOST_RECENTLY = re.compile(r"\b(?:most recently|latest|last time)\b[^.;]{0,40}$", re.I)
_IN_PERSON = re.compile(
    r"\b(?:on the (?:sidelines|margins)|in person|face[- ]to[- ]face|during (?:a|an|his|her|their|the) "
    r"(?:visit|trip|meeting|lunch|dinner|breakfast)|at the (?:summit|meeting)|one[- ]on[- ]one|"
    r"(?:only )?(?:interpreters|aides|translators) present|informally for|joined by their delegations|"
    # "spoke directly for a few minutes in the presence of the Omani minister", "talked alone"
    r"in (?:the |his |her |their )?presence|in \w+['’]s presence|(?:talked|spoke) alone|"
    r"(?:advisers|aides|delegations) at (?:their|his|her) sides?)\b",
    re.I,
)
_WIRE = re.compile(r"phone|video|call", re.I)  # "had a brief conversation": no wire named
_A_TALK = re.compile(r"\b(?:a|an|their|his|her|long|private)\s+talks?$", re.I)
_BY_PHONE = re.compile(r"\b(?:by|over the|on the) (?:tele)?phone\b", re.I)
# Words right before a "between" trigger that belong to its noun phrase ("a planned summit
# between", "the cancelled talks between").
_NOUN_PHRASE = re.compile(r"(?:\b[\w-]+\s+){0,3}$")
_VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?|video ?(?:call|link|conference)|videoconference|online)\b", re.I
)
_THIRD_PLACE = re.compile(r"\b(?:on the (?:sidelines|margins) of|at the \w+ summit)\b", re.I)
_LOCATION = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w’'.-]+)(?:\s+(?:[A-Z][\w’'.-]+|of|de|du|al))*"
    r"(?:,\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*)?)"
)
_MARGINS = re.compile(
    r"\bon the (?:sidelines|margins) of (?:the )?(?P<event>[^,.;]+?)(?=\s+(?:in|on|at|to)\s|[,.;]|$)"
)
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|His|Her|Their)\b"
)


@dataclass
class Details:
    status: str
    date: date | None
    background: bool
    location: str | None
    type: str
    mode: str | None
    cameo: str
    plover: str
    confidence: float

    def build(self, parties: list[Party], clause: Clause, sentence: str) -> Contact:
        participants = [p.participant for p in parties]
        initiator = None
        if clause.initiator == "subject" and clause.subjects:
            initiator = _label(parties[0])
        elif clause.initiator == "object" and clause.objects and len(parties) > 1:
            initiator = _label(parties[-1])
        plover = self.plover
        if self.type == "meeting" and len(participants) > 2 and plover == "":
            plover = "multilateral"
        confidence = self.confidence
        if any(p.kb_id is None for p in participants):
            confidence -= 0.1
        if any(m.kind == "ref" for m in clause.subjects + clause.objects):
            confidence -= 0.05
        return Contact(
            type=self.type,  # type: ignore[arg-type]
            mode=self.mode,  # type: ignore[arg-type]
            status=self.status,  # type: ignore[arg-type]
            date=self.date,
            participants=participants,
            initiator=initiator,
            location=self.location,
            evidence=[sentence],
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            cameo=self.cameo,
            plover_mode=plover,
            background=self.background,
        )


_VIDEO = re.compile(r"\bvideo|videoconferenc", re.I)
# Triggers that set the scene of another verb ("During a meeting with X, Y asked ...").
_SETTING_TRIGGERS = frozenset({"pp_meeting", "adverbial", "by_phone"})
_PAST_WORDS = frozenset("met spoke spoken held had rang made paid gave sat flew took got".split())


def _past(trigger_text: str) -> bool:
    first = trigger_text.split()[0].lower()
    return first.endswith("ed") or first in _PAST_WORDS


def _label(party: Party) -> str:
    return party.participant.canonical_name or party.participant.name


_BEFORE_GERUND = re.compile(r"\bbefore\s+$", re.I)
# A main verb of what is still to come: the future, or a timetable's present tense
_FUTURE_STEP = re.compile(
    r"\b(?:will|is\s+to|are\s+to|(?:is|are)\s+(?:due|expected|scheduled|set)|plans\s+to|"
    r"flies|travels|heads|goes|leaves|arrives|moves\s+on)\b"
)


def _after_a_future_step(sentence: str, trigger: Trigger) -> bool:
    # "flies to Tonga on Tuesday, before visiting Vanuatu": a gerund after "before" happens
    # after its main verb, so it is still to come when the main verb is
    return bool(
        _GERUND.match(trigger.text)
        and _BEFORE_GERUND.search(sentence, 0, trigger.start)
        and _FUTURE_STEP.search(sentence, 0, trigger.start)
    )


def describe(clause: Clause, sentence: str, published: date | None) -> Details | None:
    """The contact's attributes, or None when the clause reports no contact (hypothetical, summons)."""
    if _VETO.search(sentence):
        return None
    trigger = clause.trigger
    start = clause.start
    if clause.kind.grammar == "between" and not clause.subjects:
        start = _NOUN_PHRASE.search(sentence, 0, trigger.start).start()  # type: ignore[union-attr]
    # "Poehl, who was not at the talks, spoke by telephone with": an aside about the subject
    # tells nothing of the contact's status
    before = _ASIDE.sub(",", sentence[start : trigger.start]) + " " + trigger.text
    after = sentence[clause.end :]
    # "X said Japan must recognize ..., following talks with Y": the parse read the talks as
    # done, the modal is the report's
    reported = trigger.name == "closing_talks" and clause.status == "occurred"
    if _HYPOTHETICAL.search(before) and not reported:
        return None
    if clause.kind.grammar == "between" and not clause.subjects:
        # A noun phrase as subject: its verb follows ("a call between A and B could end this").
        if _HYPOTHETICAL_VERB.match(sentence[clause.end :]):
            return None
    status = "occurred"
    cancelled_before = (
        _CANCELLED.search(before)
        or _NO_PLANS.search(sentence, 0, trigger.start)
        or _DENIED.search(sentence, 0, trigger.start)
        or _NONE_TOOK_PLACE.search(sentence, 0, trigger.start)
    )
    # "the visit was cancelled" undoes a noun; "held talks with X and pledged to restart
    # programmes that were suspended" is a past verb's contact and another thing's suspension
    if cancelled_before or (_CANCELLED_AFTER.match(after) and not _past(trigger.text)):
        status = "cancelled"
    elif (
        _PLANNED.search(before)
        or (_ASKED_BEFORE.search(sentence, 0, start) and not _past(trigger.text))
        or (not _past(trigger.text) and _PLANNED_AFTER.match(after))
        or (_BEFORE_EVENT.search(sentence, 0, trigger.start) and not _GERUND.match(trigger.text))
    ):
        status = "planned"
    if (
        status != "occurred"
        and clause.past
        and clause.status == "occurred"
        and not cancelled_before
    ):
        # "ended two days of talks ... on next month's summit", "held talks with X and pledged
        # to restart programmes that were suspended": the words after are another event's
        status = "occurred"
    if clause.status == "hypothetical":
        return None
    if clause.kind.type == "call" and _NAMING_AFTER.match(after):
        return None  # "called Bush ``a liar''", "called Kim a rocket man": naming, no call
    if trigger.name in _SETTING_TRIGGERS and clause.status in ("occurred", "planned"):
        # "asked for officers to be deployed, during a meeting with X": a setting's time is its
        # main verb's, which the parse read; the words before it are not the contact's
        status = clause.status
    if status == "occurred" and clause.status in ("planned", "cancelled"):
        status = clause.status
    subjects = clause.subjects
    if (
        status == "occurred"
        and subjects
        and subjects[0].start > trigger.end
        and _WILL_AFTER.match(sentence, subjects[-1].end)
    ):
        status = "planned"  # "Also during his talks with Prodi, Olmert will underline ..."
    if status == "planned" and _CANCELLED_TRIP.search(sentence, 0, trigger.start):
        status = "cancelled"
    day, old = _date(sentence, clause, published, status == "planned")
    if status in ("occurred", "planned") and _after_a_future_step(sentence, trigger):
        # "Wang flies to Tonga on Tuesday, before visiting Vanuatu": later, on a day untold
        status, day = "planned", None
    if status == "occurred" and day and published and day > published:
        status = "planned"
    kind = clause.kind
    type_, mode, cameo, plover = kind.type, kind.mode, kind.cameo, kind.plover
    if (
        type_ == "call"
        and trigger.name in ("spoke", "call_nominal")
        and not _WIRE.search(trigger.text)
        and not _BY_PHONE.search(sentence)
        and (_IN_PERSON.search(sentence) or _A_TALK.search(sentence, 0, trigger.end))
    ):
        # "slipped away to Lusaka for a talk with Kaunda": a talk, the noun, is had in person
        type_, mode, cameo, plover = "meeting", None, "040", ""
    if type_ == "call" and mode == "phone" and _VIDEO.search(trigger.text):
        mode = "video"  # "in a two-hour video call", "during their videoconference"
    if type_ == "meeting" and _VIRTUAL.search(sentence[clause.start : clause.end + 40]):
        type_, mode, cameo, plover = "call", "video", "041", "phone"
    elif type_ == "meeting" and _BY_PHONE.search(sentence[clause.start : clause.end + 40]):
        type_, mode, cameo, plover = "call", "phone", "041", "phone"  # "held talks by phone"
    if type_ == "meeting" and cameo == "040" and _THIRD_PLACE.search(sentence):
        cameo, plover = "044", "third-party"
    # Habits told after the clause are another clause's ("..., the forum where the alliance and
    # Moscow have met regularly"): only the words up to just past it say this one is a habit.
    habitual = _HABITUAL.search(sentence, 0, clause.end + 30) is not None
    if habitual and _MOST_RECENTLY.search(sentence, 0, clause.trigger.start):
        habitual = False  # "has frequently voiced ..., most recently during a visit to X"
    background = old or habitual or clause.status == "background"
    return Details(
        status=status,
        date=day,
        background=background,
        location=_location(sentence, clause) if type_ != "call" else None,
        type=type_,
        mode=mode,
        cameo=cameo,
        plover=plover,
        confidence=kind.strength,
    )


def _date(
    sentence: str, clause: Clause, published: date | None, future: bool
) -> tuple[date | None, bool]:
    mentions = find_dates(sentence, published, future=future)
    # "X, who replaced Y in July, also met Z", "met Z, whom the conference elected last
    # August": a relative clause's date is its own, not the contact's
    asides = [
        (m.start(), m.end())
        for m in _RELATIVE_ASIDE.finditer(sentence)
        if not m.start() <= clause.trigger.start < m.end()
    ]
    mentions = [d for d in mentions if not any(a <= d.start < b for a, b in asides)]
    if not mentions:
        return None, False
    if all(d.old for d in mentions) and not any(
        sentence[d.start : d.end].lower().startswith("since")
        or _SINCE.search(sentence, max(0, d.start - 60), d.start)
        for d in mentions
    ):
        # "The two leaders met several times, including in Houston in 2019": a sentence that
        # dates nothing recent tells of the past, wherever its date stands.
        inside = [d for d in mentions if clause.start - 30 <= d.start <= clause.end + 30]
        return (inside[0].day if inside else None), True
    # Only a date inside the clause or right after it dates this contact; not the day the
    # news was told ("..., the Kremlin said on Friday") nor the start of a span ("has spoken
    # with them since Tuesday"), which the text gives no day of.
    opening = dateline_end(sentence)
    mentions = [
        d
        for d in mentions
        if clause.start - 30 <= d.start
        and _follows_clause(sentence, clause.end, d.start)
        and d.start >= opening
        and not _REPORTED_ON.search(sentence, 0, d.start)
        and not sentence[d.start : d.end].lower().startswith("since")
        and not _SINCE.search(sentence, 0, d.start)
    ]
    if not mentions:
        return None, False
    # News puts a contact's day after its verb ("met Kim on Sunday and hosted Trump on
    # Monday"): the nearest date after the trigger, else the nearest before it.
    anchor = clause.trigger.start
    after = [d for d in mentions if d.start >= anchor]
    best = min(after or mentions, key=lambda d: abs(d.start - anchor))
    return best.day, best.old


_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|added|reported|confirmed|stated|disclosed)\s+(?:on\s+)?$",
    re.I,
)
# "since Tuesday", "since Russia annexed Crimea in March": the start of a span, no contact's day
_SINCE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,6}?(?:in\s+|on\s+)?$", re.I)
_RELATIVE_ASIDE = re.compile(
    r",\s*(?:who|whom|whose|which)\b[^,;]*"
    # "arrived for a visit that would have been unthinkable a few months ago, and was embraced"
    r"|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?that\s+(?:would|had|has|was|were|could|might)\b[^,;]*"
)


# Words that end the clause before a date further on ("met X, and on Monday Y said").
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|who|which|when|after|before|while)\b")


def _follows_clause(sentence: str, end: int, start: int) -> bool:
    # A date right after the clause is its own; one further on is too when no clause break
    # stands between ("spoke face to face for the first time on Friday").
    if start <= end + 30:
        return True
    return (
        start <= end + 70
        and _DAY_PHRASE.match(sentence, start) is not None
        and not _CLAUSE_BREAK.search(sentence, end, start)
    )


# A date phrase of its own, not a date inside a noun ("the April 22-23 Leaders Summit").
_DAY_PHRASE = re.compile(r"(?:on|last|this|yesterday|today|earlier)\b", re.I)


def _location(sentence: str, clause: Clause) -> str | None:
    tail = sentence[clause.end :]
    margins = _MARGINS.search(tail)
    for match in _LOCATION.finditer(tail):
        place = match.group("place")
        if not _NOT_PLACES.match(place):
            place = place.removeprefix("the ").strip(" ,")
            # the sentence's full stop is not the place's, an abbreviation's is ("D.C.")
            return place[:-1] if place.endswith(".") and "." not in place[:-1] else place
    if margins:
        return margins.group("event").strip()
    if clause.kind.grammar == "visit" and clause.objects and clause.objects[0].kind == "polity":
        return clause.objects[0].name
    return None
