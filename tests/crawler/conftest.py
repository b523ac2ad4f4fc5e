"""Fixtures of the crawler tests: the fixture news site and sources pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.newssite import NewsSite


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """A fresh fixture news site on a random port (see tests/support/newssite.py)."""
    with NewsSite() as site:
        yield site
