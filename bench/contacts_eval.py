"""Detector quality on the labelled dev set, by the scoring rule of contacts-dev/README.md.

    .venv/bin/python bench/contacts_eval.py [FILE.jsonl] [--split tune|holdout] [--errors]
        (default ../shared/contacts-dev/dev.jsonl; the project's own news sets are
        tests/contacts/data/news_challenge.jsonl and news_heldout.jsonl)

Same numbers as `diplowatch eval contacts FILE`, without the application around it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from contacts import KnowledgeBase, detect_contacts
from contacts.evaluate import evaluate, select_half

DEV = Path(__file__).resolve().parents[2] / "shared" / "contacts-dev" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV)
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument(
        "--split", choices=["tune", "holdout"], help="one fixed half (rules are tuned on 'tune')"
    )
    args = parser.parse_args()
    path = args.file
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    docs = select_half(docs, args.split)
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
    if not args.errors:
        return
    for miss in report.misses:
        names = ", ".join(p["name"] for p in miss["gold"]["participants"])
        print(f"MISS  {miss['id']}: {miss['gold']['type']} {names}")
    for alarm in report.false_alarms:
        contact = alarm["contact"]
        names = ", ".join(p["name"] for p in contact["participants"])
        evidence = contact["evidence"][0] if contact["evidence"] else ""
        print(f"FALSE {alarm['id']}: {contact['type']} {names} | {evidence[:160]}")


if __name__ == "__main__":
    main()
