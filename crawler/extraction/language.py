"""Language of an article: py3langid when installed, else the page's declaration checked
against the text's script, else a cheap script + stop-word heuristic (ISO 639-1 codes)."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

_STOPWORDS = {
    "en": "the and of to in is that for was on with he as it by at from his said",
    "fr": "le la les des et est une dans que pour qui sur pas par au du avec ont été",
    "de": "der die und das ist nicht mit den sich des auf für ein eine dem wird auch",
    "es": "el la los las que del por con una para es se su al como más pero fue",
    "pt": "o os que do da em um uma para com não dos das se na no foi pelo ao",
    "it": "il che di la per non del della una sono con gli nel alla anche è ha",
    "nl": "de het een van en is dat op te zijn niet met voor aan ook er bij",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama sonra",
    "pl": "i w na nie się że z do jest to jak po od za przez",
    "id": "yang dan di dengan untuk ini dari dalam tidak itu akan pada",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_LATIN_LANGS = frozenset(_STOPWORDS)
_WORD = re.compile(r"[^\W\d_]+")


def _script_language(text: str) -> str | None:
    """A language implied by the dominant non-Latin script, 'latin' for Latin text."""
    counts: Counter[str] = Counter()
    for char in text[:5000]:
        code = ord(char)
        if 0x0400 <= code <= 0x04FF:
            counts["cyrillic"] += 1
        elif 0x0600 <= code <= 0x06FF:
            counts["arabic"] += 1
        elif 0x0590 <= code <= 0x05FF:
            counts["he"] += 1
        elif 0x0370 <= code <= 0x03FF:
            counts["el"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["ko"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["han"] += 1
        elif char.isalpha():
            counts["latin"] += 1
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    if script == "cyrillic":
        return "uk" if re.search(r"[іїєґІЇЄҐ]", text) else "ru"
    if script == "arabic":
        return "fa" if re.search(r"[پچژگ]", text) else "ar"
    if script == "han":
        return "ja" if counts["ja"] > 0.1 * counts["han"] else "zh"
    return script


def _stopword_language(text: str) -> str | None:
    words = [w.casefold() for w in _WORD.findall(text[:20000])]
    if len(words) < 5:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORD_SETS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= max(2, 0.05 * len(words)) else None


def heuristic_language(text: str) -> str | None:
    script = _script_language(text)
    if script == "latin":
        return _stopword_language(text)
    return script


def declared_language(tree: etree._Element) -> str | None:
    for value in tree.xpath(
        "/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content"
        " | //meta[@property='og:locale']/@content",
        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"},
    ):
        code = re.split(r"[-_,;\s]", value.strip().lower())[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return None


def detect_language(tree: etree._Element, body: str) -> tuple[str | None, str | None]:
    """(language code, method) with method "py3langid", "declared" or "heuristic"."""
    try:
        import py3langid  # optional: a better classifier when the user installed it
    except ImportError:
        py3langid = None
    if py3langid is not None and body.strip():
        return py3langid.classify(body[:10000])[0], "py3langid"
    guessed = heuristic_language(body) if body.strip() else None
    declared = declared_language(tree)
    # Templates often keep a site-wide lang attribute; on a real article the text's own script
    # and stop words are the better evidence. On a few words, the declaration is.
    if declared and (guessed is None or guessed == declared or len(body.split()) < 50):
        return declared, "declared"
    if guessed:
        return guessed, "heuristic"
    return None, None
