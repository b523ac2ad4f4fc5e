"""The daemon: crawls on schedule, sends alerts, prunes old data, serves /healthz and /metrics.

Threads, and why:
* APScheduler 3 (BackgroundScheduler) fires one job per source on its schedule. The job starts a
  CHILD PROCESS running `diplowatch run --source NAME --due --no-deliver` (the command cron runs)
  and waits for it. Scrapy's Twisted reactor cannot be restarted within a process, and a crawl's
  memory growth or crash stays in its child; news-please runs its crawlers the same way.
  Jobs have max_instances=1 and coalesce=True: a source never crawls twice at once in one daemon,
  and missed times (a suspended machine) become one crawl.
* The delivery loop runs on its own thread, so a slow crawl never delays an alert.
* Housekeeping (pruning raw HTML and old seen-URL records) is an hourly job.
* uvicorn serves /healthz and /metrics (and the API, when configured) from another thread.

Several daemons may share one PostgreSQL database: each crawl job's child takes the advisory
lock of its source and checks the last crawl's start against the scheduled time, and deliveries
are claimed with SELECT ... FOR UPDATE SKIP LOCKED, so nothing is done twice.

On SIGTERM or SIGINT the daemon stops scheduling, asks its children to stop (SIGTERM: Scrapy
finishes the requests in flight; an interrupted article is simply fetched next time), kills those
still running after a grace period, and exits 0 within 30 seconds.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import uvicorn
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from fastapi import FastAPI

from crawler import SourceSpec
from diplowatch.config import Config
from diplowatch.db import Database
from diplowatch.delivery import run_worker, worker_settings
from diplowatch.health import HealthCheck, add_routes, plain_app
from diplowatch.locks import locked
from diplowatch.logs import log_context
from diplowatch.metrics import Metrics, create_metrics, record_run
from diplowatch.schedules import Schedule
from store import repository as repo
from store.types import utcnow

log = logging.getLogger("diplowatch.daemon")

SHUTDOWN_BUDGET = 25.0  # seconds from the signal to exit; systemd's default stop timeout is 90
CHILD_GRACE = 15.0  # of which children get this long to stop by themselves
HOUSEKEEPING_EVERY = timedelta(hours=1)


@dataclass
class DaemonOptions:
    """How to start a crawl child: the same global options this process was started with."""

    config_path: Path | None = None
    log_format: str = "text"
    python: str = sys.executable

    def crawl_command(self, source: str, run_id: str) -> list[str]:
        command = [self.python, "-m", "diplowatch", "--log-format", self.log_format]
        if self.config_path is not None:
            command += ["--config", str(Path(self.config_path).resolve())]
        return command + [
            "run", "--source", source, "--due", "--no-deliver", "--run-id", run_id,
        ]  # fmt: skip


@dataclass
class Children:
    """The crawl processes running now, so shutdown can stop them."""

    _running: set[subprocess.Popen] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _closed: bool = False

    def start(self, command: list[str]) -> subprocess.Popen | None:
        """Start a child; None once shutdown has begun (a job that raced the signal)."""
        with self._lock:
            if self._closed:
                return None
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
            self._running.add(process)
            return process

    def done(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._running.discard(process)

    def stop_all(self, grace: float) -> None:
        """Refuse new children; SIGTERM the running ones, SIGKILL those left after `grace`."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        for process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in running:
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("crawl process %s did not stop in time; killing it", process.pid)
                process.kill()
                process.wait()


