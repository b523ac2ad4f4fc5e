"""Every PLOVER record checked against the field tables of the PLOVER manual (openeventdata/PLOVER,
PLOVER_MANUAL.tex, chapter "Data Fields"; CONSULT modes and the context tables in "Event
Categories"). The tables are copied here as data: a row per field.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from diplowatch.commands import contacts
from diplowatch.export import kb_coding, plover_event
from diplowatch.subscription_filters import default_kb
from store import repository as repo
from tests.diplowatch.seed import add_undated

# Table "PLOVER JSON": name -> required?
PLOVER_JSON = {
    "id": True, "has_event": False, "date": True, "time": False, "enddate": False,
    "endtime": False, "source": True, "recipient": False, "event": True, "event_loc": False,
    "event_text": False, "quad_code": False, "event_scale": False, "mode": False,
    "context": False, "link": False, "text": False, "text_info": False, "cite_info": False,
    "coder": False, "coded_date": False, "coded_time": False, "comment": False,
}  # fmt: skip
# Table "Information object for actors".
ACTOR_FIELDS = {"code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc",
                "religion", "ethnicity", "office", "gender", "age"}  # fmt: skip
# Table "Information object for citations".
CITE_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license",
               "copyright", "coder", "codebook", "version"}  # fmt: skip
# Table "Location object" (GeoNames names, plus cc3).
LOCATION_FIELDS = {"geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                   "feature class", "feature code", "country code", "cc3", "cc2", "admin1 code",
                   "admin2 code", "admin3 code", "admin4 code", "population", "elevation", "dem",
                   "timezone"}  # fmt: skip
CONSULT_MODES = {"visit", "third-party", "multilateral", "phone"}  # table "CONSULT modes"
CONTEXTS = {"military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource",
            "disease", "enviro_disaster", "migration", "humanitarian", "asylum", "legal",
            "human_rights", "rights_freedoms", "gender", "lgbt", "terrorism", "human_security",
            "religion_ethnicity", "executive", "election", "legislative", "cbrn", "cyber",
            "political_institutions", "corruption", "crime", "illegal_drugs",
            "historical", "future", "hypothetical", "negation"}  # fmt: skip
NON_STATE_CODES = {"IGO", "NGO", "ISM", "IMG", "MNC"}  # table "Non-state actor codes"
VERBAL_COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}  # quad 1
# Fields of our own, documented in diplowatch/export.py (the manual allows extra names).
OWN_FIELDS = {"date_basis", "cameo_code", "confidence", "urls"}
OWN_ACTOR_FIELDS = {"igo"}


def check_record(record: dict) -> None:
    for name, required in PLOVER_JSON.items():
        if required:
            assert record.get(name), f"{record['id']}: required field {name} missing"
    unknown = set(record) - set(PLOVER_JSON) - OWN_FIELDS
    assert not unknown, f"{record['id']}: fields not in the manual: {unknown}"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"]), "date in YYYY-MM-DD format"
    assert isinstance(record["event"], list) and set(record["event"]) <= VERBAL_COOPERATION
    assert record["quad_code"] == 1
    for key in ("mode", "context", "event_text"):
        assert isinstance(record.get(key, []), list), f"{key} is a list"
    if record["event"] == ["CONSULT"]:
        assert set(record["mode"]) <= CONSULT_MODES, record["mode"]
    else:
        assert record["mode"] == []
    assert set(record["context"]) <= CONTEXTS
    for actor in record["source"] + record["recipient"]:
        assert set(actor) <= ACTOR_FIELDS | OWN_ACTOR_FIELDS, set(actor) - ACTOR_FIELDS
        code = actor.get("code")
        assert code is None or re.fullmatch(r"[A-Z]{3}", code) or code in NON_STATE_CODES
    if "event_loc" in record:
        assert set(record["event_loc"]) <= LOCATION_FIELDS and record["event_loc"]["name"]
    assert set(record.get("cite_info", {})) <= CITE_FIELDS
    if "mode" in record and "visit" in record["mode"]:
        assert record["recipient"], "a visit has its host as recipient"


def add_hosted_and_summit(database) -> None:  # type: ignore[no-untyped-def]
    """A hosted visit (the detector's "host" mode) and a meeting with an organisation."""
    people = {
        "putin": ("kb:vladimir-putin", "Vladimir Putin", "RUS", "President"),
        "modi": ("kb:narendra-modi", "Narendra Modi", "IND", "Prime Minister"),
        "guterres": ("kb:antonio-guterres", "António Guterres", "UN", "Secretary-General"),
    }
    rows = [
        ("meeting", "host", [("putin", "recipient"), ("modi", "initiator")], "Moscow"),
        ("meeting", None, [("putin", "participant"), ("guterres", "participant")], "Kazan"),
    ]
    for index, (kind, plover_mode, who, place) in enumerate(rows):
        with database.sessions.begin() as session:
            url = f"https://example.org/extra/{index}"
            article = repo.add_article(
                session,
                repo.NewArticle(url=url, canonical_url=url, body="text", content_hash=url,
                                published_at=datetime(2024, 7, 8, tzinfo=UTC)),
                source=repo.get_or_create_source(session, "kremlin"),
            )  # fmt: skip
            participants = [
                repo.NewParticipant(party_key=people[k][0], name=people[k][1], role=role,
                                    kb_id=people[k][0], canonical_name=people[k][1],
                                    state=people[k][2], office=people[k][3])
                for k, role in who
            ]  # fmt: skip
            contact = repo.add_contact(
                session,
                repo.NewContact(type=kind, status="occurred", date=datetime(2024, 7, 8).date(),
                                location=place, participants=participants, confidence=0.9,
                                plover_mode=plover_mode),
            )  # fmt: skip
            repo.add_mention(session, contact, article, ["evidence"], 0.9)


def test_every_exported_record_follows_the_manuals_field_tables(seeded) -> None:
    undated = add_undated(seeded.database)
    add_hosted_and_summit(seeded.database)
    result = seeded.run(contacts.command, ["export", "--format", "plover"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 6  # 7 contacts, the cancelled one left out (and said so)
    for record in records:
        check_record(record)
    by_id = {r["id"]: r for r in records}
    # No contact date: the publication day, and the record says which it is.
    assert by_id[f"diplowatch-{undated}"]["date"] == "2023-11-05"
    assert by_id[f"diplowatch-{undated}"]["date_basis"] == "publication"
    hosted = next(r for r in records if r.get("event_loc", {}).get("name") == "Moscow")
    assert hosted["mode"] == ["visit"]
    assert [a["actor_text"] for a in hosted["source"]] == ["Narendra Modi"]  # the visitor
    assert [a["actor_text"] for a in hosted["recipient"]] == ["Vladimir Putin"]  # the host
    putin = hosted["recipient"][0]
    assert putin["identifier_id"] == "Q7747"  # the Wikidata id, as the manual asks
    summit = next(r for r in records if r.get("event_loc", {}).get("name") == "Kazan")
    assert summit["mode"] == ["multilateral"]
    assert {a["code"] for a in summit["source"]} == {"RUS", "IGO"}


@pytest.mark.parametrize("status", ["occurred", "planned"])
def test_a_contact_without_any_date_has_no_record(status: str) -> None:
    contact = {"id": 1, "type": "call", "status": status, "date": None, "publication_date": None,
               "participants": [], "evidence": [], "articles": []}  # fmt: skip
    assert plover_event(contact, **kb_coding(default_kb())) is None
