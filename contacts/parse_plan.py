"""Which sentences the dependency parse reads, and whether its entity recogniser runs on them.

Parsing is the detector's dearest step. A sentence without a contact word, or one whose every
trigger the position rules (clauses.py) read with named, placed parties, keeps the rules'
reading; the parse reads the rest (detect.py batches them). Of those, a sentence whose every
capitalised word the rules already named is parsed without the entity recogniser, which only
adds names.
"""

from __future__ import annotations

import re

from contacts.clauses import Clause, clauses_for
from contacts.lexicon import Lexicon, token_key
from contacts.mentions import Mention
from contacts.sentences import Sentence
from contacts.syntax import NameWords
from contacts.titles import THING_WORDS
from contacts.triggers import Trigger


def needs_parse(sentence: Sentence, triggers: list[Trigger], mentions: list[Mention]) -> bool:
    # Parsing is the detector's dearest step: a sentence whose every trigger the position rules
    # read with named, placed parties keeps their reading (the common case in readouts).
    if not _may_name_two(sentence.text, mentions):
        return False  # "Further talks between the parties are expected": no one to parse for
    if sentence.text.count(" ") >= _LONGEST_PARSED:
        return False
    if (
        not triggers
        and not has_contact_noun_phrase(sentence.text)
        and not _signed_together(sentence.text, mentions)
    ):
        return False  # no contact word: nothing the parse could read
    if any(
        m.kind in ("ref", "role")
        and m.how in ("title", "counterpart", "role", "members")
        and (
            _NAME_BEFORE.search(sentence.text, 0, m.start)
            or _NAME_AFTER.match(sentence.text, m.end)
        )
        for m in mentions
    ):
        # "Khalil Haddadin, Jordan's foreign minister, met", "her counterpart from Burkina
        # Faso, Issa Sawadogo,": a name the rules lack, which the model may tag
        return True
    if _LED_BY.search(sentence.text):
        return True  # "a Philippine delegation led by Undersecretary X": X is the party
    if not triggers:
        # Contact words the phrase patterns did not take ("a meeting early Monday between"):
        # the parse may still read them.
        return True
    found = clauses_for(sentence.text, mentions, triggers)
    if _list_cut_short(sentence.text, found, mentions):
        return True
    if _CONTACT_AFTER_AND.search(sentence.text) and has_contact_noun_phrase(
        sentence.text, triggers
    ):
        # "held talks with A, and eight hours of talks with B": a second contact noun no
        # phrasing took, whose subject only the parse reads
        return True
    clauses = {id(c.trigger): c for c in found}
    for trigger in triggers:
        clause = clauses.get(id(trigger))
        if trigger.name in _RULES_SUFFICE and clause is None:
            continue  # "welcoming strategies", "received federal equipment": no host and guest
        if (
            clause is None
            or not clause.objects
            or not (clause.subjects or clause.symmetric_objects)
        ):
            return True
        for mention in clause.subjects + clause.objects:
            if mention.kind == "person" and not mention.state:
                if mention.actor is None:
                    return True
    return _PRESENT_OR_FUTURE.search(sentence.text) is not None


# "Premier A and Prime Minister B this afternoon signed the declaration": signing side by side
_SIGNED = re.compile(r"\b(?:signed|initial(?:l)?ed)\b")


def _signed_together(text: str, mentions: list[Mention]) -> bool:
    match = _SIGNED.search(text)
    if match is None:
        return False
    people = [m for m in mentions if m.kind == "person" and m.end <= match.start()]
    return len(people) >= 2 and " and " in text[people[0].end : people[-1].start]


_CONTACT_AFTER_AND = re.compile(
    r",?\s+and\s+(?:[\w-]+\s+){0,5}?(?:talks|meetings?|consultations|discussions)\s+with\b", re.I
)
_LIST_GAP = re.compile(r"^[\s,]*(?:and\s+)?[\w .'’-]{0,60}$")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*(?:the\s+)?$")
_LED_BY = re.compile(
    r"\b(?:delegation|team|mission)s?\s+(?:(?:of|in)\s+[^.;]{0,60}?)?(?:led|headed)\s+by\b", re.I
)
_LIST_GOES_ON = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z]+\s+)?([A-Z][\w.'’-]*\s+[A-Z][\w'’-]+)"
)
_NAME_AFTER = re.compile(r",\s*[A-Z][\w'’-]+\s+[A-Z]")


def _list_cut_short(text: str, clauses: list[Clause], mentions: list[Mention]) -> bool:
    # "met A, Swiss Economics Minister B and National Bank President C": an unknown person
    # listed right after a clause's objects, where the position rules stopped.
    placed = {id(m) for c in clauses for m in c.subjects + c.objects}
    ends = [o.end for c in clauses for o in c.objects]
    for end in ends:
        # "held discussions with Treasury Secretary X and Democratic Sens. Y of New York, ...":
        # the list goes on in capitalised words no rule read
        more = _LIST_GOES_ON.match(text, end)
        if more and not any(m.start <= more.start(1) < m.end for m in mentions):
            return True
    for m in mentions:
        if m.kind != "person" or m.state or id(m) in placed:
            continue
        for end in ends:
            gap = text[end : m.start]
            if end <= m.start and ("," in gap or " and " in gap) and _LIST_GAP.match(gap):
                return True
    return False


