"""The report as an analyst uses it, in headless Chromium: labels that never overlap, a node click
that filters, a date brush, several search words ANDed (source names too), state kept in the URL
hash, cards newest first, and a page that is drawn at 1366 and at 414 px.

A probe script appended to the page runs after the page's own script, acts as a reader would
(clicks, drags) and posts what it measured to the page around it. That outer page holds the
report in an <iframe> exactly `width` px wide (headless Chromium's own window is at least 500 px
wide) and writes the answer into `data-probe` on its <body>, which the DOM dump shows.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from diplowatch.report import render_report
from tests.diplowatch.browser import dump_dom, png_colours, screenshot

PEOPLE = [
    ("kb:vladimir-putin", "Vladimir Putin", "RUS"), ("kb:xi-jinping", "Xi Jinping", "CHN"),
    ("kb:narendra-modi", "Narendra Modi", "IND"), ("kb:olaf-scholz", "Olaf Scholz", "DEU"),
    ("kb:emmanuel-macron", "Emmanuel Macron", "FRA"), ("kb:recep-erdogan", "Recep Tayyip Erdoğan", "TUR"),
    ("kb:sergey-lavrov", "Sergey Lavrov", "RUS"), ("kb:wang-yi", "Wang Yi", "CHN"),
    ("kb:antony-blinken", "Antony Blinken", "USA"), ("kb:joe-biden", "Joe Biden", "USA"),
    ("kb:shigeru-ishiba", "Shigeru Ishiba", "JPN"), ("kb:luiz-lula", "Luiz Inácio Lula da Silva", "BRA"),
    ("kb:cyril-ramaphosa", "Cyril Ramaphosa", "ZAF"), ("kb:mohammed-bin-salman", "Mohammed bin Salman", "SAU"),
    ("kb:antonio-guterres", "António Guterres", "UN"), ("kb:keir-starmer", "Keir Starmer", "GBR"),
    ("kb:giorgia-meloni", "Giorgia Meloni", "ITA"), ("kb:pedro-sanchez", "Pedro Sánchez", "ESP"),
    ("kb:volodymyr-zelensky", "Volodymyr Zelensky", "UKR"), ("kb:benjamin-netanyahu", "Benjamin Netanyahu", "ISR"),
]  # fmt: skip
SOURCES = ["kremlin", "tass", "xinhua", "mea-india", "state-department"]
KINDS = ["call", "meeting", "visit"]


def contact(i: int, a: int, b: int, day: date | None, published: date) -> dict:
    people = [PEOPLE[a], PEOPLE[b]]
    return {
        "id": i, "type": KINDS[i % 3], "mode": "phone" if i % 3 == 0 else None,
        "status": "planned" if i % 7 == 0 else "occurred",
        "date": day.isoformat() if day else None, "publication_date": published.isoformat(),
        "location": None, "confidence": 0.8, "cameo": "040", "plover_mode": None,
        "first_seen": "2026-12-01T10:00:00+00:00", "last_seen": "2026-12-01T10:00:00+00:00",
        "participants": [
            {"name": n, "canonical_name": n, "kb_id": k, "state": s, "office": "President",
             "role": "participant"} for k, n, s in people
        ],
        "evidence": [f"{people[0][1]} and {people[1][1]} talked ({i})."],
        "articles": [{"url": f"https://example.org/{i}", "title": f"Story {i}",
                      "source": SOURCES[i % len(SOURCES)], "published_at": published.isoformat()}],
    }  # fmt: skip


def many_contacts(count: int = 38) -> list[dict]:
    """`count` contacts among 20 people, Putin in many; every eighth has no date of its own."""
    start = date(2024, 1, 3)
    items = []
    for i in range(1, count + 1):
        a, b = (0, i % 19 + 1) if i % 2 else (i % 20, (i * 7 + 3) % 20)
        if a == b:
            b = (b + 1) % 20
        published = start + timedelta(days=5 * i)
        items.append(
            contact(i, a, b, None if i % 8 == 0 else published - timedelta(days=1), published)
        )
    return items


PROBE_LABELS = """
const boxes = [...document.querySelectorAll("#graph .label")].map((t) => {
  const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent];
});
const overlaps = [];
for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
  const [a, b] = [boxes[i], boxes[j]];
  if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) overlaps.push([a[4], b[4]]);
}
const svgBox = document.getElementById("graph").getBoundingClientRect();
result = { labels: boxes.length, nodes: document.querySelectorAll("#graph .node").length, overlaps,
  outside: boxes.filter((b) => b[0] < svgBox.left - 1 || b[2] > svgBox.right + 1).length,
  fontPx: parseFloat(getComputedStyle(document.querySelector("#graph .label")).fontSize),
  pageWidth: document.documentElement.scrollWidth };
"""

PROBE_CLICK = """
const node = document.querySelector('#graph .node[data-actor="kb:vladimir-putin"]');
node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
const cards = [...document.querySelectorAll("#list .contact")];
result = { cards: cards.length, allPutin: cards.every((c) => c.textContent.includes("Vladimir Putin")),
  hash: location.hash, active: document.querySelectorAll("#graph .node.active").length };
node.ownerDocument.querySelector('#graph .node[data-actor="kb:vladimir-putin"]')
  .dispatchEvent(new MouseEvent("click", { bubbles: true }));
