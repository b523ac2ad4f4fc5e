"""Running the contact detector beside the crawl, in worker processes.

The detector is pure CPU work in Python, and the crawl's own thread (Scrapy, extraction, the store)
is busy too: in one process they share one core. `DetectionPool` runs the detector in worker
processes instead, each holding its own copy of the knowledge base, so the crawl keeps fetching
and extracting while earlier articles are being read for contacts.

Both kinds of detection hand back a `Future`: `DetectionPool.submit` one that a worker completes,
`InlineDetection.submit` one already done (detection in the calling thread, for small crawls and
tests that want no extra process).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Protocol

from contacts import Contact, KnowledgeBase, detect_contacts

# The detector as the pipeline calls it: text, publication date, the source's home state (see
# SourceSpec.home_state) -> contacts.
Detector = Callable[[str, date | None, str | None], list[Contact]]

# Set once per worker process by _load_worker: the knowledge base its detections use.
_worker_kb: KnowledgeBase | None = None


class Detection(Protocol):
    def submit(
        self, text: str, published: date | None, home_state: str | None = None
    ) -> Future[list[Contact]]: ...

    def close(self) -> None: ...


class InlineDetection:
    """Detection in the calling thread; the future is done when `submit` returns."""

    def __init__(self, detect: Detector):
        self.detect = detect

    def submit(
        self, text: str, published: date | None, home_state: str | None = None
    ) -> Future[list[Contact]]:
        future: Future[list[Contact]] = Future()
        try:
            future.set_result(self.detect(text, published, home_state))
        except Exception as exc:  # noqa: BLE001 - handed to whoever reads the result
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


class DetectionPool:
    """Detection in `workers` processes, started on the first article (a crawl that finds
    nothing new starts none)."""

    def __init__(self, kb: KnowledgeBase, workers: int):
        if workers < 1:
            raise ValueError("a detection pool needs at least one worker")
        self.kb = kb
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(
        self, text: str, published: date | None, home_state: str | None = None
    ) -> Future[list[Contact]]:
        if self._executor is None:
            self._executor = self._start()
        try:
            return self._executor.submit(_detect_in_worker, text, published, home_state)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the articles it held fail and are fetched
            # again next crawl; the ones after them get a fresh pool.
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()
            return self._executor.submit(_detect_in_worker, text, published, home_state)

    def _start(self) -> ProcessPoolExecutor:
        # "spawn": the crawl process runs threads (Twisted, the store writer), and forking a
        # threaded process can copy a lock held by another thread into the child.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker,
            initargs=(self.kb,),
        )

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _load_worker(kb: KnowledgeBase) -> None:
    global _worker_kb
    _worker_kb = kb
    # Ctrl-C reaches the whole process group. The crawl handles it (Scrapy finishes what is in
    # flight, the sink writes what is queued), and for that the workers must live on until the
    # sink closes the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker holds both ends of its task pipe, so it would wait forever for the next task if
    # the crawl process were killed (SIGKILL, out of memory): it watches its parent instead.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(parent_sentinel: int) -> None:
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _detect_in_worker(text: str, published: date | None, home_state: str | None) -> list[Contact]:
    return detect_contacts(text, published, kb=_worker_kb, home_state=home_state)
