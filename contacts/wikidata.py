"""Refresh the knowledge base from Wikidata: recent heads of state, heads of government and
foreign ministers of every state with an ISO 3166-1 alpha-3 code.

`update()` asks Wikidata's public SPARQL endpoint one query, parses the standard SPARQL 1.1 JSON
results, merges the office holdings into the packaged actors (matching people by Wikidata id,
else by name within the same state) and writes the actors that changed or are new to the user
override file, which `KnowledgeBase.load_default()` merges over the packaged data. The packaged
files are never modified.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from contacts.kb import DATA_DIR, Actor, Term, actor_from_dict, actor_to_dict
from contacts.normalize import person_key, slug

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "diplowatch/0.1 (diplomatic contact detector; knowledge-base refresh)"
# Two terms of one office that start this close are the same term dated differently (the
# packaged data sometimes knows only the month).
SAME_TERM_SLACK = timedelta(days=45)

OfficeKind = Literal["head_of_state", "head_of_government", "foreign_minister"]
KIND_HEAD_OF_STATE: OfficeKind = "head_of_state"
KIND_HEAD_OF_GOVERNMENT: OfficeKind = "head_of_government"
KIND_FOREIGN_MINISTER: OfficeKind = "foreign_minister"
_OFFICE_KINDS: dict[str, OfficeKind] = {
    k: k for k in (KIND_HEAD_OF_STATE, KIND_HEAD_OF_GOVERNMENT, KIND_FOREIGN_MINISTER)
}

_QUERY = """
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

