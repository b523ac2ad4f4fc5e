"""Source schedules: "every 15m" intervals and five-field cron expressions.

A schedule divides time into slots, and a source is crawled once per slot. Every process computes
the same slots from the schedule alone: cron expressions in UTC, intervals counted from a fixed
anchor (2000-01-01 UTC) rather than from when a daemon started. So two daemons on two machines
fire for the same scheduled time, and the database (a per-source lock plus the time the last
crawl started) lets exactly one of them crawl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

ANCHOR = datetime(2000, 1, 1, tzinfo=UTC)
_INTERVAL = re.compile(r"^every\s+(\d+)\s*(s|m|h|d)$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ScheduleError(ValueError):
    """A schedule that is neither "every <n><s|m|h|d>" nor a valid five-field cron expression."""


@dataclass(frozen=True)
class Schedule:
    text: str
    interval: timedelta | None = None  # set for "every ..."
    cron: str | None = None  # set for cron expressions

    def trigger(self) -> BaseTrigger:
        """The APScheduler trigger firing at the start of each slot."""
        if self.interval is not None:
            return IntervalTrigger(seconds=self.interval.total_seconds(), start_date=ANCHOR)
        assert self.cron is not None
        return CronTrigger.from_crontab(self.cron, timezone=UTC)

    def slot_start(self, now: datetime) -> datetime:
        """The most recent scheduled time at or before `now`."""
        if self.interval is not None:
            periods = (now - ANCHOR) // self.interval
            return ANCHOR + periods * self.interval
        return _previous_cron_time(self.trigger(), now)

    def period(self, now: datetime) -> timedelta:
        """The length of the current slot (for cron: the gap between its fire times)."""
        if self.interval is not None:
            return self.interval
        start = self.slot_start(now)
        after = self.trigger().get_next_fire_time(start, start + timedelta(seconds=1))
        return (after - start) if after else timedelta(days=365)

    def never_fires(self, now: datetime | None = None) -> bool:
        """A cron expression naming no real date ("0 0 30 2 *"): none in the next eight years
        (a 29 February comes at least every eight)."""
        start = now or datetime.now(UTC)
        trigger = self.trigger()
        fire = trigger.get_next_fire_time(None, start)
        return fire is None or fire - start > timedelta(days=8 * 366)

    def is_due(self, last_started: datetime | None, now: datetime) -> bool:
        """Whether a source last crawled at `last_started` needs a crawl in the current slot."""
        return last_started is None or last_started < self.slot_start(now)


def parse_schedule(text: str) -> Schedule:
    """Parse "every 15m" / "every 2h" / "every 30s" / "every 1d", or "*/20 * * * *" (UTC)."""
    cleaned = " ".join(text.strip().lower().split())
    match = _INTERVAL.match(cleaned)
    if match:
        seconds = int(match.group(1)) * _UNITS[match.group(2)]
        if seconds <= 0:
            raise ScheduleError(f"schedule {text!r}: the interval must be positive")
        return Schedule(text=text, interval=timedelta(seconds=seconds))
    if len(cleaned.split()) != 5:
        raise ScheduleError(f"schedule {text!r}: expected 'every <n><s|m|h|d>' or five cron fields")
    fields = cleaned.split()
    fields[4] = _weekdays(fields[4], text)
    cron = " ".join(fields)
    try:
        CronTrigger.from_crontab(cron, timezone=UTC)
    except ValueError as exc:
        raise ScheduleError(f"schedule {text!r}: {exc}") from None
    return Schedule(text=text, cron=cron)


_DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


def _weekdays(field: str, text: str) -> str:
    """Standard cron day-of-week numbers (0 or 7 = Sunday) as names.

    APScheduler 3 counts 0 = Monday, so "0 6 * * 1" would fire on Tuesdays if passed through;
    names mean the same to both. Numeric ranges and steps are spelt out as lists of names.
    """
    if not any(ch.isdigit() for ch in field):
        return field
    days: list[str] = []
    for part in field.split(","):
        match = re.fullmatch(r"(\*|\d+)(?:-(\d+))?(?:/(\d+))?", part)
        if match is None:
            raise ScheduleError(f"schedule {text!r}: day of week {part!r} is not understood")
        first, last, step = match.groups()
        start = 0 if first == "*" else int(first)
        end = 6 if first == "*" else int(last) if last else start
        if end > 7 or start > end:
            raise ScheduleError(f"schedule {text!r}: day of week {part!r} is out of range")
        if last is None and step and first != "*":
            end = 6  # "1/2": from Monday on, every second day
        for number in range(start, end + 1, int(step or 1)):
            name = _DAY_NAMES[number % 7]
            if name not in days:
                days.append(name)
    return ",".join(days)


def _previous_cron_time(trigger: BaseTrigger, now: datetime) -> datetime:
    """The last fire time at or before `now`: look back over a growing window, then step
    forward through the fire times in it (APScheduler 3 only answers "next after")."""
    window = timedelta(hours=1)
    while window <= timedelta(days=800):
        fire = trigger.get_next_fire_time(None, now - window)
        if fire is not None and fire <= now:
            while True:
                following = trigger.get_next_fire_time(fire, fire + timedelta(microseconds=1))
                if following is None or following > now:
                    return fire
                fire = following
        window *= 4
    return ANCHOR  # fires less than every two years ("0 0 29 2 *" in a long gap): any crawl counts
