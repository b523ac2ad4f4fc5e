"""The pair told before as an object ("received the two delegation leaders separately", "who met
both men separately": one meeting each, never with the subject itself), and "PM" as a title, an
unqualified "The PM" being the dateline's own when the story tells of two alike. One test per
phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs, sorted_names

DAY = date(1997, 5, 5)  # a Monday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "second",
    [
        "Saudi envoy Khalid Qahtan received the two delegation leaders separately before the talks.",
        "U.S. envoy Bill Wade, who met both men separately last week, called the talks a start.",
    ],
)
def test_the_pair_told_before_as_objects_met_one_by_one(kb: KnowledgeBase, second: str) -> None:
    text = (
        "Kenyan Foreign Minister Amos Kibet and Ugandan Foreign Minister Peter Okello met on "
        f"Sunday aboard a ship. {second}"
    )
    met = sorted_names(_news(kb, text))
    host = "Khalid Qahtan" if "Khalid" in second else "Bill Wade"
    assert sorted([host, "Amos Kibet"]) in met and sorted([host, "Peter Okello"]) in met, met
    assert not any(len(m) > 2 for m in met), met


def test_pm_is_a_title_and_the_pm_is_the_datelines_own(kb: KnowledgeBase) -> None:
    # two prime ministers told of as often: "The PM" of a Nairobi story is Kenya's
    text = (
        "NAIROBI: Kenyan PM Amos Kibet met French President Jean Marchand on Sunday. Canadian "
        "PM Paul Leduc met Marchand on Monday. The PM had on Saturday held talks with British PM "
        "Tom Hale."
    )
    found = _news(kb, text, date(1997, 5, 6))
    assert ["Amos Kibet", "Tom Hale"] in sorted_names(found), pairs(found)
    assert {p.state for c in found for p in c.participants if p.name == "Tom Hale"} == {"GBR"}
