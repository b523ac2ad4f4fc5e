"""Webhook benchmarks.

throughput: signed webhook sends per second to a receiver on 127.0.0.1 (in its own process, so
sender and receiver do not share one interpreter lock), sequentially and with a thread pool.

    .venv/bin/python bench/webhooks.py throughput [--count 3000] [--threads 1 4 8]

worker: deliveries per second through the delivery worker: claim from the store, build the
event, send, mark sent.

    .venv/bin/python bench/webhooks.py worker [--count 1000] [--database-url URL]

latency: time from a contact committed to the store to its webhook arriving, while
`diplowatch deliveries run` works in a subprocess.

    .venv/bin/python bench/webhooks.py latency [--count 200] [--gap 0.05] [--interval 1.0]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alerts.events import build_event
from alerts.webhooks import new_secret, send_webhook
from tests.alerts.conftest import make_contact
from tests.alerts.receiver import Receiver


def _serve(port_out, received, stop) -> None:  # type: ignore[no-untyped-def]
    with Receiver() as receiver:
        port_out.value = receiver.port
        while not stop.wait(0.05):
            received.value = len(receiver.received)
        received.value = len(receiver.received)


def throughput(count: int, threads: list[int]) -> list[str]:
    ctx = multiprocessing.get_context("spawn")
    port, received, stop = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Event()
    server = ctx.Process(target=_serve, args=(port, received, stop), daemon=True)
    server.start()
    while not port.value:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{port.value}/hook"
    body = json.dumps(build_event("contact.created", make_contact(), datetime.now(UTC))).encode()
    secrets = [new_secret(), new_secret()]  # a rotation in progress: two signatures each

    def one(i: int) -> bool:
        result = send_webhook(url, body, f"msg_{i}", secrets, timeout=10, allow_private=True)
        return result.ok

    lines = [f"payload {len(body)} bytes, 2 signatures, new TCP connection per send"]
    for pool in threads:
        start = time.perf_counter()
        with ThreadPoolExecutor(pool) as executor:
            ok = sum(executor.map(one, range(count)))
        elapsed = time.perf_counter() - start
        lines.append(
            f"threads={pool}: {count} sends in {elapsed:.2f} s = {count / elapsed:.0f}/s ({ok} ok)"
        )
    stop.set()
    server.join(5)
    lines.append(f"receiver counted {received.value} requests")
    return lines


def latency(count: int, gap: float, interval: float, database_url: str | None) -> list[str]:
    """Save `count` contacts `gap` seconds apart while `diplowatch deliveries run` works in a
    subprocess; measure commit -> webhook arrival for each."""
    import os
    import subprocess
    import tempfile

    from contacts import Participant
    from tests.diplowatch.store_support import open_test_database, save_contact, subscribe

    workdir = Path(tempfile.mkdtemp(prefix="webhook-latency-"))
    url = database_url or f"sqlite:///{workdir / 'bench.sqlite'}"
    database = open_test_database(url)
    config = workdir / "bench.toml"
    config.write_text(
        f"[alerts]\nallow_private_targets = true\nworker_interval_seconds = {interval}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update({"DIPLOWATCH_CONFIG": str(config), "DIPLOWATCH_DATABASE_URL": url})
    saved: dict[int, float] = {}
    with Receiver() as receiver:
        subscribe(database, receiver.url, secret=new_secret())
        worker = subprocess.Popen(
            [sys.executable, "-c", "from diplowatch.cli import main; main()", "deliveries", "run"],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(2.0)  # let the worker start (imports, first poll)
            for i in range(count):
                people = [
                    Participant(
                        f"Leader {i} A", f"Leader {i} A", f"Q9{i:06d}1", "AAA", "President"
                    ),
                    Participant(
                        f"Leader {i} B", f"Leader {i} B", f"Q9{i:06d}2", "BBB", "President"
                    ),
                ]
                contact_id = save_contact(database, people, url=f"https://bench.example/{i}")
                saved[contact_id] = time.time()
                time.sleep(gap)
            receiver.wait_for(count, timeout=60)
        finally:
            worker.terminate()
            worker.wait(30)
        arrived = {json.loads(r.body)["data"]["id"]: r.at for r in receiver.received}
    database.close()
    delays = [arrived[cid] - at for cid, at in saved.items() if cid in arrived]
    backend = url.split(":", 1)[0]
    return [
        f"{backend}, worker poll interval {interval} s, one contact every {gap} s",
        latency_summary(delays) + f"; {count - len(delays)} missing",
    ]


def worker_rate(count: int, database_url: str | None) -> list[str]:
    """Queue `count` deliveries, then time the worker's passes until all are sent."""
    import tempfile

    from alerts.email import SmtpSettings
    from contacts import Participant
    from diplowatch.delivery import WorkerSettings, deliver_due
    from tests.diplowatch.store_support import open_test_database, save_contact, subscribe

    workdir = Path(tempfile.mkdtemp(prefix="webhook-worker-"))
    url = database_url or f"sqlite:///{workdir / 'bench.sqlite'}"
    database = open_test_database(url)
    ctx = multiprocessing.get_context("spawn")
    port, received, stop = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Event()
    server = ctx.Process(target=_serve, args=(port, received, stop), daemon=True)
    server.start()
    while not port.value:
        time.sleep(0.01)
    subscribe(database, f"http://127.0.0.1:{port.value}/hook", secret=new_secret())
    for i in range(count):
        people = [
            Participant(f"Leader {i} A", f"Leader {i} A", f"Q9{i:06d}1", "AAA", "President"),
            Participant(f"Leader {i} B", f"Leader {i} B", f"Q9{i:06d}2", "BBB", "President"),
        ]
        save_contact(database, people, url=f"https://bench.example/{i}")
    smtp = SmtpSettings("127.0.0.1", 1, None, None, "none", "bench@example.org", 5.0)
    settings = WorkerSettings(smtp=smtp, allow_private=True)  # batch 50, 8 threads: defaults
    start = time.perf_counter()
    sent = 0
    while (report := deliver_due(database, settings)).claimed:
        sent += report.sent
    elapsed = time.perf_counter() - start
    stop.set()
    server.join(5)
    database.close()
    backend = url.split(":", 1)[0]
    return [
        f"{backend}: {sent} deliveries claimed, built, sent and marked in {elapsed:.2f} s "
        f"= {sent / elapsed:.0f}/s (batch 50, 8 send threads)"
    ]


