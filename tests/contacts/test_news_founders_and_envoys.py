"""A movement's founder speaks for it: "Taliban co-founder X", "Hamas founder Y" are parties
(GUIDELINES: leaders of political-military entities), as its leader is; a company's founder
("Microsoft co-founder Z") is a business person, no party. A churchman is none either, unless
the text sends him: "Cardinal X, the special envoy of Pope John Paul II," is the Pope's party;
"Cardinal Y, the Archbishop of Lima," is no one's. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, sorted_names

DAY = date(2019, 2, 26)  # a Tuesday
_news = news_detector(DAY)


def test_a_movements_co_founder_is_its_party(kb: KnowledgeBase) -> None:
    text = (
        "US special envoy Mark Halvorsen and Taliban co-founder Mullah Abdul Rahim Sadiq sat "
        "down together for the first time on Monday."
    )
    (met,) = _news(kb, text)
    assert sorted_names([met]) == [["Mark Halvorsen", "Mullah Abdul Rahim Sadiq"]]
    assert met.date == date(2019, 2, 25)


def test_a_movements_founder_is_its_party(kb: KnowledgeBase) -> None:
    found = _news(kb, "US special envoy Mark Halvorsen met Hamas founder Yusuf Hadid on Monday.")
    assert sorted_names(found) == [["Mark Halvorsen", "Yusuf Hadid"]]


def test_a_companys_founder_is_no_party(kb: KnowledgeBase) -> None:
    text = "US special envoy Mark Halvorsen met Microsoft co-founder Dana Whitlock on Monday."
    assert _news(kb, text) == []


def test_a_cardinal_sent_as_an_envoy_is_a_party(kb: KnowledgeBase) -> None:
    text = (
        "Cardinal Pietro Lanza, the special envoy of Pope John Paul II in the border dispute, was "
        "received by Argentine President Jorge Ibarra at Government House yesterday."
    )
    found = news_detector(date(1978, 12, 28))(kb, text)
    assert sorted_names(found) == [["Jorge Ibarra", "Pietro Lanza"]]


def test_a_cardinal_who_leads_a_diocese_is_no_party(kb: KnowledgeBase) -> None:
    text = (
        "Cardinal Pietro Lanza, the Archbishop of Lima, was received by Argentine President "
        "Jorge Ibarra at Government House yesterday."
    )
    assert news_detector(date(1978, 12, 28))(kb, text) == []
