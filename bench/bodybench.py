"""bodybench: article-body extraction quality, the project extractor against plain trafilatura.

The metric re-implements the one described in ../shared/bodybench/README.md (Zyte's
article-extraction-benchmark): tokens are ``\\w+`` matches, each text becomes a multiset of
4-token shingles, per page TP/FP/FN are counted on those multisets and turned into a per-page
precision and recall so every page weighs the same; precision is averaged over pages with a
non-empty prediction, recall over pages with a non-empty truth, F1 is the harmonic mean of the
two averages. The ± is the standard deviation of F1 over bootstrap resamples of the pages.

    .venv/bin/python bench/bodybench.py [--data ../shared/bodybench] [--only diplowatch]
                                        [--worst 10] [--json OUT.json]

The second bench set, real pages from public test fixtures with their source named
(bench/realpages/README.md), has the same layout: `--data bench/realpages`. With both
diplowatch and trafilatura in the run, the pages where one beats the other are counted
(page F1 differing by more than 0.01) and the pages diplowatch loses are listed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bodybench"
SHINGLE = 4
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    """Per-page shingle counts; precision/recall are None when undefined (empty side)."""

    page_id: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    f1_std: float


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle of all of them."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score_page(page_id: str, truth: str, predicted: str) -> PageScore:
    want, got = shingles(truth), shingles(predicted)
    tp = sum((want & got).values())
    return PageScore(page_id, tp, sum(got.values()) - tp, sum(want.values()) - tp)


def summarise(scores: list[PageScore]) -> tuple[float, float, float]:
    """(f1, precision, recall) with per-page averaging."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def bootstrap_summary(scores: list[PageScore], rounds: int = 1000, seed: int = 0) -> Summary:
    f1, precision, recall = summarise(scores)
    rng = random.Random(seed)
    samples = [summarise(rng.choices(scores, k=len(scores)))[0] for _ in range(rounds)]
    return Summary(f1, precision, recall, statistics.pstdev(samples))


def load_pages(data: Path) -> list[tuple[str, str, str, str]]:
    """(page id, url, html, true body) for every page, html decoded as UTF-8 with replacement."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((page_id, truth[page_id]["url"], html, truth[page_id]["articleBody"]))
    return pages


Extractor = Callable[[str, str], str]


def project_extractor(html: str, url: str) -> str:
    from crawler.extract import ExtractedArticle, extract_article

    result = extract_article(html, url)
    return result.body if isinstance(result, ExtractedArticle) else ""


def trafilatura_extractor(**options: object) -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""

    return run


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "diplowatch": lambda: project_extractor,
    "trafilatura": lambda: trafilatura_extractor(),
    "trafilatura-nocomments": lambda: trafilatura_extractor(include_comments=False),
}


@dataclass
class RunResult:
    name: str
    summary: Summary
    median_ms: float
    worst_ms: float
    scores: list[PageScore]


def run_extractor(
    name: str, extract: Extractor, pages: Iterable[tuple[str, str, str, str]]
) -> RunResult:
    scores, times = [], []
    for page_id, url, html, truth in pages:
        start = time.perf_counter()
        predicted = extract(html, url)
        times.append((time.perf_counter() - start) * 1000)
        scores.append(score_page(page_id, truth, predicted))
    return RunResult(name, bootstrap_summary(scores), statistics.median(times), max(times), scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per extractor")
    parser.add_argument("--json", type=Path, help="write per-page scores here")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"bodybench data not found in {args.data}", file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    # Warm up imports and lazily built lxml/trafilatura state so the first page's time is fair.
    for name in args.only or EXTRACTORS:
        EXTRACTORS[name]()(pages[0][2], pages[0][1])
    results = [run_extractor(n, EXTRACTORS[n](), pages) for n in (args.only or EXTRACTORS)]
    print(f"bodybench: {len(pages)} pages")
    print(
        f"{'extractor':<24} {'F1':>14} {'precision':>9} {'recall':>7} {'median ms':>9} {'worst ms':>9}"
    )
    for r in results:
        s = r.summary
        print(
            f"{r.name:<24} {s.f1:.4f} ± {s.f1_std:.4f} {s.precision:>9.4f} {s.recall:>7.4f}"
            f" {r.median_ms:>9.1f} {r.worst_ms:>9.1f}"
        )
    by_name = {r.name: r for r in results}
    if "diplowatch" in by_name and "trafilatura" in by_name:
        print(versus(by_name["diplowatch"], by_name["trafilatura"]))
    for r in results if args.worst else []:
        print(f"\nworst pages for {r.name}:")
        ranked = sorted(r.scores, key=lambda s: _page_f1(s))
        for s in ranked[: args.worst]:
            print(f"  {s.page_id[:16]} f1={_page_f1(s):.3f} p={s.precision} r={s.recall}")
    if args.json:
        payload = {r.name: {s.page_id: [s.tp, s.fp, s.fn] for s in r.scores} for r in results}
        args.json.write_text(json.dumps(payload, indent=1))
    return 0


def versus(ours: RunResult, theirs: RunResult, margin: float = 0.01) -> str:
    """Pages won and lost against another extractor, and the lost ones by name."""
    theirs_by_page = {s.page_id: s for s in theirs.scores}
    wins, losses = [], []
    for score in ours.scores:
        delta = _page_f1(score) - _page_f1(theirs_by_page[score.page_id])
        if delta > margin:
            wins.append(score.page_id)
        elif delta < -margin:
            losses.append((score.page_id, delta))
    lines = [
        f"\n{ours.name} vs {theirs.name}: better on {len(wins)} pages, worse on {len(losses)}, "
        f"same on {len(ours.scores) - len(wins) - len(losses)}"
    ]
    lines += [f"  worse: {page_id[:24]} ({delta:+.3f})" for page_id, delta in losses]
    return "\n".join(lines)


def _page_f1(score: PageScore) -> float:
    p, r = score.precision or 0.0, score.recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    sys.exit(main())
