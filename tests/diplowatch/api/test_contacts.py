"""Querying contacts and sources over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from store import repository as repo
from tests.diplowatch.api.support import LiveApi, add_contact, live_api


@pytest.fixture
def api(database_url: str) -> Iterator[LiveApi]:
    with live_api(database_url) as running:
        yield running


def test_pagination_stays_stable_while_new_contacts_arrive(api: LiveApi) -> None:
    original = [add_contact(api.database, day=date(2024, 1, 1 + i)) for i in range(7)]
    seen: list[int] = []
    arrived: list[int] = []
    with api.client() as alice:
        page = alice.get("/contacts", params={"limit": 3}).json()
        while True:
            seen += [item["id"] for item in page["items"]]
            # New contacts arrive between page fetches: they must neither shift nor repeat items.
            arrived.append(add_contact(api.database, day=date(2024, 2, 1)))
            if page["next_cursor"] is None:
                break
            page = alice.get("/contacts", params={"limit": 3, "cursor": page["next_cursor"]}).json()
        assert seen == sorted(original, reverse=True)  # each once, newest first, none skipped
        # The newcomers are on a fresh first page.
        fresh = alice.get("/contacts", params={"limit": 3}).json()
        assert [item["id"] for item in fresh["items"]] == sorted(arrived, reverse=True)[:3]


def test_filters_select_contacts(api: LiveApi) -> None:
    call = add_contact(api.database, day=date(2024, 3, 1), source="wire-a")
    meeting = add_contact(
        api.database,
        day=date(2024, 3, 10),
        kind="meeting",
        status="planned",
        people=(("Lena Example", "FRA"), ("Ana Sample", "BRA")),
        source="wire-b",
    )
    with api.client("bob") as bob:

        def ids(**params: str) -> list[int]:
            response = bob.get("/contacts", params=params)
            assert response.status_code == 200, response.text
            return [item["id"] for item in response.json()["items"]]

        assert ids() == [meeting, call]
        assert ids(type="meeting") == [meeting]
        assert ids(status="occurred") == [call]
        assert ids(since="2024-03-05") == [meeting]
        assert ids(until="2024-03-05") == [call]
        assert ids(since="2024-03-01", until="2024-03-01") == [call]
        assert ids(state="fra") == [meeting]
        assert ids(actor="Ana Sample") == [meeting, call]
        assert ids(actor="kb:lena_example") == [meeting]
        assert ids(source="wire-a") == [call]
        assert ids(source="wire-c") == []
        assert ids(type="call", state="FRA") == []


def test_one_contact_with_participants_and_articles(api: LiveApi) -> None:
    contact_id = add_contact(api.database, url="https://examplewire.example/story-1")
    with api.client() as alice:
        response = alice.get(f"/contacts/{contact_id}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["id"] == contact_id and body["type"] == "call" and body["date"] == "2024-03-05"
        assert [(p["name"], p["state"], p["role"]) for p in body["participants"]] == [
            ("Olaf Example", "DEU", "initiator"),
            ("Ana Sample", "BRA", "recipient"),
        ]
        assert body["articles"] == [
            {
                "url": "https://examplewire.example/story-1",
                "title": "Two leaders talk",
                "source": "examplewire",
                "published_at": "2024-03-05T08:00:00Z",
            }
        ]
        assert body["evidence"] == ["Olaf Example spoke with Ana Sample."]
        assert alice.get(f"/contacts/{contact_id + 1}").status_code == 404


def test_sources_show_the_last_crawl(api: LiveApi) -> None:
    with api.database.sessions.begin() as session:
        wire = repo.get_or_create_source(session, "examplewire")
        repo.get_or_create_source(session, "neverrun")
        first = repo.start_crawl_run(session, wire, "run-1")
        repo.finish_crawl_run(session, first, ok=True, pages_fetched=4, new_articles=2)
        second = repo.start_crawl_run(session, wire, "run-2")
        repo.finish_crawl_run(session, second, ok=False, error_summary="DNS failure", errors=1)
    with api.client() as alice:
        items = {item["name"]: item for item in alice.get("/sources").json()["items"]}
    assert items["neverrun"]["last_run"] is None and items["neverrun"]["last_crawl_at"] is None
    last = items["examplewire"]["last_run"]
    assert last["status"] == "failed" and last["error_summary"] == "DNS failure"
    assert last["errors"] == 1
    assert items["examplewire"]["last_success_at"] is not None  # from the first run


def test_an_undated_contact_is_filed_under_its_publication_day(api: LiveApi) -> None:
    # The article came out on 2024-03-05; the contact is crawled (first seen) today.
    undated = add_contact(api.database, day=None)
    with api.client() as alice:
        item = alice.get(f"/contacts/{undated}").json()
        assert item["date"] is None and item["publication_date"] == "2024-03-05"
        today = date.today().isoformat()
        assert alice.get("/contacts", params={"since": today}).json()["items"] == []
        march = alice.get("/contacts", params={"since": "2024-03-05", "until": "2024-03-05"})
        assert [i["id"] for i in march.json()["items"]] == [undated]


def test_contacts_by_date_newest_first_with_undated_filed_by_publication(api: LiveApi) -> None:
    old = add_contact(api.database, day=date(2023, 1, 1))
    new = add_contact(api.database, day=date(2025, 6, 1))
    undated = add_contact(api.database, day=None)  # published 2024-03-05
    middle = add_contact(api.database, day=date(2024, 1, 1))
    seen: list[int] = []
    with api.client() as alice:
        page = alice.get("/contacts", params={"order": "date", "limit": 3}).json()
        seen += [item["id"] for item in page["items"]]
        assert page["next_cursor"]
        page = alice.get(
            "/contacts", params={"order": "date", "limit": 3, "cursor": page["next_cursor"]}
        ).json()
        seen += [item["id"] for item in page["items"]]
        assert page["next_cursor"] is None
        # A cursor of one order is refused by the other.
        mixed = alice.get("/contacts", params={"limit": 3, "cursor": "djFwOjM"})
        assert mixed.status_code == 422
    assert seen == [new, undated, middle, old]
