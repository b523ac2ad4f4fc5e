"""One contact told in several sentences becomes one contact with several evidence sentences."""

from __future__ import annotations

import re

from contacts.model import Contact, Participant
from contacts.normalize import person_key


def in_person(contact: Contact) -> bool:
    return contact.type in ("meeting", "visit")


def compatible(a: Contact, b: Contact) -> bool:
    """Same kind of contact (a call, or in person) with the same status and news value."""
    return in_person(a) == in_person(b) and a.status == b.status and a.background == b.background


def merge_contacts(
    contacts: list[Contact], *, unnamed: frozenset[str] = frozenset()
) -> list[Contact]:
    """One contact per event told in the text. `unnamed` holds the participant keys of states
    and roles ("Japan", "US officials"): a contact told only by them folds into the one the
    text tells by name."""
    merged: list[Contact] = []
    for contact in contacts:
        target = _find_target(merged, contact)
        if target is None:
            merged.append(contact)
        else:
            _absorb(target, contact)
    return _fold_unnamed(_fold_visits(_fold_same_states(_fold_subsets(merged))), unnamed)


def _fold_unnamed(contacts: list[Contact], unnamed: frozenset[str]) -> list[Contact]:
    # "Japan and the United States failed to settle their dispute in two days of talks ...
    # Kuroda and Smith met": a contact told only by states or roles is the one the text also
    # tells by name, when their states and day agree (one alert, with the names).
    out: list[Contact] = []
    for contact in contacts:
        states = _states(contact)
        if not states or not all(p.key() in unnamed for p in contact.participants):
            out.append(contact)
            continue
        named = next(
            (
                other
                for other in contacts
                if other is not contact
                and not any(p.key() in unnamed for p in other.participants)
                and _states(other) == states
                and compatible(other, contact)
                and (not other.date or not contact.date or other.date == contact.date)
            ),
            None,
        )
        if named is None:
            out.append(contact)
        else:
            _absorb_evidence(named, contact)
    return out


def _absorb_evidence(target: Contact, other: Contact) -> None:
    # what one telling of a contact adds to another: its sentences, day and place
    for sentence in other.evidence:
        if sentence not in target.evidence:
            target.evidence.append(sentence)
    target.date = target.date or other.date
    target.location = target.location or other.location


# "Hills told a joint news conference with Andriessen": two of the talks' parties, afterwards
_JOINT_APPEARANCE = re.compile(r"\bjoint\s+(?:news|press)\s+conference", re.I)


def _fold_subsets(contacts: list[Contact]) -> list[Contact]:
    # "A and B met in Doha in talks mediated by C" reads as A-B and as A-B-C: a smaller contact
    # told in the same sentence as a larger one that holds all its parties is part of it, and
    # so is a joint news conference of some of them that day. A bilateral told in a sentence
    # of its own ("On the sidelines, A held talks with B") stays.
    out: list[Contact] = []
    for contact in contacts:
        keys = contact.party_keys()
        larger = next(
            (
                other
                for other in contacts
                if other is not contact
                and keys < other.party_keys()
                and compatible(other, contact)
                and (
                    other.evidence[:1] == contact.evidence[:1]
                    or _JOINT_APPEARANCE.search(contact.evidence[0] if contact.evidence else "")
                )
                and not (other.date and contact.date and other.date != contact.date)
            ),
            None,
        )
        if larger is None:
            out.append(contact)
        else:
            _absorb(larger, contact)
    return out


# A visit lasts days: its first and its last day are told as one visit.
_VISIT_DAYS = 7


def same_person(a: Participant, b: Participant) -> bool:
    """One person under two spellings: "President Ciampi" and "Carlo Azeglio Ciampi"."""
    if a.key() == b.key():
        return True
    if a.kb_id and b.kb_id:
        return False
    if a.state and b.state and a.state != b.state:
        return False
    last_a, last_b = person_key(a.name).split()[-1:], person_key(b.name).split()[-1:]
    return bool(last_a) and last_a == last_b


def same_parties(a: Contact, b: Contact) -> bool:
    if len(a.participants) != len(b.participants):
        return False
    left = list(b.participants)
    for p in a.participants:
        match = next((q for q in left if same_person(p, q)), None)
        if match is None:
            return False
        left.remove(match)
    return True


