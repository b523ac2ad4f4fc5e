"""Pruning of trafilatura's XML body: the boilerplate trafilatura keeps inside the article.

Each rule removes whole blocks (paragraphs, headings, list items) from the body tree, so the
text stays in document order and nothing is rewritten. The rules are generic: patterns that
news sites share (newsletter boxes, "Read more:" teasers, related-link lists, copyright lines,
the title repeated as the first heading), never one site's markup.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

# A block whose whole text matches one of these is page furniture, not article prose.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:read|see|watch|view)\s+(?:more|also|next)\s*:.{0,200}
      | (?:related|more|also\s+on\s+\S+|also\s+read|recommended|popular\s+on\s+\S+|trending|don'?t\s+miss|you\s+may\s+also\s+like|most\s+read)\s*(?:[:.…]+.{0,200})?
      | \[related:.{0,200}\]
      | .{0,120}\b(?:newsletters?|your\s+inbox|subscribe\s+to|sign\s+up\s+for\s+(?:our|the))\b.{0,120}
      | thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|reading).{0,120}
      | (?:share|tweet|email|print|comment)s?(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post))?[\s!.:]*
      | (?:post\s+)?comments?\s*(?:\(\+?\d*\))?
      | \d+\s+comments?
      | leave\s+a\s+(?:comment|reply).{0,40}
      | like\s+this\s+(?:story|article)\?.{0,80}
      | advertisement|sponsored(?:\s+content)?|ad
      | (?:copyright|\(c\)|©|ⓒ).{0,200}
      | (?:order\s+reprints|print\s+article|reprints?)
      | an\s+error\s+(?:has\s+)?occurred.{0,80}
      | (?:sorry!?|thank\s+you!?)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Dates and "updated" stamps that trafilatura sometimes keeps above or below the text.
_DATELINE = re.compile(
    r"""^(?:(?:published|updated|posted|first\s+published|last\s+updated|date)\s*:?\s*)?
        [\w,./:|\s-]{0,40}\b(?:19|20)\d\d\b[\w,./:|()\s+-]{0,60}$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTHISH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,2}[:/.]\d{1,2}|\b(?:am|pm|gmt|utc)\b",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare blocks and titles."""
    text = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def block_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def anchor_texts(tree: etree._Element, *, min_chars: int = 12) -> set[str]:
    """Normalised texts of the page's links, to recognise blocks that only repeat a link.

    trafilatura's body loses link markup unless include_links is on, and turning that on
    makes it keep far more navigation; so link density is measured against the source page.
    """
    texts = set()
    for anchor in tree.iter("a"):
        text = normalise("".join(anchor.itertext()))
        if len(text) >= min_chars:
            texts.add(text)
    return texts


def link_density(element: etree._Element, anchors: set[str]) -> float:
    """Share of a block's text covered by the longest page link text found inside it."""
    text = normalise(block_text(element))
    if not text or not anchors:
        return 0.0
    if text in anchors:
        return 1.0
    longest = max((len(a) for a in anchors if len(a) <= len(text) and a in text), default=0)
    return longest / len(text)


def is_boilerplate_text(text: str) -> bool:
    text = text.strip(" \t-–—|*•·»>")
    if not text:
        return True
    if len(text) > 300:
        return False
    if _BOILERPLATE_LINE.match(text):
        return True
    return bool(_DATELINE.match(text) and _MONTHISH.search(text)) and len(text.split()) <= 14


def _remove(element: etree._Element) -> None:
    """Drop an element but keep its tail text attached to the previous node."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def drop_leading_title(body: etree._Element, title: str | None) -> None:
    """The headline and any heading before the first paragraph are not part of the body text."""
    wanted = normalise(title or "")
    for element in list(body):
        if element.tag == "head":
            _remove(element)
            continue
        text = normalise(block_text(element))
        if wanted and text and (text == wanted or (len(text) > 20 and wanted.startswith(text))):
            _remove(element)
            continue
        if text:
            break


def drop_boilerplate_blocks(body: etree._Element) -> None:
    for element in leaf_blocks(body):
        text = block_text(element)
        if is_boilerplate_text(text):
            _remove(element)


def drop_link_lists(
    body: etree._Element, anchors: set[str], *, min_items: int = 2, density: float = 0.7
) -> None:
    """Lists whose items are mostly links are teasers to other pages (related stories)."""
    for element in list(body.iter("list")):
        items = element.findall("item")
        if len(items) < min_items or element.getparent() is None:
            continue
        linked = sum(1 for item in items if link_density(item, anchors) >= density)
        if linked >= max(min_items, 0.6 * len(items)):
            _remove(element)


def drop_link_paragraphs(body: etree._Element, anchors: set[str], *, max_words: int = 25) -> None:
    """Short paragraphs that are nothing but a link point elsewhere ("Also read: <headline>")."""
    for element in leaf_blocks(body):
        text = block_text(element)
        if element.tag == "item" or not text or len(text.split()) > max_words:
            continue
        if link_density(element, anchors) >= 0.8:
            _remove(element)


def leaf_blocks(body: etree._Element) -> list[etree._Element]:
    """Text blocks holding no other block (a <quote> wrapping <p>s is represented by its <p>s)."""
    blocks = []
    for element in body.iter("p", "head", "quote", "item"):
        if next(element.iterdescendants("p", "head", "quote", "item", "list"), None) is None:
            blocks.append(element)
    return blocks


def prune_body(body: etree._Element, title: str | None, anchors: set[str]) -> None:
    """Apply every rule to trafilatura's body tree, in place."""
    drop_leading_title(body, title)
    drop_link_lists(body, anchors)
    drop_link_paragraphs(body, anchors)
    drop_boilerplate_blocks(body)
