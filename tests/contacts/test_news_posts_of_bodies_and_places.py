"""A post of a state body the demonym names ("Secretary of the Russian Security Council X"), and
one-word names that are places before they are people ("arrived in Muscat": Oman's capital,
not a former Maltese prime minister of that name), a courtesy before a name ("called on Mr.
X"), a clause of time after a call on someone, one person's two posts ("Deputy Prime Minister
and Foreign Minister X"), and credentials handed over ("received the credentials of Ambassador
X", "presented his letters of credence to"), "Island" that names no Iceland, and a setting "a
day after holding talks with X" that takes the main clause's subject. One test per phrasing
class; the people are invented."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import news_detector, pairs

DAY = date(2024, 9, 13)  # a Friday
_news = news_detector(DAY)


@pytest.mark.parametrize(
    ("post", "state"),
    [
        ("Secretary of the Russian Security Council", "RUS"),
        ("Chairman of the Chinese People's Political Consultative Conference", "CHN"),
    ],
)
def test_the_post_of_a_state_body_names_its_state(kb: KnowledgeBase, post: str, state: str) -> None:
    text = f"Kenyan President Amos Kibet received {post} Pavel Orlov in Nairobi on Friday."
    found = _news(kb, text)
    orlov = [p for c in found for p in c.participants if p.name == "Pavel Orlov"]
    assert orlov and all(p.state == state for p in orlov), pairs(found)


@pytest.mark.parametrize(("place", "state"), [("Muscat", "OMN"), ("Ashgabat", "TKM")])
def test_a_capital_that_is_also_a_family_name_is_the_place(
    kb: KnowledgeBase, place: str, state: str
) -> None:
    text = f"US envoy Daniel Hale arrived in {place} on Friday for talks on the ceasefire."
    found = _news(kb, text)
    assert [(c.type, [p.state for p in c.participants]) for c in found] == [
        ("visit", ["USA", state])
    ], pairs(found)


def test_a_demonym_that_is_also_a_family_name_is_the_state(kb: KnowledgeBase) -> None:
    text = "Turkmen President Murat Ovezov met Kenyan President Amos Kibet in Nairobi on Friday."
    found = _news(kb, text)
    ovezov = [p for c in found for p in c.participants if p.name == "Murat Ovezov"]
    assert ovezov and all(p.state == "TKM" for p in ovezov), pairs(found)


@pytest.mark.parametrize("courtesy", ["Mr.", "Dr.", "His Highness", "Her Majesty"])
def test_a_courtesy_before_the_name_keeps_the_object(kb: KnowledgeBase, courtesy: str) -> None:
    text = f"Indian Foreign Minister Ravi Menon called on {courtesy} Ahmed Rasheed of the Maldives."
    found = _news(kb, text)
    assert [sorted(p.name for p in c.participants) for c in found] == [
        ["Ahmed Rasheed", "Ravi Menon"]
    ], pairs(found)


def test_a_call_on_someone_before_a_clause_of_time_is_a_meeting(kb: KnowledgeBase) -> None:
    # "shortly after the leader landed" is when, not what the visitor was "called"
    text = (
        "Indian Foreign Minister Ravi Menon called on Maldivian President Ahmed Rasheed on "
        "Friday, shortly after the Maldivian leader landed in New Delhi on his first visit."
    )
    found = _news(kb, text)
    assert ["Ahmed Rasheed", "Ravi Menon"] in [
        sorted(p.name for p in c.participants) for c in found
    ], pairs(found)


@pytest.mark.parametrize(
    "posts",
    [
        "Deputy Prime Minister and Foreign Minister",
        "Deputy Foreign Minister and Special Presidential Envoy for the Middle East and Africa",
    ],
)
def test_one_person_may_hold_two_posts(kb: KnowledgeBase, posts: str) -> None:
    text = f"Pakistani {posts} Imran Qadir met Kenyan President Amos Kibet on Friday."
    found = _news(kb, text)
    qadir = [p for c in found for p in c.participants if p.name == "Imran Qadir"]
    assert qadir and all(p.state == "PAK" for p in qadir), pairs(found)


def test_a_later_title_word_finds_the_holder_of_either_post(kb: KnowledgeBase) -> None:
    text = (
        "Pakistani Deputy Foreign Minister and Special Envoy for Africa Imran Qadir met Kenyan "
        "Ambassador Peter Kamau on Friday. The same day, the deputy minister received Ghanaian "
        "Ambassador Kofi Boateng. Earlier, Qadir spoke by phone with Chad's Deputy Foreign "
        "Minister Ahmat Saleh."
    )
    met = [sorted(p.name for p in c.participants) for c in _news(kb, text)]
    assert ["Imran Qadir", "Kofi Boateng"] in met, met
    assert ["Ahmat Saleh", "Kofi Boateng"] not in met, met


def test_two_posts_of_two_people_stay_two(kb: KnowledgeBase) -> None:
    text = "The Israeli President and Prime Minister met Kenyan President Amos Kibet on Friday."
    found = _news(kb, text)
    assert all(
        len(c.participants) != 2 or "Amos Kibet" in {p.name for p in c.participants} for c in found
    ), pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Ivan Sokolov received the credentials of Kenyan Ambassador Peter Kamau "
        "on Friday.",
        "Saudi Deputy Foreign Minister Waleed Hamdan received a copy of the credentials of "
        "Kenya's Ambassador Peter Kamau on Friday.",
        "Kenyan Ambassador Peter Kamau presented his letters of credence to Russian President "
        "Ivan Sokolov on Friday.",
    ],
    ids=["received-the-credentials-of", "received-a-copy", "presented-his-letters"],
)
def test_credentials_handed_over_are_a_meeting(kb: KnowledgeBase, text: str) -> None:
    found = _news(kb, text)
    assert [(c.type, str(c.date)) for c in found] == [("meeting", "2024-09-13")], pairs(found)
    assert "Peter Kamau" in {p.name for c in found for p in c.participants}


@pytest.mark.parametrize(
    "words", ["the China-Pacific Island Countries meeting", "a Rhode Island fundraiser"]
)
def test_island_is_no_state(kb: KnowledgeBase, words: str) -> None:
    # Iceland's own name, Ísland, folds to the English word: it names no state in English
    from contacts.lexicon import lexicon_for, tokenize
    from contacts.mentions import find_mentions

    text = f"Chinese Foreign Minister Li Wen spoke at {words} in Suva on Friday."
    mentions = find_mentions(text, tokenize(text), lexicon_for(kb))
    assert not [m for m in mentions if m.state == "ISL"], mentions
    assert kb.polity("Iceland") is not None


@pytest.mark.parametrize("gap", ["a day after holding talks with", "hours after meeting"])
def test_a_setting_a_day_after_takes_the_main_subject(kb: KnowledgeBase, gap: str) -> None:
    text = (
        f"Swiss President Karl Meier welcomed Russian President Ivan Sokolov at the villa, {gap} "
        "US President Tom Hale in Geneva."
    )
    met = [sorted(p.name for p in c.participants) for c in _news(kb, text)]
    assert ["Karl Meier", "Tom Hale"] in met, met


def test_a_rank_after_a_state_word_is_a_title(kb: KnowledgeBase) -> None:
    text = (
        "Niger's General Abdou Tahirou hosted Mali's Colonel Amadou Keita and Burkina Faso's "
        "Captain Issa Sawadogo in Niamey on Friday."
    )
    found = _news(kb, text)
    states = {p.name: p.state for c in found for p in c.participants}
    assert states == {"Abdou Tahirou": "NER", "Amadou Keita": "MLI", "Issa Sawadogo": "BFA"}
    offices = {p.name: p.office for c in found for p in c.participants}
    assert offices["Amadou Keita"] == "Colonel"


@pytest.mark.parametrize(
    "text",
    ["Chile's General Assembly delegate Ana Ruiz spoke.", "Kenya's general election was held."],
)
def test_a_rank_word_before_no_name_is_no_title(kb: KnowledgeBase, text: str) -> None:
    from contacts.lexicon import lexicon_for, tokenize
    from contacts.mentions import find_mentions

    mentions = find_mentions(text, tokenize(text), lexicon_for(kb))
    assert not [m for m in mentions if m.office in ("General", "Colonel")], mentions
