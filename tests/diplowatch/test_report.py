"""`diplowatch report --html`: a self-contained page that draws in a real (headless) browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from diplowatch.commands import report
from diplowatch.report import render_report
from tests.diplowatch.browser import dump_dom, png_colours, screenshot

HOSTILE = {
    "id": 1, "type": "call", "mode": "phone", "status": "occurred", "date": "2024-01-02",
    "location": None, "confidence": 0.8, "cameo": "041", "plover_mode": "phone",
    "first_seen": "2024-01-02T10:00:00+00:00",
    "participants": [
        {"name": "A", "canonical_name": "A", "kb_id": "a", "state": "FRA", "role": "initiator"},
        {"name": "B", "canonical_name": "B", "kb_id": "b", "state": "DEU", "role": "recipient"},
    ],
    "evidence": ['He said "</script><script>document.title=\'pwned\'</script>" & left.'],
    "articles": [{"url": "javascript:alert(1)", "title": "<img src=x onerror=alert(1)>",
                  "source": "x", "published_at": None}],
}  # fmt: skip


def test_page_is_self_contained() -> None:
    page = render_report([HOSTILE])
    # Nothing is fetched from anywhere: no external scripts, styles, images or fonts.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page
    assert "</script><script>" not in page  # crawled text cannot close the data element


def test_crawled_text_stays_text_in_the_browser(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report([HOSTILE]), encoding="utf-8")
    dom = dump_dom(page, tmp_path / "profile")
    assert 'data-rendered="1"' in dom
    assert "<title>pwned</title>" not in dom
    assert "<img" not in dom
    assert 'href="javascript:' not in dom
    assert "&lt;/script&gt;" in dom  # shown to the reader as the text it is


def test_report_draws_the_graph_and_is_not_blank(seeded, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = seeded.run(report.command, ["--html", str(out)])
    assert result.exit_code == 0 and "4 contact(s)" in result.output
    data = re.search(r'<script id="contacts-data" type="application/json">(.*?)</script>',
                     out.read_text("utf-8"), re.S)  # fmt: skip
    assert {c["id"] for c in json.loads(data.group(1))} == set(seeded.ids)

    dom = dump_dom(out, tmp_path / "profile-dom")
    body = re.search(r"<body[^>]*>", dom).group(0)
    # Six people, four pairs: the script drew a node per person and an edge per pair.
    assert 'data-graph-nodes="6"' in body and 'data-graph-edges="4"' in body
    assert dom.count('class="node"') == 6
    assert dom.count('class="dot"') == 4  # one timeline dot per contact
    assert "Recep Tayyip Erdoğan" in dom and "https://example.org/wire/3" in dom

    png = screenshot(out, tmp_path / "profile-shot", tmp_path / "shot.png")
    assert png_colours(png) > 8, "the screenshot is (nearly) one colour"


def test_since_filter_limits_the_report(seeded, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = seeded.run(report.command, ["--html", str(out), "--since", "2024-03-05"])
    assert "2 contact(s)" in result.output
