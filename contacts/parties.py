"""Which resolved parties make a contact: grouped per contact, each once, and speaking for
different states (a meeting of compatriots is no diplomatic contact)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contacts.clauses import Clause
    from contacts.resolve import Party


def group_parties(subjects: list[Party], objects: list[Party], clause: Clause) -> list[list[Party]]:
    """The parties of each contact a clause tells."""
    # "spoke with A, B, C and D" is four calls unless the text says it was one joint call;
    # a meeting with several people is one meeting.
    if not objects:
        return [subjects]
    if clause.symmetric_objects and not subjects:
        return [objects]  # "a phone call between A and B"
    if clause.separate or (clause.kind.type == "call" and len(objects) > 1 and not clause.joint):
        return [[*subjects, obj] for obj in objects]
    if clause.kind.type == "visit" and len(objects) > 1 and all(o.unnamed for o in objects):
        return [[*subjects, obj] for obj in objects]  # a trip to three capitals: three visits
    return [[*subjects, *objects]]


def distinct(parties: list[Party]) -> list[Party]:
    """`parties` once each (by knowledge-base id, else state and name)."""
    seen: set[str] = set()
    out = []
    for party in parties:
        key = party.participant.key()
        if key not in seen:
            seen.add(key)
            out.append(party)
    return out


def with_host_states(parties: list[Party]) -> None:
    """Give an unqualified official the dateline's state when all the others are foreign."""
    # "BONN - ... talks between Economics Minister Otto Lambsdorff and Hungarian Deputy Prime
    # Minister Lajos Kerekes": an official the story leaves unqualified, meeting foreigners in
    # the dateline's state, is the host's.
    for party in parties:
        guess = party.guessed_state
        if party.participant.state is not None or guess is None:
            continue
        others = [p.participant.state for p in parties if p is not party]
        if all(state is not None and state != guess for state in others):
            party.participant.state = guess


def different_states(parties: list[Party]) -> bool:
    """Whether the parties may speak for different states."""
    likely = [p.participant.state or p.guessed_state for p in parties]
    if all(likely) and len(set(likely)) == 1:
        return False  # "CAIRO - Economy Minister Mustapha met President Mubarak"
    states = [p.participant.state for p in parties]
    known = {s for s in states if s}
    if len(known) >= 2:
        return True
    # One known state and unknown others may still be foreign; all of one state is not a
    # contact, and neither are people of whom nothing says which state they speak for. The
    # dateline's state suggested for an official ("ACCRA - President X received Y") counts as
    # that one known state here, though it is never reported as theirs.
    unknown = any(p.participant.kb_id is None for p in parties)
    if known:
        return len(known) == 1 and None in states and unknown
    suggested = {s for s in likely if s}
    return len(suggested) == 1 and None in likely and unknown


def contrasted_posts(parties: list[Party]) -> bool:
    """Two holders of one post, only one of them with a state word: "Foreign Minister A and
    Chinese Foreign Minister B discussed trade" says A is not Chinese; the story's own post is
    left unqualified, the other side's is not."""
    if len(parties) != 2:
        return False
    first, second = (p.participant for p in parties)
    return (
        first.office is not None
        and first.office == second.office
        and (first.state is None) != (second.state is None)
    )
