"""The store writer's batches, and look-ups beside a writer on SQLite."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from sqlalchemy import func, select, text

import store
from contacts import Contact as DetectedContact
from contacts import Participant
from diplowatch.store_writer import ArticleJob, SkipJob, StoreWriter, Written
from store import repository as repo
from store.engine import make_read_sessionmaker
from store.models import Article, SeenUrl
from tests.support.databases import sqlite_url


def done(contacts: list[DetectedContact]) -> Future[list[DetectedContact]]:
    future: Future[list[DetectedContact]] = Future()
    future.set_result(contacts)
    return future


def a_call(confidence: float = 0.9) -> DetectedContact:
    return DetectedContact(
        type="call",
        mode="phone",
        status="occurred",
        date=None,
        participants=[
            Participant("Ana Lima", None, None, "BRA", "Foreign Minister"),
            Participant("Jan Berg", None, None, "NOR", "Foreign Minister"),
        ],
        initiator=None,
        location=None,
        evidence=["Ana Lima spoke by phone with Jan Berg."],
        confidence=confidence,
        cameo="042",
        plover_mode="phone",
    )


def new_article(number: int) -> repo.NewArticle:
    url = f"https://news.example.org/{number}"
    body = f"Story number {number} about the harbour."
    return repo.NewArticle(url=url, canonical_url=url, body=body, content_hash=f"h{number}")


def test_one_article_that_cannot_be_stored_costs_only_itself(tmp_path: Path) -> None:
    engine = store.make_engine(sqlite_url(tmp_path))
    store.upgrade(engine)
    sessions = store.make_sessionmaker(engine)

    written: list[Written] = []
    writer = StoreWriter(sessions, written.append, batch_delay=1.0)
    for number in range(4):
        # Article 2's contact has no confidence, which the store's NOT NULL column refuses.
        call = a_call(confidence=None) if number == 2 else a_call()  # type: ignore[arg-type]
        writer.put(ArticleJob("desk", new_article(number), done([call])))
    writer.put(SkipJob("desk", "https://news.example.org/menu", "not an article"))
    writer.close()

    statuses = {
        getattr(w.job, "url", None) or w.job.article.url: w.status  # type: ignore[union-attr]
        for w in written
    }
    assert statuses["https://news.example.org/2"] == "failed"
    assert [s for u, s in statuses.items() if not u.endswith("/2")].count("failed") == 0
    with sessions() as session:
        urls = set(session.scalars(select(Article.url)))
        assert urls == {f"https://news.example.org/{n}" for n in (0, 1, 3)}
        assert session.get(SeenUrl, "https://news.example.org/2") is None
        assert session.get(SeenUrl, "https://news.example.org/menu") is not None
    engine.dispose()


def test_look_ups_do_not_wait_for_a_writer_on_sqlite(tmp_path: Path) -> None:
    engine = store.make_engine(sqlite_url(tmp_path))
    store.upgrade(engine)
    with store.make_sessionmaker(engine).begin() as session:
        repo.add_article(session, new_article(1), source=None)
    with engine.connect() as writer:
        writer.begin()  # BEGIN IMMEDIATE: holds the write lock
        writer.execute(text("DELETE FROM articles"))
        # A read that took the lock too would wait for the busy timeout (30 s), then fail.
        with make_read_sessionmaker(engine)() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 1
        writer.rollback()
    engine.dispose()