SELECT ?person ?personLabel ?iso ?kind ?positionLabel ?start ?end
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
WHERE {
  ?country wdt:P298 ?iso .
  {
    # Head of state: P35 statements on the country; the office is the country's P1906.
    ?country p:P35 ?statement . ?statement ps:P35 ?person .
    OPTIONAL { ?country wdt:P1906 ?position . }
    BIND("head_of_state" AS ?kind)
  } UNION {
    # Head of government: P6 statements on the country; the office is the country's P1308.
    ?country p:P6 ?statement . ?statement ps:P6 ?person .
    OPTIONAL { ?country wdt:P1308 ?position . }
    BIND("head_of_government" AS ?kind)
  } UNION {
    # Foreign ministers: "position held" (P39) of an office that is a kind of foreign minister
    # and applies to the country (P1001).
    VALUES ?classLabel { "minister of foreign affairs"@en "foreign minister"@en }
    ?class rdfs:label ?classLabel .
    ?position wdt:P279* ?class ; wdt:P1001 ?country .
    ?person p:P39 ?statement . ?statement ps:P39 ?position .
    BIND("foreign_minister" AS ?kind)
  }
  ?statement pq:P580 ?start .
  OPTIONAL { ?statement pq:P582 ?end . }
  FILTER(!BOUND(?end) || ?end >= "%(since)sT00:00:00Z"^^xsd:dateTime)
  FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank . }
  ?person rdfs:label ?personLabel . FILTER(LANG(?personLabel) = "en")
  OPTIONAL { ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = "en") }
  OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
}
GROUP BY ?person ?personLabel ?iso ?kind ?positionLabel ?start ?end
"""

# Head-of-state titles that name a canonical office other than "President" (checked in order).
_MONARCH_WORDS = (
    ("pope", "Pope"),
    ("supreme leader", "Supreme Leader"),
    ("grand duke", "Grand Duke"),
    ("co-prince", "Co-Prince"),
    ("captain regent", "Captain Regent"),
    ("emperor", "Emperor"),
    ("empress", "Emperor"),
    ("queen", "Queen"),
    ("king", "King"),
    ("monarch", "King"),
    ("emir", "Emir"),
    ("amir", "Emir"),
    ("sultan", "Sultan"),
    ("prince", "Prince"),
)


class WikidataError(Exception):
    """The endpoint could not be reached or answered something unusable (message is one line)."""


@dataclass(frozen=True)
class Holding:
    """One office held by one person, as Wikidata states it."""

    qid: str
    name: str
    aliases: tuple[str, ...]
    state: str
    kind: OfficeKind
    title: str | None
    start: date
    end: date | None

    @property
    def office(self) -> str:
        return canonical_office(self.kind, self.title)


@dataclass(frozen=True)
class UpdateReport:
    holdings: int
    updated: int  # known actors whose terms changed
    added: int  # people new to the knowledge base
    path: Path


def build_query(since: date) -> str:
    """The SPARQL query for office holdings current on or after `since`."""
    return _QUERY % {"since": since.isoformat()}


def fetch(endpoint: str, query: str, *, timeout: float) -> dict[str, Any]:
    """POST the query; the SPARQL JSON results document. Raises WikidataError on any failure."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": USER_AGENT,
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
    except urllib.error.HTTPError as exc:
        raise WikidataError(f"{endpoint} answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise WikidataError(f"cannot reach {endpoint}: {exc.reason} (offline?)") from exc
    except TimeoutError as exc:
        raise WikidataError(f"{endpoint} did not answer within {timeout:g} s") from exc
    except OSError as exc:
        raise WikidataError(f"cannot reach {endpoint}: {exc}") from exc
    try:
        document = json.loads(payload)
    except ValueError as exc:
        raise WikidataError(f"{endpoint} answered something that is not SPARQL JSON") from exc
    if not isinstance(document, dict):
        raise WikidataError(f"{endpoint} answered something that is not SPARQL JSON")
    return document


def parse_results(document: dict[str, Any]) -> list[Holding]:
    """Holdings from a SPARQL JSON results document (rows without a usable date are skipped)."""
    try:
        rows = document["results"]["bindings"]
    except (KeyError, TypeError) as exc:
        raise WikidataError("the SPARQL answer has no results.bindings") from exc
    holdings: dict[tuple[str, str, str, date], Holding] = {}
    for row in rows:
        try:
            qid = _value(row, "person").rsplit("/", 1)[-1]
            start = _parse_date(_value(row, "start"))
            end_text = _value(row, "end", "")
            end = _parse_date(end_text) if end_text else None
            kind = _OFFICE_KINDS.get(_value(row, "kind"))
            if kind is None:  # an office the query matched but the KB does not keep
                continue
            holding = Holding(
                qid=qid,
                name=_value(row, "personLabel"),
                aliases=tuple(a for a in _value(row, "aliases", "").split("|") if a),
                state=_value(row, "iso").upper(),
                kind=kind,
                title=_value(row, "positionLabel", "") or None,
                start=start,
                end=end,
            )
        except (KeyError, ValueError):
            continue
        holdings.setdefault((qid, holding.state, holding.kind, start), holding)
    return list(holdings.values())


def canonical_office(kind: OfficeKind, title: str | None) -> str:
    """The knowledge base's office for a Wikidata holding: "King of Spain" -> "King"."""
    words = (title or "").lower()
    if kind == KIND_FOREIGN_MINISTER:
        return "Foreign Minister"
    if kind == KIND_HEAD_OF_GOVERNMENT:
        return "Chancellor" if "chancellor" in words else "Prime Minister"
    for word, office in _MONARCH_WORDS:
        if word in words:
            return office
    return "President"


def merge(
    packaged: Iterable[Actor], override: Iterable[Actor], holdings: Iterable[Holding]
) -> tuple[dict[str, Actor], int, int]:
    """Apply holdings to the knowledge base; returns (the new override content by id,
    number of known actors updated, number of actors added)."""
    base = {a.kb_id: a for a in packaged}
    current = dict(base)
    current.update({a.kb_id: a for a in override})
    by_qid = {a.wikidata: a.kb_id for a in current.values() if a.wikidata}
    by_name: dict[str, list[str]] = {}
    for actor in current.values():
        for variant in (actor.name, *actor.aliases):
            by_name.setdefault(person_key(variant), []).append(actor.kb_id)

    grouped: dict[str, list[Holding]] = {}
    for holding in holdings:
        grouped.setdefault(holding.qid, []).append(holding)

    updated: set[str] = set()
    added: set[str] = set()
    for qid, group in grouped.items():
        kb_id = by_qid.get(qid) or _match_by_name(current, by_name, group)
        if kb_id is None:
            kb_id = _new_id(current, group[0])
            current[kb_id] = Actor(kb_id, group[0].name, (), (), qid)
            added.add(kb_id)
        actor = current[kb_id]
        merged = _merge_terms(actor, group)
        if merged != actor:
            current[kb_id] = merged
            if kb_id not in added:
                updated.add(kb_id)
    changed = {kb_id: a for kb_id, a in current.items() if base.get(kb_id) != a}
    return changed, len(updated), len(added)


def update(
    override_path: Path,
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    timeout: float = 60.0,
    since: date | None = None,
    today: date | None = None,
) -> UpdateReport:
    """Fetch, merge and write the override file (atomically). Raises WikidataError."""
    today = today or date.today()
    since = since or date(2018, 1, 1)
    holdings = parse_results(fetch(endpoint, build_query(since), timeout=timeout))
    if not holdings:
        raise WikidataError(f"{endpoint} returned no office holdings; nothing written")
    packaged = _load_actors(DATA_DIR / "actors.json")
    existing = _load_actors(override_path) if override_path.is_file() else []
    changed, updated, added = merge(packaged, existing, holdings)
    document = {
        "as_of": today.isoformat(),
        "source": endpoint,
        "note": "Written by `diplowatch kb update` from Wikidata; merged over the packaged data.",
        "actors": [actor_to_dict(a) for a in sorted(changed.values(), key=lambda a: a.kb_id)],
    }
    override_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = override_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, ensure_ascii=False, indent=0), encoding="utf-8")
    os.replace(temporary, override_path)
    return UpdateReport(len(holdings), updated, added, override_path)


