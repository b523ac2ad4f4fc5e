"""The words the syntactic frames (frames.py) read, as data: trigger heads and parse-trigger
rows, light and planning verbs, modals, title words. A new phrasing is a row or a word here.
"""

from __future__ import annotations

from dataclasses import dataclass

# The word of a trigger phrase that heads it in the parse, by lemma.
TRIGGER_HEADS = frozenset(
    """meet meeting talk talks call phone telephone telephoned speak conversation discuss
    discussion discussions confer consultation consultations negotiate negotiation negotiations
    summit receive host welcome greet visit trip tour journey arrive travel fly land audience
    dinner lunch breakfast banquet conference session mediate mediation embrace hug""".split()
)


# Triggers the parse finds where the phrase patterns (trigger_table.py) did not: one row per head
# word, (lemma, part of speech) -> the triggers.KINDS entry that gives type, mode and codes.
# A row reads a word in any arrangement: "a meeting early Monday between A and B",
# "met at the Elysee Palace with".
@dataclass(frozen=True)
class ParseTrigger:
    """A head word the parse reads as a trigger, with the triggers.KINDS entry it reports."""

    lemma: str
    pos: str  # "VERB" | "NOUN", from the tagger's tag
    kind: str
    example: str  # a sentence no phrase pattern takes; tests check the row reads it


PARSE_TRIGGER_ROWS: tuple[ParseTrigger, ...] = (
    ParseTrigger(
        "meet",
        "VERB",
        "met",
        "When meeting the envoy on Monday, the president smiled.",
    ),
    ParseTrigger(
        "meeting",
        "NOUN",
        "pp_meeting",
        "A meeting early on Monday between the two presidents was short.",
    ),
    ParseTrigger(
        "talks", "NOUN", "talks", "There were talks late on Monday between the ministers."
    ),
    ParseTrigger("talk", "VERB", "talks", "The minister talks with his counterpart every week."),
    # "confer" is a phrase pattern (trigger_table.py "conferred"): "A and B conferred" names no one
    # after the verb, and the parse plan would not parse it
    # "discussed the debt with X", "A and B discussed trade": the talk itself, its topic between
    ParseTrigger("discuss", "VERB", "talks", "The president discussed the debt with the envoy."),
    ParseTrigger(
        "consultation", "NOUN", "talks", "After a consultation with the envoy, the minister left."
    ),
    ParseTrigger("discussion", "NOUN", "talks", "A discussion between the two ministers followed."),
    ParseTrigger("negotiation", "NOUN", "negotiated", "A negotiation between the two sides began."),
    ParseTrigger("summit", "NOUN", "talks", "The summit of the two leaders ended on Monday."),
    ParseTrigger("conversation", "NOUN", "talks", "Their conversation on Monday lasted an hour."),
    # "A and B initialled the accord after a final session of four hours": the talks
    ParseTrigger(
        "session", "NOUN", "talks", "The envoys shook hands once the final session ended."
    ),
    # "Liberian President A and UN envoy B gathered in Ganta for the festivities"
    ParseTrigger("gather", "VERB", "met", "The two presidents gathered in the town."),
    # "A and B initialled the accord", "the deal was signed by A and B": signing together
    ParseTrigger("sign", "VERB", "met", "The two presidents signed the accord in the hall."),
    ParseTrigger("initial", "VERB", "met", "The two negotiators initialled the text."),
    # "a lunch of EU ministers": a meal is a contact by the parties it gathers (its "of" group)
    ParseTrigger("lunch", "NOUN", "pp_meeting", "A lunch of EU foreign ministers followed."),
    ParseTrigger("dinner", "NOUN", "pp_meeting", "A dinner of NATO leaders followed."),
    ParseTrigger("trip", "NOUN", "visit_to", "The trip of the prime minister ended."),
    ParseTrigger("arrive", "VERB", "visit_to", "The minister arrived here on Monday."),
    ParseTrigger("tour", "NOUN", "visit_to", "The tour of the prime minister ended."),
)
PARSE_TRIGGERS: dict[tuple[str, str], str] = {(r.lemma, r.pos): r.kind for r in PARSE_TRIGGER_ROWS}

