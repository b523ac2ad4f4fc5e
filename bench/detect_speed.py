"""Detection speed: articles per second on one core, for articles of about 600 words.

Articles are built from the dev set's texts (../shared/contacts-dev/dev.jsonl) cut or joined to
~600 words; without the shared folder, from sentences written here. Loading the knowledge base
and building its index happen once, before timing.

    .venv/bin/python bench/detect_speed.py [--articles 600] [--batch 16]

`--batch N` reads N articles per call of `contacts.detect_many`, as the crawl's detection workers
do (diplowatch/detection.py, batches of 16); `--batch 1` calls `detect_contacts` per article.
A checkout without `detect_many` (before 2026-12-02) is measured article by article.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from contacts import KnowledgeBase, detect_contacts

DEV = Path(__file__).resolve().parents[2] / "shared" / "contacts-dev" / "dev.jsonl"
WORDS = 600
_OWN = (
    "Turkish President Recep Tayyip Erdogan spoke by phone on Monday with Russian President "
    "Vladimir Putin about grain exports through the Black Sea. The two leaders agreed to meet "
    "in Sochi next month, the Kremlin said. Separately, Foreign Minister Hakan Fidan met his "
    "Egyptian counterpart in Cairo, where officials discussed the situation in Gaza and the "
    "reconstruction conference that Egypt plans to host later this year. Analysts said the "
    "talks showed how Ankara tries to keep channels open to every side of the conflict. "
)


def articles(count: int) -> list[tuple[str, date | None]]:
    texts: list[tuple[str, date | None]] = []
    if DEV.is_file():
        pool = [json.loads(line) for line in DEV.open(encoding="utf-8")]
        words: list[str] = []
        for doc in pool * 20:
            words.extend(doc["text"].split())
            while len(words) >= WORDS:
                published = date.fromisoformat(doc["published_at"]) if doc["published_at"] else None
                texts.append((" ".join(words[:WORDS]), published))
                words = words[WORDS:]
            if len(texts) >= count:
                break
    while len(texts) < count:
        text = " ".join((_OWN * 10).split()[:WORDS])
        texts.append((text, date(2024, 3, 4)))
    return texts[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--batch", type=int, default=16, help="articles per detect_many call")
    args = parser.parse_args()
    try:
        from contacts import ArticleText, detect_many
    except ImportError:  # an older checkout: one article per call
        ArticleText = detect_many = None  # type: ignore[assignment,misc]
    kb = KnowledgeBase.load_default()
    batch = articles(args.articles)
    detect_contacts(batch[0][0], batch[0][1], kb=kb)  # build the index outside the timing
    start, cpu_start = time.perf_counter(), time.process_time()
    found = 0
    if detect_many is None or args.batch <= 1:
        for text, published in batch:
            found += len(detect_contacts(text, published, kb=kb))
    else:
        for i in range(0, len(batch), args.batch):
            chunk = [ArticleText(text, published) for text, published in batch[i : i + args.batch]]
            found += sum(len(contacts) for contacts in detect_many(chunk, kb=kb))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    words = sum(len(t.split()) for t, _ in batch) / len(batch)
    print(
        f"{len(batch)} articles of ~{words:.0f} words in {elapsed:.2f} s: "
        f"{len(batch) / elapsed:.0f} articles/s on one core ({found} contacts; "
        f"{'one article' if detect_many is None or args.batch <= 1 else args.batch} per call); "
        f"CPU time {cpu:.2f} s = {len(batch) / cpu:.0f} articles per CPU-second"
    )


if __name__ == "__main__":
    main()
