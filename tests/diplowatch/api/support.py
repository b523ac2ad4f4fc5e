"""A real API server on 127.0.0.1 and a real webhook receiver, for the API tests."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

import store
from diplowatch.api.server import make_server
from diplowatch.config import AlertsConfig, ApiConfig, Config, SmtpConfig
from diplowatch.db import Database, open_database
from diplowatch.tokens import create_token
from store import repository as repo
from tests.support.waiting import wait_until


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveApi:
    base_url: str
    database: Database
    tokens: dict[str, str]  # name -> plain token
    token_ids: dict[str, int]

    def client(self, token: str | None = "alice") -> httpx.Client:
        """A client for /v1 with `token`'s name (or no Authorization for None)."""
        headers = {"Authorization": f"Bearer {self.tokens[token]}"} if token else {}
        return httpx.Client(base_url=f"{self.base_url}/v1", headers=headers, timeout=10)


@contextmanager
def live_api(
    database_url: str,
    *,
    allow_private: bool = True,
    rate_limit_per_minute: int = 10_000,
    max_body_bytes: int = 64 * 1024,
    smtp: SmtpConfig | None = None,
) -> Iterator[LiveApi]:
    """Serve the API over `database_url` on a free port, with tokens "alice" and "bob"."""
    config = Config(
        database_url=database_url,
        api=ApiConfig(rate_limit_per_minute=rate_limit_per_minute, max_body_bytes=max_body_bytes),
        alerts=replace(AlertsConfig(), allow_private_targets=allow_private, webhook_timeout=5.0),
        smtp=smtp or SmtpConfig(),
    )
    engine = store.make_engine(database_url)
    store.upgrade(engine)  # a fresh PostgreSQL database is migrated on purpose, never implicitly
    engine.dispose()
    database = open_database(database_url)
    tokens, token_ids = {}, {}
    with database.sessions.begin() as session:
        for name in ("alice", "bob"):
            row, tokens[name] = create_token(session, name)
            token_ids[name] = row.id
    port = free_port()
    server = make_server(database, config, host="127.0.0.1", port=port)
    thread = threading.Thread(target=server.run, name="api-server", daemon=True)
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive(), 30, "the API server to start")
    assert server.started, "the API server thread ended before it started serving"
    try:
        yield LiveApi(f"http://127.0.0.1:{port}", database, tokens, token_ids)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        database.close()


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A webhook receiver on 127.0.0.1 that records what it gets and answers `status`."""

    url: str
    requests: list[Received] = field(default_factory=list)
    status: int = 204


@contextmanager
def webhook_receiver() -> Iterator[Receiver]:
    port = free_port()
    receiver = Receiver(url=f"http://127.0.0.1:{port}/hook")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            receiver.requests.append(
                Received({k.lower(): v for k, v in self.headers.items()}, body)
            )
            self.send_response(receiver.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def add_contact(
    database: Database,
    *,
    day: date | None = date(2024, 3, 5),
    kind: str = "call",
    status: str = "occurred",
    people: tuple[tuple[str, str], ...] = (("Olaf Example", "DEU"), ("Ana Sample", "BRA")),
    source: str = "examplewire",
    url: str | None = None,
) -> int:
    """Store one contact reported by one article; returns its id. Names are made up."""
    with database.sessions.begin() as session:
        src = repo.get_or_create_source(session, source)
        url = url or f"https://{source}.example/{time.monotonic_ns()}"
        article = repo.add_article(
            session,
            repo.NewArticle(
                url=url,
                canonical_url=url,
                body=f"{people[0][0]} spoke with {people[1][0]}.",
                content_hash=f"hash-{url}",
                title="Two leaders talk",
                published_at=datetime(2024, 3, 5, 8, tzinfo=UTC),
            ),
            source=src,
        )
        contact = repo.add_contact(
            session,
            repo.NewContact(
                type=kind,
                status=status,
                mode="phone" if kind == "call" else None,
                date=day,
                confidence=0.8,
                cameo="040",
                participants=[
                    repo.NewParticipant(
                        party_key=f"kb:{name.lower().replace(' ', '_')}",
                        name=name,
                        kb_id=f"kb:{name.lower().replace(' ', '_')}",
                        canonical_name=name,
                        state=state,
                        office="Foreign Minister",
                        role="initiator" if index == 0 else "recipient",
                    )
                    for index, (name, state) in enumerate(people)
                ],
            ),
        )
        repo.add_mention(
            session, contact, article, [f"{people[0][0]} spoke with {people[1][0]}."], 0.8
        )
        return contact.id


def error_of(response: httpx.Response) -> dict:
    """The JSON error body, checked for the shape every error has."""
    body = json.loads(response.content)
    assert set(body) == {"error", "message", "fields"}, body
    return body
