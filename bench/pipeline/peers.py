"""Extraction of the same fixture pages by diplowatch, newspaper4k and news-please, side by side.

Only the extraction step is compared (HTML in memory -> body text), single process, so the numbers
are about the extractors and not about networking. Quality is word-level recall and precision
against the text the generator put in the page body (multiset overlap).

    python bench/pipeline/peers.py --pages 300
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_site

from crawler.extract import extract_article

BASE = "http://127.0.0.1:8000"
WORD = re.compile(r"\w+")


def ours(page: str, url: str) -> str:
    result = extract_article(page, url)
    return getattr(result, "body", "")


def newspaper4k(page: str, url: str) -> str:
    from newspaper import Article

    item = Article(url, fetch_images=False)
    item.download(input_html=page)
    item.parse()
    return item.text or ""


def news_please(page: str, url: str) -> str:
    from newsplease import NewsPlease

    item = NewsPlease.from_html(page, url=url, fetch_images=False)
    return (item.maintext or "") if item else ""


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "diplowatch (crawler.extract)": ours,
    "newspaper4k": newspaper4k,
    "news-please": news_please,
}


def overlap(truth: str, found: str) -> tuple[float, float]:
    want, got = Counter(WORD.findall(truth.lower())), Counter(WORD.findall(found.lower()))
    common = sum((want & got).values())
    return common / max(1, sum(want.values())), common / max(1, sum(got.values()))


def compare(pages: int) -> list[dict]:
    docs = [
        (fixture_site.render_page(i, BASE, pages), BASE + fixture_site.path_of(i), i)
        for i in range(pages)
    ]
    results = []
    for name, extract in EXTRACTORS.items():
        try:
            extract(docs[0][0], docs[0][1])  # warm up: imports, lazy models
        except ImportError as exc:
            results.append({"extractor": name, "error": f"not installed: {exc}"})
            continue
        recall = precision = 0.0
        started = time.perf_counter()
        cpu0 = time.process_time()
        for page, url, i in docs:
            text = extract(page, url)
            truth = "\n".join(fixture_site.article(i)["paragraphs"])
            r, p = overlap(truth, text)
            recall, precision = recall + r, precision + p
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
        results.append(
            {
                "extractor": name,
                "pages": len(docs),
                "pages_per_second": len(docs) / wall,
                "ms_per_page": 1000 * cpu / len(docs),
                "word_recall": recall / len(docs),
                "word_precision": precision / len(docs),
            }
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # news-please logs every page
    for row in compare(args.pages):
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
