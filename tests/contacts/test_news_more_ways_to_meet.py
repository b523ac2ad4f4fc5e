"""More of the words news uses for talking in person or by phone: "had a tete-a-tete with",
"huddled with" (and "A and B huddled"), "chatted with", "led talks with", "placed a call to".
"Made a call to the nation" is an address, no call. Invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2024, 3, 5)  # a Tuesday
_news = news_detector(DAY)

A = "Peruvian Foreign Minister Ana Salas"
B = "Chilean Foreign Minister Pablo Rivas"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{A} had a tete-a-tete with {B} on Monday.", "meeting"),
        (f"{A} huddled with {B} on Monday.", "meeting"),
        (f"{A} and {B} huddled on Monday.", "meeting"),
        (f"{A} chatted with {B} on the sidelines of the summit on Monday.", "meeting"),
        (f"{A} led talks with {B} on Monday.", "meeting"),
        (f"{A} placed a call to {B} on Monday.", "call"),
    ],
    ids=["tete-a-tete", "huddled-with", "a-and-b-huddled", "chatted", "led-talks", "placed-a-call"],
)
def test_another_word_for_a_contact(kb: KnowledgeBase, text: str, kind: str) -> None:
    found = _news(kb, text)
    assert sorted_names(found) == [["Ana Salas", "Pablo Rivas"]]
    assert found[0].type == kind and found[0].date == date(2024, 3, 4)


def test_a_call_to_the_nation_is_no_call(kb: KnowledgeBase) -> None:
    assert _news(kb, f"{A} made a call to the nation to stay calm on Monday.") == []
