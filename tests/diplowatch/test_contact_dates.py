"""A contact's date is its own, or "not given" beside its publication day: never the crawl day.

The store gets one contact whose text gave no date, reported by an article published on
2023-11-05 and crawled today. Every surface must file it under 2023-11-05 (or say "not given"),
never under today.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from diplowatch.commands import contacts
from store.types import utcnow
from tests.diplowatch.seed import add_undated


@pytest.fixture
def undated(seeded) -> int:  # type: ignore[no-untyped-def]
    return add_undated(seeded.database)


def listed(seeded, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = seeded.run(contacts.command, ["list", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_dict_has_no_date_and_the_publication_day_beside_it(seeded, undated) -> None:
    found = {c["id"]: c for c in listed(seeded)}
    assert found[undated]["date"] is None
    assert found[undated]["publication_date"] == "2023-11-05"
    dated = found[seeded.ids[0]]
    assert dated["date"] == "2024-03-04" and dated["publication_date"] == "2024-03-04"


def test_date_filters_use_the_publication_day_never_the_crawl_day(seeded, undated) -> None:
    today = utcnow().date().isoformat()
    assert undated not in {c["id"] for c in listed(seeded, "--since", today)}
    november = listed(seeded, "--since", "2023-11-01", "--until", "2023-11-30")
    assert [c["id"] for c in november] == [undated]
    exported = seeded.run(contacts.command, ["export", "--since", today]).output
    assert exported.strip() == ""


def test_list_is_sorted_by_date_newest_first(seeded, undated) -> None:
    days = [c["date"] or c["publication_date"] for c in listed(seeded)]
    assert days == sorted(days, reverse=True)
    assert days[-1] == "2023-11-05"


def test_table_says_not_given_and_shows_the_publication_day(seeded, undated) -> None:
    output = seeded.run(contacts.command, ["list"]).output
    assert "not given" in output and "pub. 2023-11-05" in output
    assert utcnow().date().isoformat() not in output


def test_csv_keeps_the_date_empty_and_gives_the_publication_day(seeded, undated) -> None:
    output = seeded.run(contacts.command, ["export", "--format", "csv"]).output
    row = next(r for r in csv.DictReader(io.StringIO(output)) if int(r["id"]) == undated)
    assert row["date"] == "" and row["publication_date"] == "2023-11-05"


@pytest.mark.parametrize("typed", ["Lavrov", "Sergey Lavrov"])
def test_actor_and_state_filters_take_what_a_person_types(seeded, typed: str) -> None:
    found = listed(seeded, "--actor", typed)
    assert {c["id"] for c in found} == {seeded.ids[1], seeded.ids[3]}
    assert {c["id"] for c in listed(seeded, "--state", "Turkey")} == {seeded.ids[0], seeded.ids[3]}


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_the_list_fits_the_terminal_and_cuts_no_word(
    seeded, undated, monkeypatch, columns: int
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(columns))
    output = seeded.run(contacts.command, ["list"]).output
    assert max(len(line) for line in output.splitlines()) <= columns
    words = output.split()
    for place in ("Beijing", "New", "Delhi", "Ankara"):
        assert place in words
    for source in ("kremlin", "wire", "archive"):
        assert any(w.strip(",") == source for w in words), source
    assert ("evidence" in output) == (columns >= 140)
