"""From mentions to participants: knowledge-base look-ups and back-references.

A `Discourse` remembers, for one text, who has been mentioned, so that "he", "the Russian
leader", "his Turkish counterpart", "the President" and "the two leaders" can be resolved to the
last compatible actor. Offices come from the knowledge base for the contact's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from contacts.mentions import Mention
from contacts.model import Participant
from contacts.normalize import SURNAME_FIRST, person_key
from contacts.pronouns import cataphor, is_woman, named_women, persons_before, speaker_of
from contacts.titles import (
    ERRAND_OFFICES,
    ERRAND_REACH,
    GENERIC_OFFICES,
    GROUP_HEAD_OFFICES,
    LEADER_OFFICES,
)

if TYPE_CHECKING:
    from contacts.kb import Actor, KnowledgeBase

# Where an official readout comes from tells whose "the President" it is.
_HOME_CUES = (
    (re.compile(r"\bWhite House\b"), "USA"),
    (re.compile(r"\bKremlin\b"), "RUS"),
    (re.compile(r"\b(?:Élysée|Elysee)\b"), "FRA"),
    (re.compile(r"\bDowning Street\b"), "GBR"),
    (re.compile(r"\bZhongnanhai\b"), "CHN"),
)
# "the two leaders" after a gathering may be the two told as "A and B"; "the two sides" are not
_COUPLE_HEADS = frozenset({"leaders", "presidents", "premiers", "chancellors", "men", "women"})
# A Secretary-General with no organisation named beside the title ("The Secretary-General met
# today with ...", UN News' house voice) heads the organisation the text names first.
_SECRETARY_GENERAL_CUES = (
    (re.compile(r"\b(?:United Nations|U\.?N\.?|UNGA|General Assembly|Security Council)\b"), "UN"),
    (re.compile(r"\bNATO\b|\bNorth Atlantic\b"), "NATO"),
)


@dataclass
class Party:
    """A resolved participant with what the detector needs to reason about it."""

    participant: Participant
    actor: Actor | None = None
    # A state the text only suggests (the dateline's): enough to tell two people are of one
    # state, never to report one as that state's.
    guessed_state: str | None = None
    # A state or a role ("Japan", "US officials"), no one by name.
    unnamed: bool = False
    # The title as the text wrote it ("foreign minister", "Secretary of State"): "the minister"
    # later is someone the text called a minister.
    title: str = ""


@dataclass
class Discourse:
    kb: KnowledgeBase
    published: date | None
    home_state: str | None = None
    # True when the caller named the source's state: an unqualified title is then that state's.
    home_given: bool = False
    history: list[Party] = field(default_factory=list)  # person-like parties, oldest first
    last_subject: Party | None = None
    clause_subject: Party | None = None  # subject of a contact in the sentence being read
    objects_of: frozenset[str] = frozenset()  # "Richardson met both men": not Richardson
    sentence_persons: list[Mention] = field(default_factory=list)  # named people, this sentence
    sentence: str = ""  # the sentence being read
    last_pair: list[Party] = field(default_factory=list)
    couple: list[Party] = field(default_factory=list)  # the last two of two states told "A and B"
    # The pairs of people contacts were told between, and how often ("both leaders": the most)
    pairs: dict[frozenset[str], list[Party]] = field(default_factory=dict)
    pair_counts: dict[frozenset[str], int] = field(default_factory=dict)
    story_pair: list[Party] = field(default_factory=list)
    text: str = ""  # the whole text, for how often it names someone
    times_named: dict[str, int] = field(default_factory=dict)  # family name -> count in text
    since_pair: int = 0  # sentences read since the last contact between people
    # The organisation whose Secretary-General an unqualified "the Secretary-General" is.
    secretary_general_of: str | None = None
    # Every named person of the whole text, for "The President spoke ..." before "President Biden".
    lookahead: list[Party] = field(default_factory=list)
    # The state of a wire story's dateline ("CAIRO, March 16 -"): a titled official the text
    # gives no state ("Economy Minister Youssri Mustapha") is that state's.
    dateline_state: str | None = None
    # Keys of the states and roles that stood as parties (merge tells them from people by name)
    unnamed: set[str] = field(default_factory=set)
    women: frozenset[str] = frozenset()  # family names the text gives "Mrs.", "Queen", ...
    # Word of a name -> states its bearer travelled to: no host there, whatever the dateline says
    visited: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def for_text(cls, kb: KnowledgeBase, text: str, published: date | None) -> Discourse:
        return cls(
            kb,
            published,
            _first_cue(_HOME_CUES, text),
            secretary_general_of=_first_cue(_SECRETARY_GENERAL_CUES, text),
            text=text,
            women=named_women(text),
        )

    def remember(self, party: Party) -> None:
        if party.participant.kb_id or party.participant.state:
            self.history.append(party)

    def resolve(self, mention: Mention, day: date | None) -> list[Party]:
        """The parties a mention stands for (several for "the two leaders"), [] when unknown."""
        if mention.kind == "person":
            return [self._person(mention, day)]
        if mention.kind == "role" and mention.office:
            return [self._role_holder(mention, day)]
        if mention.kind in ("role", "polity"):
            name = mention.name
            if mention.how == "capital":
                # A visit to "Kyiv" is a visit to Ukraine: the party is the state, not a city.
                polity = self.kb.polity(name)
                name = polity.name if polity is not None else name
            participant = Participant(name=name, state=mention.state)
            return [Party(participant, unnamed=True)]
        return self._reference(mention, day)

    def _person(self, mention: Mention, day: date | None) -> Party:
        actor = mention.actor
        if actor is not None and " " not in mention.name.strip() and mention.state is None:
            # "Spanish Prime Minister Luis Ortega ... Ortega said": the text's own Ortega, not
            # the knowledge base's
            told = self._same_person(mention.name)
            if told is not None and told.participant.kb_id != actor.kb_id:
                return told
        if (
            actor is not None
            and " " not in mention.name.strip()
            and mention.state
            and mention.state not in _states(actor)
        ):
            actor = None  # a Spanish "Ortega" is not Nicaragua's (a full name is trusted)
        if actor is None and mention.name and " " in mention.name:
            found = self.kb.find_person(mention.name, day or self.published)
            if found and (mention.state is None or mention.state in _states(found[0])):
                if len(found) == 1 or mention.state in _states(found[0]):
                    actor = found[0]
        if actor is None and mention.name and " " not in mention.name.strip() and mention.office:
            # "President Clinton" in 1998: of the people of that family name the knowledge base
            # holds, the one who held that office that day
            when = day or self.published
            holders = [
                a
                for a in self.kb.find_person(mention.name, when)
                if (term := a.term_on(when)) is not None
                and _same_office(mention.office, term.office)
                and (mention.state is None or term.state == mention.state)
            ]
            if len(holders) == 1:
                actor = holders[0]
        if actor is not None and not _in_office_by(actor, day or self.published):
            actor = None  # "May" in 1997 is not Theresa May: the KB knows her from 2016 only
        if actor is not None:
            when = day or self.published
            party = Party(_from_actor(actor, mention.name, when, mention.office), actor)
            party.title = mention.title_text
            if " " not in mention.name.strip():
                # "President Joseph Kasavubu ... President Kasavubu": the fullest name the text
                # gives, not the knowledge base's spelling ("Kasa-Vubu")
                fuller = next(
                    (
                        p.participant.name
                        for p in [*self.history, *self.lookahead]
                        if p.participant.kb_id == actor.kb_id and " " in p.participant.name
                    ),
                    None,
                )
                if fuller:
                    party.participant.name = fuller
            return party
        if mention.state is None:
            earlier = self._same_person(mention.name)
            if earlier is not None:
                return earlier
        office = mention.office
        if office == "Counterpart":
            # "his Argentine counterpart, Jorge Taiana": the office of the one he is the
            # counterpart of
            anchor = self.clause_subject or self.last_subject
            office = anchor.participant.office if anchor else None
        if office and mention.state:
            office = self.kb.canonical_office(office, mention.state)
        guess = None
        if mention.state is None and office and office not in GENERIC_OFFICES:
            guess = self.dateline_state
        participant = Participant(name=mention.name, state=mention.state, office=office)
        return Party(participant, guessed_state=guess, title=mention.title_text)

    def _same_person(self, name: str) -> Party | None:
        # News names a person in full once, with title and state, then by surname: "Brazilian
        # Finance Minister Dilson Funaro ... Funaro met ...". The fuller earlier (or later)
        # mention of the same surname lends its name, state and office.
        key = person_key(name).split()
        if not key:
            return None
        for told in (list(reversed(self.history)), self.lookahead):
            matching = [party for party in told if _bears(party, key)]
            if matching:
                # Two people of one family name ("Kim Jong-un ... meetings between Kim Dae-jung
                # and Kim Jong-il ... Kim"): the bare name is the story's own, the one it told
                # of most, not the last named in passing
                told_of = [p.participant.key() for p in matching]
                return max(matching, key=lambda p: told_of.count(p.participant.key()))
        if len(key) == 1:
            # Two family names, the first the one used: "Ernesto Villasenor Ruiz ... Villasenor",
            # "Marcos Tavares Lins ... Tavares". Only when no one ends with the name.
            for party in [*reversed(self.history), *self.lookahead]:
                known = person_key(party.participant.name).split()
                if party.participant.state and len(known) >= 3 and key[0] in known[1:-1]:
                    return party
            # Thai usage, and wire copy that follows it or errs ("Somporn Kittikhun ...
            # Somporn said", "Taro Aso ... Ban and Taro agreed"): a given name only one person
            # of the text bears
            bearers = {
                party.participant.key(): party
                for party in [*reversed(self.history), *self.lookahead]
                if party.participant.state
                and len(person_key(party.participant.name).split()) >= 2
                and person_key(party.participant.name).split()[0] == key[0]
            }
            if len(bearers) == 1:
                return next(iter(bearers.values()))
        return None

    def _reference(self, mention: Mention, day: date | None) -> list[Party]:
        if mention.how == "pair":
            # "During their talks, the two ministers ...": the pair just told; a sentence or
            # more later ("Koivisto greeted both leaders"), the pair the story told of most
            pair = self.last_pair if self.since_pair == 0 else self.story_pair
            if len(pair) > 2 and self.couple and mention.office in _COUPLE_HEADS:
                pair = self.couple  # "A and B presiding over the conference ... the two leaders"
            return list(pair) or self._two_people(day)
        if mention.how == "group":
            return self._last_people(int(mention.name), mention.office)
        if mention.how in ("he", "she"):
            found = self._antecedents(mention, day)
            # "Rice met Siniora. She later saw Berri": a woman, if one was told of
            agree = [p for p in found if self._woman(p) == (mention.how == "she")]
            if mention.how == "she" and not agree:
                agree = [p for p in reversed(self.history[-8:]) if self._woman(p)][:1]
            return (agree or found)[:1]
        office = mention.office if mention.office not in GENERIC_OFFICES else None
        if mention.how == "counterpart":
            anchor = self.clause_subject or self.last_subject
            office = anchor.participant.office if anchor else None
            held = self._holder(office, mention.state, day, mention.name)
            return self._told_counterpart(mention.state, anchor, held) or held
        wanted_state = mention.state or (self.home_state if self.home_given else None)
        candidates = [
            party
            for party in reversed(self.history)
            if not (wanted_state and party.participant.state != wanted_state)
            and not (office and not _same_office(office, party.participant.office))
        ]
        if mention.office in ("Leader", "Head of State") and mention.state:
            # No head of that state named yet: the state's leader, unnamed, rather than an aide.
            candidates = [c for c in candidates if c.participant.office in LEADER_OFFICES]
            if not candidates:
                # "Putin and Kim rode together, and later held talks with the North Korean
                # leader": named earlier in this very sentence.
                named_earlier = [
                    self._person(m, day) for m in self.sentence_persons if m.end <= mention.start
                ]
                candidates = [
                    c
                    for c in reversed(named_earlier)
                    if c.participant.state == mention.state
                    and c.participant.office in LEADER_OFFICES
                ]
            if not candidates:
                return self._holder(None, mention.state, day, mention.name)
        if not candidates and office and not mention.state and mention.how == "title":
            # "Secretary of State Colin Powell ... The secretary also met X": the KB files him as
            # a foreign minister, the text called him a secretary
            word = (mention.title_text or mention.name).lower().split()[-1]
            candidates = [
                party for party in reversed(self.history) if word in party.title.lower().split()
            ]
        if not candidates and mention.state and office in ERRAND_OFFICES:
            # "Holbrooke flew from Belgrade ... The American envoy also saw Tudjman": an envoy,
            # mediator or negotiator is whoever of that state the story sent, whatever his post
            candidates = [
                party
                for party in reversed(self.history[-ERRAND_REACH:])
                if party.participant.state == mention.state
            ]
        told_of = [c.participant.key() for c in candidates]  # before the titles narrow them
        if len(candidates) > 1 and not mention.state and mention.how == "title":
            # "Paraguay's foreign minister, Escobar, ... is to meet Secretary of State Powell
            # ... the minister had spoken": the one the text called a minister, though the
            # KB files both as foreign ministers
            word = (mention.title_text or mention.name).lower().split()[-1]
            titled = [c for c in candidates if word in c.title.lower().split()]
            candidates = titled or candidates
        if candidates:
            # "President Bush ... President Mubarak ... The President also met Thatcher": the one
            # told of most, then the dateline's own ("NEW DELHI: ... The PM"), then the subject
            subject = self.last_subject.participant.key() if self.last_subject else None
            home = self.dateline_state
            return [
                max(
                    candidates,
                    key=lambda c: (
                        told_of.count(c.participant.key()),
                        home is not None and (c.participant.state or c.guessed_state) == home,
                        c.participant.key() == subject,
                    ),
                )
            ]
        if office and not mention.state:
            for party in self.lookahead:
                if _same_office(office, party.participant.office) and (
                    wanted_state is None or party.participant.state == wanted_state
                ):
                    return [party]
        state = mention.state or self.home_state
        if office == "Secretary-General" and not mention.state:
            state = self.secretary_general_of
        found = self._holder(office, state, day, mention.name if mention.state else None)
        if not found and office == "Secretary" and state:
            # "the Secretary" in a foreign ministry's readout (State Department): its minister
            found = self._holder("Foreign Minister", state, day, None)
        return found

    def _antecedents(self, pronoun: Mention, day: date | None) -> list[Party]:
        # Whom "he" or "she" may stand for, likeliest first
        found = []
        opening = cataphor(self.sentence, self.sentence_persons, pronoun)
        if opening is not None:
            found.append(self._person(opening, day))  # "After his talks with X, Quispe said"
        speaker = speaker_of(self.sentence, self.sentence_persons, pronoun)
        if speaker is not None:
            found.append(self._person(speaker, day))  # "and Quispe said he would meet X"
        if self.clause_subject is not None and self.clause_subject.participant.state:
            # "the secretary of state met separately with A and with B, and on Thursday he
            # received C": the subject of the sentence's contact told before
            found.append(self.clause_subject)
        earlier = persons_before(self.sentence, self.sentence_persons, pronoun)
        found += [self._person(m, day) for m in earlier[:1]]
        return found + ([self.last_subject] if self.last_subject else [])

    def _woman(self, party: Party) -> bool:
        person = party.participant
        return is_woman((person.name, person.canonical_name), self.women)

    def _role_holder(self, mention: Mention, day: date | None) -> Party:
        # "the leaders of Azerbaijan and Armenia ... Aliyev and Pashinyan": a person of that
        # state and office named anywhere in the text, else the knowledge base's office holder.
        offices = LEADER_OFFICES if mention.office == "Leader" else {mention.office}
        for party in [*reversed(self.history), *self.lookahead]:
            held = party.participant.office
            if party.participant.state == mention.state and held and held in offices:
                return party
        if mention.office != "Leader":
            found = self._holder(mention.office, mention.state, day, None)
            if found:
                return found[0]
        return Party(Participant(name=mention.name, state=mention.state))

    def _last_people(self, size: int, head: str | None = None) -> list[Party]:
        # "Sybiha held separate talks with A, B and C ... the three ministers were received by
        # Zelensky": the last `size` people named, if they are that many and all of a state;
        # "each of the two ministers": the last two ministers named
        found: list[Party] = []
        kind = GROUP_HEAD_OFFICES.get(head or "")
        for party in reversed(self.history):
            office = party.participant.office or ""
            if kind is not None and not re.search(kind, office):
                continue
            if not any(p.participant.key() == party.participant.key() for p in found):
                found.append(party)
            if len(found) == size:
                break
        if len(found) < size or not all(p.participant.state for p in found):
            return []
        return list(reversed(found))

    def _two_people(self, day: date | None) -> list[Party]:
        # "Starmer arrived at the White House. The two leaders met ..., where Trump praised
        # Starmer": with no contact told yet, the last person named and the nearest one of
        # another state, from earlier sentences or this one.
        pool = list(reversed(self.history)) + [self._person(m, day) for m in self.sentence_persons]
        pool = [p for p in pool if p.participant.key() not in self.objects_of]
        if not pool or pool[0].participant.state is None:
            return []
        first = pool[0]
        for other in pool[1:]:
            state = other.participant.state
            if state is not None and state != first.participant.state:
                return [first, other]
        return []

    def _told_counterpart(
        self, state: str | None, anchor: Party | None, held: list[Party]
    ) -> list[Party]:
        # "Freeland and U.S. Trade Representative Lighthizer ... she met her U.S. counterpart":
        # the one person of that state the story named is the counterpart, unless it named the
        # office's holder too
        if state is None:
            return []
        named = {
            party.participant.key(): party
            for party in self.history
            if party.participant.state == state
            and " " in party.participant.name.strip()
            and not party.unnamed
            and (anchor is None or party.participant.key() != anchor.participant.key())
            # a minister's counterpart is no head of state or government
            and (
                party.participant.office not in LEADER_OFFICES
                or (anchor is not None and anchor.participant.office in LEADER_OFFICES)
            )
        }
        if len(named) != 1 or any(p.participant.key() in named for p in held):
            return []
        return list(named.values())

    def _holder(
        self, office: str | None, state: str | None, day: date | None, label: str | None
    ) -> list[Party]:
        if office and state:
            actor = self.kb.holder(office, state, day or self.published)
            if actor is not None:
                return [Party(_from_actor(actor, actor.name, day or self.published), actor)]
        if label and state:
            return [Party(Participant(name=label, state=state, office=office))]
        return []


def _first_cue(cues: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    found, first = None, len(text) + 1
    for pattern, value in cues:
        match = pattern.search(text)
        if match and match.start() < first:
            found, first = value, match.start()
    return found


def _from_actor(
    actor: Actor, name: str, day: date | None, titled: str | None = None
) -> Participant:
    held = actor.term_on(day)
    term = held or actor.term_on(None)
    # The office held that day; when the knowledge base knows none then ("Treasury Secretary
    # James Baker" in 1988, known only as Secretary of State from 1989), the text's own title
    # before the latest office the knowledge base knows.
    office = held.office if held else titled or (term.office if term else None)
    return Participant(
        name=name if len(name) >= len(actor.name) or " " in name else actor.name,
        canonical_name=actor.name,
        kb_id=actor.kb_id,
        state=term.state if term else None,
        office=office,
    )


# A person is named in the news a little before taking office (as candidate, or designate).
_BEFORE_OFFICE = timedelta(days=2 * 365)


def _in_office_by(actor: Actor, day: date | None) -> bool:
    """False when the actor's first known office began long after `day`: the text means
    someone else of that name."""
    if day is None or not actor.terms:
        return True
    return bool(min(t.start for t in actor.terms) <= day + _BEFORE_OFFICE)


def _states(actor: Actor) -> set[str]:
    return {t.state for t in actor.terms}


def _same_office(wanted: str, held: str | None) -> bool:
    if held is None:
        return False
    return wanted.lower() == held.lower() or wanted.lower() in held.lower()


def _bears(party: Party, key: list[str]) -> bool:
    """Whether `party` is told by the name `key` (person_key words): its last words ("Funaro"),
    or its first when its state puts the family name first ("Hu Jintao ... Hu said")."""
    known = person_key(party.participant.name).split()
    if not party.participant.state or len(known) < len(key):
        return False
    if known[-len(key) :] == key:
        return True
    return len(key) == 1 and known[0] == key[0] and party.participant.state in SURNAME_FIRST
