"""Exports of stored contacts: CSV, JSON, JSON Lines, and PLOVER-style event records.

Every writer takes contact dicts (store.repository.contact_to_dict) as an iterable and streams
them, so an export of a large database never holds it all in memory. Each returns the number of
records written.

PLOVER (the Open Event Data Alliance's successor to CAMEO) defines JSON field names for event
records; `plover_event` follows them: `id`, `date`, `source` and `recipient` (lists of actor
objects with `code`, `sector`, `actor_text`, `identifier_id`, `identifier_text`, `office`),
`event` (a list of categories), `mode`, `context`, `event_text`, `event_loc`, `quad_code`,
`cite_info`, `coder`, `coded_date`. Fields of our own (`cameo_code`, `confidence`, `links`) are
added as PLOVER allows.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TextIO

from sqlalchemy.orm import Session, sessionmaker

from store.repository import ContactQuery, contact_to_dict, list_contacts

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
# CAMEO's 04 cue category is PLOVER's CONSULT, in the "verbal cooperation" quad (1).
PLOVER_EVENT = "CONSULT"
PLOVER_QUAD_VERBAL_COOPERATION = 1
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


def _plover_actor(participant: dict) -> dict[str, Any]:
    code = participant.get("state")
    actor: dict[str, Any] = {
        "code": code,
        # Heads of state and ministers are government; organisation codes (UN, NATO) are IGOs.
        "sector": ("GOV" if _ISO3.match(code) else "IGO") if code else None,
        "actor_text": participant.get("name"),
        "identifier_id": participant.get("kb_id"),
        "identifier_text": participant.get("canonical_name"),
        "office": participant.get("office"),
    }
    return {key: value for key, value in actor.items() if value is not None}


def plover_event(contact: dict, *, coder: str = CODER) -> dict[str, Any] | None:
    """The contact as a PLOVER CONSULT record; None for a cancelled contact.

    PLOVER's CONSULT puts the visitor (or caller) in `source` and the host (or the one called) in
    `recipient`; when nobody is marked as initiator all participants are `source` and there is no
    recipient. A planned contact gets the "future" context. A cancelled one is a negated event,
    which PLOVER leaves out of the event data set.
    """
    if contact.get("status") == "cancelled":
        return None
    people = contact.get("participants", [])
    initiators = [p for p in people if p.get("role") == "initiator"]
    if initiators:
        source = initiators
        recipient = [p for p in people if p.get("role") != "initiator"]
    else:
        source, recipient = people, []
    articles = contact.get("articles", [])
    first = articles[0] if articles else {}
    record: dict[str, Any] = {
        "id": f"{coder}-{contact.get('id')}",
        "has_event": True,
        "date": contact.get("date"),
        "source": [_plover_actor(p) for p in source],
        "recipient": [_plover_actor(p) for p in recipient],
        "event": [PLOVER_EVENT],
        "mode": contact.get("plover_mode") or contact.get("mode"),
        "context": ["future"] if contact.get("status") == "planned" else [],
        "event_text": list(contact.get("evidence", [])),
        "quad_code": PLOVER_QUAD_VERBAL_COOPERATION,
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
        # Our own fields, which PLOVER allows beside its standard names.
        "cameo_code": contact.get("cameo"),
        "confidence": contact.get("confidence"),
        "links": [a.get("url") for a in articles if a.get("url")],
    }
    if contact.get("location"):
        record["event_loc"] = {"name": contact["location"]}
    return record


def write_plover(contacts: Iterable[dict], out: TextIO) -> int:
    """PLOVER records as JSON Lines, the layout PLOVER recommends (one event per line)."""
    count = 0
    for contact in contacts:
        record = plover_event(contact)
        if record is None:
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


def export(contacts: Iterable[dict], out: TextIO, fmt: str) -> int:
    """Write `contacts` to `out` in `fmt` (one of FORMATS); returns the number of records."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}") from None
    return writer(contacts, out)


def iter_contact_dicts(
    sessions: sessionmaker[Session], query: ContactQuery, *, page_size: int = 500
) -> Iterator[dict]:
    """Every contact matching `query` (newest first), read page by page with the id cursor.

    `query.limit` caps the total (0 means no cap); each page is its own short read, so a long
    export neither holds a transaction open nor loads the whole table.
    """
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
