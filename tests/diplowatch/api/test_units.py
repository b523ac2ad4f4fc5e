"""The small parts on their own: the token bucket, cursors, target checks, the OpenAPI schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplowatch.api import create_app
from diplowatch.api.cursors import decode_cursor, encode_cursor
from diplowatch.api.errors import ApiError
from diplowatch.api.ratelimit import RateLimiter, retry_after_header
from diplowatch.api.targets import check_email, check_webhook_url
from diplowatch.config import Config
from diplowatch.db import open_database
from tests.support.databases import sqlite_url


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_bursts_then_refills_at_the_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, clock=clock)  # one a second, bursts of 60
    assert all(limiter.acquire(1) is None for _ in range(60))
    wait = limiter.acquire(1)
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert limiter.acquire(2) is None  # another token has its own bucket
    clock.now += 0.5
    assert limiter.acquire(1) == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.acquire(1) is None
    clock.now += 3600  # a long pause refills to the burst size, not beyond
    assert sum(limiter.acquire(1) is None for _ in range(100)) == 60


def test_cursors_round_trip_and_refuse_forgeries() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    assert decode_cursor(None) is None
    for forged in ["42", "", "!!!", encode_cursor(0), "djE6LTE", "djE6MTIzNDU2Nzg5MDEyMw"]:
        with pytest.raises(ApiError) as caught:
            decode_cursor(forged)
        assert caught.value.status == 422 and caught.value.fields[0].field == "query.cursor"


def test_target_checks() -> None:
    assert check_webhook_url("https://hooks.example.org/x", allow_private=False) is None
    assert check_webhook_url("http://127.0.0.1:9/x", allow_private=True) is None
    assert check_webhook_url("http://127.0.0.1:9/x", allow_private=False)
    assert check_webhook_url("http://printer.local/", allow_private=False)
    assert check_webhook_url("ftp://example.org/", allow_private=True)
    assert check_email("ops@example.org") is None
    assert check_email("ops@localhost")
    assert check_email("o ps@example.org")


def test_openapi_describes_every_operation(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path))
    try:
        schema = create_app(database, Config()).openapi()
    finally:
        database.close()
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    operations = [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
    assert len(operations) == 12
    for path, method, operation in operations:
        where = f"{method.upper()} {path}"
        assert path.startswith("/v1/"), where
        assert operation.get("summary"), where
        assert operation.get("security") == [{"token": []}], where
        assert {"401", "429"} <= set(operation["responses"]), where
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ErrorOut"
                }, where