# Signing is a contact only between people who sign together (frames.dependency_clause).
SIGNING_VERBS = frozenset({"sign", "initial"})
# Who a meeting was "chaired by", "hosted by", "attended by": its parties.
ATTENDING_VERBS = frozenset({"chair", "attend", "host", "convene", "call"})  # "called by": convened
# A trip "which took him to London, Paris and Bonn": its destinations.
TAKING_VERBS = frozenset({"take", "bring", "lead"})
# A group named by the person at its head: "a delegation led by Vice Minister Zhao".
GROUP_NOUNS = frozenset(
    {"delegation", "delegations", "team", "teams", "mission", "missions", "group", "sides"}
)
LEADING_VERBS = frozenset({"lead", "head"})
# Verbs whose direct object is the topic, never a party ("discussed the Iraq crisis with X").
TOPIC_VERBS = frozenset({"discuss"})
# Triggers read only when the sentence holds no other: "During a phone call, A and B discussed"
# is the call, "A discussed trade with B" a meeting.
WEAK_TRIGGERS = frozenset({"discuss"})
# Verbs whose object noun is the contact ("held talks", "ended a meeting"): its subject is a party.
LIGHT_VERBS = frozenset(
    """hold have conduct begin end open start continue conclude resume renew make pay attend
    wrap chair host join complete tell address brief give""".split()
)
# Prepositions that introduce the other party of a trigger.
OBJECT_PREPOSITIONS = frozenset({"with", "between", "among", "to", "by", "from"})
# Prepositions whose phrase sets a contact beside the main clause ("after talks with X, Y said").
SETTING_PREPOSITIONS = frozenset(
    {"after", "during", "in", "at", "following", "before", "since", "on", "from", "ahead", "for"}
)
# Verbs whose infinitive object is not done yet ("agreed to meet", "urged A and B to hold talks").
NOT_YET_VERBS = frozenset(
    """plan expect schedule agree urge ask invite propose decide intend prepare seek try aim hope
    want wish offer promise call set due likely arrange""".split()
)
REFUSAL_VERBS = frozenset("refuse decline reject postpone cancel delay".split())
PLANNED_ADJECTIVES = frozenset(
    "planned proposed upcoming next possible future scheduled expected forthcoming likely".split()
)
PLANNING_NOUNS = frozenset(
    """preparation plan invitation proposal request prospect possibility hope idea offer
    agenda date""".split()
)
# Verbs whose passive subject is a contact still to come ("his trip was planned well before the
# row", "the talks are scheduled for May").
PLANNING_VERBS = frozenset({"plan", "schedule", "arrange", "set"})
# Verbs that ask for a contact ("called for talks", "pressed for a meeting"): none has happened.
ASKING_VERBS = frozenset("call press push appeal ask urge campaign lobby plead clamour".split())
# Words that tell about a contact as the topic of another: it is context, not news.
REPORTING_WORDS = frozenset(
    "brief inform update assessment detail result outcome impression account readout".split()
)
FUTURE_TIMES = frozenset({"next", "tomorrow", "upcoming", "coming"})
MODALS = frozenset({"could", "might", "may", "should", "must", "can"})
FUTURE = frozenset({"will", "shall", "wo", "'ll", "would"})
NP_DEPS = frozenset({"compound", "appos", "amod", "nmod", "flat", "det", "poss", "npadvmod"})
# Capitalised words of titles, never a surname ("the Attorney General").
TITLE_WORDS = frozenset(
    """general secretary minister president premier chancellor king queen prince emir sheikh
    ambassador envoy governor mayor senator sens sen representative rep leader chairman""".split()
)
# Common nouns for one person's role, named further on ("the head of the mission, X, said").
ROLE_HEADS = frozenset(
    "head chief leader envoy minister president secretary director chairman ambassador".split()
)
PRONOUNS = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
# Every dictionary form the frames compare a word with.
KNOWN_LEMMAS = (
    TRIGGER_HEADS
    | LIGHT_VERBS
    | NOT_YET_VERBS
    | REFUSAL_VERBS
    | ASKING_VERBS
    | PLANNING_NOUNS
    | PLANNING_VERBS
    | REPORTING_WORDS
    | {lemma_ for lemma_, _ in PARSE_TRIGGERS}
    | LEADING_VERBS
    | ATTENDING_VERBS
    | TAKING_VERBS
    | {"call", "arrive", "say"}
)

# The links a subjectless verb's subject is sought above: "agreed to meet" (xcomp), "and met"
# (conj), "after meeting" (advcl, pcomp, pobj, prep); npadvmod: "welcomed Putin, a day after
# holding talks with Biden", the day is the main verb's.
SUBJECT_CLIMBS = frozenset("xcomp conj advcl ccomp pcomp pobj prep parataxis npadvmod dep".split())


# Verbs whose object is the other party: with a thing for object ("Japanese and Chinese
# leaders welcomed the move") no one was met. "A and B discussed trade" is their meeting.
TAKES_A_GUEST = frozenset({"welcome", "host", "receive", "greet", "visit", "call", "phone"})


TRIP_NOUNS = frozenset({"visit", "visits", "trip", "trips", "tour", "journey"})


# Prepositions of a verb's place or time, on whose noun the parse may hang the "with" phrase
# of a meeting verb. Not of "speaking at a news conference with X" or "discussed at length with
# X": the phrase there is the setting's, or a topic verb's.
PLACE_TIME_PREPOSITIONS = frozenset({"at", "in", "on", "during"})
MEETING_VERBS = frozenset({"meet", "confer"})
MEALS = frozenset({"dinner", "lunch", "luncheon", "banquet", "breakfast", "reception", "supper"})
