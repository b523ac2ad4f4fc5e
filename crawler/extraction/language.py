"""Language of an article: py3langid when installed, else the page's declaration checked
against the text's script, else a cheap script + stop-word heuristic (ISO 639-1 codes)."""

from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

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

# The language shows in the first paragraphs as well as in the whole text, and a bounded sample
# keeps the cost per article flat however long the body is.
SAMPLE_CHARS = 3000

# Non-Latin scripts by Unicode block; counted with one C-level regex scan each, not per character
# in Python. "ja" is kana, "han" CJK ideographs (Chinese, or Japanese when kana come with them).
_SCRIPT_BLOCKS = {
    "cyrillic": "\u0400-\u04ff",
    "arabic": "\u0600-\u06ff",
    "he": "\u0590-\u05ff",
    "el": "\u0370-\u03ff",
    "ja": "\u3040-\u30ff",
    "ko": "\uac00-\ud7af",
    "han": "\u4e00-\u9fff",
}
_SCRIPT_CHARS = {script: re.compile(f"[{block}]") for script, block in _SCRIPT_BLOCKS.items()}
_NON_LETTERS = re.compile(r"[\W\d_]+")


def _script_language(text: str) -> str | None:
    """A language implied by the dominant non-Latin script, 'latin' for Latin text."""
    sample = text[:SAMPLE_CHARS]
    counts: Counter[str] = Counter()
    if not sample.isascii():  # most news text is: no other script to look for
        for script, chars in _SCRIPT_CHARS.items():
            found = len(chars.findall(sample))
            if found:
                counts[script] = found
    # Letters outside those blocks count as Latin (the stop words then tell which language).
    latin = len(_NON_LETTERS.sub("", sample)) - sum(counts.values())
    if latin > 0:
        counts["latin"] = latin
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    if script == "cyrillic":
        return "uk" if re.search(r"[іїєґІЇЄҐ]", sample) else "ru"
    if script == "arabic":
        return "fa" if re.search(r"[پچژگ]", sample) else "ar"
    if script == "han":
        return "ja" if counts["ja"] > 0.1 * counts["han"] else "zh"
    return script


def _stopword_language(text: str) -> str | None:
    words = Counter(_WORD.findall(text[:SAMPLE_CHARS].casefold()))
    total = sum(words.values())
    if total < 5:
        return None
    scores = {
        lang: sum(words[w] for w in stop if w in words) for lang, stop in _STOPWORD_SETS.items()
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= max(2, 0.05 * total) else None


def heuristic_language(text: str) -> str | None:
    script = _script_language(text)
    if script == "latin":
        return _stopword_language(text)
    return script


def declared_language(tree: HtmlElement) -> str | None:
    for value in tree.xpath(
        "/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content"
        " | //meta[@property='og:locale']/@content",
        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"},
    ):
        code = re.split(r"[-_,;\s]", value.strip().lower())[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return None


def detect_language(tree: HtmlElement, body: str) -> tuple[str | None, str | None]:
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
