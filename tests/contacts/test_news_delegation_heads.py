"""Delegations named by their heads in the sentence after the talks: "The Kenyan delegation was
headed by presidential aide X, and the Ugandan delegation by Y" (the second verb left out, a
post in lower case before the first name), "the Kenyan team is led by X and the Ugandan team by
Y". The talks were between X and Y. ("the Ugandan one by Y" is not read yet: "the Ugandan
one" is no mention of a state.) A delegation's head speaks for its state, in later sentences
too ("Zorin ... paid a courtesy call on X"). One test per phrasing class, invented names only."""

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


def test_the_head_of_a_states_delegation_speaks_for_that_state(kb: KnowledgeBase) -> None:
    from contacts.lexicon import lexicon_for, tokenize
    from contacts.mention_fixes import corrected
    from contacts.mentions import find_mentions

    text = (
        "The Japanese side is led by a bureau director, and the Russian delegation by Deputy "
        "Foreign Minister Pavel Zorin."
    )
    lexicon = lexicon_for(kb)
    tokens = tokenize(text)
    found = corrected(text, tokens, lexicon, find_mentions(text, tokens, lexicon))
    assert [(m.name, m.state) for m in found if m.kind == "person"] == [("Pavel Zorin", "RUS")]


def test_a_courtesy_call_by_a_delegations_head_is_a_contact(kb: KnowledgeBase) -> None:
    text = (
        "Japanese and Russian negotiators opened a fresh round of talks in Tokyo on Tuesday. The "
        "Russian delegation is led by Deputy Foreign Minister Pavel Zorin. Zorin, who arrived "
        "Monday evening, paid a courtesy call on Administrative Vice Foreign Minister Kenji "
        "Arakawa before the opening session."
    )
    found = [c for c in _news(kb, text) if "Kenji Arakawa" in {p.name for p in c.participants}]
    assert len(found) == 1, found
