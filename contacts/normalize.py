"""Name keys for look-ups: the same person or place written in different scripts, spellings or styles.

News writes one name many ways: "Erdoğan" and "Erdogan", "al-Sisi", "el-Sisi" and "Sisi", "Mahmud"
and "Mahmoud Abbas", "Sergei" and "Sergey Lavrov". The knowledge base indexes every name under a key
that these variants share, and looks up text the same way. Two keys exist:

- `place_key` for polity words (countries, demonyms, capitals): case, diacritics, dots,
  apostrophes and hyphens ignored ("U.S." == "US", "Côte d'Ivoire" == "Cote dIvoire").
- `person_key` for people: the above, plus Arabic article prefixes dropped ("al-", "el-", "Al "),
  and common transliteration variants of a given name folded to one spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that join or decorate a name without changing it.
_APOSTROPHES = "'’‘`´ʼʻ"
_DASHES = "-‐‑‒–—"
_PUNCT_TO_SPACE = re.compile(r"[,;:()\[\]\"“”/«»]+")

# Arabic definite article written as its own token ("Al Thani") or glued by a hyphen ("al-Sisi",
# "as-Sisi" before a sun letter). Only the hyphenated forms of the sun-letter variants are
# dropped, because "as", "an", "at" are English words when they stand alone.
_ARTICLE_TOKENS = frozenset({"al", "el"})
_GLUED_ARTICLE = re.compile(
    r"(?<![^\s])(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ed|er|es|et)[" + _DASHES + r"](?=\w)",
    re.IGNORECASE,
)

# Transliteration variants of the same given name -> one spelling. Kept to names frequent in
# diplomatic news where the variants are unambiguous; anything rarer goes into an actor's aliases.
_TOKEN_VARIANTS: dict[str, str] = {}
for _canonical, _variants in {
    "muhammad": "mohammed mohammad mohamed mohamad muhammed mohammod muhammadu",
    "mahmud": "mahmoud mahmood",
    "ahmad": "ahmed",
    "hasan": "hassan",
    "husayn": "hussein husein hussain husain hossein",
    "yusuf": "yousef youssef yousuf yusef",
    "abd": "abdel abdul abdal abdol",
    "bin": "ibn",
    "abdullah": "abdallah",
    "abdulaziz": "abdelaziz",
    "abdulrahman": "abdelrahman abdurrahman abdalrahman",
    "faisal": "faysal feisal",
    "khalid": "khaled",
    "sergey": "sergei serhiy serhii",
    "dmitry": "dmitri dmytro",
    "yuri": "yury yuriy yurii",
    "andrey": "andrei andriy andrii",
    "alexander": "aleksandr oleksandr alexandr",
    "alexey": "aleksey alexei aleksei oleksiy oleksii",
    "mikhail": "mykhailo",
    "zelensky": "zelenskyy zelenskiy zelenskii zelenski",
}.items():
    for _variant in _variants.split():
        _TOKEN_VARIANTS[_variant] = _canonical


def fold(text: str) -> str:
    """Lowercase, strip diacritics (NFKD) and map dotless/special Latin letters to ASCII."""
    text = text.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("Ø", "o")
    text = text.replace("đ", "d").replace("Đ", "d").replace("ł", "l").replace("Ł", "l")
    text = text.replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("Œ", "oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def place_key(text: str) -> str:
    """Key for a country name, demonym or capital: "U.S." -> "us", "Côte d'Ivoire" -> "cote divoire"."""
    text = fold(text)
    for mark in _APOSTROPHES + ".":
        text = text.replace(mark, "")
    for dash in _DASHES:
        text = text.replace(dash, " ")
    text = _PUNCT_TO_SPACE.sub(" ", text)
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def person_tokens(text: str) -> list[str]:
    """The tokens of a person's name, spelled the one way the knowledge base indexes them."""
    return list(_person_tokens(text))


# Names and words recur in every text and every comparison of a discourse: computed once.
@lru_cache(maxsize=1 << 16)
def _person_tokens(text: str) -> tuple[str, ...]:
    text = fold(text)
    text = _GLUED_ARTICLE.sub("", text)
    for mark in _APOSTROPHES + ".":
        text = text.replace(mark, "")
    for dash in _DASHES:
        text = text.replace(dash, " ")
    text = _PUNCT_TO_SPACE.sub(" ", text)
    tokens = [t for t in text.split() if t not in _ARTICLE_TOKENS]
    return tuple(_TOKEN_VARIANTS.get(t, t) for t in tokens)


@lru_cache(maxsize=1 << 16)
def person_key(text: str) -> str:
    """Key for a person's name: "Abdel Fattah el-Sisi" and "Abd al-Fattah al-Sisi" share one."""
    return " ".join(_person_tokens(text))


def slug(text: str) -> str:
    """An id-friendly form of a name: "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan"."""
    text = fold(text)
    for mark in _APOSTROPHES + ".":
        text = text.replace(mark, "")
    return "-".join(re.findall(r"[a-z0-9]+", text))


# "Ban Ki- moon", "Johnson- Sirleaf", "non- governmental": a word broken at its hyphen by a
# wire service's line wrap. Not "pro- and anti-government", where the hyphen stands for a
# word left out.
_BROKEN_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])(?!(?:and|or|nor|to|as well)\b)")


def join_broken_hyphens(text: str) -> str:
    """`text` with words a line wrap broke at their hyphen joined again."""
    return _BROKEN_HYPHEN.sub("-", text)


# States whose names put the family name first, as English-language news keeps them
# ("Hu Jintao" is President Hu; "Kim Jong Un" is Kim).
SURNAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM"})
# States whose people the news calls by their given name ("Mochtar", "Mahathir", "Abiy").
GIVEN_NAME_USED = frozenset({"IDN", "THA", "MYS", "MMR", "ISL", "ETH", "ERI"})
