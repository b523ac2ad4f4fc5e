"""The retry schedule: Standard Webhooks' steps, jittered, over more than a day, then dead."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from alerts.retry import MAX_ATTEMPTS, MAX_RETRY_AFTER, SCHEDULE, next_attempt_at

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def test_first_attempt_is_immediate_and_the_schedule_ends_in_death() -> None:
    assert next_attempt_at(0, NOW) == NOW
    assert next_attempt_at(MAX_ATTEMPTS, NOW) is None
    assert next_attempt_at(MAX_ATTEMPTS + 3, NOW) is None
    with pytest.raises(ValueError):
        next_attempt_at(-1, NOW)


def test_steps_follow_the_spec_within_jitter() -> None:
    rng = random.Random(7)
    for attempts, step in enumerate(SCHEDULE):
        delay = (next_attempt_at(attempts, NOW, rng=rng) - NOW).total_seconds()
        assert step * 0.9 <= delay <= step * 1.1
    assert SCHEDULE[:4] == (0, 5, 300, 1800)


def test_whole_schedule_spans_more_than_a_day_even_with_the_shortest_jitter() -> None:
    class Lowest(random.Random):
        def uniform(self, a: float, b: float) -> float:
            return a

    moment = NOW
    for attempts in range(MAX_ATTEMPTS):
        moment = next_attempt_at(attempts, moment, rng=Lowest())
    assert moment - NOW >= timedelta(hours=24)
    assert next_attempt_at(MAX_ATTEMPTS, moment) is None


def test_jitter_spreads_retries() -> None:
    rng = random.Random(1)
    times = {next_attempt_at(3, NOW, rng=rng) for _ in range(20)}
    assert len(times) > 15


def test_retry_after_lengthens_but_never_shortens_and_is_capped() -> None:
    rng = random.Random(3)
    assert next_attempt_at(1, NOW, 120, rng=rng) == NOW + timedelta(seconds=120)
    short = next_attempt_at(3, NOW, 10, rng=rng) - NOW  # schedule says ~30 min
    assert short >= timedelta(minutes=27)
    capped = next_attempt_at(1, NOW, 10**9, rng=rng) - NOW
    assert capped == timedelta(seconds=MAX_RETRY_AFTER)
