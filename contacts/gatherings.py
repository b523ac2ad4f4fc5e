"""A gathering told in one sentence and who took part in it in a later one: "EU foreign ministers
met over lunch on Thursday. Portugal's foreign minister, who chaired the lunch, said ...": the
Portuguese minister was at the lunch.

News tells a multilateral meeting first by its group ("NATO foreign ministers meeting in
emergency session") and names its members as the story goes on: who chaired it, who spoke at
it, who met someone on its sidelines. Each such person joins the gathering told before.
"""

from __future__ import annotations

import re
from datetime import date

from contacts.clauses import Clause
from contacts.mention_model import Mention
from contacts.model import Contact, Participant
from contacts.resolve import Discourse

# The gathering, referred back to ("the lunch", "the same meeting", "the session"), with the
# words that put a person at it: chairing or attending it, speaking at it, meeting on its
# sidelines.
_AT_THE_GATHERING = re.compile(
    r"\b(?:"
    r"(?:chaired|chairs|chairing|co-?chaired|presided\s+over|presiding\s+over|attended|attends|"
    r"attending|addressed|addresses|addressing|opened|opening|hosted|hosting|told|telling)\s+"
    r"|(?:saying|said|says|spoke|speaking|speaks)\s+at\s+"
    r"|(?:on|at)\s+the\s+(?:sidelines|margins|fringes)\s+of\s+"
    r")"
    r"(?:the|that|this|today's|yesterday's|his|her|their)\s+"
    r"(?:same\s+|current\s+|two-day\s+|closed\s+|first\s+)?"
    r"(?:meeting|talks|session|conference|gathering|summit|lunch|luncheon|dinner|discussions|"
    r"council)\b",
    re.IGNORECASE,
)
_CHAIRED = re.compile(r"(?:chaired|chairs|chairing|co-?chaired|presided|presiding)\b", re.I)
# A group party of a gathering: "EU foreign ministers", "Opec ministers", "Asean leaders".
_GROUP_PARTY = re.compile(
    r"\b(?:ministers|leaders|delegates|delegations|heads\s+of\s+(?:state|government))\b", re.I
)
# Words that end the clause a person is the subject of.
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|but|while|after|before)\s+[a-z]")


def join_the_gathering(
    sentence: str,
    mentions: list[Mention],
    discourse: Discourse,
    published: date | None,
    earlier: list[Contact],
    groups: list[Participant],
) -> Contact | None:
    """If `sentence` puts a person at "the meeting" (chairing it, speaking at it, on its
    sidelines), add that person to the last gathering among the `earlier` contacts. With no
    such contact, one who chaired "the meeting" of a group the story named (`groups`, the
    organisations' ministers or leaders told so far) makes it: the new contact is returned."""
    match = _AT_THE_GATHERING.search(sentence)
    if match is None:
        return None
    gathering = next((c for c in reversed(earlier) if _is_gathering(c)), None)
    made = None
    if gathering is None:
        if not groups or not _CHAIRED.match(match.group()):
            return None
        # "Economic ministers of ASEAN agreed today ... Malaysian Trade Minister X, who chaired
        # the two-day meeting, said": the group's meeting, chaired by X
        gathering = made = Contact(
            type="meeting", mode=None, status="occurred", date=None,
            participants=[groups[-1]], evidence=[sentence], confidence=0.6,
        )  # fmt: skip
    for person in _who(sentence, mentions, match):
        parties = discourse.resolve(person, published)
        if parties:
            participant = parties[0].participant
        elif person.kind == "ref":
            # "Singapore's Trade and Industry Minister, who chaired the talks": a post and its
            # state, with no name told
            participant = Participant(name=person.name, state=person.state, office=person.office)
        else:
            continue
        if participant.state is None or any(
            p.key() == participant.key() for p in gathering.participants
        ):
            continue
        gathering.participants.append(participant)
        if sentence not in gathering.evidence:
            gathering.evidence.append(sentence)
    return made if made is not None and len(made.participants) > 1 else None


def _is_gathering(contact: Contact) -> bool:
    return (
        contact.type == "meeting"
        and contact.status == "occurred"
        and (
            len(contact.participants) >= 3
            or any(p.kb_id is None and _GROUP_PARTY.search(p.name) for p in contact.participants)
        )
    )


def _who(sentence: str, mentions: list[Mention], match: re.Match[str]) -> list[Mention]:
    # The person the words are told of: the nearest one before them in the same clause ("X,
    # who chaired the talks", "quoted X as saying at the same meeting"), else the first after
    # them ("At the sidelines of the session, X said"). Both sides of a meeting "on the
    # sidelines of the session" were at the session.
    people = [m for m in mentions if m.kind == "person" or (m.kind == "ref" and m.state)]
    before = [m for m in people if m.end <= match.start()]
    if before:
        nearest = max(before, key=lambda m: m.end)
        if _CLAUSE_BREAK.search(sentence, nearest.end, match.start()):
            return []
        if _SIDELINES.match(match.group()):
            return [m for m in before if not _CLAUSE_BREAK.search(sentence, m.end, match.start())]
        return [nearest]
    after = [m for m in people if m.start >= match.end()]
    return [min(after, key=lambda m: m.start)] if after else []


_SIDELINES = re.compile(r"(?:on|at)\s+the\s+(?:sidelines|margins|fringes)", re.I)


# "A and B met ... aboard a warship, in talks brokered by C", "met in Antalya in a trilateral
# format hosted by C": the one who brokered or hosted the talks sat at them too.
_BROKERED_BY = re.compile(
    r"^[^.;:]{0,160}?\b(?:in|at|for|during)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|format|session|round|summit|negotiations)\s*,?\s*(?:which\s+(?:was|were)\s+)?"
    r"(?:brokered|hosted|mediated|chaired|co-?chaired|convened|arranged|sponsored)\s+by\s*$",
    re.I,
)


def with_broker(clause: Clause, sentence: str, mentions: list[Mention]) -> None:
    """Add to a meeting's parties the person its talks were brokered or hosted by, told after
    it in the sentence ("... met for the first time, in talks brokered by Mandela")."""
    if clause.kind.type != "meeting" or not (clause.objects or clause.subjects):
        return
    told = clause.subjects + clause.objects
    after = [m for m in mentions if m.start >= clause.end and m.kind == "person"]
    if not after or after[0] in told:
        return
    if _BROKERED_BY.match(sentence[clause.end : after[0].start]):
        clause.objects.append(after[0])
        clause.end = after[0].end
