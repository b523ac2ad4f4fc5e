"""Fixtures of the runtime tests: the fixture news site and a webhook receiver."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.alerts.receiver import Receiver
from tests.support.newssite import news_site

__all__ = ["news_site", "receiver"]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running
