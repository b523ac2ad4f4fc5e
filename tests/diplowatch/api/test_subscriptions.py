"""Subscription life cycle and isolation between tokens, over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import repository as repo
from tests.diplowatch.api.support import LiveApi, error_of, live_api


@pytest.fixture
def api(database_url: str) -> Iterator[LiveApi]:
    with live_api(database_url) as running:
        yield running


def test_full_life_cycle(api: LiveApi) -> None:
    with api.client("alice") as alice:
        created = alice.post(
            "/subscriptions",
            json={
                "target": "https://hooks.example.org/dw",
                "filters": {"types": ["call"]},
                "events": ["contact.created", "contact.updated"],
            },
        )
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["secret"].startswith("whsec_")
        assert body["channel"] == "webhook" and body["mode"] == "immediate" and body["active"]
        sub_id = body["id"]

        read = alice.get(f"/subscriptions/{sub_id}")
        assert read.status_code == 200
        assert "secret" not in read.json()  # shown once, at creation
        assert read.json()["filters"] == {"types": ["call"]}

        listed = alice.get("/subscriptions").json()
        assert [item["id"] for item in listed["items"]] == [sub_id]
        assert listed["next_cursor"] is None

        patched = alice.patch(
            f"/subscriptions/{sub_id}",
            json={"mode": "daily", "active": False, "target": "https://hooks.example.org/v2"},
        )
        assert patched.status_code == 200, patched.text
        assert patched.json()["mode"] == "daily" and not patched.json()["active"]
        assert patched.json()["filters"] == {"types": ["call"]}  # untouched fields stay
        assert alice.get(f"/subscriptions/{sub_id}").json()["target"].endswith("/v2")

        assert alice.delete(f"/subscriptions/{sub_id}").status_code == 204
        assert alice.get(f"/subscriptions/{sub_id}").status_code == 404
        assert alice.get("/subscriptions").json()["items"] == []

    with api.database.sessions() as session:  # the row is gone, not just hidden
        assert repo.get_token_subscription(session, api.token_ids["alice"], sub_id) is None


def test_listing_pages_through_many_subscriptions(api: LiveApi) -> None:
    with api.client("alice") as alice:
        ids = [
            alice.post("/subscriptions", json={"target": f"https://h.example.org/{i}"}).json()["id"]
            for i in range(5)
        ]
        seen, cursor = [], None
        while True:
            params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
            page = alice.get("/subscriptions", params=params).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
    assert seen == sorted(ids, reverse=True)


def test_a_token_cannot_see_or_change_anothers_subscriptions(api: LiveApi) -> None:
    with api.client("alice") as alice, api.client("bob") as bob:
        sub_id = alice.post("/subscriptions", json={"target": "https://a.example.org/"}).json()[
            "id"
        ]
        bob_sub = bob.post("/subscriptions", json={"target": "https://b.example.org/"}).json()["id"]

        assert [s["id"] for s in bob.get("/subscriptions").json()["items"]] == [bob_sub]
        attempts = [
            bob.get(f"/subscriptions/{sub_id}"),
            bob.patch(f"/subscriptions/{sub_id}", json={"active": False}),
            bob.post(f"/subscriptions/{sub_id}/rotate-secret"),
            bob.post(f"/subscriptions/{sub_id}/test"),
            bob.get(f"/subscriptions/{sub_id}/deliveries"),
            bob.post(f"/subscriptions/{sub_id}/deliveries/1/retry"),
            bob.delete(f"/subscriptions/{sub_id}"),
        ]
        for response in attempts:
            assert response.status_code == 404, (response.request.url, response.text)
            assert error_of(response)["error"] == "not_found"
        # Nothing bob tried changed alice's subscription.
        still = alice.get(f"/subscriptions/{sub_id}").json()
        assert still["active"] and still["previous_secret_expires_at"] is None


def test_subscriptions_made_without_a_token_stay_invisible(api: LiveApi) -> None:
    with api.database.sessions.begin() as session:
        cli_made = repo.add_subscription(
            session,
            token_id=None,
            channel="email",
            target="ops@example.org",
            filters={},
            mode="daily",
            events=["contact.created"],
            secret=None,
        ).id
    with api.client("alice") as alice:
        assert alice.get("/subscriptions").json()["items"] == []
        assert alice.get(f"/subscriptions/{cli_made}").status_code == 404
        assert alice.delete(f"/subscriptions/{cli_made}").status_code == 404


def test_filters_take_singular_keys_and_resolve_through_the_kb(api: LiveApi) -> None:
    with api.client("alice") as alice:
        created = alice.post(
            "/subscriptions",
            json={"target": "https://hooks.example.org/dw",
                  "filters": {"actor": "Putin", "state": "Russia", "type": "call"}},
        )  # fmt: skip
        assert created.status_code == 201, created.text
        assert created.json()["filters"] == {
            "actors": ["kb:vladimir-putin"], "states": ["RUS"], "types": ["call"],
        }  # fmt: skip
        assert "actor 'Putin' is Vladimir Putin (kb:vladimir-putin)" in created.json()["resolved"]
        refused = alice.post(
            "/subscriptions",
            json={"target": "https://hooks.example.org/dw", "filters": {"actors": ["Putn"]}},
        )
        assert refused.status_code == 422
        message = error_of(refused)["message"]
        assert "matches nobody in the knowledge base" in message and "Putin" in message
