"""Authentication, the per-token rate limit and the body size limit, over HTTP (SQLite)."""

from __future__ import annotations

from pathlib import Path

import httpx

from diplowatch.tokens import create_token
from store import repository as repo
from tests.diplowatch.api.support import error_of, live_api
from tests.support.databases import sqlite_url

PROTECTED = [
    ("GET", "/subscriptions"),
    ("POST", "/subscriptions"),
    ("GET", "/subscriptions/1"),
    ("PATCH", "/subscriptions/1"),
    ("DELETE", "/subscriptions/1"),
    ("POST", "/subscriptions/1/rotate-secret"),
    ("POST", "/subscriptions/1/test"),
    ("GET", "/subscriptions/1/deliveries"),
    ("POST", "/subscriptions/1/deliveries/1/retry"),
    ("GET", "/contacts"),
    ("GET", "/contacts/1"),
    ("GET", "/sources"),
]


def test_requests_without_a_valid_token_are_refused(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path)) as api:
        with api.database.sessions.begin() as session:
            row, revoked = create_token(session, "old")
            repo.revoke_api_token(session, row.id)
        bad_headers = [
            {},
            {"Authorization": "Bearer dw_not-a-real-token"},
            {"Authorization": f"Bearer {revoked}"},
            {"Authorization": f"Basic {api.tokens['alice']}"},
            {"Authorization": "Bearer"},
            {"Authorization": api.tokens["alice"]},  # no scheme
        ]
        with httpx.Client(base_url=f"{api.base_url}/v1", timeout=10) as client:
            for method, path in PROTECTED:
                for headers in bad_headers:
                    response = client.request(method, path, headers=headers, json={})
                    assert response.status_code == 401, (method, path, headers)
                    assert error_of(response)["error"] == "unauthorized"
                    assert response.headers["www-authenticate"] == "Bearer"


def test_a_revoked_token_stops_working_at_once(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path)) as api, api.client("bob") as bob:
        sub = bob.post("/subscriptions", json={"target": "https://b.example.org/"}).json()
        assert bob.get("/contacts").status_code == 200
        with api.database.sessions.begin() as session:
            assert repo.revoke_api_token(session, api.token_ids["bob"])
        assert bob.get("/contacts").status_code == 401
        with api.database.sessions() as session:  # its subscriptions stop sending with it
            stopped = repo.get_token_subscription(session, api.token_ids["bob"], sub["id"])
            assert not stopped.active and "revoked" in stopped.disabled_reason


def test_contacts_and_sources_are_readable_by_any_token(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path)) as api:
        for name in ("alice", "bob"):
            with api.client(name) as client:
                assert client.get("/contacts").status_code == 200
                assert client.get("/sources").status_code == 200


def test_a_token_over_its_rate_limit_gets_429_with_retry_after(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path), rate_limit_per_minute=3) as api:
        with api.client("alice") as alice, api.client("bob") as bob:
            statuses = [alice.get("/sources").status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]
            limited = alice.get("/sources")
            assert limited.status_code == 429
            assert error_of(limited)["error"] == "rate_limited"
            # 3 a minute refills one request every 20 s.
            assert 1 <= int(limited.headers["retry-after"]) <= 20
            # Buckets are per token: bob is unaffected by alice's burst.
            assert bob.get("/sources").status_code == 200


def test_an_oversize_body_is_refused_with_413(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path), max_body_bytes=1024) as api, api.client() as alice:
        big = {"target": "https://a.example.org/", "filters": {"actor": "x" * 2000}}
        response = alice.post("/subscriptions", json=big)
        assert response.status_code == 413
        assert error_of(response)["error"] == "too_large"

        def chunks():  # no Content-Length: the limit holds for a streamed body too
            yield b'{"target": "https://a.example.org/", "filters": {"actor": "'
            for _ in range(20):
                yield b"y" * 100
            yield b'"}}'

        streamed = alice.post(
            "/subscriptions", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert streamed.status_code == 413
        # A body under the limit still goes through.
        small = alice.post("/subscriptions", json={"target": "https://a.example.org/"})
        assert small.status_code == 201