def latency_summary(delays: list[float]) -> str:
    delays = sorted(delays)
    p = statistics.quantiles(delays, n=100, method="inclusive") if len(delays) > 1 else delays * 99
    return (
        f"{len(delays)} contacts: p50 {p[49] * 1000:.0f} ms, p90 {p[89] * 1000:.0f} ms, "
        f"p99 {p[98] * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tp = sub.add_parser("throughput", help="webhook sends per second")
    tp.add_argument("--count", type=int, default=3000)
    tp.add_argument("--threads", type=int, nargs="+", default=[1, 4, 8])
    lt = sub.add_parser("latency", help="contact saved -> webhook received, worker running")
    lt.add_argument("--count", type=int, default=200)
    lt.add_argument("--gap", type=float, default=0.05, help="seconds between saved contacts")
    lt.add_argument("--interval", type=float, default=1.0, help="worker poll interval")
    lt.add_argument("--database-url", help="default: a fresh SQLite file")
    wr = sub.add_parser("worker", help="deliveries per second through the worker (store + send)")
    wr.add_argument("--count", type=int, default=1000)
    wr.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    if args.command == "throughput":
        lines = throughput(args.count, args.threads)
    elif args.command == "worker":
        lines = worker_rate(args.count, args.database_url)
    else:
        lines = latency(args.count, args.gap, args.interval, args.database_url)
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
