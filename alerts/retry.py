"""When to try a failed delivery again: the Standard Webhooks schedule, with jitter.

Attempts go out immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure
(as at Svix): eight attempts over about 27.6 hours, so a receiver that is down for a whole day
still gets every alert. Each wait is stretched or shrunk by up to 10 % at random, so deliveries
that failed together (a receiver outage) do not all come back in the same second.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

# Seconds to wait before attempt n+1, after n failed attempts (index n). Attempt 1 is immediate.
SCHEDULE: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
MAX_ATTEMPTS = len(SCHEDULE)
JITTER = 0.10
# A receiver's Retry-After is honoured up to this; beyond it we fall back to our own schedule,
# so a bogus "Retry-After: 99999999" cannot park a delivery for years.
MAX_RETRY_AFTER = 12 * 3600.0


def next_attempt_at(
    attempts: int,
    now: datetime,
    retry_after: float | None = None,
    *,
    rng: random.Random | None = None,
) -> datetime | None:
    """When to make the next attempt, after `attempts` attempts have failed; None = give up.

    `retry_after` (seconds, from the receiver) delays the attempt when it asks for longer than the
    schedule would wait, never shortens it below the schedule.
    """
    if attempts < 0:
        raise ValueError("attempts must be >= 0")
    if attempts >= MAX_ATTEMPTS:
        return None
    delay = SCHEDULE[attempts] * (1 + (rng or random).uniform(-JITTER, JITTER))
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return now + timedelta(seconds=delay)
