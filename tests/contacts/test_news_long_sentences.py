"""Readouts and newspapers write sentences of seventy words and more, and the contact in them may
be one only the parse reads ("the understandings reached during President X's meeting in Lima on
March 13 with envoy Y, as well as the talks held in Quito ..."). A sentence is left to the rules
alone only past 120 words, where it is a list or a legal text. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2025, 3, 19)
_news = news_detector(DAY)


def test_a_contact_in_a_sentence_of_seventy_words_is_read(kb: KnowledgeBase) -> None:
    text = (
        "Earlier talks built on the understandings reached during Peruvian President Rosa "
        "Ibarra's meeting in Lima on March 13 with Chilean envoy Jorge Quispe, as well as the "
        "Peruvian-Chilean talks held in Quito on February 18, in which Foreign Minister Ana Salas "
        "and Presidential Aide Luis Mora took part on the Peruvian side and Foreign Minister "
        "Pablo Rivas, Defence Minister Tomas Vidal and Jorge Quispe on the Chilean side, and the "
        "expert consultations that followed."
    )
    assert text.count(" ") > 70
    found = _news(kb, text)
    assert sorted_names(found) == [["Jorge Quispe", "Rosa Ibarra"]]
    assert found[0].date == date(2025, 3, 13)
