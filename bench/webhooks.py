"""Webhook benchmarks.

throughput: signed webhook sends per second to a receiver on 127.0.0.1 (in its own process, so
sender and receiver do not share one interpreter lock), sequentially and with a thread pool.

    .venv/bin/python bench/webhooks.py throughput [--count 3000] [--threads 1 4 8]

latency: time from a contact committed to the store to its webhook arriving, while the delivery
worker runs in a subprocess (see `latency --help`).
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

from alerts.events import build_event  # noqa: E402
from alerts.webhooks import new_secret, send_webhook  # noqa: E402
from tests.alerts.conftest import make_contact  # noqa: E402
from tests.alerts.receiver import Receiver  # noqa: E402


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
            f"threads={pool}: {count} sends in {elapsed:.2f} s = {count / elapsed:.0f}/s "
            f"({ok} ok)"
        )
    stop.set()
    server.join(5)
    lines.append(f"receiver counted {received.value} requests")
    return lines


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
    args = parser.parse_args()
    if args.command == "throughput":
        for line in throughput(args.count, args.threads):
            print(line)


if __name__ == "__main__":
    main()
