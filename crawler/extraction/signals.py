"""Checks of an extracted body against the page itself: is it the site's navigation, and does it
agree with what the page says its article is?

trafilatura, like every extractor, sometimes takes the wrong block: on a page whose article sits
in a container it discards (a "comments" class, say), the largest text block left may be the
site menu, and the body comes back as "Skip to content / Subscribe / Sign In / Today's
E-Edition / ...". Two signals catch that class without knowing the site:

- the body's shape: mostly short lines that are the page's own link texts or menu words;
- the page's statements about its article: JSON-LD articleBody and description, og:description,
  the meta description, the <article> element's text. A body that holds none of a page's
  description, where another extraction holds it, is the wrong block.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from crawler.extraction.cleanup import normalise

# Words of site menus and account boxes; a short line made of them is page furniture.
_MENU_LINE = re.compile(
    r"""^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|subscribe(?:\s+now)?|sign\s+(?:in|up|out)
      |log\s*(?:in|out)|register|my\s+account|account|menu|search|home(?:page)?|news(?:letters?)?
      |today'?s\s+(?:e-?edition|paper)|e-?edition|print\s+edition|digital\s+access|manage\s+subscription
      |contact\s+us|about\s+us|help|faq|privacy(?:\s+policy)?|terms(?:\s+of\s+(?:use|service))?
      |cookie\s+(?:policy|preferences|settings)|site\s*map|careers|advertise(?:\s+with\s+us)?
      |place\s+an\s+ad|classifieds|jobs|obituaries|weather|traffic|photos|videos?|podcasts?|opinion
      |sports|business|politics|entertainment|lifestyle|local(?:\s+news)?|world|nation|u\.?s\.?
      |more|close|open|toggle\s+navigation|back\s+to\s+top|follow\s+us|share)$""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_MENU_WORDS = 6
MAX_MENU_CHARS = 40
_SENTENCE_END = (".", "!", "?", '"', "”", "。", "！", "？", "」", "؟", "।")


def link_texts(tree: etree._Element) -> set[str]:
    """Normalised texts of every link of the page, however short ("Home", "Sports")."""
    texts = set()
    for anchor in tree.iter("a"):
        text = normalise("".join(anchor.itertext()))
        if text:
            texts.add(text)
    return texts


def is_navigation(text: str, links: set[str]) -> bool:
    """Whether a body is a menu: at least five lines, and either most of them (by count and by
    characters) short lines that are the page's link texts or menu words, or nearly all of them
    short lines without a sentence's end, many of those links (menus with archive counts,
    category lists and headings between the links)."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if len(lines) < 5:
        return False
    short = [
        line
        for line in lines
        if len(line.split()) <= MAX_MENU_WORDS
        and len(line) <= MAX_MENU_CHARS  # scripts without spaces: a sentence is one "word"
        and not line.endswith(_SENTENCE_END)
    ]
    menu = [
        line
        for line in short
        if normalise(line) in links or _MENU_LINE.match(line.strip(" |•·-–—"))
    ]
    total = sum(len(line) for line in lines)
    if len(menu) >= 0.6 * len(lines) and sum(len(line) for line in menu) >= 0.5 * total:
        return True
    return (
        len(short) >= 0.8 * len(lines)
        and sum(len(line) for line in short) >= 0.6 * total
        and len(menu) >= 0.3 * len(lines)
    )


def json_ld_values(tree: etree._Element, key: str) -> list[str]:
    """The string values of `key` anywhere in the page's JSON-LD blocks, in page order."""
    values: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        values += [v for v in _find(data, key) if isinstance(v, str)]
    return values


def _find(data: object, key: str, depth: int = 0) -> list[object]:
    if depth > 6:
        return []
    if isinstance(data, dict):
        found = [data[key]] if key in data else []
        for value in data.values():
            found += _find(value, key, depth + 1)
        return found
    if isinstance(data, list):
        return [item for value in data for item in _find(value, key, depth + 1)]
    return []


def page_statements(tree: etree._Element, *, min_chars: int = 60) -> list[str]:
    """What the page says its article is: descriptions and bodies it declares, longest first."""
    found = json_ld_values(tree, "articleBody") + json_ld_values(tree, "description")
    for name in ("og:description", "description", "twitter:description"):
        found += tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    articles = list(tree.iter("article"))
    if len(articles) == 1:
        found.append(" ".join("".join(articles[0].itertext()).split()))
    texts = {" ".join(str(text).split()) for text in found}
    return sorted((t for t in texts if len(t) >= min_chars), key=len, reverse=True)
