"""Helpers of the runtime tests: configs, daemons as subprocesses, waiting, database checks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import func, select

import store
from store.models import Article, Contact, CrawlRun, Delivery, Source, Subscription
from store.types import utcnow
from tests.support.waiting import wait_until

# Contacts the detector finds; each sentence is its own (made for these tests).
STORIES = [
    (
        "Lavrov and Fidan meet in Ankara",
        "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in Ankara "
        "on Tuesday to discuss shipping, the ministry said.",
    ),
    (
        "Modi and Lula talk trade by phone",
        "Indian Prime Minister Narendra Modi spoke by telephone with Brazilian President Luiz "
        "Inacio Lula da Silva on Wednesday about trade, his office said.",
    ),
    (
        "Wang Yi holds talks with Abdelatty",
        "Chinese Foreign Minister Wang Yi held talks with Egyptian Foreign Minister Badr "
        "Abdelatty in Beijing on Thursday, state media reported.",
    ),
    (
        "Ruto hosts Ramaphosa in Nairobi",
        "Kenyan President William Ruto hosted South African President Cyril Ramaphosa in Nairobi "
        "on Friday for talks on regional security.",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(
    path: Path,
    database_url: str,
    feeds: dict[str, str],
    *,
    schedule: str = "every 2s",
    port: int | None = None,
    serve_api: bool = False,
    download_timeout: float = 10.0,
    extra: str = "",
) -> Path:
    """A config with one source per feed (name -> URL), fast crawling, private webhooks allowed."""
    sources = "".join(
        f'\n[[sources]]\nname = "{name}"\nfeeds = ["{url}"]\nschedule = "{schedule}"\n'
        for name, url in feeds.items()
    )
    path.write_text(
        f"""database_url = "{database_url}"
use_default_sources = false
[crawl]
download_delay = 0.0
autothrottle = false
retry_times = 0
download_timeout = {download_timeout}
obey_robots = false
[alerts]
allow_private_targets = true
worker_interval_seconds = 0.5
webhook_timeout = 5.0
[api]
port = {port or free_port()}
[daemon]
serve_api = {"true" if serve_api else "false"}
{extra}{sources}""",
        encoding="utf-8",
    )
    return path


def cli_command(config: Path, *args: str, log_format: str = "text") -> list[str]:
    return [
        sys.executable, "-m", "diplowatch", "--log-format", log_format, "--config", str(config),
        *args,
    ]  # fmt: skip


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}


@dataclass
class DaemonProcess:
    """`diplowatch daemon` in its own process group (so a test can kill it with its children)."""

    process: subprocess.Popen
    log_path: Path
    port: int

    @classmethod
    def start(cls, config: Path, log_path: Path, port: int, log_format: str = "text"):
        log_file = log_path.open("ab")
        process = subprocess.Popen(
            cli_command(config, "daemon", log_format=log_format),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=clean_env(),
            start_new_session=True,
        )
        log_file.close()
        return cls(process, log_path, port)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> httpx.Response:
        return httpx.get(f"http://127.0.0.1:{self.port}{path}", timeout=5)

    def wait_http(self, timeout: float = 30) -> None:
        def up() -> bool:
            try:
                return self.get("/metrics").status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(up, timeout, f"daemon HTTP on {self.port}", self)

    def terminate(self, timeout: float = 40) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill_group(self) -> None:
        """What a power cut does: the daemon and its crawl children die at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def cleanup(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)


class Db:
    """Read-only checks on the test database, and the subscription setup."""

    def __init__(self, url: str):
        self.engine = store.make_engine(url)
        self.sessions = store.make_sessionmaker(self.engine)

    def migrate(self) -> None:
        store.upgrade(self.engine)

    def subscribe(
        self, target: str, secret: str = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0"
    ) -> None:
        with self.sessions.begin() as session:
            session.add(
                Subscription(
                    channel="webhook", target=target, filters={}, secret=secret, created_at=utcnow()
                )
            )

    def count(self, model: type) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(model)) or 0

    def articles(self) -> list[str]:
        with self.sessions() as session:
            return list(session.scalars(select(Article.url)))

    def contacts(self) -> int:
        return self.count(Contact)

    def deliveries(self) -> dict[str, int]:
        with self.sessions() as session:
            rows = session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
            return dict(rows.all())

    def runs(self, source: str | None = None) -> list[CrawlRun]:
        with self.sessions() as session:
            query = select(CrawlRun).join(Source).order_by(CrawlRun.id)
            if source:
                query = query.where(Source.name == source)
            return list(session.scalars(query))

    def dispose(self) -> None:
        self.engine.dispose()
