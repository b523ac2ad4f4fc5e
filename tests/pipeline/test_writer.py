"""The store writer's batches, look-ups beside a writer on SQLite, and detection workers that do
not outlive the crawl process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import store
from contacts import Contact as DetectedContact
from contacts import KnowledgeBase, Participant
from diplowatch.detection import DetectionPool
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


CRAWL_PROCESS = """
import os, sys, time
from contacts import KnowledgeBase
from diplowatch.detection import DetectionPool

if __name__ == "__main__":
    pool = DetectionPool(KnowledgeBase.load_default(), workers=1)
    pool.submit("The harbour reopened.", None).result()
    print(" ".join(str(p) for p in pool._executor._processes), flush=True)
    time.sleep(120)
"""


def test_detection_workers_exit_when_the_crawl_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "crawl_process.py"
    script.write_text(CRAWL_PROCESS, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]  # type: ignore[union-attr]
        assert workers
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 60  # a bound on waiting, not a speed claim
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [pid for pid in workers if _alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "a detection worker outlived the crawl process"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # An exited child of the killed parent may linger as a zombie until init reaps it.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


if sys.platform != "linux":  # /proc and fork semantics above are Linux's
    pytest.skip("Linux only", allow_module_level=True)


def test_detection_goes_on_after_a_worker_dies() -> None:
    sentence = (
        "Italian Prime Minister Giorgia Meloni spoke by telephone with Indian Prime Minister "
        "Narendra Modi on Tuesday about a trade corridor, her office said."
    )
    pool = DetectionPool(KnowledgeBase.load_default(), workers=1)
    try:
        assert len(pool.submit(sentence, None).result()) == 1
        for pid in list(pool._executor._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer would
        found = None
        for _ in range(100):  # the articles queued when it died fail; later ones must not
            try:
                found = pool.submit(sentence, None).result()
                break
            except BrokenProcessPool:
                time.sleep(0.05)
        assert found is not None and len(found) == 1
    finally:
        pool.close()
