"""Who a story is about from one sentence to the next: the subject a later "he" or "the
President" refers to, and the pair "the two leaders" or "both leaders" refers to. Updated after
each sentence the detector reads (detect.py)."""

from __future__ import annotations

import re
from datetime import date

from contacts.mention_model import Mention
from contacts.model import Contact, Participant
from contacts.normalize import SURNAME_FIRST
from contacts.resolve import Discourse, Party


def follow_the_story(
    discourse: Discourse,
    mentions: list[Mention],
    contacts: list[Contact],
    published: date | None,
) -> None:
    """After a sentence: its contacts' subject (or its first person named) is who the story
    follows now, and its last contact's parties the pair it just told."""
    first_person = no_subject = discourse.clause_subject is None
    # A contact told as background ("... since Carter saw Assad in 1977") is an aside: the
    # story's subject stays the one before it.
    aside = bool(contacts) and all(c.background for c in contacts)
    if discourse.clause_subject is not None and not aside:
        discourse.last_subject = discourse.clause_subject
    discourse.clause_subject = None
    first_person = first_person and not aside
    told: list[tuple[Mention, Party]] = []  # the sentence's people so far
    for mention in mentions:
        if mention.kind == "ref" and mention.how in ("he", "she"):
            first_person = False  # "where he and Gorbachev conferred": "he" goes on the story
        if mention.kind != "person":
            continue
        party = discourse.resolve(mention, published)[0]
        discourse.remember(party)
        if _couple(discourse.sentence, told, mention):
            states = {told[-1][1].participant.state, party.participant.state}
            if None not in states and len(states) == 2:
                discourse.couple = [told[-1][1], party]  # "President Bush and Soviet President X"
        told.append((mention, party))
        if first_person:
            discourse.last_subject = party
            first_person = False
    # A visit's second party is a place: "the two leaders" refers to people who talked.
    # Nor is a background pair ("the first summit since Sadat and Begin met in 1981. The two
    # leaders held six hours of talks"): the pair told before the aside is.
    contacts = [c for c in contacts if c.type != "visit" and not c.background]
    if contacts:
        last = contacts[-1]
        discourse.last_pair = [Party(p) for p in last.participants]
        discourse.story_pair = story_pair(discourse, last)
        discourse.since_pair = 0
        if last.initiator and no_subject:
            # The clause's own subject, when it had one, is who the next "he" is: "She was
            # received by Gbagbo. She then flew on" (the initiator is the host).
            for party in reversed(discourse.history):
                if last.initiator in (party.participant.canonical_name, party.participant.name):
                    discourse.last_subject = party
                    break
    else:
        discourse.since_pair += 1


_AND = re.compile(r"\s+and\s+")
_COMMA = re.compile(r"\s*,\s*")


def _couple(sentence: str, told: list[tuple[Mention, Party]], mention: Mention) -> bool:
    # "A and B", not the end of a list ("A, B and C")
    if not told or not _AND.fullmatch(sentence[told[-1][0].end : mention.start]):
        return False
    return len(told) < 2 or not _COMMA.fullmatch(sentence[told[-2][0].end : told[-1][0].start])


def story_pair(discourse: Discourse, last: Contact) -> list[Party]:
    """The pair the story told of most, counting `last` in."""
    # "Bush and Gorbachev met ... Bush telephoned Ozal ... Koivisto greeted both leaders": the
    # pair the story told of most, the last told when no pair was told more often
    key = last.party_keys()
    discourse.pairs[key] = [Party(p) for p in last.participants]
    discourse.pair_counts[key] = discourse.pair_counts.get(key, 0) + 1
    if len(key) != 2:
        return discourse.pairs[key]
    names = {
        p.participant.key(): _family_name(p.participant)
        for parties in discourse.pairs.values()
        for p in parties
    }

    def weight(pair: frozenset[str]) -> tuple[int, int, bool]:
        # both of its people named often, the pair itself told of often, the last one told
        named = min(_times_named(discourse, names[k]) for k in pair)
        return (named, discourse.pair_counts[pair], pair == key)

    best = max((k for k in discourse.pair_counts if len(k) == 2), key=weight)
    return discourse.pairs[best]


def _times_named(discourse: Discourse, name: str) -> int:
    count = discourse.times_named.get(name)
    if count is None:  # counted once per text: the weight above asks for it again and again
        count = len(re.findall(rf"\b{re.escape(name)}\b", discourse.text))
        discourse.times_named[name] = count
    return count


def _family_name(person: Participant) -> str:
    words = (person.canonical_name or person.name).split()
    return words[0] if person.state in SURNAME_FIRST and len(words) > 1 else words[-1]
