"""detect_contacts(): article text in, diplomatic contacts out; detect_many() for a batch.

Per sentence: actor mentions (mentions.py) and contact triggers (triggers.py, from the rows of
trigger_table.py); each trigger takes its subject from the left and its objects from the right
by its grammar (clauses.py), then the parties are resolved (resolve.py), given a status, date,
place and codes (attributes.py), and contacts told in several sentences are merged (merge.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from contacts.appositions import with_appositive_titles
from contacts.attributes import describe
from contacts.clauses import Clause, clauses_for
from contacts.datelines import blank_dateline, dateline_place, with_here
from contacts.dates import again_days, find_dates
from contacts.delegations import name_the_delegation
from contacts.frames import dependency_clause, parse_triggers
from contacts.gatherings import join_the_gathering, with_broker
from contacts.lexicon import Lexicon, lexicon_for, tokenize
from contacts.local_offices import place_local_officials
from contacts.mention_fixes import business_person, corrected, private_person, with_lede_states
from contacts.mentions import Mention, find_mentions
from contacts.merge import date_from_context, merge_contacts, once_a_sentence
from contacts.model import Contact, Participant
from contacts.normalize import GIVEN_NAME_USED, SURNAME_FIRST, join_broken_hyphens, person_key
from contacts.parse_plan import names_unknown, needs_parse
from contacts.parties import (
    contrasted_posts,
    different_states,
    distinct,
    group_parties,
    with_host_states,
)
from contacts.resolve import Discourse, Party
from contacts.sentences import Sentence, split_sentences
from contacts.story import follow_the_story
from contacts.syntax import NameWords, parse, person_mentions, with_known_surnames
from contacts.tense import parse_status, surely_past
from contacts.triggers import Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contacts.kb import KnowledgeBase


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    from contacts.kb import KnowledgeBase

    return KnowledgeBase.load_default()


@dataclass(frozen=True)
class ArticleText:
    """One text to read for contacts: what `detect_many` takes per article."""

    text: str
    published: date | None = None
    home_state: str | None = None


def detect_contacts(
    text: str,
    published: date | None = None,
    *,
    kb: KnowledgeBase | None = None,
    home_state: str | None = None,
) -> list[Contact]:
    """Diplomatic contacts reported in `text`, published on `published` (for relative dates).

    `kb` is the actor knowledge base; the packaged one (loaded once) when None.
    `home_state` is the state whose voice the source is (ISO 3166 alpha-3, e.g. "USA" for the
    State Department, "GBR" for gov.uk): an unqualified "the President", "the Secretary" or
    "the Prime Minister" is that state's office holder. When None, the text's own cues
    ("the White House said", "the Kremlin") decide.
    """
    return detect_many([ArticleText(text, published, home_state)], kb=kb)[0]


def detect_many(
    articles: Sequence[ArticleText], *, kb: KnowledgeBase | None = None
) -> list[list[Contact]]:
    """`detect_contacts` for several articles, in order, with one parse for all of them.

    The result is the same as calling `detect_contacts` on each; the parser is much cheaper on
    one batch of sentences than on many small ones, so a worker holding several articles gives
    them here together.
    """
    kb = kb if kb is not None else _default_kb()
    readings = [_read(article, kb) for article in articles]
    docs = iter(
        parse(
            [text for reading in readings for text in reading.to_parse],
            [need for reading in readings for need in reading.names],
        )
    )
    return [_finish(reading, [next(docs) for _ in reading.candidates]) for reading in readings]


@dataclass
class _Reading:
    """An article read by the rules, waiting for the parse of its candidate sentences."""

    published: date | None
    lexicon: Lexicon
    discourse: Discourse
    analysed: list[tuple[Sentence, list[Trigger], list[Mention]]]
    candidates: list[int]  # indices into analysed of the sentences to parse
    to_parse: list[str]
    names: list[NameWords]  # per sentence to parse: where the model may find names the rules lack


def _read(article: ArticleText, kb: KnowledgeBase) -> _Reading:
    text, published = join_broken_hyphens(article.text), article.published
    lexicon = lexicon_for(kb)
    discourse = Discourse.for_text(kb, text, published)
    if article.home_state:
        discourse.home_state, discourse.home_given = article.home_state, True
    analysed = []
    here = dateline_place(text, kb)
    discourse.dateline_state = here[1] if here else None
    for sentence in split_sentences(text):
        triggers = find_triggers(sentence.text)
        tokens = tokenize(sentence.text)
        mentions = corrected(
            sentence.text, tokens, lexicon, find_mentions(sentence.text, tokens, lexicon)
        )
        mentions = with_appositive_titles(sentence.text, mentions)
        if here is not None:
            mentions = with_here(sentence.text, mentions, here)
        analysed.append((sentence, triggers, mentions))
    with_lede_states([(sentence.text, mentions) for sentence, _, mentions in analysed])
    if article.home_state:
        _home_lede(analysed, article.home_state)
    # Only sentences with a trigger word are parsed: the rest cost one regex each.
    candidates = [i for i, item in enumerate(analysed) if needs_parse(*item)]
    to_parse = [blank_dateline(analysed[i][0].text) for i in candidates]
    names = [names_unknown(to_parse[k], analysed[i][2], lexicon) for k, i in enumerate(candidates)]
    return _Reading(published, lexicon, discourse, analysed, candidates, to_parse, names)


def _home_lede(analysed: list[tuple[Sentence, list[Trigger], list[Mention]]], home: str) -> None:
    # "Trade Minister Helen Marlowe has this week travelled to Vietnam": the first official a
    # government's own release names, by title alone, is its own (not whoever that one met)
    first = next((m for _, _, ms in analysed for m in ms if m.kind == "person"), None)
    if first and first.state is None and first.actor is None and first.title_text and not first.how:
        first.state = home


def _finish(reading: _Reading, parsed: list[Doc]) -> list[Contact]:
    published, lexicon, discourse = reading.published, reading.lexicon, reading.discourse
    analysed = reading.analysed
    found: list[Contact] = []
    docs: dict[int, Doc] = {}
    read_by_parse: dict[int, list[Trigger]] = {}
    for i, doc in zip(reading.candidates, parsed, strict=True):
        sentence, triggers, mentions = analysed[i]
        # The words only the parse reads as triggers are read by the parse alone.
        read_by_parse[i] = parse_triggers(doc, triggers)
        mentions = person_mentions(doc, mentions, lexicon)
        analysed[i] = (sentence, triggers, with_appositive_titles(sentence.text, mentions))
        docs[i] = doc
    surnames = _surnames(analysed)
    for i, (sentence, triggers, mentions) in enumerate(analysed):
        # "Luis Quispe ... Quispe said": a family name the text gave in full is that person,
        # in sentences the parse read and in those it did not
        known = with_known_surnames(docs[i] if i in docs else sentence.text, mentions, surnames)
        if len(known) > len(mentions):  # "Cordovez, a U.N. under-secretary-general,": a post
            known = with_appositive_titles(sentence.text, known)
        analysed[i] = (sentence, triggers, known)
    for _, _, mentions in analysed:
        discourse.lookahead.extend(
            discourse.resolve(m, published)[0] for m in mentions if m.kind == "person"
        )
    groups: list[Participant] = []  # organisations' ministers or leaders told so far
    dateline_state = discourse.dateline_state
    for i, (sentence, triggers, mentions) in enumerate(analysed):
        discourse.sentence_persons = [m for m in mentions if m.kind == "person"]
        discourse.sentence = sentence.text
        # "In Kuwait, where talks on Yemen go on, ...": a sentence set in a state is its own
        # dateline, whatever the story's
        discourse.dateline_state = _setting(sentence.text, mentions) or dateline_state
        sentence_contacts: list[Contact] = []
        clauses = clauses_for(sentence.text, mentions, triggers)
        if i in docs:
            clauses = _with_parse(clauses, docs[i], mentions, read_by_parse[i])
        for clause in clauses:
            with_broker(clause, sentence.text, mentions)  # "in talks brokered by Mandela"
            contact = _contact(clause, sentence.text, discourse, published)
            if contact is not None:
                sentence_contacts.extend(contact)
        name_the_delegation(
            sentence.text, mentions, discourse, published, found[-6:] + sentence_contacts
        )
        groups.extend(
            Participant(name=m.name, state=m.state)
            for m in mentions
            if m.kind == "role" and m.how == "members"
        )
        made = join_the_gathering(sentence.text, mentions, discourse, published, found[-6:], groups)
        if made is not None:
            sentence_contacts.append(made)
        follow_the_story(discourse, mentions, sentence_contacts, published)
        told = once_a_sentence(sentence_contacts)
        dated = [c for c in told if c.date and c.status == "occurred"]
        # "where he met Milosevic on Monday and again on Thursday": a second meeting
        again = again_days(sentence.text, published) if len(dated) == 1 else []
        found.extend(told)
        for day in again:  # a contact of its own, with lists of its own that merging may extend
            one = dated[0]
            found.append(
                replace(
                    one, date=day, participants=list(one.participants), evidence=list(one.evidence)
                )
            )
    discourse.dateline_state = dateline_state
    found = place_local_officials(found, dateline_state)
    # Merged first: "Peres told a joint news conference with Mubarak" is the summit told
    # before, not a second meeting on the day of whatever contact came just before it
    found = merge_contacts(found, unnamed=frozenset(discourse.unnamed))
    date_from_context(found)
    return found


_SET_IN = re.compile(r"^\s*(?:In|At|From)\s+$")


def _setting(sentence: str, mentions: list[Mention]) -> str | None:
    # "In Hanoi on Tuesday, the Minister was received by Deputy Prime Minister X": a sentence
    # set in a place is its own dateline; its unqualified officials may be the place's ("In
    # Moscow's view" sets nothing).
    first = mentions[0] if mentions else None
    if (
        first is not None
        and first.kind == "polity"
        and first.state is not None
        and not first.name.endswith(("'s", "’s"))
        and _SET_IN.match(sentence[: first.start]) is not None
    ):
        return first.state
    return None


def _with_parse(
    clauses: list[Clause], doc: Doc, mentions: list[Mention], triggers: list[Trigger]
) -> list[Clause]:
    # The position rules read most readouts right; the parse reads the triggers they left
    # without two parties.
    by_trigger = {id(c.trigger): c for c in clauses}
    out: list[Clause] = []
    for trigger in triggers:
        rule = by_trigger.get(id(trigger))
        parsed = dependency_clause(doc, mentions, trigger)
        if (
            rule is not None
            and parsed is not None
            and rule.objects
            and not rule.subjects
            and parsed.subjects
            and all(m in rule.objects for m in parsed.objects)
            and _one_list(doc.text, rule.objects)
        ):
            # "President Bush spent Thursday on the telephone, speaking with A, B and C": the
            # parse finds the subject, the position rules the whole list
            rule.subjects = parsed.subjects
            rule.symmetric_objects = False
        usable = rule is not None and rule.objects and (rule.subjects or rule.symmetric_objects)
        if rule is not None and usable and (parsed is None or _named(parsed) <= _named(rule)):
            rule.status = parse_status(doc, trigger)
            rule.past = surely_past(doc, trigger)
            out.append(rule)
        elif parsed is not None:
            out.append(parsed)
        elif rule is not None:
            rule.status = parse_status(doc, trigger)
            rule.past = surely_past(doc, trigger)
            out.append(rule)
    return out


_PLACE_FIRST = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+")
_BETWEEN = re.compile(r"\s*between\b")
_NOT_A_LIST = re.compile(r"\b(?:while|when|as|after|before|who|which|said|says)\b|[;:]")


def _one_list(text: str, objects: list[Mention]) -> bool:
    # "speaking with A of Jordan, B and C": named people listed one after another, no clause
    # ("with Karpov, his Soviet counterpart, while the ministers talked") between them
    return all(m.kind == "person" for m in objects) and not any(
        _NOT_A_LIST.search(text, a.end, b.start) for a, b in zip(objects, objects[1:], strict=False)
    )


def _surnames(analysed: list[tuple[Sentence, list[Trigger], list[Mention]]]) -> frozenset[str]:
    """Family names of the people the text names in full ("Carlo Azeglio Ciampi" -> ciampi)."""
    found = set()
    for _, _, mentions in analysed:
        for mention in mentions:
            key = person_key(mention.name).split() if mention.kind == "person" else []
            if len(key) >= 2:
                found.add(key[-1])
                states = {mention.state} | (
                    {t.state for t in mention.actor.terms} if mention.actor else set()
                )
                if states & (SURNAME_FIRST | GIVEN_NAME_USED):
                    found.add(
                        key[0]
                    )  # "Cho Hyun ... Cho said", "Mochtar Kusumaatmadja ... Mochtar"
    return frozenset(found)


def _named(clause: Clause) -> tuple[int, int]:
    # The reading that names more people wins: "In his meeting with Kagame, Hu said" is Hu's
    # meeting (the parse), not the last subject's (a possessive by position).
    parties = clause.subjects + clause.objects
    return sum(m.kind == "person" for m in parties), len(parties)


# "..., Ghanaian officials said.", "Western diplomats told reporters": a group telling of a
# contact is its source. Not a person: "After talks with Suharto, Conable said" is Conable's.
_SPEECH_AFTER = re.compile(
    r"\s+(?:have\s+|had\s+)?(?:said|say|says|told|tell|reported|report|added|announced)\b"
)


def _is_source(sentence: str, mention: Mention) -> bool:
    return mention.kind == "role" and _SPEECH_AFTER.match(sentence, mention.end) is not None


def _speaker(sentence: str, mention: Mention) -> bool:
    # "... spoken by telephone with Mexican President de la Madrid, Huayta said": a name after
    # the comma that ends the object list, and says it, is who tells of the contact
    return (
        sentence[: mention.start].rstrip().endswith(",")
        and _SPEECH_AFTER.match(sentence, mention.end) is not None
    )


def _contact(
    clause: Clause, sentence: str, discourse: Discourse, published: date | None
) -> list[Contact] | None:
    details = describe(clause, sentence, published)
    if details is None:
        return None
    if (
        details.type == "call"
        and clause.objects
        and all(m.kind == "polity" for m in clause.objects)
    ):
        return None  # "called U.S. soldiers the real occupiers": one phones people, not states
    day = details.date
    sources = [m for m in clause.subjects if _is_source(sentence, m)]
    clause.subjects = [m for m in clause.subjects if m not in sources]
    if sources and not clause.subjects and _BETWEEN.match(sentence, clause.trigger.end):
        # "a telephone conversation between A and B, U.S. officials said": the parse's
        # subject was the source; the parties are the two the "between" names
        clause.symmetric_objects = True
    clause.objects = [
        m for m in clause.objects if not _is_source(sentence, m) and not _speaker(sentence, m)
    ]
    # "Former President X met Kim": a private person (GUIDELINES), no party
    # and a company's officer: a business meeting is no contact either
    lexicon = lexicon_for(discourse.kb)
    clause.subjects = [m for m in clause.subjects if not _private(m, sentence, lexicon)]
    clause.objects = [m for m in clause.objects if not _private(m, sentence, lexicon)]
    subjects = _resolve_all(discourse, clause.subjects, day)
    if subjects:
        discourse.clause_subject = subjects[0]
    discourse.objects_of = frozenset(p.participant.key() for p in subjects)
    objects = _resolve_all(discourse, clause.objects, day)
    discourse.objects_of = frozenset()
    guest = _passive_subject(clause)
    if guest is not None:
        # "She was received by Gbagbo. She then flew to Bouake": the next "she" is the guest,
        # the passive's grammatical subject, not the host
        discourse.clause_subject = next(iter(discourse.resolve(guest, day)), None)
    if clause.objects and not objects:
        return None
    if clause.gathering and len(objects) == 1 and not subjects:
        return [details.build(objects, clause, sentence)]  # "EC farm ministers met"
    # "X was met by his Kenyan counterpart, Y": X is no Kenyan, whatever the dateline
    rivals = {m.state for m in clause.objects if m.office == "Counterpart" and m.state}
    for party in subjects:
        if party.participant.state is None and party.guessed_state in rivals:
            party.guessed_state = None
    for party in subjects + objects:  # "X traveled to Papua New Guinea ... X met Y": no host
        words = person_key(party.participant.name).split()[-1:]
        if words and party.guessed_state in discourse.visited.get(words[0], ()):
            party.guessed_state = None
    subjects = _not_own_object(subjects, clause.subjects, objects, discourse)
    if not subjects and clause.kind.grammar != "between":
        if len(objects) < 2 or not clause.symmetric_objects:
            return None
    groups = group_parties(subjects, objects, clause)
    own_days = _own_days(clause, sentence, published, details.status == "planned", len(groups))
    contacts = []
    for k, parties in enumerate(groups):
        parties = distinct(parties)
        if len(parties) < 2 or not different_states(parties):
            continue
        with_host_states(parties)
        if (
            clause.symmetric_objects
            and not subjects
            and not all(p.participant.state for p in parties)
            and len({p.participant.state for p in parties if p.participant.state}) < 2
            and not contrasted_posts(parties)
        ):
            # "Funaro and Gros met": nothing says Gros is not Funaro's compatriot; a gathering
            # of two states' leaders and one unplaced aide still crossed a border
            continue
        if details.type == "visit":
            _remember_trip(discourse, parties)
            if any(p.participant.state is None and not p.unnamed for p in parties):
                # "Industry Minister X visited a battery plant in West Java": nothing says the
                # visitor came from abroad
                continue
        contact = details.build(parties, clause, sentence)
        if own_days and own_days[k] is not None:
            contact.date = own_days[k]  # "hosted Macron on Monday and Starmer on Thursday"
        contacts.append(contact)
        discourse.unnamed.update(p.participant.key() for p in parties if p.unnamed)
    return contacts


def _remember_trip(discourse: Discourse, parties: list[Party]) -> None:
    # "Deputy Assistant Secretary X traveled to Papua New Guinea": wherever the story later
    # sets X, X is no host there, though nothing told X's own state
    hosts = {p.participant.state for p in parties if p.unnamed and p.participant.state}
    for visitor in (p for p in parties if not p.unnamed):
        for word in person_key(visitor.participant.name).split():  # "Xi Jinping ... Xi"
            discourse.visited.setdefault(word, set()).update(hosts)


def _private(mention: Mention, sentence: str, lexicon: Lexicon) -> bool:
    return private_person(mention, sentence) or business_person(mention, sentence, lexicon)


def _own_days(
    clause: Clause, sentence: str, published: date | None, future: bool, groups: int
) -> list[date | None]:
    # A clause split into one contact per object may date each object on its own: the day
    # right after the object's name.
    if groups < 2 or groups != len(clause.objects):
        return []
    days: list[date | None] = []
    for mention in clause.objects:
        # "met A in Jerusalem on Wednesday and B in Ramallah on Thursday": a place may come first
        words = sentence[mention.end : mention.end + 45]
        after = find_dates(words, published, future=future)
        own = after and (after[0].start < 5 or _PLACE_FIRST.fullmatch(words, 0, after[0].start))
        days.append(after[0].day if own else None)
    return days if any(days) else []


def _not_own_object(
    subjects: list[Party], mentions: list[Mention], objects: list[Party], discourse: Discourse
) -> list[Party]:
    # "After talks with President Suharto, he said": a pronoun subject is not the trigger's
    # own object; it is the person the text was about before the sentence.
    taken = {o.participant.key() for o in objects}
    if len(subjects) != 1 or len(mentions) != 1 or mentions[0].kind != "ref":
        return subjects
    if subjects[0].participant.key() not in taken:
        return subjects
    before = discourse.last_subject
    if before is not None and before.participant.key() not in taken:
        return [before]
    return []


def _passive_subject(clause: Clause) -> Mention | None:
    if clause.trigger.name != "passive_host":
        return None
    before = [m for m in clause.subjects + clause.objects if m.end <= clause.trigger.start]
    return max(before, key=lambda m: m.end) if before else None


def _resolve_all(discourse: Discourse, mentions: list[Mention], day: date | None) -> list[Party]:
    parties: list[Party] = []
    for mention in mentions:
        parties.extend(discourse.resolve(mention, day))
    return parties
