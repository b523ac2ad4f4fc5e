"""A delegation named in one sentence and its leader in the next: "Khalilzad held talks with
Taliban representatives. The Taliban delegation was led by Mawlawi X": the talks were with X."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from contacts.mention_model import Mention
from contacts.model import Contact, Participant
from contacts.resolve import Discourse
from contacts.titles import TITLES

# "... held talks with Taliban representatives. The Taliban delegation was led by Mawlawi X":
# the group a contact named is the person who led it.
# Or in apposition: "The U.S. delegation to the missile talks, led by Ambassador X, tabled the
# draft at a session with the Soviet side, headed by Y".
_COURTESY = (
    r"(?:the\s+)?(?:(?:Ambassador|Deputy|Foreign|Minister|Mr\.?|Mrs\.?|Dr\.?|Marshal|General|"
    r"Gen\.)\s+)*"
)
_DELEGATION_LED = re.compile(
    r"\b(?:delegation|team|side|negotiators)(?:\s+(?:to|at|in|for)\s+[^,;.]{1,50}?)?"
    r"(?:\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?|\s*,\s*|\s+)"
    rf"(?:led|headed)\s+by\s+{_COURTESY}",
    re.I,
)
# "The Russian delegation was headed by X, and the Ukrainian one by Y": the second delegation's
# verb left out
_GAPPED = re.compile(rf"\b(?:delegation|team|side|one)\s+by\s+{_COURTESY}", re.I)


def name_the_delegation(
    sentence: str,
    mentions: list[Mention],
    discourse: Discourse,
    published: date | None,
    earlier: list[Contact],
) -> None:
    """If `sentence` says who led a state's delegation, put that person in place of the group
    party of that state in one of the `earlier` contacts (the last one that has it)."""
    led = list(_DELEGATION_LED.finditer(sentence))
    if led:
        gapped = _GAPPED.finditer(sentence, led[0].end())
        led += [m for m in gapped if not any(m.start() < o.end() for o in led)]
    for match in led:
        _name_one(sentence, match, mentions, discourse, published, earlier)


def _name_one(
    sentence: str,
    match: re.Match[str],
    mentions: list[Mention],
    discourse: Discourse,
    published: date | None,
    earlier: list[Contact],
) -> None:
    group = [
        m
        for m in mentions
        if m.kind in ("polity", "role") and m.start < match.start() and m.end <= match.end()
    ]
    if not group or group[-1].state is None or match.start() - group[-1].start > 40:
        return
    state = group[-1].state
    leader = next(
        (
            m
            for m in mentions
            if m.kind == "person"
            and (
                m.start <= match.end() < m.end
                # "headed by presidential aide X": a post in lower case before the name
                or (m.start >= match.end() and _POST.fullmatch(sentence, match.end(), m.start))
            )
        ),
        None,
    )
    if leader is not None:
        person = discourse.resolve(leader, published)[0].participant
    else:
        post = _POST.match(sentence, match.end())  # "headed by presidential aide X"
        named = _LEADER_NAME.match(sentence, post.end() if post else match.end())
        if named is None:
            return
        person = Participant(name=_bare_name(named.group(1)))
    if person.state not in (None, state):
        return
    # Every contact the story told of that state's delegation: one delegation, one leader
    for contact in reversed(earlier):
        for k, participant in enumerate(contact.participants):
            if (
                participant.state == state
                and participant.kb_id is None
                and _is_group(participant.name)
            ):
                contact.participants[k] = replace(person, state=state)
                if sentence not in contact.evidence:
                    contact.evidence.append(sentence)


_POST = re.compile(r"(?:[a-z-]+\s+){1,3}")
_LEADER_NAME = re.compile(
    r"((?:[A-Z][\w'’-]+\s+(?:(?:of|for|and)\s+)?){1,8}[A-Z][\w'’-]+)(?=[,.;]|\s+and\b|$)"
)
_GROUP_WORDS = re.compile(
    r"\b(?:delegations?|representatives|negotiators|team|officials|side)$", re.I
)


def _is_group(name: str) -> bool:
    return _GROUP_WORDS.search(name) is not None


_TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())


def _bare_name(words: str) -> str:
    # A name the rules and the model left out, after whatever long title it bore ("Under
    # Secretary of State for Economic Affairs Richard McCormick"): the words after the title's
    # last "of" or "for", without the title words that open them.
    parts = re.split(r"\s+(?:of|for|and)\s+", words)[-1].split()
    if len(parts) > 3 and re.search(r"\s(?:of|for)\s", words):
        parts = parts[-2:]
    while len(parts) > 2 and parts[0].lower() in _TITLE_WORDS:
        parts = parts[1:]
    return " ".join(parts)
