"""Detector quality on the labelled dev set, by the scoring rule of contacts-dev/README.md.

    .venv/bin/python bench/contacts_eval.py [FILE.jsonl]   (default ../shared/contacts-dev/dev.jsonl)

Same numbers as `diplowatch eval contacts FILE`, without the application around it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from contacts import KnowledgeBase, detect_contacts
from contacts.evaluate import evaluate

DEV = Path(__file__).resolve().parents[2] / "shared" / "contacts-dev" / "dev.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    kb = KnowledgeBase.load_default()
    start = time.perf_counter()
    report = evaluate(docs, lambda text, day: detect_contacts(text, day, kb=kb), kb)
    elapsed = time.perf_counter() - start
    c = report.counts
    print(f"{path.name}: {len(docs)} documents in {elapsed:.2f} s")
    print(f"precision {report.precision:.3f} ({c['correct']}/{c['predicted']})")
    print(f"recall {report.recall:.3f} ({c['found']}/{c['required']})  f1 {report.f1:.3f}")
    print(f"type accuracy {report.type_accuracy:.3f} ({c['type_ok']}/{c['typed']})")
    print(
        f"false-alarm rate {report.false_alarm_rate:.3f} "
        f"({c['empty_docs_alarmed']}/{c['empty_docs']} contact-free complete documents)"
    )


if __name__ == "__main__":
    main()
