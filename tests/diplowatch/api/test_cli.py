"""`diplowatch tokens` and `diplowatch serve` through the real command line (SQLite)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select

import store
from diplowatch.tokens import hash_token
from store.models import ApiToken
from tests.diplowatch.api.support import free_port
from tests.support.databases import sqlite_url

DIPLOWATCH = [sys.executable, "-c", "from diplowatch.cli import main; main()"]


def _env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env["DIPLOWATCH_DATABASE_URL"] = database_url
    return env


def run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*DIPLOWATCH, *args], capture_output=True, text=True, env=_env(database_url), timeout=60
    )


def test_tokens_are_shown_once_and_stored_hashed(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    created = run(url, "tokens", "create", "--name", "ci bot")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("dw_") and len(token) > 40
    assert "cannot be shown again" in created.stderr

    engine = store.make_engine(url)
    with store.make_sessionmaker(engine)() as session:
        row = session.scalar(select(ApiToken))
        assert row.name == "ci bot" and row.token_hash == hash_token(token)
    engine.dispose()
    assert token not in Path(url.removeprefix("sqlite:///")).read_bytes().decode("latin-1")

    listed = run(url, "tokens", "list")
    assert listed.returncode == 0 and "ci bot" in listed.stdout and "active" in listed.stdout
    assert token not in listed.stdout

    assert run(url, "tokens", "revoke", str(row.id)).returncode == 0
    assert "revoked" in run(url, "tokens", "list").stdout
    missing = run(url, "tokens", "revoke", "999")
    assert missing.returncode == 2 and "no token with id 999" in missing.stderr
    assert run(url, "tokens", "create", "--name", "  ").returncode == 2


def test_serve_answers_with_a_token_from_the_command_line(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    token = run(url, "tokens", "create", "--name", "reader").stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [*DIPLOWATCH, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                schema = httpx.get(f"{base}/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "diplowatch serve did not start"
                time.sleep(0.1)
        assert schema.status_code == 200 and "/v1/contacts" in schema.json()["paths"]
        headers = {"Authorization": f"Bearer {token}"}
        assert httpx.get(f"{base}/v1/sources", headers=headers).json() == {"items": []}
        assert httpx.get(f"{base}/v1/sources").status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)
