"""A source told between two conjoined contacts: "He spoke by telephone with A on Friday morning,
the White House said, and had talked Thursday night with B and C" is three calls by "he"; the
parse joins the second verb to "said", whose subject, the source, is no party. Invented names
only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(1990, 8, 3)  # a Friday
_news = news_detector(DAY)


def test_the_second_conjunct_is_the_speakers_subjects_not_the_sources(
    kb: KnowledgeBase,
) -> None:
    text = (
        "President Martin Hale spent much of the day working the telephone. He spoke by "
        "telephone with King Faisal Nasser of Saudi Arabia on Friday morning, the White House "
        "said, and had talked Thursday night with President Omar Kamal of Egypt and King Talal "
        "Rashid of Jordan."
    )
    found = _news(kb, text)
    others = sorted(n for names in sorted_names(found) for n in names if n != "Martin Hale")
    assert len(found) == 3 and len(others) == 3, sorted_names(found)
    assert "Omar Kamal" in others and any("Talal" in n for n in others)
    assert {c.type for c in found} == {"call"}
