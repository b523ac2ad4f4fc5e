"""Which contacts a subscription wants.

A filter is a JSON object stored with the subscription, for example
`{"actors": ["Vladimir Putin", "Q7747"], "types": ["call"], "min_confidence": 0.7}`.
Every key is optional. Within a key the values are alternatives (any one may match); across keys
all must hold. `{}` matches every contact. Unknown keys and wrong types are refused, naming the
key, because a misspelt key that is silently ignored means alerts about everything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

CONTACT_TYPES = ("call", "meeting", "visit")
STATUSES = ("occurred", "planned", "cancelled")
LIST_KEYS = ("actors", "states", "types", "statuses", "sources")
KEYS = (*LIST_KEYS, "min_confidence")
# The CLI's flags are singular (--actor): the same words are accepted as keys of the JSON form.
SINGULAR = {"actor": "actors", "state": "states", "type": "types", "status": "statuses",
            "source": "sources"}  # fmt: skip
MAX_VALUES = 100


@dataclass(frozen=True)
class Filters:
    actors: frozenset[str] = frozenset()  # canonical names, names or kb ids (any case)
    states: frozenset[str] = frozenset()  # upper-case codes: RUS, USA, UN ...
    types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()  # source names, as in the config (any case)
    min_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form (sorted lists, only the keys in use), for storing."""
        raw: dict[str, Any] = {
            key: sorted(getattr(self, key)) for key in LIST_KEYS if getattr(self, key)
        }
        if self.min_confidence is not None:
            raw["min_confidence"] = self.min_confidence
        return raw


def parse_filters(raw: dict[str, Any]) -> Filters:
    """Filters from their JSON form; ValueError naming the key when something is wrong."""
    raw = plural_keys(raw)
    values = {key: _strings(raw[key], key) for key in LIST_KEYS if key in raw}
    for key, allowed in (("types", CONTACT_TYPES), ("statuses", STATUSES)):
        for value in values.get(key, ()):
            if value not in allowed:
                raise ValueError(f"filters.{key}: {value!r} is not one of {', '.join(allowed)}")
    return Filters(
        actors=frozenset(values.get("actors", ())),
        states=frozenset(v.upper() for v in values.get("states", ())),
        types=frozenset(values.get("types", ())),
        statuses=frozenset(values.get("statuses", ())),
        sources=frozenset(values.get("sources", ())),
        min_confidence=_confidence(raw["min_confidence"]) if "min_confidence" in raw else None,
    )


def plural_keys(raw: object) -> dict[str, Any]:
    """`raw` with singular keys ("actor") renamed to their plural ("actors"); ValueError naming
    an unknown key, or a key given in both forms."""
    if not isinstance(raw, dict):
        raise ValueError(f"filters: expected an object, got {type(raw).__name__}")
    result: dict[str, Any] = {}
    for key, value in raw.items():
        name = SINGULAR.get(key, key)
        if name not in KEYS:
            known = ", ".join((*KEYS, *SINGULAR))
            raise ValueError(f"filters.{key}: unknown key (known: {known})")
        if name in result:
            raise ValueError(f"filters.{key}: given twice (as {name!r} and {key!r})")
        result[name] = value
    return result


def matches(filters: Filters, contact: dict[str, Any]) -> bool:
    """Whether the contact dict passes every filter that is set."""
    if filters.types and contact.get("type") not in filters.types:
        return False
    if filters.statuses and contact.get("status") not in filters.statuses:
        return False
    if filters.min_confidence is not None:
        if (contact.get("confidence") or 0.0) < filters.min_confidence:
            return False
    participants = contact.get("participants") or []
    if filters.states:
        states = {(p.get("state") or "").upper() for p in participants}
        if not states & filters.states:
            return False
    if filters.actors:
        names: set[str] = set()
        for p in participants:
            names.update((p.get(k) or "").casefold() for k in ("canonical_name", "kb_id", "name"))
        if not names & {actor.casefold() for actor in filters.actors}:
            return False
    if filters.sources:
        sources = {(a.get("source") or "").casefold() for a in contact.get("articles") or []}
        if not sources & {source.casefold() for source in filters.sources}:
            return False
    return True


def _strings(value: object, key: str) -> list[str]:
    # A single string is accepted for convenience: {"types": "call"} means ["call"].
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"filters.{key}: expected a list of strings, got {type(value).__name__}")
    if len(items) > MAX_VALUES:
        raise ValueError(f"filters.{key}: at most {MAX_VALUES} values")
    result = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"filters.{key}: every value must be a non-empty string")
        result.append(item.strip())
    return result


def _confidence(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"filters.min_confidence: expected a number, got {type(value).__name__}")
    # Compared before any conversion: float() of a 4,000-digit integer raises OverflowError.
    if (isinstance(value, float) and math.isnan(value)) or not 0 <= value <= 1:
        raise ValueError("filters.min_confidence: must be between 0 and 1")
    return float(value)
