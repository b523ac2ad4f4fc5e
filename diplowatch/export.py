"""Exports of stored contacts: CSV, JSON, JSON Lines, and PLOVER-style event records.

Every writer takes contact dicts (store.repository.contact_to_dict) as an iterable and streams
them, so an export of a large database never holds it all in memory. Each returns the number of
records written.

PLOVER (the Open Event Data Alliance's successor to CAMEO) defines JSON field names for event
records (PLOVER_MANUAL, chapter "Data Fields"); `plover_event` follows its tables field by field:
`id`, `has_event`, `date`, `source` and `recipient` (lists of actor objects: `code`, `sector`,
`actor_text`, `identifier_id` (Wikidata id), `identifier_text`, `office`), `event` (a list of
categories), `mode` and `context` (lists), `event_text`, `event_loc` (a GeoNames-style location
object: `name`, `cc3`), `quad_code`, `event_scale`, `cite_info`, `coder`, `coded_date`. Fields
of our own (`date_basis`, `cameo_code`, `confidence`, `urls`, an actor's `igo`) are added as
PLOVER allows.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from store.repository import ContactQuery

FORMATS = ("csv", "json", "jsonl", "plover")

CSV_COLUMNS = (
    "id",
    "date",
    "publication_date",
    "type",
    "mode",
    "status",
    "participants",
    "states",
    "initiator",
    "location",
    "confidence",
    "cameo",
    "plover_mode",
    "first_seen",
    "evidence",
    "urls",
    "sources",
)

CODER = "diplowatch"
PLOVER_QUAD_VERBAL_COOPERATION = 1
# PLOVER scores of the two categories contacts are coded as (manual, "Numeric conflict/cooperation
# scores").
PLOVER_SCORE = {"CONSULT": 2.1, "AGREE": 4.2}
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _join(values: Iterable[str | None]) -> str:
    return "; ".join(v for v in values if v)


def csv_row(contact: dict) -> dict[str, Any]:
    """One flat CSV row: lists joined with "; " so a spreadsheet shows one contact per line."""
    people = contact.get("participants", [])
    articles = contact.get("articles", [])
    initiators = [p for p in people if p.get("role") == "initiator"]
    return {
        "id": contact.get("id"),
        "date": contact.get("date") or "",
        "publication_date": contact.get("publication_date") or "",
        "type": contact.get("type"),
        "mode": contact.get("mode") or "",
        "status": contact.get("status"),
        "participants": _join(p.get("canonical_name") or p.get("name") for p in people),
        "states": _join(p.get("state") for p in people),
        "initiator": _join(p.get("canonical_name") or p.get("name") for p in initiators),
        "location": contact.get("location") or "",
        "confidence": contact.get("confidence"),
        "cameo": contact.get("cameo") or "",
        "plover_mode": contact.get("plover_mode") or "",
        "first_seen": contact.get("first_seen") or "",
        "evidence": " | ".join(contact.get("evidence", [])),
        "urls": _join(a.get("url") for a in articles),
        "sources": _join(dict.fromkeys(a.get("source") for a in articles)),
    }


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): crawled evidence that
# begins "=HYPERLINK(" must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """The value as a spreadsheet shows it as text: a leading ' before a formula character."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(contacts: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for contact in contacts:
        writer.writerow({key: neutralise_cell(value) for key, value in csv_row(contact).items()})
        count += 1
    return count


