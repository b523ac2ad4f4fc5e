"""Token-sequence index over the knowledge base and the title vocabulary.

Built once per knowledge base, then every sentence is matched against it with dictionary
look-ups (longest match from each token), never by scanning the knowledge base. Names, demonyms,
capitals and titles all live in one index keyed by normalised tokens, so "al-Sisi", "el-Sisi" and
"Al Sisi" meet at the same key.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from contacts.normalize import person_tokens
from contacts.titles import ROLE_NOUNS, TITLES

if TYPE_CHECKING:
    from contacts.kb import KnowledgeBase

EntryKind = Literal["actor", "surname", "polity", "title", "role"]

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s-]")

# Korean and Chinese given names are written with a lower-case syllable after a hyphen ("Lee
# Jae-myung", "Kim Jong-un", "Cho Tae-yul"). That syllable is part of the name, so it counts as
# capitalised; only right after a capitalised word (the family name), which keeps "the
# Iran-backed" or "US-led" out.
_HYPHEN_GIVEN = re.compile(r"\b[A-Z][^\W\d_]*\s+[A-Z][a-z]{1,4}-([a-z]{2,5})\b(?!-)")
_NOT_SYLLABLE = frozenset(
    "led based backed run born made held era wide style type bound owned".split()
)


class Token(NamedTuple):
    # A named tuple, not a dataclass: every word of every sentence is one, and a tuple is
    # built several times faster than a frozen dataclass.
    text: str
    key: str
    start: int
    end: int
    cap: bool  # starts with a capital letter
    upper: bool  # all capitals ("US", "U.S.", "NATO")
    poss: bool  # carried a possessive "'s"


@dataclass(frozen=True)
class Entry:
    kind: EntryKind
    value: Any  # Actor ("actor", "surname") | Polity | office string ("title") | role noun
    how: str = ""  # for polities: "name" | "demonym" | "capital"
    acronym: bool = False  # must match upper-case text ("US", not "us")


@dataclass
class Lexicon:
    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    # Every token of every name of an actor, to take in the rest of a name matched by an alias
    # ("Emir Tamim" + "bin Hamad Al Thani").
    name_tokens: dict[str, frozenset[str]] = field(default_factory=dict)
    # First keys of the titles and role nouns: the only entries a word in lower case can start
    # ("minister", "officials"); names, states and acronyms start with a capital.
    lower_starts: frozenset[str] = frozenset()

    def match(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]]:
        """Longest entry starting at token i: (number of tokens, entries), (0, []) if none."""
        first = tokens[i]
        if not (first.cap or first.upper) and first.key not in self.lower_starts:
            return 0, []  # "to", "the", "a": in the index only as the start of a name
        for keys, entries in self.index.get(first.key, ()):
            n = len(keys)
            if i + n <= len(tokens) and all(tokens[i + k].key == keys[k] for k in range(1, n)):
                usable = [e for e in entries if _usable(e, tokens, i, n)]
                if usable:
                    return n, usable
        return 0, []


class SentenceMemo:
    """The lexicon with each token position looked up once per sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.name_tokens = lexicon.name_tokens
        self.index = lexicon.index
        self.lower_starts = lexicon.lower_starts
        self._lexicon = lexicon
        self._seen: dict[int, tuple[int, list[Entry]]] = {}

    def match(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]]:
        found = self._seen.get(i)
        if found is None:
            found = self._seen[i] = self._lexicon.match(tokens, i)
        return found


def _usable(entry: Entry, tokens: list[Token], i: int, n: int) -> bool:
    first = tokens[i]
    if entry.acronym:
        return first.upper
    if entry.kind in ("title", "role"):
        return True
    return first.cap and tokens[i + n - 1].cap


@lru_cache(maxsize=200_000)
def token_key(text: str) -> str:
    parts = person_tokens(text)
    return " ".join(parts)


def tokenize(text: str) -> list[Token]:
    tokens = []
    syllables = (
        {m.start(1) for m in _HYPHEN_GIVEN.finditer(text) if m.group(1) not in _NOT_SYLLABLE}
        if "-" in text
        else ()
    )
    for match in _WORD.finditer(text):
        word, parts, cap, upper, poss = _word(match.group())
        start = match.start()
        for part in parts:
            tokens.append(
                Token(word, part, start, match.end(), cap or start in syllables, upper, poss)
            )
    return tokens