def _fold_same_states(contacts: list[Contact]) -> list[Contact]:
    # "Ukrainian and US delegations held talks, with Rubio and Waltz meeting Ukrainian officials
    # led by Yermak": one sentence, the same states, told by delegations and by people, is one
    # contact; the one naming more people keeps it ("talks with a visiting Chinese delegation led
    # by Zhao" is the talks with Zhao).
    out: list[Contact] = []
    for contact in contacts:
        states = _states(contact)
        twin = next(
            (
                other
                for other in out
                if states
                and _states(other) == states
                and compatible(other, contact)
                and other.evidence[:1] == contact.evidence[:1]
                and _named(other) != _named(contact)
            ),
            None,
        )
        if twin is None:
            out.append(contact)
            continue
        keep, drop = (twin, contact) if _named(twin) >= _named(contact) else (contact, twin)
        _absorb(keep, drop)
        out[out.index(twin)] = keep
    return out


def _states(contact: Contact) -> frozenset[str]:
    states = [p.state for p in contact.participants]
    return frozenset(s for s in states if s) if all(states) else frozenset()


def _named(contact: Contact) -> int:
    # People by name ("Zhao Lihua"), not groups by role ("Chinese delegation", "US officials")
    return sum(
        p.kb_id is not None or (" " in p.name and p.name.split()[-1][:1].isupper())
        for p in contact.participants
    )


def _find_target(merged: list[Contact], contact: Contact) -> Contact | None:
    for existing in merged:
        if not (compatible(existing, contact) and same_parties(existing, contact)):
            continue
        if existing.date and contact.date and existing.date != contact.date:
            apart = abs((existing.date - contact.date).days)
            if not (existing.type == contact.type == "visit" and apart <= _VISIT_DAYS):
                continue
        return existing
    return None


def _absorb(target: Contact, other: Contact) -> None:
    _absorb_evidence(target, other)
    target.initiator = target.initiator or other.initiator
    target.confidence = round(min(1.0, max(target.confidence, other.confidence) + 0.05), 2)
    if target.type == "visit" and other.type == "meeting":
        target.type, target.cameo, target.plover_mode = "meeting", other.cameo, other.plover_mode
    names = {p.key(): p for p in target.participants}
    for p in other.participants:
        mine = names.get(p.key())
        if mine is not None and len(p.name) > len(mine.name) and mine.kb_id == p.kb_id:
            mine.name = p.name


def _meets_on_arrival(visit: Contact, meeting: Contact) -> bool:
    # "Modi arrived in Vienna on Tuesday night ... is to hold talks with Nehammer on Wednesday":
    # the talks the visit is for, days later, name its counterpart.
    if visit.status != "occurred" or meeting.status != "planned":
        return False
    if visit.date is None or meeting.date is None:
        return False
    return 0 <= (meeting.date - visit.date).days <= _VISIT_DAYS


def _fold_visits(contacts: list[Contact]) -> list[Contact]:
    # A visit whose host state also appears in a meeting with the visitor is that meeting (of the
    # same status, or told in the same sentence: "flew to Italy ... was then to meet Prodi"):
    # a visit names no counterpart.
    out: list[Contact] = []
    meetings = [c for c in contacts if c.type == "meeting"]
    for contact in contacts:
        if contact.type == "visit" and len(contact.participants) == 2:
            visitor, host = contact.participants
            match = next(
                (
                    m
                    for m in meetings
                    if (
                        m.status == contact.status
                        or m.evidence[:1] == contact.evidence[:1]
                        or _meets_on_arrival(contact, m)
                    )
                    # "arrived in Damascus on Wednesday ... last visited in November, when he
                    # held talks with Assad": this visit is not the earlier trip's meeting
                    and m.background == contact.background
                    and any(same_person(visitor, p) for p in m.participants)
                    and any(
                        p.state == host.state and not same_person(visitor, p)
                        for p in m.participants
                    )
                ),
                None,
            )
            if match is not None:
                match.location = match.location or contact.location
                for sentence in contact.evidence:
                    if sentence not in match.evidence:
                        match.evidence.append(sentence)
                continue
        out.append(contact)
    return out


def once_a_sentence(contacts: list[Contact]) -> list[Contact]:
    """One telling of each contact in a sentence."""
    # "A and B met on Saturday ..., in their first face-to-face discussion since ...": the
    # sentence tells one contact twice; the first telling, with its day, is the contact
    kept: list[Contact] = []
    for contact in contacts:
        same = (contact.party_keys(), contact.type, contact.status, contact.background)
        if not any((k.party_keys(), k.type, k.status, k.background) == same for k in kept):
            kept.append(contact)
    return kept


def date_from_context(contacts: list[Contact]) -> None:
    """Each undated contact that happened takes the day of the last dated one before it."""
    # A report's later sentences rarely repeat the day ("Putin also spoke with ..."): an undated
    # contact that happened takes the day of the last dated one told before it.
    last_day = None
    for contact in contacts:
        if contact.date is not None:
            if contact.status == "occurred" and not contact.background:
                last_day = contact.date
        elif contact.status == "occurred" and not contact.background:
            contact.date = last_day