def write_json(contacts: Iterable[dict], out: TextIO) -> int:
    """A JSON array, written item by item (valid JSON even when there are no contacts)."""
    count = 0
    out.write("[")
    for contact in contacts:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(contact, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(contacts: Iterable[dict], out: TextIO) -> int:
    count = 0
    for contact in contacts:
        out.write(json.dumps(contact, ensure_ascii=False) + "\n")
        count += 1
    return count


WikidataOf = Callable[[str], str | None]
PolityKind = Callable[[str], str | None]


def _plover_actor(
    participant: dict, wikidata_of: WikidataOf, kind_of: PolityKind
) -> dict[str, Any]:
    """An actor object, with the names of the manual's actor table."""
    code = participant.get("state")
    kind = kind_of(code) if code else None
    is_state = kind != "organisation" if kind else bool(code and _ISO3.match(code))
    kb_id = participant.get("kb_id")
    actor: dict[str, Any] = {
        # A state's ISO 3166 alpha-3 code; an organisation (UN, NATO...) is the non-state code
        # IGO, its own name kept in `igo` (a field of ours).
        "code": code if is_state else ("IGO" if code else None),
        # Heads of state and government and ministers are their government.
        "sector": "GOV" if is_state else None,
        "igo": None if is_state else code,
        "actor_text": participant.get("name"),
        # The manual asks for the Wikidata id; the knowledge-base id where none is known.
        "identifier_id": (wikidata_of(kb_id) or kb_id) if kb_id else None,
        "identifier_text": participant.get("canonical_name"),
        "office": participant.get("office"),
    }
    return {key: value for key, value in actor.items() if value is not None}


def _no_wikidata(kb_id: str) -> str | None:
    return None


def _no_kind(code: str) -> str | None:
    return None


def plover_consult_mode(contact: dict, kind_of: PolityKind = _no_kind) -> list[str]:
    """The CONSULT modes of the manual (visit, third-party, multilateral, phone) that apply."""
    people = contact.get("participants") or []
    if contact.get("type") == "call":
        return ["phone"]
    if contact.get("type") == "visit" or contact.get("plover_mode") == "host":
        return ["visit"]
    codes = {p.get("state") for p in people if p.get("state")}
    organisations = {
        c for c in codes if (kind_of(c) or ("state" if _ISO3.match(c) else "organisation"))
        == "organisation"
    }  # fmt: skip
    if len(codes) > 2 or organisations:
        return ["multilateral"]
    return []


def plover_event(
    contact: dict,
    *,
    coder: str = CODER,
    wikidata_of: WikidataOf = _no_wikidata,
    kind_of: PolityKind = _no_kind,
    place_code: Callable[[str], str | None] = lambda place: None,
) -> dict[str, Any] | None:
    """The contact as a PLOVER event record (PLOVER manual, "Data Fields"); None when PLOVER has
    no record for it: a cancelled contact (a negated event, which PLOVER leaves out of the event
    data set) or one with no date at all (`date` is required).

    An occurred contact is CONSULT; a planned one is AGREE (the manual: cooperative actions
    reported in the future tense are intentions, coded as the single category, not CONSULT with
    a "future" context). CONSULT puts the visitor (or caller) in `source` and the host (or the
    one called) in `recipient`; when nobody is marked as initiator all participants are
    `source` and there is no recipient. The date is the contact's, or, when the text gave none,
    the day the first report was published (`date_basis` says which).
    """
    if contact.get("status") == "cancelled":
        return None
    day = contact.get("date") or contact.get("publication_date")
    if not day:
        return None
    people = contact.get("participants", [])
    initiators = [p for p in people if p.get("role") == "initiator"]
    if initiators:
        source = initiators
        recipient = [p for p in people if p.get("role") != "initiator"]
    else:
        source, recipient = people, []
    event = "AGREE" if contact.get("status") == "planned" else "CONSULT"
    articles = contact.get("articles", [])
    first = articles[0] if articles else {}
    record: dict[str, Any] = {
        "id": f"{coder}-{contact.get('id')}",
        "has_event": True,
        "date": day,
        "source": [_plover_actor(p, wikidata_of, kind_of) for p in source],
        "recipient": [_plover_actor(p, wikidata_of, kind_of) for p in recipient],
        "event": [event],
        "event_text": list(contact.get("evidence", [])),
        "quad_code": PLOVER_QUAD_VERBAL_COOPERATION,
        "event_scale": PLOVER_SCORE[event],
        # CONSULT modes say how the consultation was held; AGREE has none.
        "mode": plover_consult_mode(contact, kind_of) if event == "CONSULT" else [],
        "context": ["diplomatic"],
        "cite_info": {
            key: value
            for key, value in {
                "url": first.get("url"),
                "title": first.get("title"),
                "publication": first.get("source"),
                "coder": coder,
            }.items()
            if value
        },
        "coder": coder,
        "coded_date": (contact.get("first_seen") or "")[:10] or None,
        # Fields of our own, which PLOVER allows beside its standard names.
        "date_basis": "contact" if contact.get("date") else "publication",
        "cameo_code": contact.get("cameo"),
        "confidence": contact.get("confidence"),
        "urls": [a.get("url") for a in articles if a.get("url")],
    }
    if contact.get("location"):
        # The manual's location object uses GeoNames names: `name`, and `cc3` for the state.
        location: dict[str, Any] = {"name": contact["location"]}
        cc3 = place_code(contact["location"])
        if cc3:
            location["cc3"] = cc3
        record["event_loc"] = location
    return record


def write_plover(
    contacts: Iterable[dict],
    out: TextIO,
    *,
    on_skip: Callable[[dict, str], None] | None = None,
    **coding: Any,
) -> int:
    """PLOVER records as JSON Lines, the layout PLOVER recommends (one event per line).

    A contact PLOVER has no record for is reported to `on_skip` with the reason."""
    count = 0
    for contact in contacts:
        record = plover_event(contact, **coding)
        if record is None:
            if on_skip is not None:
                reason = (
                    "cancelled (a negated event)"
                    if contact.get("status") == "cancelled"
                    else "no date"
                )
                on_skip(contact, reason)
            continue
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


WRITERS: dict[str, Callable[[Iterable[dict], TextIO], int]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "plover": write_plover,
}


def export(contacts: Iterable[dict], out: TextIO, fmt: str, **plover: Any) -> int:
    """Write `contacts` to `out` in `fmt` (one of FORMATS); returns the number of records.

    `plover` options (on_skip, wikidata_of, kind_of, place_code) go to write_plover."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}") from None
    if fmt == "plover":
        return write_plover(contacts, out, **plover)
    return writer(contacts, out)


def kb_coding(kb: Any) -> dict[str, Any]:
    """The look-ups plover_event takes, answered by the actor knowledge base."""

    def wikidata_of(kb_id: str) -> str | None:
        actor = kb.actor(kb_id)
        return actor.wikidata if actor else None

    def kind_of(code: str) -> str | None:
        polity = kb.polity(code)
        return str(polity.kind) if polity else None

    def place_code(place: str) -> str | None:
        polity = kb.polity(place.split(",")[-1].strip()) or kb.polity(place)
        return polity.code if polity and str(polity.kind) == "state" else None

    return {"wikidata_of": wikidata_of, "kind_of": kind_of, "place_code": place_code}


def iter_contact_dicts(
    sessions: sessionmaker[Session], query: ContactQuery, *, page_size: int = 500
) -> Iterator[dict]:
    """Every contact matching `query` (newest first), read page by page with the id cursor.

    `query.limit` caps the total (0 means no cap); each page is its own short read, so a long
    export neither holds a transaction open nor loads the whole table.
    """
    # The store is imported here, not at the top: `contacts export --help` needs FORMATS only.
    from store.repository import contact_to_dict, list_contacts

    remaining = query.limit or None
    cursor = query.before_id
    while remaining is None or remaining > 0:
        size = page_size if remaining is None else min(page_size, remaining)
        page = replace(query, before_id=cursor, limit=size)
        with sessions() as session:
            rows = [contact_to_dict(c) for c in list_contacts(session, page)]
        yield from rows
        if len(rows) < size:
            return
        cursor = rows[-1]["id"]
        if remaining is not None:
            remaining -= len(rows)