# -- helpers --------------------------------------------------------------------------------


def _value(row: dict[str, Any], name: str, default: str | None = None) -> str:
    cell = row.get(name)
    if cell is None:
        if default is None:
            raise KeyError(name)
        return default
    return str(cell["value"])


def _parse_date(text: str) -> date:
    """ "2012-05-07T00:00:00Z" (or with a leading "+") -> date; raises ValueError otherwise."""
    return date.fromisoformat(text.lstrip("+")[:10])


def _load_actors(path: Path) -> list[Actor]:
    with path.open(encoding="utf-8") as handle:
        return [actor_from_dict(d) for d in json.load(handle).get("actors", [])]


def _match_by_name(
    current: dict[str, Actor], by_name: dict[str, list[str]], group: list[Holding]
) -> str | None:
    """A known actor with this name (or an alias) who already served the same state."""
    states = {h.state for h in group}
    for variant in (group[0].name, *group[0].aliases):
        for kb_id in by_name.get(person_key(variant), []):
            actor = current[kb_id]
            if actor.wikidata is None and actor.states & states:
                return kb_id
    return None


def _new_id(current: dict[str, Actor], holding: Holding) -> str:
    kb_id = f"kb:{slug(holding.name)}"
    if kb_id in current:
        kb_id = f"{kb_id}-{holding.qid.lower()}"
    return kb_id


def _merge_terms(actor: Actor, holdings: list[Holding]) -> Actor:
    terms = list(actor.terms)
    for holding in holdings:
        office = holding.office
        for i, term in enumerate(terms):
            same = term.office == office and term.state == holding.state
            if same and abs(term.start - holding.start) <= SAME_TERM_SLACK:
                # Same term: Wikidata is fresher about its end; keep our start and title.
                if term.end is None and holding.end is not None:
                    terms[i] = replace(term, end=holding.end)
                break
        else:
            terms.append(
                Term(office, holding.state, holding.start, holding.end, _local_title(holding))
            )
    terms.sort(key=lambda t: t.start)
    aliases = tuple(dict.fromkeys((*actor.aliases, *holdings[0].aliases)))
    aliases = tuple(a for a in aliases if a != actor.name)
    qid = actor.wikidata or holdings[0].qid
    return replace(actor, terms=tuple(terms), aliases=aliases, wikidata=qid)


def _local_title(holding: Holding) -> str | None:
    """Keep a title only when it says more than the canonical office does."""
    if holding.title and holding.title.lower() != holding.office.lower():
        return holding.title
    return None
