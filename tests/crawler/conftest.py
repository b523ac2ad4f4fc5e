"""Fixtures of the crawler tests: `news_site`, the fixture news site (tests/support/newssite.py)."""

from tests.support.newssite import news_site

__all__ = ["news_site"]
