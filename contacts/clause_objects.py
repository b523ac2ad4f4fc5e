"""The objects of a trigger read by position: who is met, called or visited, and whether each
object is a contact of its own ("hosted Macron on Monday and Starmer on Thursday").

clauses.py asks `objects_of` for every trigger; the gaps a list may have between its members
are the tables below.
"""

from __future__ import annotations

import re

from contacts.mentions import Mention
from contacts.triggers import FILL, Trigger

# "went into a session, lasting until nearly three in the morning, with X": how long, aside
_DURATION = r"(?:\s*,\s*(?:lasting|which\s+lasted|that\s+lasted)\s+[^,;.]{1,50},)?"
# The object slot after each grammar's trigger: the text between trigger and object must match.
# "called on Mr. Muizzu", "spoke to His Highness Sheikh Tamim", "met General X": a courtesy or
# a rank before the name.
_HONORIFIC = (
    # "received M. Bedie": French copy's "M.", "Mme" and "MM." too
    r"(?:(?:(?:Mr|Mrs|Ms|Dr|Messrs|Mme|MM)\.?|(?-i:M\.)|(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty|Excellency)"
    r"|H\.\s?E\.|(?-i:(?:Lt\.?\s+|Lieutenant\s+|Major\s+|Brig\.?\s+|Brigadier\s+)?(?:Gen\.|General)"
    r"|Field\s+Marshal|Marshal|Col\.|Colonel|Capt\.|Captain|Adm\.|Admiral))\s+)?"
)
# "held talks with the head of Sudan's military council, General X": the post told before
# the name, as an apposition
_DESCRIBED = (
    r"(?:the\s+(?:(?-i:[a-z-]+)\s+){0,2}(?:head|chief|leader|chairman|chair|president|commander|"
    r"secretary|director)\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s*(?:of\s+(?:the\s+)?)?){1,6},\s+"
    # "held separate sessions with the chief negotiators, A and B"
    r"|the\s+(?:(?-i:[a-z-]+)\s+){0,2}(?:negotiators|mediators|envoys|leaders|ministers|heads),\s+)?"
)
OBJECT_GAP = {
    "direct": re.compile(
        rf"^{FILL}\s*(?:up\s+)?(?:the\s+|visiting\s+|the\s+visiting\s+|his\s+|her\s+)?"
        rf"{_DESCRIBED}{_HONORIFIC}$",
        re.I,
    ),
    "with": re.compile(
        rf"^{FILL}{_DURATION}\s+(?:with|to|between)(?:\s+(?:both|the|visiting|his|her))?\s*{_DESCRIBED}"
        rf"{_HONORIFIC}$",
        re.I,
    ),
    "from": re.compile(rf"^\s*(?:the\s+)?{_HONORIFIC}$", re.I),
    "to": re.compile(rf"^{FILL}\s+to(?:\s+the)?\s*$", re.I),
    "visit": re.compile(
        rf"^{FILL}\s*(?:(?:the|a|an)\s+)?(?:(?:official|state|working|two-day|three-day|one-day|surprise|unannounced|previously\s+unannounced)\s+)*(?:visit\s+to\s+)?(?:the\s+)?(?:(?:neighbou?ring|nearby|oil-rich|war-torn)\s+)?$",
        re.I,
    ),
    "between": re.compile(rf"^\s*(?:the\s+)?{_HONORIFIC}$", re.I),
    "for": re.compile(
        rf"^{FILL}\s+(?:for|in\s+hono(?:u)?r\s+of)(?:\s+(?:the|visiting))?\s*{_HONORIFIC}$", re.I
    ),
}


_OBJECT_KINDS = {"person", "role", "ref"}
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(
    # "between A, who was host, B and C": a short relative clause on one of the listed
    # or "..., according to a State Department official, and with B"
    r"^\s*(?:,\s*(?:who|which)\s+(?:is|was|were)\s+[\w -]{1,25}?|,\s*according\s+to\s+[\w .'’-]{1,60}?)?"
    r"(?:,|and|&|,\s*and|as\s+well\s+as|,\s*as\s+well\s+as)\s*(?:with\s+)?(?:the\s+)?$",
    re.I,
)

# "held talks with Erdogan and then with Stoltenberg": two meetings, not one.
_SEPARATE_GAP = re.compile(
    r"^\s*,?\s*(?:and\s*,?\s*)?(?:then|later|afterwards|separately|also|another(?:\s+one)?)\s*,?\s+with\s*$",
    re.I,
)

