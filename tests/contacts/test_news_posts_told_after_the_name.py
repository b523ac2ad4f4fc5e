"""Posts told after the name, with an article or none, and the posts of the UN's officials below
its head: "Diego Ruiz, a U.N. under-secretary-general," is no Secretary-General; "Ruiz, a U.N.
under-secretary-general," after "U.N. mediator Diego Ruiz" is the same man; "the chief mediator,
Kenyan General X," is X; "Minister of State for Foreign Affairs Y" is a deputy foreign minister.
A family name alone stands for a person before a post with its state ("Salas, Peru's foreign
minister," is no knowledge-base minister), and "Ana Salas, his Peruvian counterpart," is one
party. Invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, people

DAY = date(1988, 3, 3)  # a Thursday
_news = news_detector(DAY)

MET = " met Pakistan's Minister of State for Foreign Affairs Zafar Qureshi for two hours."


def test_a_post_after_a_name_with_an_article_is_the_names(kb: KnowledgeBase) -> None:
    (met,) = _news(kb, "Diego Ruiz, a U.N. under-secretary-general," + MET)
    assert people(met) == {
        "Diego Ruiz": ("UN", "Under-Secretary-General"),
        "Zafar Qureshi": ("PAK", "Deputy Foreign Minister"),
    }


def test_a_family_name_told_before_takes_the_post_after_it(kb: KnowledgeBase) -> None:
    text = (
        "U.N. mediator Diego Ruiz shuttled between the delegations on Wednesday. "
        "Ruiz, a U.N. under-secretary-general," + MET
    )
    found = [c for c in _news(kb, text) if "Zafar Qureshi" in people(c)]
    assert [people(c)["Ruiz"] for c in found] == [("UN", "Under-Secretary-General")]


def test_a_mediator_is_a_title(kb: KnowledgeBase) -> None:
    text = "U.N. mediator Diego Ruiz met Afghan Foreign Minister Abdul Rahimi on Wednesday."
    (met,) = _news(kb, text)
    assert people(met)["Diego Ruiz"] == ("UN", "Mediator")


def test_a_post_of_no_state_before_a_named_officer_is_his(kb: KnowledgeBase) -> None:
    text = (
        "Sudanese Vice-President Omar Hassan and rebel leader John Deng resumed talks on "
        "Monday. The two men, who first sat down together here in September, met for three "
        "hours with the chief mediator, Kenyan General Peter Kiprop, the special envoy of the "
        "regional bloc, a spokesman said."
    )
    found = _news(kb, text)
    assert len(found) == 1 and "Peter Kiprop" in people(found[0]), found  # one contact, once


def test_the_post_and_the_named_officer_are_one_mention(kb: KnowledgeBase) -> None:
    from contacts.appositions import with_appositive_titles
    from contacts.lexicon import lexicon_for, tokenize
    from contacts.mentions import find_mentions

    text = "He met the chief mediator, Kenyan General Peter Kiprop, on Monday."
    found = find_mentions(text, tokenize(text), lexicon_for(kb))
    merged = with_appositive_titles(text, found)
    assert [(m.kind, m.name, m.state) for m in merged if m.kind != "ref"] == [
        ("person", "Peter Kiprop", "KEN")
    ]
    assert not [m for m in merged if m.kind == "ref" and m.how == "title"]


RIVAS = "Chilean Foreign Minister Pablo Rivas arrived in Lima on Sunday. "


def test_a_family_name_alone_before_a_post_with_its_state(kb: KnowledgeBase) -> None:
    (met,) = _news(kb, RIVAS + "Rivas met Salas, Peru's foreign minister, on Monday.")
    assert people(met)["Salas"] == ("PER", "Foreign Minister")  # not the KB's minister


def test_a_weekday_before_a_post_names_no_one(kb: KnowledgeBase) -> None:
    text = "On Monday, Peru's foreign minister, Javier Ortiz, met Chilean envoy Pablo Rivas."
    (met,) = _news(kb, text)
    assert set(people(met)) == {"Javier Ortiz", "Pablo Rivas"}


def test_a_counterpart_in_apposition_is_the_name_before_it(kb: KnowledgeBase) -> None:
    (met,) = _news(kb, RIVAS + "Rivas met Ana Salas, his Peruvian counterpart, on Monday.")
    assert people(met) == {
        "Pablo Rivas": ("CHL", "Foreign Minister"),
        "Ana Salas": ("PER", "Foreign Minister"),
    }


def test_two_family_names_each_with_a_post(kb: KnowledgeBase) -> None:
    text = "Rivas, the Chilean foreign minister, and Salas, his Peruvian counterpart, met in Lima."
    (met,) = _news(kb, text)
    assert {name: state for name, (state, _) in people(met).items()} == {
        "Rivas": "CHL",
        "Salas": "PER",
    }
