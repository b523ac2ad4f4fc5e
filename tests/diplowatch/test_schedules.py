"""Schedules: intervals anchored so every machine agrees, cron in UTC with cron's weekdays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from diplowatch.schedules import ScheduleError, parse_schedule

NOW = datetime(2026, 11, 24, 16, 7, 33, tzinfo=UTC)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "slot", "period"),
    [
        ("every 15m", datetime(2026, 11, 24, 16, 0, tzinfo=UTC), timedelta(minutes=15)),
        ("every 2h", datetime(2026, 11, 24, 16, 0, tzinfo=UTC), timedelta(hours=2)),
        ("every 2s", datetime(2026, 11, 24, 16, 7, 32, tzinfo=UTC), timedelta(seconds=2)),
        ("*/20 * * * *", datetime(2026, 11, 24, 16, 0, tzinfo=UTC), timedelta(minutes=20)),
        ("0 6 * * 1", datetime(2026, 11, 23, 6, 0, tzinfo=UTC), timedelta(days=7)),  # Monday
        ("0 6 * * 0", datetime(2026, 11, 22, 6, 0, tzinfo=UTC), timedelta(days=7)),  # Sunday
        ("0 6 * * 7", datetime(2026, 11, 22, 6, 0, tzinfo=UTC), timedelta(days=7)),
        ("0 6 * * 1-5", datetime(2026, 11, 24, 6, 0, tzinfo=UTC), timedelta(days=1)),
        ("30 4 1 * *", datetime(2026, 11, 1, 4, 30, tzinfo=UTC), timedelta(days=30)),
    ],
)
def test_slots(text: str, slot: datetime, period: timedelta) -> None:
    schedule = parse_schedule(text)
    assert schedule.slot_start(NOW) == slot
    assert schedule.period(NOW) == period
    # The trigger fires at the next slot, the same on every machine.
    assert schedule.trigger().get_next_fire_time(None, NOW) == schedule.slot_start(NOW + period)


def test_due_once_per_slot() -> None:
    schedule = parse_schedule("every 30m")
    assert schedule.is_due(None, NOW)
    assert schedule.is_due(datetime(2026, 11, 24, 15, 59, tzinfo=UTC), NOW)
    assert not schedule.is_due(datetime(2026, 11, 24, 16, 0, 5, tzinfo=UTC), NOW)


@pytest.mark.parametrize(
    "text", ["every 0m", "every 5 minutes", "often", "* * * *", "61 * * * *", "0 6 * * 8"]
)
def test_bad_schedules_are_refused(text: str) -> None:
    with pytest.raises(ScheduleError, match="schedule"):
        parse_schedule(text)
