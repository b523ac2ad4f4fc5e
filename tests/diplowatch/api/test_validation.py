"""Bad input gets a clear 4xx naming the field, never a 5xx (SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.diplowatch.api.support import LiveApi, error_of, live_api
from tests.support.databases import sqlite_url


@pytest.fixture
def strict_api(tmp_path: Path) -> Iterator[LiveApi]:
    """Private webhook targets refused, as in production."""
    with live_api(sqlite_url(tmp_path), allow_private=False) as running:
        yield running


def _fields(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    return [field["field"] for field in error_of(response)["fields"]]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "https://api.localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/",
        "http://169.254.169.254/latest/meta-data",  # cloud metadata
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/",
    ],
)
def test_private_webhook_targets_are_refused(strict_api: LiveApi, target: str) -> None:
    with strict_api.client() as alice:
        response = alice.post("/subscriptions", json={"target": target})
        assert _fields(response) == ["body.target"]
        assert (
            "private" in error_of(response)["message"] or "local" in error_of(response)["message"]
        )


@pytest.mark.parametrize(
    "target",
    [
        "ftp://files.example.org/x",
        "example.org/hook",
        "https:///nohost",
        "javascript:alert(1)",
        "https://user:pw@example.org/",
        "http://example.org:99999/",
    ],
)
def test_webhook_target_must_be_an_http_url(strict_api: LiveApi, target: str) -> None:
    with strict_api.client() as alice:
        assert _fields(alice.post("/subscriptions", json={"target": target})) == ["body.target"]


def test_email_subscriptions_need_an_address(strict_api: LiveApi) -> None:
    with strict_api.client() as alice:
        for bad in ["not-an-address", "a@b", "two@@example.org", "https://example.org/"]:
            response = alice.post("/subscriptions", json={"channel": "email", "target": bad})
            assert _fields(response) == ["body.target"], bad
        good = alice.post("/subscriptions", json={"channel": "email", "target": "ops@example.org"})
        assert good.status_code == 201 and good.json()["secret"] is None
        # An e-mail subscription has no secret to rotate.
        assert alice.post(f"/subscriptions/{good.json()['id']}/rotate-secret").status_code == 409


def test_bad_filters_name_the_key(strict_api: LiveApi) -> None:
    with strict_api.client() as alice:
        response = alice.post(
            "/subscriptions",
            json={"target": "https://a.example.org/", "filters": {"colour": "blue"}},
        )
        assert _fields(response) == ["body.filters"]
        assert "colour" in error_of(response)["message"]
        sub = alice.post("/subscriptions", json={"target": "https://a.example.org/"}).json()
        patch = alice.patch(f"/subscriptions/{sub['id']}", json={"filters": {"colour": "red"}})
        assert _fields(patch) == ["body.filters"]


@pytest.mark.parametrize("number", ["9" * 4000, "1" + "0" * 3999, "-" + "9" * 4000])
def test_a_huge_min_confidence_is_a_422_not_a_500(strict_api: LiveApi, number: str) -> None:
    # A 4,000-digit integer: float() of it overflows, so it must be refused before converting.
    body = '{"target": "https://a.example.org/", "filters": {"min_confidence": ' + number + "}}"
    with strict_api.client() as alice:
        response = alice.post(
            "/subscriptions", content=body, headers={"Content-Type": "application/json"}
        )
        assert _fields(response) == ["body.filters"]
        assert "min_confidence" in error_of(response)["message"]


def test_schema_errors_name_the_field(strict_api: LiveApi) -> None:
    with strict_api.client() as alice:
        cases = {
            "body.target": {"targt": "https://a.example.org/"},  # typo -> unknown + missing
            "body.mode": {"target": "https://a.example.org/", "mode": "weekly"},
            "body.events": {"target": "https://a.example.org/", "events": []},
            "body.channel": {"target": "https://a.example.org/", "channel": "sms"},
        }
        for field, body in cases.items():
            assert field in _fields(alice.post("/subscriptions", json=body)), body
        nul = alice.post("/subscriptions", json={"target": "https://a.example.org/\u0000"})
        assert _fields(nul) == ["body.target"]
        not_json = alice.post(
            "/subscriptions", content=b"{not json", headers={"Content-Type": "application/json"}
        )
        assert not_json.status_code == 422


def test_query_and_path_errors_are_422(strict_api: LiveApi) -> None:
    with strict_api.client() as alice:
        assert _fields(alice.get("/contacts", params={"limit": 0})) == ["query.limit"]
        assert _fields(alice.get("/contacts", params={"limit": 201})) == ["query.limit"]
        assert _fields(alice.get("/contacts", params={"cursor": "garbage!"})) == ["query.cursor"]
        assert _fields(alice.get("/contacts", params={"since": "yesterday"})) == ["query.since"]
        assert _fields(alice.get("/contacts", params={"type": "lunch"})) == ["query.type"]
        assert _fields(alice.get("/contacts", params={"actor": "a\x00b"})) == ["query.actor"]
        reversed_range = alice.get(
            "/contacts", params={"since": "2024-02-01", "until": "2024-01-01"}
        )
        assert _fields(reversed_range) == ["query.since"]
        assert _fields(alice.get("/subscriptions/abc")) == ["path.subscription_id"]
        assert _fields(alice.get("/contacts/99999999999")) == ["path.contact_id"]
        assert alice.get("/contacts/12345").status_code == 404
