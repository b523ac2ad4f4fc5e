"""The actor knowledge base: who held which office of which state, and what states are called.

Two JSON files in contacts/data/ hold the facts, written from general knowledge and true as of the
date in actors.json ("as_of"); `diplowatch kb update` refreshes recent office holders from Wikidata
into a user override file that `KnowledgeBase.load_default()` merges over the packaged data.

The detector asks four questions, answered from indices built once at load time:
- find_person("Mahmud Abbas", on=day): which known people a name in the text may be;
- holder("President", "ISR", day): who held an office of a state on a day;
- polity("Emirati") / polity("Kyiv"): which state a word names;
- Actor.term_on(day): the office a person held that day, whatever title the text gives them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from contacts.normalize import person_key, person_tokens, place_key

DATA_DIR = Path(__file__).resolve().parent / "data"
# "former_state": a state of earlier decades (Yugoslavia), known for old reports; it holds no office today.
PolityKind = Literal["state", "organisation", "entity", "former_state"]

# When a person holds several offices on one day (Mohammed bin Salman: Crown Prince and Prime
# Minister), term_on() reports the highest of them in this order; unlisted offices rank last.
OFFICE_RANK = (
    "Pope",
    "King",
    "Queen",
    "Emir",
    "Sultan",
    "Grand Duke",
    "Prince",
    "Supreme Leader",
    "President",
    "General Secretary",
    "Co-Prince",
    "Captain Regent",
    "Secretary-General",
    "High Representative",
    "Director General",
    "Chairperson",
    "Prime Minister",
    "Chancellor",
    "Chief Adviser",
    "Crown Prince",
    "Vice President",
    "Foreign Minister",
    "Defence Minister",
    "National Security Adviser",
    "Special Envoy",
)
_RANK = {office: i for i, office in enumerate(OFFICE_RANK)}

# Other names for the canonical offices, so holder() understands the words a text uses.
_OFFICE_SYNONYMS = {
    "amir": "Emir",
    "emir": "Emir",
    "premier": "Prime Minister",
    "pm": "Prime Minister",
    "secretary general": "Secretary-General",
    "foreign secretary": "Foreign Minister",
    "secretary of state": "Foreign Minister",
    "minister of foreign affairs": "Foreign Minister",
    "external affairs minister": "Foreign Minister",
    "defense minister": "Defence Minister",
    "defense secretary": "Defence Minister",
    "defence secretary": "Defence Minister",
    "secretary of defense": "Defence Minister",
    "vice-president": "Vice President",
    "vp": "Vice President",
    "chairman": "Chairperson",
    "chair": "Chairperson",
    "director-general": "Director General",
    "taoiseach": "Prime Minister",
    "pontiff": "Pope",
}

# Words that decorate a name in text ("Sheikh Tamim", "Dr Jaishankar") without being part of it;
# only ignored when a multi-word name has no exact match.
_HONORIFICS = frozenset(
    "sheikh shaikh sheikha king queen emir amir prince princess crown sultan president prime minister"
    " dr mr mrs ms sir hrh his her highness majesty excellency jr sr ii iii".split()
)


@dataclass(frozen=True)
class Term:
    """One office held by one person, from `start` to `end` (inclusive; None = still in office).

    `office` is the canonical office (see OFFICE_RANK); `title` is the local name when it differs
    ("Secretary of State" for the US Foreign Minister, "Taoiseach" for the Irish Prime Minister).
    """

    office: str
    state: str
    start: date
    end: date | None
    title: str | None = None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    kb_id: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]
    wikidata: str | None = None

    def term_on(self, day: date | None) -> Term | None:
        """The office held on `day` (the highest if several), or the latest term when `day` is None."""
        if day is None:
            candidates = list(self.terms)
            if not candidates:
                return None
            latest = max(t.start for t in candidates)
            open_terms = [t for t in candidates if t.end is None]
            candidates = open_terms or [t for t in candidates if t.start == latest]
        else:
            candidates = [t for t in self.terms if t.holds_on(day)]
        if not candidates:
            return None
        return min(
            candidates, key=lambda t: (_RANK.get(t.office, len(_RANK)), -t.start.toordinal())
        )

    @property
    def states(self) -> frozenset[str]:
        return frozenset(t.state for t in self.terms)


@dataclass(frozen=True)
class Polity:
    code: str
    name: str
    kind: PolityKind
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


class KnowledgeBase:
    """Actors and polities with look-up indices. Immutable once built."""

    def __init__(self, actors: Iterable[Actor], polities: Iterable[Polity], as_of: date) -> None:
        self.as_of = as_of
        self._actors: dict[str, Actor] = {a.kb_id: a for a in actors}
        self._polities: dict[str, Polity] = {p.code: p for p in polities}
        self._by_key: dict[str, list[Actor]] = {}  # full name or alias -> actors
        self._by_surname: dict[str, list[Actor]] = {}  # last name token -> actors
        self._tokens: dict[str, frozenset[str]] = {}  # kb_id -> every token of every name
        self._variants: dict[
            str, list[frozenset[str]]
        ] = {}  # kb_id -> tokens of each multi-word name
        self._terms: dict[tuple[str, str], list[tuple[Term, Actor]]] = {}
        self._titles: dict[tuple[str, str], str] = {}  # (title key, state) -> office
        self._places: dict[str, Polity] = {}
        self._acronyms: dict[str, Polity] = {}  # "US", "WHO": case-sensitive, dots ignored
        self._index_actors()
        self._index_polities()

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def from_paths(cls, actors: Path, polities: Path) -> KnowledgeBase:
        actor_doc = _read_json(actors)
        polity_doc = _read_json(polities)
        return cls(
            [actor_from_dict(d) for d in actor_doc["actors"]],
            [polity_from_dict(d) for d in polity_doc["polities"]],
            date.fromisoformat(actor_doc["as_of"]),
        )

    @classmethod
    def load_default(
        cls, *, override: Path | None = None, earlier: Path | None = None
    ) -> KnowledgeBase:
        """The packaged data, with the user override file (from `diplowatch kb update`) merged over it.

        `override` defaults to user_override_path(); a missing file is simply not merged.
        `earlier` (default: the packaged historical_actors.json) adds office holders of earlier
        decades: their terms and aliases join an actor of the same id, whichever file holds it.
        """
        actor_doc = _read_json(DATA_DIR / "actors.json")
        polity_doc = _read_json(DATA_DIR / "polities.json")
        actors = {d["id"]: d for d in actor_doc["actors"]}
        as_of = date.fromisoformat(actor_doc["as_of"])
        override = override if override is not None else user_override_path()
        if override.is_file():
            extra = _read_json(override)
            actors.update({d["id"]: d for d in extra.get("actors", [])})
            if extra.get("as_of"):
                as_of = max(as_of, date.fromisoformat(extra["as_of"]))
        earlier = earlier if earlier is not None else DATA_DIR / ACTOR_HISTORY_FILE
        _add_earlier_terms(actors, _read_json(earlier)["actors"])
        polities = with_history(polity_doc["polities"], _read_json(DATA_DIR / HISTORY_FILE))
        return cls(
            [actor_from_dict(d) for d in actors.values()],
            [polity_from_dict(d) for d in polities],
            as_of,
        )

    # -- questions -------------------------------------------------------------------------

    def actors(self) -> Iterable[Actor]:
        return self._actors.values()

    def polities(self) -> Iterable[Polity]:
        return self._polities.values()

    def actor(self, kb_id: str) -> Actor | None:
        return self._actors.get(kb_id)

    def find_person(self, name: str, on: date | None = None) -> list[Actor]:
        """Known people `name` may refer to, best first.

        Matches the full name or an alias (diacritics, al-/el-, hyphens and common transliterations
        ignored), then a surname alone ("Putin"), then a longer form of a known name ("Joseph R.
        Biden Jr."). With `on`, people holding an office that day come first.
        """
        key = person_key(name)
        if not key:
            return []
        found = self._by_key.get(key)
        if not found and " " not in key:
            found = self._by_surname.get(key)
        if not found:
            found = self._by_longer_form(person_tokens(name))
        if not found:
            return []
        return _rank_by_date(found, on)

    def holder(self, office: str, state: str, on: date | None) -> Actor | None:
        """Who held `office` of `state` on `on` (today's holder per the data when `on` is None).

        `office` may be canonical ("Foreign Minister") or a local title ("Secretary of State").
        When two terms overlap on a handover day, the one that started later wins.
        """
        canonical = self.canonical_office(office, state)
        terms = self._terms.get((canonical, state.upper()), [])
        # A local title names one office among same-named ones ("President of the European
        # Council" vs "... Commission"): keep the terms with that title when there are any.
        wanted = place_key(office)
        titled = [(t, a) for t, a in terms if t.title and place_key(t.title) == wanted]
        terms = titled or terms
        if on is None:
            current = [(t, a) for t, a in terms if t.end is None]
            pick = current[-1] if current else None
        else:
            holding = [(t, a) for t, a in terms if t.holds_on(on)]
            pick = holding[-1] if holding else None
        return pick[1] if pick else None

    def canonical_office(self, office: str, state: str | None = None) -> str:
        """The canonical office for a title a text uses: ("Taoiseach", "IRL") -> "Prime Minister"."""
        key = place_key(office)
        if state and (key, state.upper()) in self._titles:
            return self._titles[(key, state.upper())]
        if key in _OFFICE_SYNONYMS:
            return _OFFICE_SYNONYMS[key]
        for canonical in OFFICE_RANK:
            if place_key(canonical) == key:
                return canonical
        return office.strip()

    def polity(self, word: str) -> Polity | None:
        """The state or organisation a word names: code, name, short name, demonym or capital."""
        stripped = word.strip()
        if stripped in self._polities:
            return self._polities[stripped]
        acronym = _acronym(stripped)
        if acronym:
            return self._acronyms.get(acronym)
        return self._places.get(place_key(stripped))

    # -- indices ---------------------------------------------------------------------------

    def _index_actors(self) -> None:
        for actor in self._actors.values():
            tokens: set[str] = set()
            variants: list[frozenset[str]] = []
            for variant in (actor.name, *actor.aliases):
                key = person_key(variant)
                if not key:
                    continue
                tokens.update(key.split())
                if " " in key:
                    variants.append(frozenset(key.split()))
                _add_unique(self._by_key, key, actor)
            self._variants[actor.kb_id] = variants
            name_tokens = person_key(actor.name).split()
            if len(name_tokens) > 1:
                _add_unique(self._by_surname, name_tokens[-1], actor)
            self._tokens[actor.kb_id] = frozenset(tokens)
            for term in actor.terms:
                self._terms.setdefault((term.office, term.state), []).append((term, actor))
                if term.title:
                    self._titles[(place_key(term.title), term.state)] = term.office
        for terms in self._terms.values():
            terms.sort(key=lambda pair: pair[0].start)

    def _index_polities(self) -> None:
        # The first polity to claim a word keeps it (the data file lists the likelier reading
        # first, e.g. "Congolese" under the DR Congo).
        for polity in self._polities.values():
            for word in (polity.name, *polity.names, *polity.demonyms, *polity.capitals):
                acronym = _acronym(word)
                if acronym:
                    self._acronyms.setdefault(acronym, polity)
                else:
                    self._places.setdefault(place_key(word), polity)

    def _by_longer_form(self, tokens: list[str]) -> list[Actor]:
        """A longer or reordered form of a known name: "Joseph R. Biden Jr." -> Joe Biden (every
        query word is in the person's names), "Alejandro Giammattei Falla" -> Alejandro
        Giammattei (a known multi-word name is inside the query). Honorifics and initials are
        ignored."""
        words = [t for t in tokens if t not in _HONORIFICS and len(t) > 1]
        if not words:
            return []
        exact = self._by_key.get(" ".join(words))
        if exact:
            return exact
        pool: list[Actor] = []
        for word in words:
            for actor in (*self._by_surname.get(word, ()), *self._by_key.get(word, ())):
                if actor not in pool:
                    pool.append(actor)
        query = frozenset(words)
        return [
            a
            for a in pool
            if query <= self._tokens[a.kb_id] or any(v <= query for v in self._variants[a.kb_id])
        ]


def user_override_path() -> Path:
    """Where `diplowatch kb update` writes refreshed actors: <user data dir>/kb/actors.json."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("diplowatch", appauthor=False)) / "kb" / "actors.json"


def actor_from_dict(data: dict[str, Any]) -> Actor:
    terms = tuple(
        Term(
            office=t["office"],
            state=t["state"],
            start=date.fromisoformat(t["start"]),
            end=date.fromisoformat(t["end"]) if t.get("end") else None,
            title=t.get("title"),
        )
        for t in data.get("terms", [])
    )
    return Actor(
        kb_id=data["id"],
        name=data["name"],
        aliases=tuple(data.get("aliases", [])),
        terms=terms,
        wikidata=data.get("wikidata"),
    )


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """The JSON form of an actor, as in actors.json (empty fields left out)."""
    out: dict[str, Any] = {"id": actor.kb_id, "name": actor.name}
    if actor.aliases:
        out["aliases"] = list(actor.aliases)
    if actor.wikidata:
        out["wikidata"] = actor.wikidata
    terms = []
    for t in actor.terms:
        term: dict[str, Any] = {"office": t.office, "state": t.state, "start": t.start.isoformat()}
        if t.end:
            term["end"] = t.end.isoformat()
        if t.title:
            term["title"] = t.title
        terms.append(term)
    out["terms"] = terms
    return out


HISTORY_FILE = "historical_polities.json"
# Office holders of earlier decades (1960-2012), for the news archives users read back into;
# merged under actors.json and the override by id (their terms and aliases are added).
ACTOR_HISTORY_FILE = "historical_actors.json"


def _add_earlier_terms(actors: dict[str, dict[str, Any]], earlier: list[dict[str, Any]]) -> None:
    for record in earlier:
        known = actors.get(record["id"])
        if known is None:
            actors[record["id"]] = record
            continue
        merged = dict(known)
        have = {(t["office"], t["state"], t["start"]) for t in known.get("terms", [])}
        terms = [
            t for t in record.get("terms", []) if (t["office"], t["state"], t["start"]) not in have
        ]
        merged["terms"] = sorted([*known.get("terms", []), *terms], key=lambda t: t["start"])
        aliases = [a for a in record.get("aliases", []) if a not in known.get("aliases", [])]
        if aliases:
            merged["aliases"] = [*known.get("aliases", []), *aliases]
        actors[record["id"]] = merged


def with_history(polities: list[dict[str, Any]], history: dict[str, Any]) -> list[dict[str, Any]]:
    """Polity records with the former names of `history` added ("Soviet" -> RUS) and the
    former polities it lists (Yugoslavia) appended; today's names keep precedence."""
    by_code = {d["code"]: dict(d) for d in polities}
    for extra in history.get("names_of", []):
        record = by_code[extra["code"]]
        for key in ("names", "demonyms", "capitals"):
            known = list(record.get(key, []))
            record[key] = known + [w for w in extra.get(key, []) if w not in known]
    for record in history.get("polities", []):
        by_code.setdefault(record["code"], record)
    return list(by_code.values())


def polity_from_dict(data: dict[str, Any]) -> Polity:
    return Polity(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        names=tuple(data.get("names", [])),
        demonyms=tuple(data.get("demonyms", [])),
        capitals=tuple(data.get("capitals", [])),
    )


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _acronym(word: str) -> str | None:
    """ "U.S." -> "US"; None unless the word is a short all-capitals acronym. Acronyms match only in
    capitals because many spell English words in lower case ("us", "who", "car")."""
    letters = word.replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _add_unique(index: dict[str, list[Actor]], key: str, actor: Actor) -> None:
    bucket = index.setdefault(key, [])
    if actor not in bucket:
        bucket.append(actor)


def _rank_by_date(actors: list[Actor], on: date | None) -> list[Actor]:
    """Office holders on `on` first, then by how recently they held office."""

    def sort_key(actor: Actor) -> tuple[int, int]:
        holding = on is not None and any(t.holds_on(on) for t in actor.terms)
        latest = max((t.end or date.max for t in actor.terms), default=date.min)
        if on is not None and latest != date.max:
            distance = abs((on - latest).days)
        elif on is not None:
            distance = max(0, (min(t.start for t in actor.terms) - on).days)
        else:
            distance = -latest.toordinal()
        return (0 if holding else 1, distance)

    return sorted(actors, key=sort_key)
