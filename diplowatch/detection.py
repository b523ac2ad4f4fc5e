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

from contacts import ArticleText, Contact, KnowledgeBase, detect_contacts, detect_many

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
    nothing new starts none).

    Articles go to the workers in batches of up to `batch_size`, sent when full or `linger`
    seconds after the first one arrived: the parser reads one batch of sentences at a fraction of
    the cost of the same sentences article by article (bench/detect_speed.py), and a batch waits
    at most `linger` for company.
    """

    def __init__(
        self, kb: KnowledgeBase, workers: int, *, batch_size: int = 16, linger: float = 0.05
    ):
        if workers < 1:
            raise ValueError("a detection pool needs at least one worker")
        if batch_size < 1:
            raise ValueError("a detection batch holds at least one article")
        self.kb = kb
        self.workers = workers
        self.batch_size = batch_size
        self.linger = linger
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting: list[tuple[ArticleText, Future[list[Contact]]]] = []
        self._timer: threading.Timer | None = None

    def submit(
        self, text: str, published: date | None, home_state: str | None = None
    ) -> Future[list[Contact]]:
        future: Future[list[Contact]] = Future()
        with self._lock:
            self._waiting.append((ArticleText(text, published, home_state), future))
            if len(self._waiting) >= self.batch_size:
                self._send_locked()
            elif self._timer is None:
                self._timer = threading.Timer(self.linger, self._send)
                self._timer.daemon = True
                self._timer.start()
        return future

    def _send(self) -> None:
        with self._lock:
            self._send_locked()

    def _send_locked(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._waiting = self._waiting, []
        if not batch:
            return
        if self._executor is None:
            self._executor = self._start()
        articles = [article for article, _ in batch]
        try:
            done = self._executor.submit(_detect_in_worker, articles)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the articles it held fail and are fetched
            # again next crawl; the ones after them get a fresh pool.
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()
            done = self._executor.submit(_detect_in_worker, articles)
        done.add_done_callback(lambda finished: _hand_out(finished, [f for _, f in batch]))

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
        """Stop the workers. Articles not yet sent or not yet read are cancelled, as a crawl
        stopping early wants (the sink waits for every result it needs before it closes)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            for _, future in self._waiting:
                future.cancel()
            self._waiting = []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _hand_out(
    finished: Future[list[list[Contact] | BaseException]], futures: list[Future[list[Contact]]]
) -> None:
    """Each article's own result (or the batch's failure) to the future its caller holds."""
    try:
        results = finished.result()
    except BaseException as exc:  # noqa: BLE001 - the worker died or the batch was cancelled
        for future in futures:
            future.set_exception(exc)
        return
    for future, result in zip(futures, results, strict=True):
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)


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


def _detect_in_worker(articles: list[ArticleText]) -> list[list[Contact] | BaseException]:
    try:
        return list(detect_many(articles, kb=_worker_kb))
    except Exception:  # noqa: BLE001 - one bad article must not fail the batch's others
        return [_detect_one(article) for article in articles]


def _detect_one(article: ArticleText) -> list[Contact] | BaseException:
    try:
        return detect_contacts(
            article.text, article.published, kb=_worker_kb, home_state=article.home_state
        )
    except Exception as exc:  # noqa: BLE001 - handed to whoever reads the result
        return exc
