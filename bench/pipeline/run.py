"""End-to-end throughput: discover, fetch, extract, detect, store, on SQLite and PostgreSQL.

    .venv/bin/python bench/pipeline/run.py --pages 200 1000 5000 --db sqlite postgresql \
        --peers 300 --profile 1000

For each N a fixture site (bench/pipeline/fixture_site.py) is served by its own process; each
crawl runs in its own process too (bench/pipeline/crawl_once.py), which measures itself. Prints
one Markdown table row per run, ready for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass
class Site:
    base: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU the fixture server used so far (it shares the machine's cores with the crawl)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def fixture_site(pages: int):  # type: ignore[no-untyped-def]
    server = subprocess.Popen(
        [PYTHON, str(HERE / "fixture_site.py"), "--pages", str(pages)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline().strip()  # type: ignore[union-attr]
        if not line.startswith("READY "):
            raise RuntimeError(f"fixture site did not start: {line!r}")
        yield Site(line.split(" ", 1)[1], server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def database(kind: str, workdir: Path):  # type: ignore[no-untyped-def]
    if kind == "sqlite":
        yield f"sqlite:///{workdir / f'bench-{uuid.uuid4().hex[:8]}.sqlite'}"
        return
    name = f"diplowatch_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        subprocess.run(
            [PYTHON, "-c", f"import store; store.upgrade(store.make_engine({url!r}))"],
            check=True,
        )
        yield url
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def crawl_once(
    site: Site, url: str, profile: Path | None = None, workers: int | None = None
) -> dict:
    command = [PYTHON, str(HERE / "crawl_once.py"), "--base", site.base, "--database-url", url]
    if profile:
        command += ["--profile", str(profile)]
    if workers is not None:
        command += ["--workers", str(workers)]
    server_cpu = site.cpu_seconds()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"crawl failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["server_cpu_seconds"] = site.cpu_seconds() - server_cpu
    return result


HEADER = (
    "| N | db | articles | contacts | wall s | articles/s | CPU ms/article: crawl + detector "
    "workers (+ fixture server) | peak RSS MiB: crawl + workers | KB load s | errors |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def row(pages: int, kind: str, result: dict) -> str:
    articles = max(1, result["articles"])

    def per_article(seconds: float) -> float:
        return 1000 * seconds / articles

    # ru_maxrss of the children is the largest worker's: counted once per worker, an upper bound.
    workers_rss = result["workers"] * result["worker_peak_rss_mib"]
    return (
        f"| {pages} | {kind} | {result['articles']} | {result['contacts']} | "
        f"{result['wall_seconds']:.1f} | {result['articles'] / result['wall_seconds']:.0f} | "
        f"{per_article(result['cpu_seconds']):.1f} + {per_article(result['workers_cpu_seconds']):.1f}"
        f" ({per_article(result['server_cpu_seconds']):.1f}) | "
        f"{result['peak_rss_mib']:.0f} + {workers_rss:.0f} | "
        f"{result['kb_load_seconds']:.1f} | {result['errors']} |"
    )


def profile_summary(path: Path, top: int = 25) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(top)
    by_area: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        area = "other"
        for key in (
            "trafilatura", "lxml", "htmldate", "justext", "courlan", "scrapy", "twisted",
            "sqlalchemy", "sqlite3", "psycopg", "/contacts/", "/crawler/", "/store/",
            "/diplowatch/", "feedparser", "re/", "json",
        ):  # fmt: skip
            if key in filename:
                area = key.strip("/")
                break
        if filename.startswith("~") or filename == "~":
            area = "builtins (C: regex, lxml parse, sqlite3 calls ...)"
        by_area[area] = by_area.get(area, 0.0) + tottime
    total = sum(by_area.values())
    print(f"\nself time by area (total {total:.1f} s):")
    for area, seconds in sorted(by_area.items(), key=lambda kv: -kv[1]):
        print(f"  {area:55s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--peers", type=int, default=0, help="pages for the extractor comparison")
    parser.add_argument("--profile", type=int, default=0, help="N to profile (SQLite)")
    parser.add_argument("--keep-profile", help="copy the profile (pstats file) here")
    parser.add_argument("--workers", type=int, help="detector processes (default: the app's)")
    args = parser.parse_args()

    print(HEADER)
    with tempfile.TemporaryDirectory(prefix="diplowatch-bench-") as tmp:
        workdir = Path(tmp)
        for pages in args.pages:
            with fixture_site(pages) as site:
                for kind in args.db:
                    with database(kind, workdir) as url:
                        result = crawl_once(site, url, workers=args.workers)
                        print(row(pages, kind, result), flush=True)
        if args.profile:
            with fixture_site(args.profile) as site, database("sqlite", workdir) as url:
                out = workdir / "crawl.prof"
                result = crawl_once(site, url, out, workers=args.workers)
                print(
                    f"\nprofiled run (cProfile slows it down): {row(args.profile, 'sqlite', result)}"
                )
                profile_summary(out)
                if args.keep_profile:
                    shutil.copy(out, args.keep_profile)
    if args.peers:
        print("\nextraction only, same pages:")
        subprocess.run([PYTHON, str(HERE / "peers.py"), "--pages", str(args.peers)], check=True)


if __name__ == "__main__":
    main()