@lru_cache(maxsize=200_000)
def _word(raw: str) -> tuple[str, tuple[str, ...], bool, bool, bool]:
    # What a word of the text is, once per distinct word: (the word without a possessive,
    # its keys, capitalised, an acronym, possessive). "al", "el" have no keys: they vanish,
    # as they do in the index.
    word = raw
    poss = False
    if len(raw) > 2 and raw[-1] in "'’s":
        if raw[-1] == "s" and raw[-2] in "'’":
            word, poss = raw[:-2], True
        elif raw[-1] != "s" and raw[-2] == "s":
            word, poss = raw[:-1], True
    key = token_key(word)
    parts = tuple(key.split(" ")) if key else ()
    upper = word.replace(".", "").isupper() and len(word) > 1
    return word, parts, word[:1].isupper(), upper, poss


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k for t in tokenize(text) for k in t.key.split(" "))


_CACHE: weakref.WeakKeyDictionary[Any, Lexicon] = weakref.WeakKeyDictionary()


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    """The index for `kb`, built on first use and kept as long as the knowledge base lives."""
    lexicon = _CACHE.get(kb)
    if lexicon is None:
        lexicon = build_lexicon(kb)
        _CACHE[kb] = lexicon
    return lexicon


def build_lexicon(kb: KnowledgeBase) -> Lexicon:
    table: dict[tuple[str, ...], list[Entry]] = defaultdict(list)

    def add(text: str, entry: Entry) -> None:
        keys = _keys(text)
        if keys and entry not in table[keys]:
            table[keys].append(entry)

    for title, office in TITLES.items():
        add(title, Entry("title", office))
    for noun in ROLE_NOUNS:
        add(noun, Entry("role", noun))
    for polity in kb.polities():
        for how, words in (
            ("name", (polity.name, *polity.names)),
            ("demonym", polity.demonyms),
            ("capital", polity.capitals),
        ):
            for word in words:
                bare = word.replace(".", "")
                acronym = bare.isupper() and len(bare) <= 5
                add(word, Entry("polity", polity, how, acronym))
    surnames: dict[str, set[Any]] = defaultdict(set)
    name_tokens: dict[str, frozenset[str]] = {}
    for actor in kb.actors():
        every: set[str] = set()
        for name in (actor.name, *actor.aliases):
            add(name, Entry("actor", actor))
            keys = _keys(name)
            every.update(keys)
            if len(keys) > 1 and name == actor.name:
                surnames[keys[-1]].add(actor)  # "Putin"; an alias's last word may be a given name
        name_tokens[actor.kb_id] = frozenset(every)
    for surname, actors in surnames.items():
        if not _surname_like(surname):
            continue  # "Frederik X", "Charles III": a regnal number is no surname
        if len(actors) == 1 and (surname,) not in table:
            table[(surname,)].append(Entry("surname", next(iter(actors))))
    for keys, entries in table.items():
        if len(keys) == 1 and any(e.kind == "polity" for e in entries):
            # "arrived in Muscat", "Turkmen gas": a one-word alias that is also a state's name,
            # capital or demonym (Joseph Muscat, Ilter Turkmen) reads as the place
            entries[:] = [e for e in entries if e.kind != "actor"]
    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = defaultdict(list)
    for keys, entries in table.items():
        index[keys[0]].append((keys, _ranked(entries)))
    for options in index.values():
        options.sort(key=lambda item: -len(item[0]))
    lower = frozenset(
        k[0] for k, es in table.items() if any(e.kind in ("title", "role") for e in es)
    )
    return Lexicon(dict(index), name_tokens, lower)


_ROMAN = re.compile(r"^[ivxlc]+$")


# Hyphen syllables that are also English words ("Moon Jae-in"): a capitalised "In" opening a
# sentence is no surname.
_COMMON_WORDS = frozenset(
    "in on at as an to of by it is or if no so he we me my up us do go be am".split()
)


def _surname_like(key: str) -> bool:
    return len(key) > 1 and not _ROMAN.match(key) and not key.isdigit() and key not in _COMMON_WORDS


_RANK = {"actor": 0, "polity": 1, "title": 2, "role": 3, "surname": 4}


def _ranked(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: _RANK[e.kind])
