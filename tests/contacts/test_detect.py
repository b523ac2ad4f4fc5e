"""Each item of "It must handle", on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, names

MONDAY = date(2024, 3, 4)  # a Monday
detect = detector(MONDAY)


# -- lists ---------------------------------------------------------------------------------------


def test_a_list_of_call_partners_is_one_call_each(kb: KnowledgeBase) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan held phone calls on Sunday with French President "
        "Emmanuel Macron, German Chancellor Olaf Scholz, Italian Prime Minister Giorgia Meloni "
        "and British Prime Minister Rishi Sunak."
    )
    found = detect(kb, text, date(2023, 11, 6))
    assert len(found) == 4
    assert all(c.type == "call" and c.mode == "phone" for c in found)
    partners = {frozenset(names(c)) - {"Recep Tayyip Erdoğan"} for c in found}
    assert partners == {
        frozenset({"Emmanuel Macron"}),
        frozenset({"Olaf Scholz"}),
        frozenset({"Giorgia Meloni"}),
        frozenset({"Rishi Sunak"}),
    }
    assert all(c.date == date(2023, 11, 5) for c in found)


def test_a_joint_video_call_is_one_contact(kb: KnowledgeBase) -> None:
    text = (
        "Joe Biden held a joint video call on Tuesday with Emmanuel Macron, Olaf Scholz and "
        "Rishi Sunak to coordinate sanctions."
    )
    (call,) = detect(kb, text, date(2023, 3, 1))
    assert (call.type, call.mode) == ("call", "video")
    assert len(call.participants) == 4


# -- titles, demonyms, transliterations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Mahmud Abbas", "Mahmoud Abbas"),
        ("Mahmoud Abbas", "Mahmoud Abbas"),
        ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi"),
        ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),
        ("Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ],
)
def test_spellings_resolve_to_one_actor(kb: KnowledgeBase, spelling: str, canonical: str) -> None:
    text = f"Qatar's Emir Tamim bin Hamad Al Thani spoke by telephone with {spelling} on Monday."
    (call,) = detect(kb, text)
    assert canonical in names(call)
    other = next(p for p in call.participants if p.canonical_name == canonical)
    assert other.kb_id is not None and other.state is not None


def test_title_and_demonym_give_state_and_the_kb_gives_the_office_of_that_day(
    kb: KnowledgeBase,
) -> None:
    text = "Israeli President Benjamin Netanyahu met Indian Prime Minister Narendra Modi yesterday."
    (meeting,) = detect(kb, text, date(2023, 10, 17))
    netanyahu = next(p for p in meeting.participants if p.canonical_name == "Benjamin Netanyahu")
    assert (netanyahu.state, netanyahu.office) == ("ISR", "Prime Minister")
    assert meeting.date == date(2023, 10, 16)
    assert meeting.type == "meeting"


def test_people_unknown_to_the_kb_are_captured_with_the_state_of_their_title(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Qatari envoy Yousef Halabi met the Foreign Minister of Chad, Ahmat Kamougue, in "
        "N'Djamena on Friday. Deputy Foreign Minister of Peru Lucas Marrero spoke by phone with "
        "Chilean Foreign Minister Alberto van Klaveren."
    )
    found = detect(kb, text)
    assert len(found) == 2
    envoy = next(p for c in found for p in c.participants if "Halabi" in p.name)
    assert envoy.state == "QAT" and envoy.kb_id is None
    marrero = next(p for c in found for p in c.participants if "Marrero" in p.name)
    assert marrero.state == "PER"
    klaveren = next(p for c in found for p in c.participants if "Klaveren" in p.name)
    assert klaveren.state == "CHL" and klaveren.office == "Foreign Minister"


def test_unnamed_roles_count_with_their_state(kb: KnowledgeBase) -> None:
    text = "The Russian and Ukrainian delegations held talks in Istanbul on March 29."
    (talks,) = detect(kb, text, date(2022, 3, 30))
    assert {p.state for p in talks.participants} == {"RUS", "UKR"}
    assert talks.date == date(2022, 3, 29)
    assert talks.location == "Istanbul"


# -- back-references ------------------------------------------------------------------------------


def test_the_russian_leader_and_he_refer_back(kb: KnowledgeBase) -> None:
    text = (
        "Vladimir Putin arrived in Beijing on Tuesday for a two-day visit. "
        "The Russian leader met Chinese President Xi Jinping at the Great Hall of the People. "
        "He also held talks with Chinese Premier Li Qiang."
    )
    found = detect(kb, text, date(2024, 5, 17))
    pairs = {frozenset(names(c)) for c in found}
    assert frozenset({"Vladimir Putin", "Xi Jinping"}) in pairs
    assert frozenset({"Vladimir Putin", "Li Qiang"}) in pairs
    # The visit is told by the meetings: no separate visit to China.
    assert all(c.type == "meeting" for c in found)


def test_his_counterpart_is_the_same_office_of_the_other_state(kb: KnowledgeBase) -> None:
    text = "Russian Foreign Minister Sergey Lavrov spoke by phone with his Turkish counterpart on Monday."
    (call,) = detect(kb, text, date(2024, 3, 4))
    turk = next(p for p in call.participants if p.state == "TUR")
    assert turk.canonical_name == "Hakan Fidan"
    assert turk.office == "Foreign Minister"


def test_the_two_presidents_is_the_same_contact(kb: KnowledgeBase) -> None:
    text = (
        "President Emmanuel Macron met Brazilian President Luiz Inácio Lula da Silva in Belém on "
        "Tuesday. The two presidents met for three hours, Brasília said."
    )
    found = detect(kb, text, date(2024, 3, 27))
    assert len(found) == 1
    assert len(found[0].evidence) == 2


def test_the_president_in_a_white_house_readout_is_the_us_president_of_that_day(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The President spoke today with Prime Minister Justin Trudeau of Canada. "
        "The White House said the leaders discussed trade."
    )
    (call,) = detect(kb, text, date(2022, 6, 1))
    us = next(p for p in call.participants if p.state == "USA")
    assert us.canonical_name == "Joe Biden"


# -- false friends --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "German Chancellor Olaf Scholz called for a ceasefire after meeting voters in Potsdam.",
        "French President Emmanuel Macron called on Russian President Vladimir Putin to withdraw.",
        "Turkish President Recep Tayyip Erdogan called Israeli Prime Minister Benjamin Netanyahu a "
        "terrorist in a speech on Sunday.",
        "Ukrainian President Volodymyr Zelensky's plan met with criticism in Hungary.",
        "In Brussels, EU foreign policy chief Josep Borrell held talks about Russian President "
        "Vladimir Putin's threats with journalists.",
        "Hungary summoned the Ukrainian ambassador on Monday to protest the language law.",
        "Chinese President Xi Jinping sent a letter to Russian President Vladimir Putin and a "
        "message of condolence to Iranian leaders.",
        "A single call from Joe Biden could change Benjamin Netanyahu's mind, analysts said.",
    ],
)
def test_false_friends_are_not_contacts(kb: KnowledgeBase, text: str) -> None:
    assert [c.to_dict() for c in detect(kb, text) if c.status == "occurred"] == []


def test_planned_cancelled_and_refused_meetings_carry_their_status(kb: KnowledgeBase) -> None:
    found = detect(
        kb,
        "Indian Prime Minister Narendra Modi will meet Japanese Prime Minister Fumio Kishida in "
        "Tokyo next week. Russian President Vladimir Putin refused to meet Ukrainian President "
        "Volodymyr Zelensky. A visit by US Secretary of State Antony Blinken to Beijing was "
        "called off.",
        date(2023, 2, 6),
    )
    status = {frozenset(names(c)): c.status for c in found}
    assert status[frozenset({"Narendra Modi", "Fumio Kishida"})] == "planned"
    assert status[frozenset({"Vladimir Putin", "Volodymyr Zelensky"})] == "cancelled"


def test_has_not_spoken_since_is_cancelled(kb: KnowledgeBase) -> None:
    text = "Benjamin Netanyahu has not spoken to Recep Tayyip Erdogan since the war began."
    (contact,) = detect(kb, text)
    assert contact.status == "cancelled"


def test_contacts_from_years_ago_are_background(kb: KnowledgeBase) -> None:
    text = (
        "Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok in 2019. Putin held "
        "talks with North Korean leader Kim Jong Un in Pyongyang today."
    )
    found = detect(kb, text, date(2024, 6, 19))
    old = [c for c in found if c.background]
    new = [c for c in found if not c.background]
    assert len(old) == 1 and len(new) == 1
    assert new[0].date == date(2024, 6, 19)
    assert new[0].location == "Pyongyang"


def test_same_state_meetings_are_not_contacts(kb: KnowledgeBase) -> None:
    text = "Vladimir Putin met Russian Defence Minister Andrei Belousov at the Kremlin on Monday."
    assert detect(kb, text) == []


# -- one contact, many sentences; many articles ---------------------------------------------------


def test_one_contact_told_in_several_sentences_is_one_contact(kb: KnowledgeBase) -> None:
    text = (
        "Egyptian President Abdel Fattah el-Sisi received Jordan's King Abdullah II in Cairo on "
        "Sunday. Sisi and King Abdullah II held talks on the situation in Gaza. The two leaders "
        "also met with Palestinian President Mahmoud Abbas."
    )
    found = detect(kb, text, date(2023, 10, 16))
    pair = [c for c in found if names(c) == {"Abdel Fattah el-Sisi", "Abdullah II"}]
    assert len(pair) == 1
    assert len(pair[0].evidence) == 2
    assert pair[0].location == "Cairo"
    assert pair[0].cameo == "043"
    three = [c for c in found if len(c.participants) == 3]
    assert len(three) == 1 and "Mahmoud Abbas" in names(three[0])


def test_the_same_contact_in_two_articles_has_the_same_keys_and_day(kb: KnowledgeBase) -> None:
    first = detect(kb, "Putin phoned Erdogan on Monday to discuss grain exports.", date(2024, 3, 5))
    second = detect(
        kb,
        "Turkish President Recep Tayyip Erdoğan and Russian President Vladimir Putin spoke by "
        "telephone yesterday, Ankara said.",
        date(2024, 3, 5),
    )
    (a,), (b,) = first, second
    assert a.party_keys() == b.party_keys()
    assert (a.type, a.date) == (b.type, b.date) == ("call", date(2024, 3, 4))
    assert a.initiator == "Vladimir Putin"


def test_a_sentence_the_rules_named_in_full_is_parsed_without_entities() -> None:
    from contacts.syntax import NameWords, parse

    text = "Vasquez met Quispe and Caribbean leaders in Lima."
    named, bare, adjective, proper = parse(
        [text] * 4,
        [
            NameWords(every=True),
            NameWords(),
            NameWords(starts=frozenset({text.index("Caribbean")})),
            NameWords(starts=frozenset({text.index("Quispe")})),
        ],
    )
    assert [t.dep_ for t in named] == [t.dep_ for t in bare]  # the same grammar
    assert named.ents and not bare.ents
    # a capitalised word the tagger reads as an adjective is no name to look for
    assert not adjective.ents
    assert [e.text for e in proper.ents if e.label_ == "PERSON"] == [
        e.text for e in named.ents if e.label_ == "PERSON"
    ]


def test_the_recogniser_reads_only_the_words_around_a_name_to_look_for() -> None:
    from contacts.syntax import NameWords, parse

    text = (
        "On Monday, 14 March 1988, after a long week of preparatory work in several capitals, "
        "the minister met Mirela Vasquez of Chile and three of her advisers in the old palace."
    )
    whole, windowed = parse(
        [text] * 2, [NameWords(every=True), NameWords(starts=frozenset({text.index("Mirela")}))]
    )
    people = [(e.text, e.start) for e in whole.ents if e.label_ == "PERSON"]
    assert people and [(e.text, e.start) for e in windowed.ents if e.label_ == "PERSON"] == people
    # the date at the sentence's start lies outside the name's window
    assert any(e.label_ == "DATE" for e in whole.ents)
    assert not any(e.label_ == "DATE" and e.start == 1 for e in windowed.ents)


@pytest.mark.parametrize(
    ("text", "needs_names"),
    [
        ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan.", False),
        ("Russian President Vladimir Putin met Mirela Vasquez of Chile.", True),
        ("Russian President Vladimir Putin met Ambassador Michael Smythe.", True),
        ("Putin met Erdogan at the White House and the Black Sea Grain Initiative office.", False),
        ("Putin told Erdogan that Ukrainian and Turkish farmers had lost markets.", False),
        ("Putin met Erdogan in Dorvania Province with Governor Ilse Maarten.", True),
    ],
    ids=[
        "all-named",
        "a-name-the-rules-lack",
        "a-person-without-state",
        "capitalised-words-that-end-in-a-thing",
        "a-state-word-alone",
        "a-name-beside-a-thing",
    ],
)
def test_the_model_looks_for_names_only_where_the_rules_left_some(
    kb: KnowledgeBase, text: str, needs_names: bool
) -> None:
    from contacts.lexicon import lexicon_for, tokenize
    from contacts.mentions import find_mentions
    from contacts.parse_plan import names_unknown

    mentions = find_mentions(text, tokenize(text), lexicon_for(kb))
    found = names_unknown(text, mentions, lexicon_for(kb))
    assert (found.every or bool(found.starts)) is needs_names
