"""Whom "she" stands for: a woman the text told of, not the last man ("Rice met Siniora. She
later saw Berri"), known by a woman's given name or by the courtesy the text gives her ("Mrs.
Okafor"); "he" is not her. A person of an unlisted name is of unknown sex, and the pronoun
reads as before. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from contacts.pronouns import is_woman, named_women
from tests.contacts.support import news_detector, pairs, sorted_names

DAY = date(2006, 7, 31)  # a Monday
_news = news_detector(DAY)


def test_she_is_the_woman_told_of_not_the_host(kb: KnowledgeBase) -> None:
    text = (
        "BEIRUT — Norwegian Foreign Minister Ingrid Halvorsen met Lebanese Prime Minister Karim "
        "Haddad on Monday. Haddad praised her visit. She later saw Parliament Speaker Nabil Aoun."
    )
    assert ["Ingrid Halvorsen", "Nabil Aoun"] in sorted_names(_news(kb, text)), pairs(
        _news(kb, text)
    )


def test_a_courtesy_tells_she_is_a_woman(kb: KnowledgeBase) -> None:
    text = (
        "BEIRUT — Nigerian Foreign Minister Ngozi Okafor met Lebanese Prime Minister Karim "
        "Haddad on Monday. Haddad praised the visit of Mrs. Okafor. She later saw Parliament "
        "Speaker Nabil Aoun."
    )
    assert ["Nabil Aoun", "Ngozi Okafor"] in sorted_names(_news(kb, text)), pairs(_news(kb, text))


def test_he_is_not_the_woman(kb: KnowledgeBase) -> None:
    text = (
        "BEIRUT — Lebanese Prime Minister Karim Haddad received Norwegian Foreign Minister "
        "Ingrid Halvorsen on Monday. He later received Syrian envoy Omar Tlass."
    )
    assert ["Karim Haddad", "Omar Tlass"] in sorted_names(_news(kb, text)), pairs(_news(kb, text))


def test_names_and_courtesies_tell_women() -> None:
    women = named_women("Mrs. Okafor spoke; Queen Amara of Lesotho listened; Mr. Obi left.")
    assert women == {"okafor", "amara"}
    assert is_woman(("Ingrid Halvorsen", None), frozenset())
    assert not is_woman(("Karim Haddad", None), women)
