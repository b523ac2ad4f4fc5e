"""StoreSink: answers the crawl at once, stores later, and never remembers what it has not stored.

Real SQLite files and PostgreSQL databases; detection either in a real worker process with the
real knowledge base, or held back by hand (`HeldDetection`) to look at the store while an article
waits for its contacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

import store
from contacts import Contact as DetectedContact
from contacts import KnowledgeBase
from crawler.extract import ExtractedArticle, content_hash
from diplowatch.db import Database, open_database
from diplowatch.detection import DetectionPool
from diplowatch.pipeline import StoreSink
from store import repository as repo
from store.models import Article, Contact, Delivery, SeenUrl, Subscription
from store.types import utcnow

CALL = (
    "Italian Prime Minister Giorgia Meloni spoke by telephone with Indian Prime Minister "
    "Narendra Modi on Tuesday about a trade corridor, her office said. "
)
FILLER = "The harbour authority said the new cranes would be working before the winter. " * 6


class HeldDetection:
    """Detection whose results the test hands out, one future per submitted article."""

    def __init__(self) -> None:
        self.futures: list[Future[list[DetectedContact]]] = []

    def submit(
        self, text: str, published: date | None, home_state: str | None = None
    ) -> Future[list[DetectedContact]]:
        future: Future[list[DetectedContact]] = Future()
        self.futures.append(future)
        return future

    def release(self, contacts: list[DetectedContact] | None = None) -> None:
        for future in self.futures:
            if not future.done():
                future.set_result(contacts or [])

    def close(self) -> None:
        pass


def article(slug: str, body: str = FILLER) -> ExtractedArticle:
    url = f"https://news.example.org/world/{slug}"
    return ExtractedArticle(
        url=url,
        canonical_url=url,
        title=slug.replace("-", " "),
        authors=[],
        published_at=datetime(2024, 10, 1, 9, 0, tzinfo=UTC),
        language="en",
        body=body,
        content_hash=content_hash(body),
    )


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    store.upgrade(store.make_engine(database_url))
    opened = open_database(database_url)
    yield opened
    opened.close()


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def seen(database: Database, url: str) -> SeenUrl | None:
    with database.sessions() as session:
        return session.get(SeenUrl, url)


def test_a_queued_article_is_remembered_only_once_stored(database: Database) -> None:
    detection = HeldDetection()
    sink = StoreSink(database, detection)
    first = article("harbour-cranes")
    assert sink.add_article("desk", first, None) == "new"
    # Waiting for detection: the crawl will not fetch it twice, the store knows nothing yet
    # (a crash now loses nothing: the next crawl fetches it again).
    assert sink.is_known(first.url)
    assert count(database, Article) == 0
    assert seen(database, first.url) is None
    detection.release()
    sink.close()
    assert count(database, Article) == 1
    mark = seen(database, first.url)
    assert mark is not None and mark.status == "article"


def test_two_queued_articles_with_one_body_are_stored_once(database: Database) -> None:
    detection = HeldDetection()
    sink = StoreSink(database, detection)
    first, again = article("harbour-cranes"), article("cranes-at-the-harbour")
    assert sink.add_article("desk", first, None) == "new"
    assert sink.add_article("wire", again, None) == "duplicate"
    assert len(detection.futures) == 1  # the duplicate is not read for contacts
    detection.release()
    sink.close()
    with database.sessions() as session:
        stored = session.scalars(select(Article)).all()
        assert [a.url for a in stored] == [first.url]
        mark = session.get(SeenUrl, again.url)
        assert mark is not None and mark.status == "duplicate"
        assert mark.article_id == stored[0].id


def test_an_article_already_stored_is_a_duplicate_at_once(database: Database) -> None:
    sink = StoreSink(database, HeldDetection())
    first = article("harbour-cranes")
    with database.sessions.begin() as session:
        repo.add_article(session, _new(first), source=None)
    assert sink.add_article("desk", article("cranes-again", first.body), None) == "duplicate"
    sink.close()
    assert count(database, Article) == 1


def test_stored_meanwhile_by_another_process_counts_as_a_late_duplicate(
    database: Database,
) -> None:
    detection = HeldDetection()
    sink = StoreSink(database, detection)
    first = article("harbour-cranes")
    assert sink.add_article("desk", first, None) == "new"
    with database.sessions.begin() as session:  # another crawl, between the answer and the write
        repo.add_article(session, _new(first), source=None)
    detection.release()
    sink.close()
    assert count(database, Article) == 1
    assert sink.late_duplicates["desk"] == 1


def test_a_failed_detection_stores_nothing_and_is_reported(database: Database) -> None:
    detection = HeldDetection()
    sink = StoreSink(database, detection)
    broken, fine = article("harbour-cranes"), article("river-ferry", FILLER + "Ferries too.")
    sink.add_article("desk", broken, None)
    sink.add_article("desk", fine, None)
    detection.futures[0].set_exception(RuntimeError("detector bug"))
    detection.release()
    sink.close()
    assert count(database, Article) == 1
    assert seen(database, broken.url) is None  # fetched again by the next crawl
    assert seen(database, fine.url) is not None
    assert sink.failed["desk"] == 1
    assert "detector bug" in sink.errors["desk"][0]


def test_feed_validators_wait_for_the_articles_queued_before_them(database: Database) -> None:
    detection = HeldDetection()
    sink = StoreSink(database, detection)
    sink.add_article("desk", article("harbour-cranes"), None)
    sink.save_feed_validators("https://news.example.org/rss", '"v1"', None)
    # The feed must not answer 304 next time for an article that was never stored.
    assert sink.feed_validators("https://news.example.org/rss") == (None, None)
    detection.release()
    sink.close()
    assert sink.feed_validators("https://news.example.org/rss") == ('"v1"', None)


def test_contacts_found_in_a_worker_are_stored_with_their_alerts(database: Database) -> None:
    with database.sessions.begin() as session:
        session.add(
            Subscription(
                channel="webhook",
                target="https://hooks.example/in",
                filters={"states": ["IND"]},
                created_at=utcnow(),
            )
        )
    sink = StoreSink(database, DetectionPool(KnowledgeBase.load_default(), workers=1))
    for number in range(3):  # one with a contact, two without, all in the worker
        body = CALL + FILLER if number == 0 else FILLER + f"Crane number {number}."
        sink.add_article("desk", article(f"story-{number}", body), None)
    sink.close()
    assert count(database, Article) == 3
    with database.sessions() as session:
        contact = session.scalars(select(Contact)).one()
        data = repo.contact_to_dict(repo.get_contact(session, contact.id))
        assert {p["state"] for p in data["participants"]} == {"ITA", "IND"}
        assert session.scalar(select(func.count()).select_from(Delivery)) == 1
    assert sink.new_contacts["desk"] == 1


def _new(extracted: ExtractedArticle) -> repo.NewArticle:
    return repo.NewArticle(
        url=extracted.url or "",
        canonical_url=extracted.canonical_url or extracted.url or "",
        body=extracted.body,
        content_hash=extracted.content_hash,
    )
