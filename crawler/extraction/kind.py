"""Which pages are not articles: error pages, section fronts, paywalls, video-only pages.

Every check is a plain function of the parsed page and the extracted body, and returns a reason
string or None. A long body always wins: an article that mentions "404" or embeds a video is
still an article.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extraction.cleanup import anchor_texts, normalise

ERROR_PAGE = "error page"
SECTION_FRONT = "section front"
PAYWALL = "paywall"
VIDEO_ONLY = "video only"
NOT_HTML = "not html"
TOO_SHORT = "too short"
EMPTY = "empty"
NO_BODY = "no article body"  # the only body-like block is the site's navigation

_ERROR_TITLE = re.compile(
    r"\b(?:404|410|page\s+not\s+found|not\s+found|page\s+(?:does\s+not|doesn'?t)\s+exist|"
    r"no\s+longer\s+available|error\s+\d{3}|seite\s+nicht\s+gefunden|page\s+introuvable|"
    r"страница\s+не\s+найдена|página\s+no\s+encontrada)\b",
    re.IGNORECASE,
)
_PAYWALL_MARK = re.compile(
    r"paywall|subscriber[-_ ]?only|premium[-_ ]?(?:content|article|wall)|meter[-_ ]?wall|"
    r"regwall|piano[-_ ]?(?:offer|paywall)",
    re.IGNORECASE,
)
_PAYWALL_TEXT = re.compile(
    r"(?:subscribe|subscription|sign\s+in|log\s+in|register)\b.{0,60}\b(?:to\s+(?:continue|read|"
    r"access|unlock)|full\s+(?:article|story))|"
    r"(?:this\s+(?:article|content|story)\s+is\s+(?:only\s+)?(?:for|available\s+to)\s+"
    r"(?:subscribers|members))|already\s+a\s+subscriber",
    re.IGNORECASE,
)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*(?:false|"false")', re.IGNORECASE)
_VIDEO_HOSTS = re.compile(r"youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|jwplayer|brightcove")

# Bodies at least this long are articles whatever else the page looks like.
LONG_BODY = 1500


def _title_texts(tree: HtmlElement) -> list[str]:
    texts = [" ".join(t.text_content().split()) for t in tree.iter("title")]
    texts += [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    return [t for t in texts if t]


# Title parts: "404 – Page not found | The Daily" splits into its three parts.
_TITLE_PARTS = re.compile(r"\s[|\u2013\u2014-]\s|:\s")


def _is_error_title(title: str) -> bool:
    """The title (or one part of it) is an error message, not a headline that mentions one.

    "Page not found | The Daily" is an error page; "Body of missing envoy not found" is news.
    """
    for part in _TITLE_PARTS.split(title):
        if _ERROR_TITLE.search(part):
            rest = re.findall(r"\w+", _ERROR_TITLE.sub(" ", part))
            if len(rest) <= 3:
                return True
    return False


def error_page(tree: HtmlElement, body: str) -> str | None:
    if len(body) >= LONG_BODY:
        return None
    if any(_is_error_title(t) for t in _title_texts(tree)):
        return ERROR_PAGE
    return None


# A paywalled page keeps its teaser as the article when the teaser has some prose: the lead of a
# story ("X on Monday called Y") is where a contact is told, and dropping it would miss it.
PAYWALL_TEASER = 300


def paywall(tree: HtmlElement, body: str, raw_html: str) -> str | None:
    """A wall with next to no teaser: the page says so in JSON-LD (isAccessibleForFree: false),
    or wall markup comes with wall wording."""
    if len(body) >= PAYWALL_TEASER:
        return None
    if _NOT_FREE.search(raw_html):
        return PAYWALL
    if not _PAYWALL_MARK.search(raw_html):
        return None  # a site-wide "premium" menu alone does not make a wall
    worded = _PAYWALL_TEXT.search(" ".join(tree.xpath("string(//body)").split()))
    return PAYWALL if worded else None


def video_only(tree: HtmlElement, body: str) -> str | None:
    """A player and a caption: little prose besides an embedded or native video."""
    if len(body) >= 400:
        return None
    has_video = next(tree.iter("video"), None) is not None
    has_video = has_video or any(
        _VIDEO_HOSTS.search(f.get("src") or "") for f in tree.iter("iframe")
    )
    og_type = tree.xpath("string(//meta[@property='og:type']/@content)").strip().lower()
    return VIDEO_ONLY if has_video or og_type.startswith("video") else None


def section_front(tree: HtmlElement, body: str) -> str | None:
    """A listing: teasers linking to other pages, and little prose of its own."""
    if len(body) >= LONG_BODY:
        return None
    anchors = anchor_texts(tree)
    lines = [normalise(line) for line in body.splitlines() if line.strip()]
    linked = sum(len(line) for line in lines if line in anchors)
    if lines and linked >= 0.5 * sum(len(line) for line in lines):
        return SECTION_FRONT  # what trafilatura found is mostly headlines of other pages
    teasers = sum(1 for a in tree.iter("article") if a.find(".//a[@href]") is not None)
    if teasers >= 5 and len(body) < 500:
        return SECTION_FRONT  # a grid of teaser cards, and no text of its own
    return None


def classify(tree: HtmlElement, body: str, raw_html: str, *, min_chars: int) -> str | None:
    """The reason this page is not an article, or None when it is one."""
    for reason in (
        error_page(tree, body),
        paywall(tree, body, raw_html),
        video_only(tree, body),
        section_front(tree, body),
    ):
        if reason:
            return reason
    if not body.strip():
        return EMPTY
    if len(body) < min_chars:
        return TOO_SHORT
    return None
