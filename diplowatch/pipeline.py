"""Where the libraries meet: an extracted article becomes stored contacts and pending alerts.

`StoreSink` is the crawler's ArticleSink. For each article it has the detector read it (in a
worker process, diplowatch/detection.py) and the store writer (diplowatch/store_writer.py) write,
in one transaction, the article, its contacts (new ones, or a new mention of one already known)
and one outbox row per matching subscription for each new contact (diplowatch/recording.py),
and its URLs as seen. A crash
before the commit loses nothing that was ever visible (the next crawl fetches the article again);
a crash after it loses nothing at all.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from contacts import Contact as DetectedContact
from contacts import KnowledgeBase, detect_contacts
from diplowatch.db import Database
from diplowatch.detection import Detection, Detector
from diplowatch.masking import mask_urls
from diplowatch.recording import record_contacts
from diplowatch.store_writer import (
    UNSTORED,
    ArticleJob,
    DuplicateJob,
    Job,
    SkipJob,
    StoreWriter,
    ValidatorsJob,
    Written,
)
from store import repository as repo
from store.engine import make_read_sessionmaker, read_only
from store.models import Article

if TYPE_CHECKING:  # crawler.extract loads trafilatura: not for a type
    from crawler.extract import ExtractedArticle

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def kb_detector(kb: KnowledgeBase) -> Detector:
    """The detector bound to one loaded knowledge base (loading it is the slow part)."""

    def detect(
        text: str, published: date | None, home_state: str | None = None
    ) -> list[DetectedContact]:
        return detect_contacts(text, published, kb=kb, home_state=home_state)

    return detect


class StoreSink:
    """The crawler's ArticleSink, backed by the store and the detector.

    `add_article` answers at once: an article is a duplicate when the store, or an article
    queued before it in this crawl, has its URL, canonical URL or content hash. A new article goes
    to `detection` (worker processes, or this thread) and then to the store writer, which commits
    it with its contacts and outbox rows. Its URL is remembered as seen only in that commit, so an
    article fetched but not yet stored when the process dies is simply fetched again next time.
    `close()` must be called when the crawl ends: it waits until everything queued is written.
    """

    def __init__(
        self,
        database: Database,
        detection: Detection,
        *,
        keep_raw_html: bool = False,
        batch_size: int = 50,
        max_pending: int = 64,
        home_states: dict[str, str] | None = None,
    ):
        self.database = database
        self.detection = detection
        # Source name -> the state its official readouts speak for ("the President" there).
        self.home_states = dict(home_states or {})
        self.keep_raw_html = keep_raw_html
        self.new_contacts: Counter[str] = Counter()
        self.errors: dict[str, list[str]] = {}
        self.skip_reasons: dict[str, Counter[str]] = {}  # source -> reason -> pages
        # Articles the crawl counted as new that turned out, when written, to be duplicates
        # (another process stored them meanwhile) or could not be stored; by source.
        self.late_duplicates: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.unstored: Counter[str] = Counter()  # articles the database refused (disk full ...)
        # Look-ups (for every link and page) share one autocommit connection: only the crawl's
        # thread calls the sink, and a connection per look-up costs more than the query.
        self._reads = make_read_sessionmaker(database.engine)
        self._lookups: Connection | None = None
        self._lock = threading.Lock()  # guards what the writer thread shares with the crawl's
        self._pending_urls: Counter[str] = Counter()  # queued, not yet written
        self._pending_hashes: Counter[str] = Counter()
        self._writer = StoreWriter(
            database.sessions,
            self._written,
            batch_size=batch_size,
            max_pending=max_pending,
        )

    def is_known(self, url: str) -> bool:
        with self._lock:
            if url in self._pending_urls:
                return True
        return self._look_up(repo.url_seen, url)

    def add_article(self, source: str, article: ExtractedArticle, raw_html: bytes | None) -> str:
        assert article.url is not None  # the crawler gives each article its page's URL
        new = repo.NewArticle(
            url=article.url,
            canonical_url=article.canonical_url or article.url,
            body=article.body,
            content_hash=article.content_hash,
            title=article.title,
            authors=list(article.authors or []),
            published_at=article.published_at,
            language=article.language,
            raw_html=raw_html if self.keep_raw_html else None,
        )
        urls = {new.url, new.canonical_url}
        # Queued articles first, then the store: the writer forgets a queued article only after
        # committing it, so one of the two checks sees it.
        with self._lock:
            queued = new.content_hash in self._pending_hashes or any(
                url in self._pending_urls for url in urls
            )
        if queued or self._look_up(repo.duplicate_article_id, new) is not None:
            self._queue(DuplicateJob(source, new), urls)
            return "duplicate"
        published = new.published_at.date() if new.published_at else None
        found = self.detection.submit(new.body, published, self.home_states.get(source))
        self._queue(ArticleJob(source, new, found), urls, new.content_hash)
        return "new"

    def add_skipped(self, source: str, url: str, reason: str) -> None:
        self.skip_reasons.setdefault(source, Counter())[reason] += 1
        self._queue(SkipJob(source, url, reason), {url})

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        with self._reads() as session:
            return repo.get_feed_validators(session, url)

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        # Queued behind the feed's articles: saved only once they are stored.
        self._writer.put(ValidatorsJob(url, etag, last_modified))

    def record_error(self, source: str, url: str, error: str) -> None:
        # Errors are not remembered as seen: the next crawl tries the URL again. A feed URL may
        # carry credentials: they go neither to the log nor to the crawl run's error summary.
        line = mask_urls(f"{url}: {error}")
        with self._lock:
            self.errors.setdefault(source, []).append(line)
        # Each failed source gets one line in the run's summary; every error is a debug line.
        log.debug("%s: %s", source, line)

    def close(self) -> None:
        """Write everything queued, then stop detection. The sink takes no more articles."""
        try:
            self._writer.close()
        finally:
            self.detection.close()
            if self._lookups is not None:
                self._lookups.close()
                self._lookups = None

    # -- internals ----------------------------------------------------------------------------

    def _look_up(self, query: Callable[[Connection, T], R], value: T) -> R:
        for attempt in (1, 2):
            if self._lookups is None:
                self._lookups = read_only(self.database.engine).connect()
            try:
                return query(self._lookups, value)
            except DBAPIError:
                # A dropped connection (database restarted): one retry on a fresh one.
                self._lookups.close()
                self._lookups = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _queue(self, job: Job, urls: set[str], content_hash: str | None = None) -> None:
        with self._lock:
            self._pending_urls.update(urls)
            if content_hash:
                self._pending_hashes[content_hash] += 1
        self._writer.put(job)

    def _written(self, result: Written) -> None:
        # Called by the writer thread after the job's transaction committed (or failed).
        job = result.job
        with self._lock:
            if isinstance(job, ArticleJob | DuplicateJob):
                source = job.source
                self._forget({job.article.url, job.article.canonical_url})
                if isinstance(job, ArticleJob):
                    self._forget_hash(job.article.content_hash)
                    if result.status == "new":
                        self.new_contacts[source] += result.new_contacts
                    elif result.status == "duplicate":
                        self.late_duplicates[source] += 1
                if result.status == "failed":
                    self.failed[source] += isinstance(job, ArticleJob)
                    if (result.error or "").startswith(UNSTORED):
                        self.unstored[source] += 1
                    url = job.article.url
                    self.errors.setdefault(source, []).append(f"{url}: {result.error}")
                    log.debug("%s: %s: %s", source, url, result.error)
            elif isinstance(job, SkipJob):
                self._forget({job.url})
            elif result.status == "failed":
                log.warning("feed validators of %s not saved: %s", job.url, result.error)

    def _forget(self, urls: set[str]) -> None:
        for url in urls:
            self._pending_urls[url] -= 1
            if self._pending_urls[url] <= 0:
                del self._pending_urls[url]

    def _forget_hash(self, content_hash: str) -> None:
        self._pending_hashes[content_hash] -= 1
        if self._pending_hashes[content_hash] <= 0:
            del self._pending_hashes[content_hash]


def reprocess(
    database: Database,
    detect: Detector,
    extract: Callable[[bytes, str], object],
    *,
    since: datetime | None = None,
    home_states: dict[str, str] | None = None,
) -> tuple[int, int]:
    """Re-run extraction and detection over stored raw pages. Returns (articles, new contacts)."""
    articles = created = 0
    with database.sessions() as session:
        ids = [a.id for a in repo.articles_with_raw_html(session, since)]
    for article_id in ids:
        with database.sessions.begin() as session:
            stored = session.get(Article, article_id)
            if stored is None:  # deleted since the list was read
                continue
            result = extract(repo.raw_html_of(stored) or b"", stored.url)
            body = getattr(result, "body", None)
            if body:
                stored.body = body
                stored.title = getattr(result, "title", None) or stored.title
            published = stored.published_at.date() if stored.published_at else None
            home_state = (home_states or {}).get(stored.source.name) if stored.source else None
            found = detect(stored.body, published, home_state)
            new, _ = record_contacts(session, stored, found)
            articles += 1
            created += new
    return articles, created
