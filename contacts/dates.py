"""When a contact happened: date expressions resolved against the publication date.

"on Monday" is the most recent Monday on or before publication (the next one for a planned
contact), "yesterday" the day before, "last week" seven days before (a best guess, marked as
vague), "this week" no day, "on March 29" that day in the publication year (the year before
when that would put a past contact in the future). A bare year ("in 2015") or "last year" makes no day but tells the
caller that the contact is old.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMBERS = {
    **{str(n): n for n in range(1, 100)},
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE = re.compile(
    rf"\b(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?)\b"
    rf"|\b(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)\b"
    rf"|\b(?P<my>(?P<m4>{_MONTH})\s+(?P<y4>(?:19|20)\d\d))\b"
    r"|\b(?P<mo>(?:last|in|back\s+in)\s+(?P<m5>January|February|March|April|"
    r"May|June|July|August|September|October|November|December))\b(?!\s+\d)"
    r"|\b(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b"
    r"|\b(?P<wd>(?:on\s+|last\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    r"|\b(?P<today>today|this (?:morning|afternoon|evening)|tonight|earlier today|on the same day)\b"
    r"|\b(?P<yesterday>yesterday|last night)\b"
    r"|\b(?P<tomorrow>tomorrow)\b"
    r"|\b(?P<ago>(?P<n_ago>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)"
    r"\s+(?P<unit_ago>days?|weeks?|months?)\s+ago)\b"
    r"|\b(?P<lastweek>last week)\b"
    r"|\b(?P<nextweek>next week)\b"
    r"|\b(?P<thisweek>(?:earlier |later )?this week)\b"
    r"|\b(?P<old>last year|years? ago|decades? ago|(?:in|since|back in)\s+(?P<year>(?:19|20)\d\d)(?!-))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    day: date | None  # the resolved day, when one can be named
    old: bool  # clearly long before publication ("in 2015", "last year", "years ago")
    start: int  # offset in the sentence
    end: int


def find_dates(sentence: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Every date expression in `sentence`, resolved (day None when it cannot be)."""
    found: list[DateMention] = []
    for match in _DATE.finditer(sentence):
        found.append(_resolve(match, published, future))
    return found


def _resolve(match: re.Match[str], published: date | None, future: bool) -> DateMention:
    span = (match.start(), match.end())
    kind = match.lastgroup
    groups = match.groupdict()
    if groups["md"] or groups["dm"]:
        month = MONTHS[(groups["m1"] or groups["m2"]).lower().rstrip(".")]
        day_number = int(groups["d1"] or groups["d2"])
        year_text = groups["y1"] or groups["y2"]
        return _calendar_day(month, day_number, year_text, published, future, span)
    if groups["my"]:
        # "in June 2021": no day, but old when the whole month lies before the last 14 days
        month = MONTHS[groups["m4"].lower().rstrip(".")]
        month_end = date(int(groups["y4"]), month, 28)
        return DateMention(None, _is_old(month_end, published), *span)
    if groups["mo"]:
        # "last October", "in October": the latest such month before publication (the next
        # one for a plan); no day, but old when the whole month lies before the last 14 days
        if published is None:
            return DateMention(None, False, *span)
        month = MONTHS[groups["m5"].lower()]
        if future:
            return DateMention(None, False, *span)
        last = published.year if month <= published.month else published.year - 1
        return DateMention(None, _is_old(date(last, month, 28), published), *span)
    if groups["iso"]:
        try:
            day = date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        except ValueError:
            day = None
        return DateMention(day, _is_old(day, published), *span)
    if groups["old"]:
        year = groups["year"]
        old = published is None or year is None or int(year) < published.year
        return DateMention(None, old, *span)
    if published is None:
        return DateMention(None, False, *span)
    if groups["ago"]:
        # "two days ago" is that day; "three weeks ago" no day, and old past about 14 days
        count = _NUMBERS.get(groups["n_ago"].lower(), 0)
        unit = groups["unit_ago"].lower().rstrip("s")
        if unit == "day":
            day = published - timedelta(days=count) if count else None
            return DateMention(day, count > 14, *span)
        days = count * (7 if unit == "week" else 30) if count else (7 if unit == "week" else 30)
        return DateMention(None, days > 14, *span)
    if groups["thisweek"]:
        return DateMention(None, False, *span)  # some day of the publication's week: no best day
    if groups["wd"]:
        words = groups["wd"].lower().split()
        weekday = WEEKDAYS.index(words[-1])
        ahead = future or words[0] == "next"
        return DateMention(_weekday(published, weekday, ahead), False, *span)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "lastweek": -7, "nextweek": 7}
    day = published + timedelta(days=offsets[kind or "today"])
    return DateMention(day, False, *span)


def _calendar_day(
    month: int,
    day_number: int,
    year_text: str | None,
    published: date | None,
    future: bool,
    span: tuple[int, int],
) -> DateMention:
    year = int(year_text) if year_text else (published.year if published else None)
    if year is None:
        return DateMention(None, False, *span)
    try:
        day = date(year, month, day_number)
    except ValueError:
        return DateMention(None, False, *span)
    if not year_text and published is not None:
        # "on December 30" in a January article is last year's; "on January 3" in a December
        # article announcing a meeting is next year's.
        if not future and day > published + timedelta(days=31):
            day = day.replace(year=year - 1)
        elif future and day < published - timedelta(days=31):
            day = day.replace(year=year + 1)
    return DateMention(day, _is_old(day, published), *span)


def _weekday(published: date, weekday: int, ahead: bool) -> date:
    if ahead:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _is_old(day: date | None, published: date | None) -> bool:
    return day is not None and published is not None and day < published - timedelta(days=14)


# "where he met Milosevic on Monday and again on Thursday": the same people met a second time
_AGAIN = re.compile(
    r"\b(?:on|last)\s+\w+day\s+and\s+again\s+(?=(?:on|last|this|early|late)\b|\w+day\b)", re.I
)


def again_days(sentence: str, published: date | None) -> list[date]:
    """The day of a contact told again in `sentence` ("... on Monday and again on Thursday")."""
    match = _AGAIN.search(sentence)
    if match is None:
        return []
    found = find_dates(sentence[match.end() : match.end() + 25], published)
    return [found[0].day] if found and found[0].start == 0 and found[0].day else []
