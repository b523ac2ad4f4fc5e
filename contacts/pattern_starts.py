"""The letters a regular expression's match can begin with, read from the pattern itself.

find_triggers() tries the trigger alternation at every word of a sentence that holds a contact
stem; most words ("the", "said", "ministers") cannot begin any phrasing, and a set look-up of a
word's first letters is far cheaper than a failed match of the whole alternation. The sets come
from the patterns (the rows of triggers.ROWS), so a new row needs nothing here.

Where a pattern can begin with anything (a free letter class: "[a-z-]+ meeting with"), the
answer is None and the caller must try every word: the sets are never narrower than the pattern.
"""

from __future__ import annotations

import re
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _parser  # type: ignore[import-not-found]  # re's own parser, untyped
from typing import Any

_LONGEST = 3  # letters per prefix
_WIDEST = 6  # a character range wider than this may be any letter
_Prefixes = set[tuple[str, bool]]  # (letters so far, nothing more to learn)


def start_prefixes(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lower-case prefixes (up to three letters) one of which every match starts with, or None
    when a match may start with any letter."""
    tree = _parser.parse(pattern, flags)
    found = {letters for letters, _ in _sequence(list(tree), {("", False)})}
    return None if "" in found else frozenset(found)


def may_start(prefixes: frozenset[str], lower: str, at: int) -> bool:
    """Does the lower-cased text at `at` begin with one of `prefixes`?"""
    head = lower[at : at + _LONGEST]  # _LONGEST is 3: the whole head, then two, then one
    return head in prefixes or head[:2] in prefixes or head[:1] in prefixes


def _sequence(items: list[tuple[Any, Any]], prefixes: _Prefixes) -> _Prefixes:
    for op, value in items:
        if all(done for _, done in prefixes):
            break
        prefixes = _item(op, value, prefixes)
    return prefixes


def _item(op: Any, value: Any, prefixes: _Prefixes) -> _Prefixes:
    if op in (_c.LITERAL, _c.IN):
        return _extend(prefixes, _letters(op, value))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return prefixes  # zero width: a boundary or a look-around consumes nothing
    if op == _c.SUBPATTERN:
        return _sequence(list(value[-1]), prefixes)
    if op == _c.BRANCH:
        return set().union(*(_sequence(list(alt), prefixes) for alt in value[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = value
        found: _Prefixes = set()
        current, count = prefixes, 0
        while True:
            if count >= low:
                found |= current
            if count >= high or all(done for _, done in current):
                break
            if count > _LONGEST + low:  # repeated past what three letters can tell apart
                found |= {(letters, True) for letters, _ in current}
                break
            current, count = _sequence(list(body), current), count + 1
        return found
    return {(letters, True) for letters, _ in prefixes}  # anything else: any continuation


def _letters(op: Any, value: Any) -> set[str] | None:
    if op == _c.LITERAL:
        return {chr(value).lower()}
    letters: set[str] = set()
    for kind, item in value:
        if kind == _c.LITERAL:
            letters.add(chr(item).lower())
        elif kind == _c.RANGE and item[1] - item[0] <= _WIDEST:
            letters.update(chr(code).lower() for code in range(item[0], item[1] + 1))
        else:
            return None  # a wide range, a category ("\w", "\s") or a negated class
    return letters


def _extend(prefixes: _Prefixes, letters: set[str] | None) -> _Prefixes:
    out: _Prefixes = set()
    for so_far, done in prefixes:
        if done or letters is None:
            out.add((so_far, True))
            continue
        for letter in letters:
            longer = so_far + letter
            out.add((longer, len(longer) >= _LONGEST))
    return out
