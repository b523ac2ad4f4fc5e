"""Detection in worker processes: workers do not outlive the crawl process, and detection goes
on after a worker dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from contacts import KnowledgeBase
from diplowatch.detection import DetectionPool

if sys.platform != "linux":  # /proc and fork semantics below are Linux's
    pytest.skip("Linux only", allow_module_level=True)

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


def test_a_batch_gives_each_article_its_own_result_and_a_bad_one_fails_alone() -> None:
    texts = [
        f"{who} spoke by telephone with Indian Prime Minister Narendra Modi on Tuesday."
        for who in ("Italian Prime Minister Giorgia Meloni", "French President Emmanuel Macron")
    ] + ["The harbour reopened after the storm."]
    # Batches of two: the first two articles go together, the third with the bad one, the last
    # alone when the linger is over.
    pool = DetectionPool(KnowledgeBase.load_default(), workers=1, batch_size=2, linger=0.2)
    try:
        futures = [pool.submit(text, None) for text in texts]
        bad = pool.submit(None, None)  # type: ignore[arg-type]  # not a text: fails in the worker
        last = pool.submit(texts[0], None)
        found = [f.result(timeout=120) for f in futures]
        with pytest.raises(Exception):  # noqa: B017 - whatever the detector raises on a non-text
            bad.result(timeout=120)
        alone = last.result(timeout=120)
    finally:
        pool.close()
    assert [c.participants[0].name for c in found[0]] == ["Giorgia Meloni"]
    assert [c.participants[0].name for c in found[1]] == ["Emmanuel Macron"]
    assert found[2] == []
    assert [c.participants[1].name for c in alone] == ["Narendra Modi"]


def test_an_article_waits_at_most_the_linger_for_a_batch() -> None:
    pool = DetectionPool(KnowledgeBase.load_default(), workers=1, batch_size=64, linger=0.05)
    try:
        # One article, batches of 64: the timer sends it alone (a bound on waiting, no speed claim)
        assert pool.submit("The harbour reopened.", None).result(timeout=120) == []
    finally:
        pool.close()


def test_closing_cancels_articles_not_yet_sent() -> None:
    pool = DetectionPool(KnowledgeBase.load_default(), workers=1, batch_size=64, linger=60)
    waiting = pool.submit("The harbour reopened.", None)
    pool.close()
    assert waiting.cancelled()