result.afterSecondClick = document.querySelectorAll("#list .contact").length;
"""

PROBE_LIST = """
result = { ids: [...document.querySelectorAll("#list .contact")].map((c) => Number(c.id.split("-")[1])),
  text: document.getElementById("list").textContent, hash: location.hash,
  search: document.getElementById("f-text").value };
"""

PROBE_BRUSH = """
const overlay = document.querySelector("#timeline .brush .overlay");
const r = overlay.getBoundingClientRect();
const at = (type, x, target) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true,
  view: window, clientX: x, clientY: r.top + r.height / 2, button: 0, buttons: 1 }));
const x1 = r.left + r.width * 0.25, x2 = r.left + r.width * 0.5;
at("mousedown", x1, overlay); at("mousemove", (x1 + x2) / 2, window); at("mousemove", x2, window);
at("mouseup", x2, window);
result = { cards: document.querySelectorAll("#list .contact").length, hash: location.hash,
  selection: Number(document.querySelector("#timeline .brush .selection").getAttribute("width") || 0) };
"""


def run_probe(tmp_path: Path, items: list[dict], probe: str, *, width: int = 1366,
              fragment: str = "") -> dict:  # fmt: skip
    page = render_report(items)
    script = f"<script>(function () {{ let result = {{}}; {probe}\n" + (
        "result.rendered = document.body.dataset.rendered;"
        "parent.postMessage(JSON.stringify(result), '*'); })();</script>"
    )
    page = page.replace("</body>", script + "\n</body>")
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    src = "report.html" + (f"#{fragment}" if fragment else "")
    outer = tmp_path / f"outer-{width}.html"
    outer.write_text(
        "<!doctype html><html><body style='margin:0'>"
        f"<iframe src='{src}' style='width:{width}px;height:900px;border:0'></iframe>"
        "<script>addEventListener('message', (e) => { document.body.dataset.probe = e.data; });"
        "</script></body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(outer, tmp_path / f"profile-{width}", width=max(width, 1366) + 20)
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, "the probe did not run"
    result = json.loads(html.unescape(found.group(1)))
    assert result["rendered"] == "1", "the page's script did not finish"
    return result


@pytest.mark.parametrize("width", [1366, 414])
def test_no_two_graph_labels_intersect(tmp_path: Path, width: int) -> None:
    result = run_probe(tmp_path, many_contacts(38), PROBE_LABELS, width=width)
    assert result["nodes"] == 20
    assert result["overlaps"] == []
    assert result["outside"] == 0
    assert result["labels"] >= result["nodes"] * 0.7, result  # most people are named
    assert result["fontPx"] >= 12  # readable on a phone: the picture is not scaled down
    assert result["pageWidth"] <= width  # nothing wider than the screen


def test_clicking_a_node_filters_to_that_actor(tmp_path: Path) -> None:
    items = many_contacts(38)
    with_putin = sum(
        any(p["kb_id"] == "kb:vladimir-putin" for p in c["participants"]) for c in items
    )
    result = run_probe(tmp_path, items, PROBE_CLICK)
    assert result["cards"] == with_putin < len(items)
    assert result["allPutin"] and result["active"] == 1
    assert "actor=kb%3Avladimir-putin" in result["hash"]  # kept in the URL
    assert result["afterSecondClick"] == len(items)  # a second click shows everything again


def test_search_words_are_anded_and_sources_are_searchable(tmp_path: Path) -> None:
    items = many_contacts(38)
    expected = {c["id"] for c in items
                if "Vladimir Putin" in json.dumps(c, ensure_ascii=False) and c["articles"][0]["source"] == "tass"}  # fmt: skip
    assert expected
    result = run_probe(tmp_path, items, PROBE_LIST, fragment="q=" + quote("putin tass"))
    assert set(result["ids"]) == expected
    assert result["search"] == "putin tass"  # the state came back from the hash


def test_cards_are_newest_first_and_undated_ones_say_so(tmp_path: Path) -> None:
    items = many_contacts(38)
    result = run_probe(tmp_path, items, PROBE_LIST)
    days = {c["id"]: c["date"] or c["publication_date"] for c in items}
    assert [days[i] for i in result["ids"]] == sorted(days.values(), reverse=True)
    assert "date not given · published " in result["text"]


def test_dragging_across_the_timeline_filters_by_date(tmp_path: Path) -> None:
    items = many_contacts(38)
    result = run_probe(tmp_path, items, PROBE_BRUSH)
    assert 0 < result["cards"] < len(items)
    assert result["selection"] > 0
    assert "from=" in result["hash"] and "to=" in result["hash"]


def test_a_date_range_in_the_hash_is_restored(tmp_path: Path) -> None:
    items = many_contacts(38)
    result = run_probe(tmp_path, items, PROBE_LIST, fragment="from=2024-02-01&to=2024-02-29")
    days = {c["id"]: c["date"] or c["publication_date"] for c in items}
    assert result["ids"] and all("2024-02-01" <= days[i] <= "2024-02-29" for i in result["ids"])


@pytest.mark.parametrize(("width", "height"), [(1366, 1000), (414, 1600)])
def test_screenshots_are_not_blank(tmp_path: Path, width: int, height: int) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(many_contacts(38)), encoding="utf-8")
    png = screenshot(
        page, tmp_path / "profile", tmp_path / f"shot-{width}.png", width=width, height=height
    )
    assert png_colours(png) > 8, "the screenshot is (nearly) one colour"
