"""Article bodies split over several containers, which trafilatura reduces to the first one.

Some templates cut the article into sibling blocks of the same class (an ad or a video player
between them). trafilatura picks the best single subtree, so it keeps the first block and drops
the rest. Here the page is searched for a group of same-tag, same-class elements that directly
hold most of the page's paragraph text; when there are several, they are the body together.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree, html
from lxml.html import HtmlElement

MIN_CONTAINER_CHARS = 150


def _direct_paragraph_chars(element: HtmlElement) -> int:
    return sum(len(" ".join(p.text_content().split())) for p in element if p.tag == "p")


def split_body_containers(tree: HtmlElement, *, share: float = 0.6) -> list[HtmlElement]:
    """The same-class containers that together hold the article, in document order.

    Returns an empty list unless there are at least two such containers, none inside another,
    and together they hold at least `share` of all paragraph text in containers.
    """
    groups: dict[tuple[str, str], list[tuple[HtmlElement, int]]] = defaultdict(list)
    total = 0
    for element in tree.iter("div", "section", "article", "main", "td"):
        chars = _direct_paragraph_chars(element)
        if chars < MIN_CONTAINER_CHARS:
            continue
        total += chars
        css = " ".join((element.get("class") or "").split())
        if css:
            groups[(str(element.tag), css)].append((element, chars))
    if not groups or not total:
        return []
    members = max(groups.values(), key=lambda group: sum(chars for _, chars in group))
    if len(members) < 2 or sum(chars for _, chars in members) < share * total:
        return []
    elements = [element for element, _ in members]
    for element in elements:
        if any(other is not element and _is_ancestor(other, element) for other in elements):
            return []
    return elements


def _is_ancestor(candidate: HtmlElement, element: HtmlElement) -> bool:
    return any(parent is candidate for parent in element.iterancestors())


def containers_document(containers: list[HtmlElement]) -> html.HtmlElement:
    """A minimal page with the containers' contents merged into one <article>.

    Merged rather than kept side by side: trafilatura would again pick only the first one.
    """
    page = html.fromstring("<html><body><article></article></body></html>")
    article = page.find(".//article")
    assert article is not None  # the literal above has one
    for container in containers:
        copy = html.fromstring(etree.tostring(container, encoding="unicode", with_tail=False))
        if copy.text and copy.text.strip():
            paragraph = etree.SubElement(article, "p")
            paragraph.text = copy.text
        for child in list(copy):
            article.append(child)
    return page
