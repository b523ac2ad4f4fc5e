"""The article body: trafilatura's extraction, then generic repairs of its known failures.

Order of work: trafilatura (fast mode: its fallback extractors cost time and, measured on
bodybench, precision) -> prune boilerplate blocks it kept (cleanup.py) -> if the article was
split over same-class containers and trafilatura kept only the first, extract them together
(containers.py) -> if trafilatura found next to nothing, the page's JSON-LD articleBody.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass

from lxml.html import HtmlElement
from trafilatura import bare_extraction, extract
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from crawler.extraction.cleanup import anchor_texts, normalise, prune_body
from crawler.extraction.containers import containers_document, split_body_containers
from crawler.extraction.signals import (
    is_navigation,
    json_ld_values,
    link_texts,
    page_statements,
)

_WORD = re.compile(r"\w+")


@dataclass
class BodyResult:
    text: str
    document: Document | None  # trafilatura's view of the page, with its metadata
    navigation: bool = False  # the only body found is the site's menu: no article body


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return Counter(tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1)))


def coverage(part: str, whole: str) -> float:
    """Share of `part`'s 4-word shingles that also occur in `whole` (1.0 for an empty part)."""
    wanted = shingles(part)
    total = sum(wanted.values())
    return sum((wanted & shingles(whole)).values()) / total if total else 1.0


def _trafilatura(tree: HtmlElement, url: str | None) -> Document | None:
    document = bare_extraction(
        deepcopy(tree), url=url, include_comments=False, with_metadata=True, fast=True
    )
    assert not isinstance(document, dict)  # a dict only with as_dict=True
    return document


def _render(document: Document | None, title: str | None, anchors: set[str]) -> str:
    if document is None or document.body is None:
        return ""
    body = deepcopy(document.body)
    prune_body(body, title, anchors)
    return xmltotxt(body, False).strip()


def select_elements(tree: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements matching a per-source selector: XPath if it looks like one, else CSS."""
    if selector.lstrip().startswith(("/", "(", "./")):
        found = tree.xpath(selector)
    else:
        found = tree.cssselect(selector)
    return [element for element in found if isinstance(element, HtmlElement)]


def _paragraph_text(elements: list[HtmlElement]) -> str:
    return " ".join(
        " ".join(p.text_content().split()) for element in elements for p in element if p.tag == "p"
    )


def _repair_split_body(
    tree: HtmlElement, url: str | None, text: str, title: str | None, anchors: set[str]
) -> str:
    containers = split_body_containers(tree)
    if not containers:
        return text
    # The signature of the failure: the first container is in the text, the others are not.
    first_kept = coverage(_paragraph_text(containers[:1]), text) > 0.5
    all_kept = coverage(_paragraph_text(containers), text) > 0.75
    if not first_kept or all_kept:
        return text
    merged = _render(_trafilatura(containers_document(containers), url), title, anchors)
    return merged if len(merged) > len(text) else text


def json_ld_article_body(tree: HtmlElement) -> str:
    """The longest articleBody in the page's JSON-LD blocks ("" if none)."""
    bodies = json_ld_values(tree, "articleBody")
    return max(bodies, key=len).strip() if bodies else ""


def _prefer_json_ld(text: str, ld_body: str) -> bool:
    """JSON-LD bodies are often teasers or carry captions and widget text; measured on bodybench,
    taking a longer one over trafilatura's text loses precision. So it is only the fallback when
    trafilatura found (next to) nothing."""
    return len(ld_body) >= 200 and len(text) < 200


def extract_body(
    tree: HtmlElement, url: str | None, *, body_selector: str | None = None
) -> BodyResult:
    """The article text of a parsed page ("" when nothing article-like is found)."""
    anchors = anchor_texts(tree)
    document = _trafilatura(tree, url)
    title = document.title if document is not None else None
    if body_selector:
        selected = select_elements(tree, body_selector)
        if selected:
            text = _render(_trafilatura(containers_document(selected), url), title, anchors)
            if not text:  # trafilatura found the selection too thin; trust the source config
                text = "\n".join(" ".join(e.text_content().split()) for e in selected)
            return BodyResult(text, document)
    text = _render(document, title, anchors)
    text = _repair_split_body(tree, url, text, title, anchors)
    ld_body = json_ld_article_body(tree)
    if _prefer_json_ld(text, ld_body):
        text = ld_body
    text, navigation = _checked_against_page(tree, url, text, title)
    return BodyResult(text, document, navigation)


# Agreement below this share of shingles means the body and the page's statement are unrelated.
_UNRELATED = 0.2


def _agreement(text: str, statements: list[str]) -> float:
    """How well a body matches the page's statements about its article: the best share of a
    statement found in the body, or of the body found in a statement (articleBody, <article>)."""
    if not text or not statements:
        return 0.0
    return max(max(coverage(s, text), coverage(text, s)) for s in statements)


def _checked_against_page(
    tree: HtmlElement, url: str | None, text: str, title: str | None
) -> tuple[str, bool]:
    """The body, unless it is the site's menu or unrelated to what the page says its article is
    (or next to nothing): then trafilatura's own full extraction, when that one is sound.

    Returns (text, navigation); navigation is True when no sound body was found and the best
    one is a menu: the caller reports "no article body" rather than store a menu.
    """
    links = link_texts(tree)
    navigation = is_navigation(text, links)
    statements = page_statements(tree)
    ours = _agreement(text, statements) if statements else 1.0
    if not navigation and ours >= _UNRELATED and len(text) >= 200:
        return text, False
    alternative = _plain_trafilatura(tree, url, title)
    if not alternative or is_navigation(alternative, links):
        return ("", True) if navigation else (text, False)
    theirs = _agreement(alternative, statements) if statements else 1.0
    if navigation:
        return alternative, False
    if ours < _UNRELATED and theirs >= 0.5 and len(alternative) >= 0.5 * len(text):
        return alternative, False  # ours is some other block; theirs is the declared article
    if len(text) < 200 <= len(alternative) and theirs >= ours:
        return alternative, False  # ours found next to nothing
    return text, False


def _plain_trafilatura(tree: HtmlElement, url: str | None, title: str | None) -> str:
    """trafilatura's result with its defaults (fallback extractors, comments sections kept): the
    reference the project must never do worse than."""
    result = extract(deepcopy(tree), url=url) or ""
    lines = [line for line in result.splitlines() if line.strip()]
    if lines and title and normalise(lines[0]) == normalise(title):
        lines = lines[1:]  # its output starts with the headline when it finds one
    return "\n".join(lines)
