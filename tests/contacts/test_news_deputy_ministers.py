"""A deputy's post written out: "Vice Minister for Foreign Affairs X", "Deputy Minister for Trade
Y", "Vice Minister of Energy Z" are titles before a name, as "Deputy Foreign Minister X" is.
Invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, people

DAY = date(2021, 7, 26)  # a Monday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    ("title", "office"),
    [
        ("Vice Minister for Foreign Affairs", "Deputy Foreign Minister"),
        ("Deputy Minister of Foreign Affairs", "Deputy Foreign Minister"),
        ("Deputy Minister for Trade", "Deputy Trade Minister"),
        ("Vice Minister of Energy", "Deputy Energy Minister"),
    ],
)
def test_a_deputys_post_written_out_is_a_title(kb: KnowledgeBase, title: str, office: str) -> None:
    text = (
        f"US Deputy Secretary of State Laura Pemberton met Japanese {title} Kenji Arakawa in "
        "Tokyo on Monday."
    )
    (met,) = _news(kb, text)
    assert people(met)["Kenji Arakawa"] == ("JPN", office)
