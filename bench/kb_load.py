"""How long the detector's one-per-process knowledge-base load takes (goal < 0.3 s), and look-ups.

.venv/bin/python bench/kb_load.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from contacts.kb import KnowledgeBase

COLD = (
    "import time; t = time.perf_counter(); from contacts.kb import KnowledgeBase; "
    "from pathlib import Path; KnowledgeBase.load_default(override=Path('/nonexistent')); "
    "print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    none = Path("/nonexistent/actors.json")

    warm = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        kb = KnowledgeBase.load_default(override=none)
        warm.append(time.perf_counter() - started)
    cold = [
        float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip

    queries = ["Netanyahu", "Mahmud Abbas", "al-Sisi", "Zelenskyy", "Xi", "Unknown Person"] * 1000
    day = date(2023, 10, 16)
    started = time.perf_counter()
    for name in queries:
        kb.find_person(name, day)
    per_lookup = (time.perf_counter() - started) / len(queries)

    actors = len(list(kb.actors()))
    polities = len(list(kb.polities()))
    print(f"{actors} actors, {polities} polities (data as of {kb.as_of})")
    print(f"load_default in process: median {statistics.median(warm) * 1000:.0f} ms, "
          f"max {max(warm) * 1000:.0f} ms over {args.repeat}")  # fmt: skip
    print(f"fresh process, import + load: median {statistics.median(cold) * 1000:.0f} ms over 5")
    print(f"find_person: {per_lookup * 1e6:.1f} µs per look-up")


if __name__ == "__main__":
    main()
