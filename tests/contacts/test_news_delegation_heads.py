"""Delegations named by their heads in the sentence after the talks: "The Kenyan delegation was
headed by presidential aide X, and the Ugandan delegation by Y" (the second verb left out, a
post in lower case before the first name), "the Kenyan team is led by X and the Ugandan team by
Y". The talks were between X and Y. ("the Ugandan one by Y" is not read yet: "the Ugandan
one" is no mention of a state.) One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs

DAY = date(2022, 3, 29)  # a Tuesday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    "heads",
    [
        "The Kenyan delegation was headed by presidential aide Odhiambo Wekesa, and the Ugandan "
        "delegation by Mukasa Lubega, the leader of the ruling party's group.",
        "The Kenyan team is led by Odhiambo Wekesa and the Ugandan team by Mukasa Lubega.",
        "The Kenyan team was headed by Odhiambo Wekesa, the Ugandan team by General Mukasa Lubega.",
    ],
)
def test_the_heads_named_after_the_talks_held_them(kb: KnowledgeBase, heads: str) -> None:
    text = (
        "ARUSHA — Kenyan and Ugandan delegations met face-to-face in Arusha on Tuesday for "
        f"their first talks in three weeks. {heads}"
    )
    found = _news(kb, text)
    assert [sorted((p.name, p.state) for p in c.participants) for c in found] == [
        [("Mukasa Lubega", "UGA"), ("Odhiambo Wekesa", "KEN")]
    ], pairs(found)