class Daemon:
    def __init__(
        self,
        config: Config,
        database: Database,
        sources: list[SourceSpec],
        schedules: dict[str, Schedule],
        options: DaemonOptions,
    ):
        self.config = config
        self.database = database
        self.sources = sources
        self.schedules = schedules
        self.options = options
        self.stop = threading.Event()
        self.children = Children()
        self.metrics: Metrics = create_metrics(database)
        self.scheduler = BackgroundScheduler(
            timezone="UTC",
            executors={
                "default": ThreadPoolExecutor(2),
                # One thread per source: a long crawl of one never holds back another's.
                "crawls": ThreadPoolExecutor(max(1, len(sources))),
            },
            job_defaults={"coalesce": True, "max_instances": 1},
        )
        self.health = HealthCheck(database, schedules, self._alive)
        self._delivery_thread = threading.Thread(
            target=self._deliver_loop, name="deliver", daemon=True
        )
        self._jobs_running = 0
        self._jobs_lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._server_thread: threading.Thread | None = None

    # -- jobs ------------------------------------------------------------------------------------

    def _guarded(self, name: str, job: Callable[[], None]) -> Callable[[], None]:
        """A job that logs its crash and stays scheduled: it runs again next time."""

        def run() -> None:
            if self.stop.is_set():
                return
            with self._jobs_lock:
                self._jobs_running += 1
            try:
                job()
            except Exception:  # the daemon outlives any one job
                log.exception("job %s failed; it runs again at its next time", name)
            finally:
                with self._jobs_lock:
                    self._jobs_running -= 1

        return run

    def crawl(self, source: str) -> None:
        """One scheduled crawl of `source`, in a child process (which skips it if not due)."""
        run_id = uuid.uuid4().hex[:12]
        with log_context(source=source, run_id=run_id):
            if not self._maybe_due(source):
                return
            started = time.monotonic()
            process = self.children.start(self.options.crawl_command(source, run_id))
            if process is None:
                return
            try:
                code = process.wait()
            finally:
                self.children.done(process)
            runs = record_run(self.metrics, self.database, run_id)
            seconds = time.monotonic() - started
            if code != 0:
                why = "stopped for shutdown" if self.stop.is_set() else f"exited with {code}"
                log.warning("crawl process %s after %.1fs", why, seconds)
            for run in runs:
                log.info(
                    "crawl %s: %d pages, %d new articles, %d new contacts, %d errors (%.1fs)",
                    run.status, run.pages_fetched, run.new_articles, run.new_contacts,
                    run.errors, seconds,
                )  # fmt: skip

    def _maybe_due(self, source: str) -> bool:
        """A cheap look before starting a process: was the source crawled in this slot already?
        Only the child's check, made under the source's lock, is authoritative."""
        with self.database.sessions() as session:
            sources = repo.list_sources(session)
        last = next((s.last_crawl_at for s in sources if s.name == source), None)
        if self.schedules[source].is_due(last, utcnow()):
            return True
        assert last is not None  # a source never crawled is always due
        log.info("already crawled in this slot (started %s); skipped", last.isoformat())
        return False

    def housekeeping(self) -> None:
        """Drop raw HTML and seen-URL records past their retention (one daemon at a time)."""
        with locked(self.database, "housekeeping") as lock:
            if lock is None:
                return
            now = utcnow()
            with self.database.sessions.begin() as session:
                touched = repo.prune(
                    session,
                    raw_html_older_than=now
                    - timedelta(days=self.config.daemon.raw_html_retention_days),
                    seen_urls_older_than=now
                    - timedelta(days=self.config.daemon.seen_url_retention_days),
                )
            if touched:
                log.info("housekeeping: pruned %d rows", touched)

    def _deliver_loop(self) -> None:
        """Send due alerts: back to back while there is work, else every worker interval."""
        run_worker(
            self.database,
            worker_settings(self.config),
            self.stop,
            on_pass=self.metrics.record_delivery_pass,
        )

    # -- lifecycle -------------------------------------------------------------------------------

    def _alive(self) -> bool:
        return self.scheduler.running and self._delivery_thread.is_alive()

    def schedule_jobs(self) -> None:
        now = utcnow()
        for spec in self.sources:
            schedule = self.schedules[spec.name]
            grace = schedule.period(now).total_seconds() / 2
            self.scheduler.add_job(
                self._guarded(f"crawl:{spec.name}", functools.partial(self.crawl, spec.name)),
                trigger=schedule.trigger(),
                id=f"crawl:{spec.name}",
                name=f"crawl {spec.name}",
                executor="crawls",
                misfire_grace_time=int(min(max(grace, 1), 3600)),
                # Right away too: the child crawls only if this slot was not crawled yet.
                next_run_time=now,
            )
        self.scheduler.add_job(
            self._guarded("housekeeping", self.housekeeping),
            trigger="interval",
            seconds=HOUSEKEEPING_EVERY.total_seconds(),
            id="housekeeping",
            misfire_grace_time=600,
            next_run_time=now,
        )

    def serve_http(self, app: FastAPI, host: str, port: int) -> None:
        settings = uvicorn.Config(
            app, host=host, port=port, log_config=None, access_log=False, timeout_keep_alive=5
        )
        self._server = uvicorn.Server(settings)
        self._server_thread = threading.Thread(target=self._server.run, name="http", daemon=True)
        self._server_thread.start()
        while not self._server.started:
            if not self._server_thread.is_alive():
                raise RuntimeError(f"cannot serve HTTP on {host}:{port} (see the log above)")
            time.sleep(0.05)

    def run(self, app: FastAPI | None = None) -> None:
        """Run until SIGTERM or SIGINT; returns once everything has stopped."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: self.stop.set())
        if app is not None:
            add_routes(app, self.health, self.metrics)
            self.serve_http(app, self.config.api.host, self.config.api.port)
            log.info("serving /healthz and /metrics on %s:%s", *_address(self.config))
        self.schedule_jobs()
        self.scheduler.start()
        self._delivery_thread.start()
        log.info("daemon started: %d source(s)", len(self.sources))
        while not self.stop.wait(1.0):  # a timed wait: signal handlers run promptly
            pass
        self.shutdown()

    def shutdown(self) -> None:
        deadline = time.monotonic() + SHUTDOWN_BUDGET
        log.info("stopping: no new jobs; asking running crawls to finish")
        if self.scheduler.running:  # a signal may come before it started
            self.scheduler.shutdown(wait=False)
        self.children.stop_all(grace=CHILD_GRACE)
        while self._busy() and time.monotonic() < deadline:
            time.sleep(0.1)
        if self._delivery_thread.ident is not None:
            self._delivery_thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if self._server is not None and self._server_thread is not None:
            self._server.should_exit = True
            self._server_thread.join(timeout=max(0.5, deadline - time.monotonic()))
        if self._busy() or self._delivery_thread.is_alive():
            # A job stuck past the budget would hold the interpreter open (pool threads are
            # joined at exit); what it did not commit is redone by the next daemon.
            log.warning("jobs still running at the shutdown deadline; exiting anyway")
            logging.shutdown()
            os._exit(0)
        self.database.close()
        log.info("stopped")

    def _busy(self) -> bool:
        with self._jobs_lock:
            return self._jobs_running > 0


def _address(config: Config) -> tuple[str, int]:
    return config.api.host, config.api.port


def http_app(config: Config, database: Database) -> FastAPI:
    """The API app (if configured and installed) or a plain one; /healthz and /metrics go on it."""
    if config.daemon.serve_api:
        try:
            from diplowatch.api.app import create_app
        except ImportError as exc:  # the API's optional parts are missing
            log.warning("not serving the API (%s); health and metrics only", exc)
        else:
            return create_app(database, config)
    return plain_app()
