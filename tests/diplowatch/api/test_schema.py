"""Schemathesis against the live server: no input makes a 5xx or an answer off the schema.

It runs the `schemathesis` command line (its pytest plugin does not work with pytest 9 yet)
against a server on 127.0.0.1, bounded by --max-examples so the run stays well under a minute.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import repository as repo
from store.models import Subscription
from tests.diplowatch.api.support import LiveApi, add_contact, live_api
from tests.support.databases import sqlite_url

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
# Every check but one: positive_data_acceptance expects any schema-valid input to succeed, but
# the schema cannot say that a webhook target must be public or that a cursor must come from
# this API, and those are answered 422 on purpose (tests/diplowatch/api/test_validation.py covers them).
EXCLUDED_CHECKS = "positive_data_acceptance"


@pytest.fixture
def seeded_api(tmp_path: Path) -> Iterator[LiveApi]:
    """A server with a little of everything, so generated ids 1, 2 ... hit real rows too.

    Private targets are refused, as in production, so generated webhook URLs never reach
    this machine's services.
    """
    with live_api(sqlite_url(tmp_path), allow_private=False) as api:
        first = add_contact(api.database)
        add_contact(api.database, kind="visit", status="planned", day=None, source="wire-b")
        with api.database.sessions.begin() as session:
            source = repo.get_or_create_source(session, "examplewire")
            run = repo.start_crawl_run(session, source, "run-1")
            repo.finish_crawl_run(session, run, ok=True, pages_fetched=3)
            subscription = repo.add_subscription(
                session,
                token_id=api.token_ids["alice"],
                channel="email",
                target="ops@example.org",
                filters={},
                mode="immediate",
                events=["contact.created"],
                secret=None,
            )
            delivery = repo.add_delivery(
                session,
                session.get(Subscription, subscription.id),
                repo.get_contact(session, first),
                "contact.created",
                "created",
            )
            repo.mark_delivery_failed(session, delivery, "HTTP 500", None)
        yield api


def test_no_input_breaks_the_api(seeded_api: LiveApi, tmp_path: Path) -> None:
    if not SCHEMATHESIS.exists() and shutil.which("schemathesis") is None:
        pytest.skip("schemathesis is not installed (it is in the test extra)")
    command = [
        str(SCHEMATHESIS if SCHEMATHESIS.exists() else "schemathesis"),
        "run",
        f"{seeded_api.base_url}/openapi.json",
        "--header",
        f"Authorization: Bearer {seeded_api.tokens['alice']}",
        "--checks",
        "all",
        "--exclude-checks",
        EXCLUDED_CHECKS,
        "--max-examples",
        "30",
        "--seed",
        "20240305",
        "--workers",
        "1",
        "--request-timeout",
        "10",
        "--generation-database",
        "none",
        "--no-color",
    ]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=150, check=False
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_docs_are_served_from_the_package_without_any_cdn(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    import httpx

    from tests.diplowatch.api.support import live_api
    from tests.support.databases import sqlite_url

    with live_api(sqlite_url(tmp_path)) as api:
        for page in ("/docs", "/redoc"):
            response = httpx.get(api.base_url + page)
            assert response.status_code == 200
            assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", response.text)
            assets += re.findall(r"""url: ?["']([^"']+)["']""", response.text)
            assert assets, response.text
            for asset in assets:
                assert not asset.startswith(("http:", "https:", "//")), f"{page} loads {asset}"
                fetched = httpx.get(api.base_url + asset)
                assert fetched.status_code == 200 and len(fetched.content) > 100, asset