# Triggers whose false friends are common and whose contacts the position rules read well
# ("X hosted Y", "X received Y", "X called Y"): when the rules find no clause, the parse is not
# asked ("welcoming strategies", "received federal equipment").
_RULES_SUFFICE = frozenset({"hosted", "welcome", "called"})
# A sentence this long is a list or a legal text, not news prose: the rules read it alone.
_LONGEST_PARSED = 70

# Tenses the position rules misread as reports of the past ("visits Washington this week").
_PRESENT_OR_FUTURE = re.compile(r"\b(?:visits|meets|holds|travels|leaves|heads|flies)\b")


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
# Capitalised words that open sentences and name no one.
_OPENERS = frozenset(
    """The A An In On At But And He She It They This That These Those After Before During While
    When As For With From By To Of Its His Her Their We I There Some Many Most Under Since If
    Although Though Meanwhile Also Earlier Later Last Next Speaking""".split()
)
_PERSONAL = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


def _may_name_two(text: str, mentions: list[Mention]) -> bool:
    # A contact needs two parties, at least one of them named: a mention the rules found, a
    # capitalised word they did not (a name), or a pronoun beside one.
    named = sum((m.kind != "ref") + (m.how == "members") for m in mentions)  # a group is many
    named += sum(
        c.group() not in _OPENERS and not any(m.start <= c.start() < m.end for m in mentions)
        for c in _CAPITALISED.finditer(text)
    )
    refs = sum(m.kind == "ref" for m in mentions) or bool(_PERSONAL.search(text))
    return named >= 2 or (named >= 1 and bool(refs))


_CAPITALISED_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*")  # not acronyms: states, bodies


def names_unknown(sentence: str, mentions: list[Mention], lexicon: Lexicon) -> NameWords:
    # A capitalised word no rule mention covers, past the sentence's first word and not a
    # word of the calendar or grammar, may be a name only the model sees; a person the rules
    # found without a state may get one from the model's entity ("US negotiator Michael X").
    # A state's own word ("the Ukrainian people") is not a name either.
    if any(m.kind == "person" and m.state is None and m.actor is None for m in mentions):
        return NameWords(every=True)
    first = True
    starts = []
    for run in _CAPITALISED_RUN.finditer(sentence):
        # "the White House", "the Black Sea Grain Initiative": capitalised words that end in
        # a word naming a thing are no one's name (the recogniser costs most of the parse)
        last = _possessive_off(run.group().rsplit(None, 1)[-1].rstrip("."))
        thing = last.lower() in THING_WORDS
        for match in _CAPITALISED_WORD.finditer(run.group()):
            if first:
                first = False
                continue
            word = match.group()
            if thing or word.lower() in _CAPITALISED_WORDS or _polity_word(word, lexicon):
                continue
            start = run.start() + match.start()
            if not any(m.start <= start < m.end for m in mentions):
                starts.append(start)
    return NameWords(starts=frozenset(starts))


# Capitalised words in a row (acronyms too: "US Secretary"), one name or one thing's name.
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")


def _polity_word(word: str, lexicon: Lexicon) -> bool:
    entries = lexicon.index.get(token_key(_possessive_off(word)), ())
    return any(len(keys) == 1 and any(e.kind == "polity" for e in found) for keys, found in entries)


def _possessive_off(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


_CAPITALISED_WORDS = frozenset(
    """i the a an in on at for to by with from as this that he she they it his her their its we
    our after before during while when but or if and mr mrs ms dr
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


# The head words of frame_words.PARSE_TRIGGER_ROWS, as whole words: a sentence without one
# needs no parse.
_CONTACT_WORDS = re.compile(
    r"\b(?:meet|meets|met|meeting|meetings|talk|talks|talked|confer|conferred|consultations?|"
    r"discussions?|negotiations?|summit|summits|conversations?|phoned|telephoned|received|"
    r"receives|hosted|hosts|visit|visits|visited|trip|trips|tour|arrived|arrives|lunch|luncheon|dinner|session|gathered|signed|initialled|initialed)\b",
    re.IGNORECASE,
)


# ... and a party after it: "a meeting early Monday between", "talks in Rome with".
_PARTY_AFTER = re.compile(r"\W(?:with|between|among|by|of|to|in)\W", re.IGNORECASE)


# "discussed" reports a contact only with a party after "with" ("discussed the debt with X") or
# two named parties before it ("Omondi and Kisembo discussed"); readouts' "the two leaders
# discussed ..." follows the contact told before.
_DISCUSSED = re.compile(
    r"\bdiscuss(?:ed|es|ing)?\b[^.;]{0,60}?\bwith\b"
    r"|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+and\s+(?:(?:his|her|the)\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"[A-Z][\w'’-]+,?\s+(?:\w+\s+)?discuss(?:ed|es)?\b"
)


# ... or a preposition that makes it the setting of the sentence's verb, whose subjects are
# its parties: "A and B agreed on a plan, after more than three hours of talks."
_SETTING_BEFORE = re.compile(r"\b(?:after|following|during)\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)


def has_contact_noun_phrase(sentence: str, taken: list[Trigger] | None = None) -> bool:
    """A contact word with a preposition that may introduce a party within a few words; not
    one of the `taken` triggers' words."""
    spans = [(t.start, t.end) for t in taken or []]
    for match in _CONTACT_WORDS.finditer(sentence):
        if any(a <= match.start() < b for a, b in spans):
            continue
        if _PARTY_AFTER.search(sentence, match.end(), match.end() + 40):
            return True
        if _SETTING_BEFORE.search(sentence, max(0, match.start() - 50), match.start()):
            return True
    return _DISCUSSED.search(sentence) is not None
