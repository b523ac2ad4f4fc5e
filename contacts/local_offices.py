"""Governors and mayors: officials of a province or city, whose state is where the story puts
them. A foreign visitor meeting one meets that state; a leader meeting their own is no contact."""

from __future__ import annotations

from contacts.model import Contact

# Offices of a province or city: their holder is the state's where the story puts them.
_LOCAL_OFFICES = frozenset({"Governor", "Mayor"})


def place_local_officials(contacts: list[Contact], dateline_state: str | None) -> list[Contact]:
    """The contacts with each governor or mayor no cue placed given a state, and those dropped
    that nothing places across a border."""
    # "Mongolian Prime Minister Enkhbold ... met Shaanxi Governor Yuan ... Enkhbold started his
    # visit to China": a governor or mayor no cue places is of the state the other party
    # visits in the story, else of the dateline's; with neither, nothing says the meeting
    # crossed a border ("Biden met California Governor Newsom").
    hosts = {
        c.participants[0].key(): c.participants[1].state
        for c in contacts
        if c.type == "visit" and len(c.participants) == 2 and c.participants[1].state
    }
    placed = []
    for contact in contacts:
        local = [p for p in contact.participants if p.state is None and p.office in _LOCAL_OFFICES]
        others = [p for p in contact.participants if p not in local]
        state = next((hosts[p.key()] for p in others if p.key() in hosts), dateline_state)
        if local and (state is None or all(p.state == state for p in others)):
            continue
        for person in local:
            person.state = state
        placed.append(contact)
    return placed
