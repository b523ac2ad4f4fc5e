"""The worker as a real process (`diplowatch deliveries run`), killed at the worst moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from standardwebhooks import Webhook

from alerts.webhooks import new_secret
from diplowatch.db import Database
from tests.alerts.receiver import Received, Receiver
from tests.diplowatch.store_support import PUTIN, XI, deliveries, open_test_database, save_contact
from tests.diplowatch.store_support import subscribe as add_subscription
from tests.support.waiting import wait_until

DIPLOWATCH = [sys.executable, "-c", "from diplowatch.cli import main; main()"]
# Short timeouts make the claim lease short (2 x 1 s x 1 round + 5 s), so the test waits ~7 s.
CONFIG = """
[alerts]
allow_private_targets = true
webhook_timeout = 1.0
batch_size = 4
worker_interval_seconds = 0.1
[smtp]
timeout = 1.0
"""


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_test_database(database_url)
    yield database
    database.close()


def start_worker(tmp_path: Path, database_url: str) -> subprocess.Popen[bytes]:
    config = tmp_path / "worker.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update({"DIPLOWATCH_CONFIG": str(config), "DIPLOWATCH_DATABASE_URL": database_url})
    return subprocess.Popen(
        [*DIPLOWATCH, "deliveries", "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_worker_killed_after_the_post_resends_with_the_same_id(
    tmp_path: Path, database_url: str, database: Database
) -> None:
    workers: list[subprocess.Popen[bytes]] = []

    def kill_first_worker(item: Received) -> None:
        # The receiver has the message; the worker dies before it can record that.
        if len(workers) == 1:
            os.kill(workers[0].pid, signal.SIGKILL)
            workers[0].wait(10)

    secret = new_secret()
    with Receiver(on_receive=kill_first_worker) as receiver:
        add_subscription(database, receiver.url, secret=secret)
        save_contact(database, [PUTIN, XI])
        workers.append(start_worker(tmp_path, database_url))
        try:
            assert workers[0].wait(60) == -signal.SIGKILL
            (row,) = deliveries(database)
            assert row.status == "sending" and row.delivered_at is None

            workers.append(start_worker(tmp_path, database_url))
            assert receiver.wait_for(2, timeout=60), "the delivery was never sent again"
            wait_until(
                lambda: deliveries(database)[0].status == "sent", 20, "the resent one marked sent"
            )
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.send_signal(signal.SIGTERM)
                    worker.wait(20)
        assert workers[1].returncode == 0, workers[1].stderr.read().decode()  # type: ignore[union-attr]
        first, second = receiver.received
        assert first.headers["webhook-id"] == second.headers["webhook-id"] == row.message_id
        for item in (first, second):
            assert Webhook(secret).verify(item.body, item.headers)["type"] == "contact.created"
        (row,) = deliveries(database)
        assert row.status == "sent" and row.attempts == 1
