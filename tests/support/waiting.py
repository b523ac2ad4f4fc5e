"""The one way the tests wait: poll a condition until it holds, with a bound that fails the test.

The bound is a ceiling for a broken run, not a speed claim: a slow machine only waits longer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class HasLog(Protocol):
    def log(self) -> str: ...


def wait_until(
    predicate: Callable[[], object],
    timeout: float,
    what: str,
    logged: HasLog | None = None,
    *,
    interval: float = 0.05,
) -> None:
    """Return once `predicate()` is true; after `timeout` seconds raise AssertionError naming
    `what`, with the end of `logged`'s log (a daemon's, say) when given."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() >= deadline:
            break
        time.sleep(interval)
    tail = f"\n--- log ---\n{logged.log()[-6000:]}" if logged is not None else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}{tail}")
