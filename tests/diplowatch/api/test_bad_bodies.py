"""The bad-input corpus, API part: request bodies a careless or hostile client sends. Each gets
the 4xx of its row, never a 5xx, and creates nothing. docs/bad-input.md lists the cases."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.diplowatch.api.support import LiveApi, live_api
from tests.support.databases import sqlite_url

JSON = "application/json"

# (case, raw body, content type, expected status)
CASES: list[tuple[str, bytes, str, int]] = [
    ("not JSON", b"{target: nope", JSON, 422),
    ("a JSON array", b'["https://a.example.org/"]', JSON, 422),
    ("a JSON string", b'"https://a.example.org/"', JSON, 422),
    ("invalid UTF-8", b'{"target": "https://a.example.org/\xff\xfe"}', JSON, 422),
    ("a loopback target", json.dumps({"target": "http://127.0.0.1/h"}).encode(), JSON, 422),
    (
        "a NAT64 metadata target",
        json.dumps({"target": "http://[64:ff9b::a9fe:a9fe]/"}).encode(),
        JSON,
        422,
    ),  # fmt: skip
    ("a javascript: target", json.dumps({"target": "javascript:alert(1)"}).encode(), JSON, 422),
    (
        "filters of the wrong type",
        json.dumps({"target": "https://a.example.org/", "filters": "x"}).encode(),
        JSON,
        422,
    ),  # fmt: skip
    (
        "a body over max_body_bytes",
        json.dumps({"target": "https://a.example.org/" + "a" * 70_000}).encode(),
        JSON,
        413,
    ),  # fmt: skip
    ("JSON nested 5,000 deep", b'{"target": ' + b"[" * 5000 + b"]" * 5000 + b"}", JSON, 422),
    (
        "an unknown channel",
        json.dumps({"target": "x@example.org", "channel": "fax"}).encode(),
        JSON,
        422,
    ),  # fmt: skip
]


@pytest.fixture(scope="module")
def strict_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApi]:
    with live_api(sqlite_url(Path(tmp_path_factory.mktemp("api"))), allow_private=False) as api:
        yield api


@pytest.mark.parametrize(
    ("case", "body", "content_type", "status"), CASES, ids=[c[0] for c in CASES]
)
def test_a_bad_body_is_a_4xx_and_creates_nothing(
    strict_api: LiveApi, case: str, body: bytes, content_type: str, status: int
) -> None:
    with strict_api.client() as alice:
        response = alice.post(
            "/subscriptions", content=body, headers={"Content-Type": content_type}
        )
        assert response.status_code == status, response.text
        assert alice.get("/subscriptions").json()["items"] == []
