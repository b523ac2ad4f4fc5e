"""The title words of contacts/data/titles.json: what a title makes of the person who bears it.

One table for every place that reads titles: the lexicon (title → office, role nouns), the
mentions (titles that name their state) and the syntactic layer (titles of people who speak for
no state). A new title is a row in the JSON file and a test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_PATH = Path(__file__).resolve().parent / "data" / "titles.json"


def _load() -> dict[str, object]:
    with _PATH.open(encoding="utf-8") as handle:
        data: dict[str, object] = json.load(handle)
    return data


def _words(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{_PATH.name}: expected a list of strings")
    return list(value)


def _table(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError(f"{_PATH.name}: expected an object of strings")
    return dict(value)


def _portfolio_titles(portfolios: list[str]) -> dict[str, str]:
    # "finance minister", "minister of finance", "minister for finance", "deputy finance minister",
    # "deputy minister of finance"
    out: dict[str, str] = {}
    for portfolio in portfolios:
        office = f"{portfolio.title()} Minister"
        out[f"{portfolio} minister"] = office
        out[f"minister of {portfolio}"] = office
        out[f"minister for {portfolio}"] = office
        out[f"deputy {portfolio} minister"] = f"Deputy {office}"
        out[f"vice {portfolio} minister"] = f"Deputy {office}"
        for grade in ("deputy", "vice"):  # "Deputy Minister for Trade", "Vice Minister of Energy"
            out[f"{grade} minister of {portfolio}"] = f"Deputy {office}"
            out[f"{grade} minister for {portfolio}"] = f"Deputy {office}"
    return out


_DATA = _load()
# Ministries a minister is named by: "Minister of Energy and Mines" is one post.
PORTFOLIOS = frozenset(_words(_DATA["portfolios"]))
# Title as written (lower case) -> the office reported for someone the knowledge base lacks.
TITLES: dict[str, str] = {
    **_portfolio_titles(_words(_DATA["portfolios"])),
    **_table(_DATA["titles"]),
}
# Titles that name one state's office on their own ("Taoiseach", a bare "Secretary of State").
TITLE_STATES: dict[str, str] = _table(_DATA["title_states"])
# Plural or collective nouns for unnamed parties acting for a state: "US officials".
ROLE_NOUNS = frozenset(_words(_DATA["role_nouns"]))
# Titles of people who speak for no state: "California Governor Gavin Newsom".
NON_STATE_TITLES = frozenset(_words(_DATA["non_state_titles"]))
# Words of a state body a title is "of" ("Secretary of the Security Council Nikolai Patrushev").
INSTITUTION_WORDS = frozenset(_words(_DATA["institution_words"]))
# Capitalised nouns that head the names of things, never of a person ("White House").
THING_WORDS = frozenset(_words(_DATA["thing_words"]))
# Offices a reference names no one by: "the Russian official", "the top US diplomat" are
# whoever of that state was told of last.
GENERIC_OFFICES = frozenset(_words(_DATA["generic_offices"]))
# "the Russian leader" is the head of state or government, not the last Russian named.
LEADER_OFFICES = frozenset(_words(_DATA["leader_offices"]))
# Errands rather than posts: "the American envoy" is the American the story sent, of any office.
ERRAND_OFFICES = {
    "Envoy",
    "Special Envoy",
    "Mediator",
    "Negotiator",
    "Chief Negotiator",
    "Emissary",
}
ERRAND_REACH = 6  # parties back in the story
# The offices a group's head noun names ("the two ministers" are no prime ministers).
GROUP_HEAD_OFFICES = {
    "ministers": r"^(?!Prime|Deputy Prime).*(?:Minister|Secretary)",
    "presidents": r"President",
    "premiers": r"Premier|Prime Minister",
}
# Words that take the office away: "Peru's former prime minister" holds none.
NO_LONGER = frozenset("former ex ex- late onetime one-time deposed ousted retired".split())
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\s+$")


def no_longer_in_office(text: str, start: int) -> bool:
    """The word before `start` (where a title begins) says its bearer holds it no more."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in NO_LONGER
