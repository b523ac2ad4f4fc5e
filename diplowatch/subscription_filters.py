"""Subscription filters as the user typed them, resolved to what the store's contacts carry.

`--actor Putin` must match Vladimir Putin's contacts, so a filter is resolved once, when the
subscription is made, through the knowledge base: a surname, a full name or alias, a Wikidata id
(`Q7747`) or a kb id (`kb:vladimir-putin`) becomes the actor's kb id, which every contact
participant identified by the detector carries. States are codes (`Russia`, `rus` -> `RUS`),
sources must be ones diplowatch crawls (configured, or seen in the store). Whatever resolves to
nothing is refused with the nearest names, because a filter that can never match is a
subscription that silently never fires.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy.orm import Session

from alerts.filters import parse_filters, plural_keys
from contacts import KnowledgeBase
from diplowatch.config import Config
from store import repository as repo

WIKIDATA_ID = re.compile(r"^Q[1-9]\d*$", re.IGNORECASE)
NEAREST = 3


class FilterError(ValueError):
    """A filter value that resolves to nothing (or to several actors); the text says which."""


@dataclass
class Resolved:
    filters: dict  # the canonical stored form (alerts.filters)
    notes: list[str] = field(default_factory=list)  # "actor 'Putin' is Vladimir Putin (...)"


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


def resolve_filters(raw: dict, kb: KnowledgeBase, sources: Iterable[str]) -> Resolved:
    """Check and resolve `raw` (plural or singular keys); FilterError / ValueError naming the key."""
    values = plural_keys(raw)
    notes: list[str] = []
    if "actors" in values:
        values["actors"] = [_actor(kb, v, notes) for v in _listed(values["actors"], "actors")]
    if "states" in values:
        values["states"] = [_state(kb, v, notes) for v in _listed(values["states"], "states")]
    if "sources" in values:
        known = {name.casefold(): name for name in sources}
        values["sources"] = [_source(known, v) for v in _listed(values["sources"], "sources")]
    return Resolved(parse_filters(values).to_dict(), notes)


def _listed(value: object, key: str) -> list:
    # Type errors are left to parse_filters, which names the key; here only strings matter.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"filters.{key}: expected a list of strings, got {type(value).__name__}")
    return [item.strip() if isinstance(item, str) else item for item in items]


def _actor(kb: KnowledgeBase, value: object, notes: list[str]) -> object:
    if not isinstance(value, str) or not value:
        return value
    if value.lower().startswith("kb:"):
        actor = kb.actor(value.lower())
        if actor is None:
            raise FilterError(f"filters.actors: no actor {value!r} in the knowledge base")
        found = [actor]
    elif WIKIDATA_ID.match(value):
        found = [a for a in kb.actors() if (a.wikidata or "").upper() == value.upper()]
        if not found:
            raise FilterError(
                f"filters.actors: Wikidata id {value} is not in the knowledge base "
                "(`diplowatch kb show NAME` shows who is)"
            )
    else:
        found = kb.find_person(value)
    if not found:
        nearest = difflib.get_close_matches(value, _actor_names(kb), n=NEAREST, cutoff=0.6)
        hint = f"; nearest: {', '.join(nearest)}" if nearest else ""
        raise FilterError(f"filters.actors: {value!r} matches nobody in the knowledge base{hint}")
    if len(found) > 1:
        names = ", ".join(f"{a.name} ({a.kb_id})" for a in found[:5])
        raise FilterError(f"filters.actors: {value!r} could be several people: {names}")
    actor = found[0]
    notes.append(f"actor {value!r} is {actor.name} ({actor.kb_id})")
    return actor.kb_id


def _state(kb: KnowledgeBase, value: object, notes: list[str]) -> object:
    if not isinstance(value, str) or not value:
        return value
    polity = kb.polity(value) or kb.polity(value.upper())
    if polity is None:
        words = {p.name: p.code for p in kb.polities()} | {p.code: p.code for p in kb.polities()}
        nearest = difflib.get_close_matches(value, list(words), n=NEAREST, cutoff=0.6)
        hint = f"; nearest: {', '.join(f'{w} ({words[w]})' for w in nearest)}" if nearest else ""
        raise FilterError(f"filters.states: {value!r} is no state or organisation known{hint}")
    if polity.code != value:
        notes.append(f"state {value!r} is {polity.code} ({polity.name})")
    return polity.code


def _source(known: dict[str, str], value: object) -> object:
    if not isinstance(value, str) or not value:
        return value
    name = known.get(value.casefold())
    if name is None:
        nearest = difflib.get_close_matches(value, list(known.values()), n=NEAREST, cutoff=0.5)
        hint = f"; nearest: {', '.join(nearest)}" if nearest else ""
        raise FilterError(
            f"filters.sources: no source named {value!r} (`diplowatch sources list`){hint}"
        )
    return name


def _actor_names(kb: KnowledgeBase) -> list[str]:
    names: list[str] = []
    for actor in kb.actors():
        names.append(actor.name)
        names.extend(actor.aliases)
    return names


def known_sources(config: Config, session: Session) -> list[str]:
    """Every source name a contact can carry: the configured ones and those in the store."""
    from diplowatch.crawling import configured_sources

    configured = [spec.name for spec in configured_sources(config)]
    return list(dict.fromkeys([*configured, *(s.name for s in repo.list_sources(session))]))
