"""Fill the report template with contact dicts.

The contacts travel as JSON inside a `<script type="application/json">` element, which the page's
own script reads and draws with D3 (inlined from vendor/d3.min.js): a timeline with a date-range
brush, a force-directed graph whose labels never overlap, and the cards, newest first. Texts come from crawled pages, so the JSON is
escaped to never close that element early, and the script inserts them only as text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

_SLOT = re.compile(r"\{\{(title|generated|data|d3)\}\}")


def _template() -> str:
    return resources.files("diplowatch.report").joinpath("template.html").read_text("utf-8")


def _d3() -> str:
    # D3 (ISC licence, vendor/d3-LICENSE.txt), inlined so the page fetches nothing.
    return resources.files("diplowatch.report").joinpath("vendor/d3.min.js").read_text("utf-8")


def _script_safe_json(data: object) -> str:
    # "</script>" or "<!--" inside a string would end or confuse the script element; \u escapes
    # keep the same JSON value.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_report(
    contacts: Iterable[dict],
    *,
    title: str = "diplowatch: diplomatic contacts",
    generated_at: datetime | None = None,
) -> str:
    """The report page for `contacts` (contact dicts, as store.repository.contact_to_dict)."""
    generated = (generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    values = {
        "title": html.escape(title),
        "generated": html.escape(generated),
        "data": _script_safe_json(list(contacts)),
        "d3": _d3(),
    }
    # One pass, so a value that happens to contain "{{...}}" is never substituted again.
    return _SLOT.sub(lambda m: values[m.group(1)], _template())


def write_report(path: Path, contacts: Iterable[dict], **options: object) -> int:
    """Write the report to `path`; returns how many contacts it holds."""
    items = list(contacts)
    path.write_text(render_report(items, **options), encoding="utf-8")  # type: ignore[arg-type]
    return len(items)
