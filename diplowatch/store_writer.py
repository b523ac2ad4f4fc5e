"""The sink's writes, in order, on one thread, several to a transaction.

`StoreSink` decides quickly whether an article is new and queues a job; this writer commits the
jobs in the order they were queued. An article's job waits for its detection (a future), then
its article, contacts and outbox rows are written in the same transaction, so they commit
together or not at all. Several jobs share a transaction to save round trips and commits; if the
shared transaction fails, each job is tried again alone, so one bad article costs only itself.

Order matters for what a crash may leave behind: feed validators and "skipped" marks queued after
an article commit after it, never before (a feed must not answer 304 for an article that was never
stored).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from alerts.filters import Filters
from contacts import Contact as DetectedContact
from diplowatch.recording import record_contacts, subscriptions_with_filters
from store import repository as repo
from store.models import SeenStatus, Source, Subscription

# The start of the error of an article the database refused to store.
UNSTORED = "could not be stored"

log = logging.getLogger(__name__)


@dataclass
class ArticleJob:
    source: str
    article: repo.NewArticle
    contacts: Future[list[DetectedContact]]


@dataclass
class DuplicateJob:
    """An article that repeats one stored or queued before it: its URLs are remembered."""

    source: str
    article: repo.NewArticle


@dataclass
class SkipJob:
    source: str
    url: str
    reason: str


@dataclass
class ValidatorsJob:
    url: str
    etag: str | None
    last_modified: str | None


Job = ArticleJob | DuplicateJob | SkipJob | ValidatorsJob


@dataclass
class Written:
    """What became of a job. status: "new", "duplicate", "skipped", "saved" or "failed"."""

    job: Job
    status: str
    new_contacts: int = 0
    error: str | None = None


_STOP = None  # queued by close(): the jobs before it are the last


class StoreWriter:
    """A thread writing queued jobs; `put` blocks while `max_pending` jobs wait (back-pressure
    on the crawl when detection or the database falls behind)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        on_written: Callable[[Written], None],
        *,
        batch_size: int = 50,
        batch_delay: float = 0.2,
        max_pending: int = 64,
    ):
        self.sessions = sessions
        self.on_written = on_written
        self.batch_size = batch_size
        self.batch_delay = batch_delay
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=max_pending)
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._failure: BaseException | None = None
        self._reported: set[str] = set()  # database refusals logged already
        # Once an article could not be stored, no feed validators are saved in this crawl: a 304
        # next time would hide the article for good.
        self._lost_articles = False
        self._thread.start()

    def put(self, job: Job) -> None:
        while True:
            if self._failure is not None:
                raise RuntimeError("the store writer stopped") from self._failure
            try:
                self._queue.put(job, timeout=1.0)
                return
            except queue.Full:
                continue

    def close(self) -> None:
        """Write everything queued, then stop the thread."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            stopping = False
            while not stopping:
                batch: list[Job | None] = [self._queue.get()]
                # Gather more for a moment: a commit costs about as much as several articles.
                deadline = time.monotonic() + self.batch_delay
                while batch[-1] is not _STOP and len(batch) < self.batch_size:
                    try:
                        batch.append(self._queue.get(timeout=max(0, deadline - time.monotonic())))
                    except queue.Empty:
                        break
                if batch[-1] is _STOP:
                    stopping = True
                    batch.pop()
                jobs = [job for job in batch if job is not None]
                if jobs:
                    self._write_batch(jobs)
        except BaseException as exc:  # a bug here must not leave the crawl blocked on put()
            log.exception("store writer stopped")
            self._failure = exc
            raise

    def _write_batch(self, jobs: list[Job]) -> None:
        # Wait for every detection first: a detector error fails its own article, not the batch.
        found: dict[int, list[DetectedContact]] = {}
        ready: list[Job] = []
        for job in jobs:
            if isinstance(job, ArticleJob):
                try:
                    found[id(job)] = job.contacts.result()
                except Exception as exc:  # noqa: BLE001 - reported; the article is fetched again
                    self.on_written(Written(job, "failed", error=f"detection failed: {exc!r}"))
                    continue
            ready.append(job)
        if not ready:
            return
        try:
            results = self._transaction(ready, found)
        except Exception as exc:  # noqa: BLE001 - find the job that fails, keep the others
            if len(ready) == 1:
                results = [self._failed(ready[0], exc)]
            else:
                results = []
                for job in ready:
                    try:
                        results.extend(self._transaction([job], found))
                    except Exception as one:  # noqa: BLE001 - reported by _failed, once
                        results.append(self._failed(job, one))
        for result in results:
            self.on_written(result)

    def _failed(self, job: Job, exc: Exception) -> Written:
        """A job the database refused. A database's own refusal (disk full, read-only file,
        locked) is one line, once per reason; anything else is a bug and logs its traceback."""
        if isinstance(job, ArticleJob | DuplicateJob):
            self._lost_articles = True
        if isinstance(exc, DBAPIError) and exc.orig is not None:
            reason = (str(exc.orig).strip().splitlines() or ["?"])[0]
            if reason not in self._reported:
                self._reported.add(reason)
                log.error("storing failed: %s (articles are fetched again next time)", reason)
            return Written(job, "failed", error=f"{UNSTORED}: {reason}")
        log.exception("storing failed", exc_info=exc)
        return Written(job, "failed", error=f"{UNSTORED} (database error)")

    def _transaction(
        self, jobs: list[Job], found: dict[int, list[DetectedContact]]
    ) -> list[Written]:
        with self.sessions.begin() as session:
            batch = _Batch(session)
            results = self._articles(batch, jobs, found)
            for job in jobs:
                if isinstance(job, SkipJob):
                    src = batch.source(job.source)
                    mark = repo.SeenMark(job.url, src.id, "skipped", reason=job.reason)
                    batch.marks[id(job)] = [mark]
                    results[id(job)] = Written(job, "skipped")
            # In the order the crawl reported them: a URL reported twice keeps its first record.
            repo.mark_urls_seen(session, [m for job in jobs for m in batch.marks.get(id(job), [])])
            for job in jobs:
                if isinstance(job, ValidatorsJob):
                    if self._lost_articles:
                        error = "not saved: an article of this crawl could not be stored"
                        results[id(job)] = Written(job, "failed", error=error)
                        continue
                    repo.save_feed_validators(session, job.url, job.etag, job.last_modified)
                    results[id(job)] = Written(job, "saved")
        return [results[id(job)] for job in jobs]

    def _articles(
        self, batch: _Batch, jobs: list[Job], found: dict[int, list[DetectedContact]]
    ) -> dict[int, Written]:
        """Articles and duplicates of the batch: new ones added in one statement, with their
        contacts and outbox rows; their URLs go to batch.marks."""
        session = batch.session
        keyed = [job for job in jobs if isinstance(job, ArticleJob | DuplicateJob)]
        # Checked again inside the transaction: another process may have stored them meanwhile.
        stored = repo.find_duplicate_articles(session, [job.article for job in keyed])
        # Each job is new, a repeat of a stored article (its id), or of a new one before it in
        # this batch (that job); a repeat of neither had its original fail to be stored.
        earlier: dict[str, ArticleJob] = {}  # url, canonical url and hash of new ones
        new_jobs: list[ArticleJob] = []
        repeats: list[tuple[ArticleJob | DuplicateJob, int | ArticleJob]] = []
        results: dict[int, Written] = {}
        for job, stored_id in zip(keyed, stored, strict=True):
            new = job.article
            keys = (new.url, new.canonical_url, new.content_hash)
            original = stored_id or next((earlier[k] for k in keys if k in earlier), None)
            if original is not None:
                repeats.append((job, original))
            elif isinstance(job, ArticleJob):
                new_jobs.append(job)
                earlier.update(dict.fromkeys(keys, job))
            else:
                # Nothing is remembered, so the next crawl fetches both again.
                error = "its original could not be stored"
                results[id(job)] = Written(job, "failed", error=error)
        added = repo.add_articles(
            session, [(job.article, batch.source(job.source)) for job in new_jobs]
        )
        article_ids = {id(job): article.id for job, article in zip(new_jobs, added, strict=True)}
        for job, article in zip(new_jobs, added, strict=True):
            batch.mark_urls(job, "article", article.id)
            created = 0
            if found[id(job)]:
                created, _ = record_contacts(
                    session, article, found[id(job)], batch.subscriptions()
                )
            results[id(job)] = Written(job, "new", new_contacts=created)
        for job, original in repeats:
            original_id = original if isinstance(original, int) else article_ids[id(original)]
            batch.mark_urls(job, "duplicate", original_id)
            results[id(job)] = Written(job, "duplicate")
        return results


class _Batch:
    """What the jobs of one transaction share: sources by name, the active subscriptions."""

    def __init__(self, session: Session):
        self.session = session
        self._sources: dict[str, Source] = {}
        self._subscriptions: list[tuple[Subscription, Filters]] | None = None
        self.marks: dict[int, list[repo.SeenMark]] = {}  # URLs to remember, by id(job)

    def mark_urls(
        self, job: ArticleJob | DuplicateJob, status: SeenStatus, article_id: int
    ) -> None:
        source_id = self.source(job.source).id
        self.marks[id(job)] = [
            repo.SeenMark(url, source_id, status, article_id=article_id)
            for url in dict.fromkeys((job.article.url, job.article.canonical_url))
        ]

    def source(self, name: str) -> Source:
        if name not in self._sources:
            self._sources[name] = repo.get_or_create_source(self.session, name)
        return self._sources[name]

    def subscriptions(self) -> list[tuple[Subscription, Filters]]:
        if self._subscriptions is None:
            self._subscriptions = subscriptions_with_filters(self.session)
        return self._subscriptions