_DATED_AND = re.compile(
    r"^\s+(?:on|last|this|early|late)\s+(?:\w+\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|weekend|month|morning|evening)\s*,?\s+and\s+(?:then\s+)?$",
    re.I,
)

_PLACED = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_PLACED_THEN_AND = re.compile(
    r"^\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,\s*and\s+(?:then\s+|also\s+)?with\s+(?:the\s+)?$"
)
_PLACED_AND = re.compile(
    r"^\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"(?:\s+(?:on|last|this|early|late)\s+(?:\w+\s+)?\w+)?\s*,?\s+and\s+(?:then\s+)?$"
)

# "telephoned the leaders of several Latin American countries early Wednesday to explain his
# decision, including Venezuelan President X and ...": the people a group is told by
_INCLUDING_GAP = re.compile(
    r"^\s+(?:with\s+|to\s+)?(?:the|his|her|their|several|many|a\s+number\s+of)\s+[^;:.]{0,40}?"
    r"\b(?:leaders|heads|presidents|ministers|counterparts|officials|governments|delegations)\b"
    r"[^;:.]{0,160}?,\s*including\s+(?:the\s+)?$",
    re.I,
)


def objects_of(
    sentence: str, mentions: list[Mention], trigger: Trigger, polity_ok: bool
) -> tuple[list[Mention], bool]:
    after = [m for m in mentions if m.start >= trigger.end]
    # A place between verb and object ("met in Helsinki with ...", "held talks in Cairo on
    # Thursday with ...") is not the object.
    while (
        after
        and (
            not usable(after[0], polity_ok)
            # "held talks here with X": the dateline's city, no party ("a visit here" goes to it)
            or (
                sentence[after[0].start : after[0].end].lower() == "here"
                and trigger.kind.grammar != "visit"
            )
            or (
                after[0].kind == "polity"
                and _LOCATIVE_BEFORE.search(sentence, 0, after[0].start)
                and trigger.kind.grammar != "visit"
            )
        )
    ):
        after = after[1:]
    if not after:
        return [], False
    first = after[0]
    gap = sentence[trigger.end : first.start]
    grammars = [trigger.kind.grammar]
    if trigger.name == "met":
        grammars.append("direct")
    if not any(OBJECT_GAP[g].match(gap) for g in grammars) and not (
        first.kind == "person" and _INCLUDING_GAP.match(gap)
    ):
        return [], False
    if not usable(first, polity_ok):
        return [], False
    objects = [first]
    separate = False
    for m in after[1:]:
        if (
            m.kind == "polity"
            and not polity_ok
            and _PLACED.fullmatch(sentence, objects[-1].end, m.start)
        ):
            continue  # "met Mobutu in Kinshasa and Kabila in Lubumbashi": each one's place
        placed = _PLACED_THEN_AND.match(sentence[objects[-1].end : m.start])
        if usable(m, polity_ok) and placed and m.kind != "polity":
            # "met Foreign Minister X in Doha, and with Qatar's emir, Y": one meeting each
            objects.append(m)
            separate = True
        elif (m.start, m.end) == (objects[-1].start, objects[-1].end):
            objects.append(m)  # "between Russian and Ukrainian negotiators"
        elif (
            usable(m, polity_ok)
            and (joined := _LIST_GAP.match(sentence[objects[-1].end : m.start])) is not None
            # "met X and the Kuwaiti emir"; states are not listed so: "between Iran and the US",
            # but places toured are: "toured Egypt, the Republic of Congo and Uganda"
            and not (
                m.kind == "polity"
                and trigger.kind.grammar != "visit"
                and joined.group().rstrip().endswith(("the", "The"))
            )
        ):
            objects.append(m)
        elif usable(m, polity_ok) and (
            _SEPARATE_GAP.match(sentence[objects[-1].end : m.start])
            or _DATED_AND.match(sentence[objects[-1].end : m.start])
            or _PLACED_AND.match(sentence[objects[-1].end : m.start])
        ):
            objects.append(m)  # "hosted Macron on Monday and Starmer on Thursday": two, each dated
            separate = True
        else:
            break
    return objects, separate


def usable(mention: Mention, polity_ok: bool) -> bool:
    return mention.kind in _OBJECT_KINDS or (polity_ok and mention.kind == "polity")
