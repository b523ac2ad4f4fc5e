"""People the knowledge base has never heard of, and news grammar the position rules miss.

Every name here is invented: a title with a state cue (an adjective, "of X", "X's") makes a
participant of that state whoever the person is; the syntactic layer reads who met whom.
"""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from contacts.lexicon import lexicon_for, tokenize
from contacts.mentions import find_mentions
from tests.contacts.support import occurred_detector, people

DAY = date(2024, 3, 6)  # a Wednesday
occurred = occurred_detector(DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japanese Foreign Minister Tadao Kurimoto met Egyptian Foreign Minister Samir "
            "Abdel-Wahab in Cairo on Monday.",
            {"Tadao Kurimoto": "JPN", "Samir Abdel-Wahab": "EGY"},
        ),
        (
            "Prime Minister Lena Varga of Hungary held talks with President Osei Mensah of Ghana "
            "on Tuesday.",
            {"Lena Varga": "HUN", "Osei Mensah": "GHA"},
        ),
        (
            "Brazil's finance minister Duarte Pinheiro met Norway's foreign minister Ingrid Lunde "
            "in Oslo on Tuesday.",
            {"Duarte Pinheiro": "BRA", "Ingrid Lunde": "NOR"},
        ),
        (
            "Thai Deputy Prime Minister Somchai Rattanakorn held talks with the President of the "
            "Federative Republic of Brazil, Paulo Mendes Ribeiro, on Monday.",
            {"Somchai Rattanakorn": "THA"},
        ),
        (
            "Soviet Foreign Minister Pyotr Kaminsky met West German Chancellor Ulrich Brandl in "
            "Bonn on Monday.",
            {"Pyotr Kaminsky": "RUS", "Ulrich Brandl": "DEU"},
        ),
    ],
)
def test_a_title_with_a_state_cue_makes_a_party_of_that_state(
    kb: KnowledgeBase, text: str, expected: dict[str, str]
) -> None:
    found = occurred(kb, text)
    assert len(found) == 1, [c.to_dict() for c in found]
    found_people = people(found[0])
    for name, state in expected.items():
        assert found_people[name][0] == state, found_people


def test_an_unknown_minister_keeps_the_office_the_text_gives(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Japanese Foreign Minister Tadao Kurimoto met Egyptian Foreign Minister Samir "
        "Abdel-Wahab in Cairo on Monday.",
    )
    assert people(found[0])["Tadao Kurimoto"] == ("JPN", "Foreign Minister")


def test_a_bare_surname_later_takes_the_full_mention_before_it(kb: KnowledgeBase) -> None:
    text = (
        "Brazilian Finance Minister Duarte Pinheiro arrived in Bern on Sunday.\n"
        "Pinheiro met his Swiss counterpart Otto Lindqvist on Monday."
    )
    found = [c for c in occurred(kb, text) if c.type == "meeting"]
    assert len(found) == 1
    assert people(found[0])["Duarte Pinheiro"][0] == "BRA"
    assert people(found[0])["Otto Lindqvist"][0] == "CHE"


# -- news grammar: the parse says who met whom -----------------------------------------------


def test_a_meeting_in_an_opening_phrase_belongs_to_the_main_clause_subject(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Ghanaian President Osei Mensah and Chinese Premier Zhao Lin met in Beijing.\n"
        "In his meeting with Mensah on Tuesday, Zhao said trade would grow."
    )
    found = occurred(kb, text)
    pairs = {frozenset(p.name for p in c.participants) for c in found}
    assert frozenset({"Osei Mensah", "Zhao Lin"}) in pairs


def test_a_pronoun_subject_is_not_the_object_named_before_it(kb: KnowledgeBase) -> None:
    text = (
        "Norwegian Foreign Minister Ingrid Lunde arrived in Jakarta on Monday.\n"
        "Speaking to reporters after talks with Indonesian President Budi Santoso, she said "
        "the two countries would sign a trade accord."
    )
    found = [c for c in occurred(kb, text) if c.type == "meeting"]
    assert len(found) == 1
    assert set(people(found[0])) == {"Ingrid Lunde", "Budi Santoso"}


def test_a_name_after_a_title_ends_at_a_comma(kb: KnowledgeBase) -> None:
    text = (
        "Speaking at a luncheon after a meeting with Ghanaian President Osei Mensah, Norwegian "
        "Foreign Minister Ingrid Lunde praised the reforms."
    )
    found = occurred(kb, text)
    assert len(found) == 1
    assert set(people(found[0])) == {"Osei Mensah", "Ingrid Lunde"}


@pytest.mark.parametrize(
    "text",
    [
        # present tense in running prose is a timetable, not a report
        "Japanese Finance Minister Tadao Kurimoto visits Washington this week for talks with "
        "U.S. Treasury Secretary Mark Hollis.",
        # an infinitive after an appeal is not done yet
        "The United States urged Ghanaian President Osei Mensah and Togolese President Kodjo "
        "Amouzou to hold talks in Accra.",
        # naming, not phoning
        "Ghanaian President Osei Mensah called Togolese President Kodjo Amouzou a liar on Monday.",
        # a modal
        "Ghanaian President Osei Mensah could meet Togolese President Kodjo Amouzou next week.",
    ],
)
def test_what_has_not_happened_is_no_occurred_contact(kb: KnowledgeBase, text: str) -> None:
    assert occurred(kb, text) == []


def test_a_leader_the_kb_knows_only_from_later_years_is_someone_else(kb: KnowledgeBase) -> None:
    # In 1997 "May" is not Theresa May, whose first office the KB dates to 2016.
    found = detect_contacts(
        "Slovak Economy Minister Ivan May met Czech Premier Karel Novak in Bratislava on Monday.",
        date(1997, 4, 28),
        kb=kb,
    )
    names = {p.name for c in found for p in c.participants}
    assert "Theresa May" not in {p.canonical_name for c in found for p in c.participants}
    assert "Ivan May" in names


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Soviet Foreign Minister Pyotr Kaminsky", "RUS"),
        ("West German Chancellor Ulrich Brandl", "DEU"),
        ("EC farm commissioner Jan Verhoeven", "EU"),
        ("Yugoslav Prime Minister Milan Petrovic", "YUG"),
        ("Zairean President Kasongo Mbuyi", "COD"),
    ],
)
def test_former_state_names_resolve(kb: KnowledgeBase, text: str, state: str) -> None:
    found = occurred(kb, f"{text} met Ghanaian President Osei Mensah in Accra on Monday.")
    assert len(found) == 1
    states = {p.state for p in found[0].participants}
    assert states == {state, "GHA"}


# -- a title in apposition after the name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "state", "office"),
    [
        (
            "Samir Haddadeen, Jordan's foreign minister, met Egyptian President Karim Fawzi on "
            "Thursday.",
            "Samir Haddadeen",
            "JOR",
            "Foreign Minister",
        ),
        (
            "Egyptian President Karim Fawzi met Samir Haddadeen, the foreign minister of Jordan, "
            "on Thursday.",
            "Samir Haddadeen",
            "JOR",
            "Foreign Minister",
        ),
        (
            "President Karim Fawzi of Egypt received Nadim Karamy, Lebanon's deputy prime "
            "minister, at the palace on Thursday.",
            "Nadim Karamy",
            "LBN",
            "Deputy Prime Minister",
        ),
    ],
    ids=["subject", "object-of", "object-possessive"],
)
def test_a_title_after_the_name_is_that_persons(
    kb: KnowledgeBase, text: str, person: str, state: str, office: str
) -> None:
    found = occurred(kb, text)
    assert len(found) == 1, [c.participants for c in found]
    found_people = people(found[0])
    assert found_people[person] == (state, office)
    assert len(found_people) == 2  # the title is no third party


def test_two_family_names_the_first_is_the_one_used_later(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Ernesto Villalobos Ruiz, Mexico's finance minister, arrived in Tokyo on Monday. "
        "Villalobos met Japanese Prime Minister Kenta Morimoto on Tuesday.",
    )
    meetings = [c for c in found if c.type == "meeting"]
    assert [sorted(people(c)) for c in meetings] == [["Ernesto Villalobos Ruiz", "Kenta Morimoto"]]
    assert people(meetings[0])["Ernesto Villalobos Ruiz"][0] == "MEX"


def test_a_known_surname_as_a_given_name_starts_a_name_of_its_own(kb: KnowledgeBase) -> None:
    # "Marcos" is a known leader's surname; followed by two more names it is a given name
    found = occurred(
        kb,
        "Marcos Tavira Lins, Brazil's deputy finance minister, met Chinese Vice Commerce Minister "
        "Zhao Lifen on Tuesday.",
    )
    assert [sorted(people(c)) for c in found] == [["Marcos Tavira Lins", "Zhao Lifen"]]
    assert people(found[0])["Marcos Tavira Lins"][0] == "BRA"


@pytest.mark.parametrize(
    ("title", "office"),
    [
        ("Brazil's finance minister", "Finance Minister"),
        ("Brazil's deputy finance minister", "Deputy Finance Minister"),
        ("the minister of agriculture of Brazil", "Agriculture Minister"),
        ("Brazil's interim trade minister", "Trade Minister"),
    ],
)
def test_a_portfolio_minister_keeps_state_and_portfolio(
    kb: KnowledgeBase, title: str, office: str
) -> None:
    found = occurred(kb, f"Jose Lins Barreto, {title}, met Chinese Premier Wu Dequan on Monday.")
    assert people(found[0])["Jose Lins Barreto"] == ("BRA", office)


def test_a_possessive_name_is_the_name_without_its_s(kb: KnowledgeBase) -> None:
    text = "Welcoming Soviet leader Mikhail Gorbachev's offer, the president said it was welcome."
    mentions = find_mentions(text, tokenize(text), lexicon_for(kb))
    names = [m.name for m in mentions if m.kind == "person"]
    assert names == ["Mikhail Gorbachev"]


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of Peru and Ecuador, Lucia Arbelaez and Fernando Andrade Molina, "
        "met on the sidelines of the General Assembly on Wednesday.",
        "After two days of talks in Geneva, the foreign ministers of Peru and Ecuador, Lucia "
        "Arbelaez and Fernando Andrade Molina, said the border had been agreed.",
    ],
    ids=["met", "after-talks"],
)
def test_names_after_the_roles_of_two_states_are_theirs_in_order(
    kb: KnowledgeBase, text: str
) -> None:
    found = occurred(kb, text)
    assert [people(c) for c in found] == [
        {
            "Lucia Arbelaez": ("PER", "Foreign Minister"),
            "Fernando Andrade Molina": ("ECU", "Foreign Minister"),
        }
    ]


def test_a_known_surname_at_the_end_of_a_longer_name_is_someone_else(kb: KnowledgeBase) -> None:
    # "Ortega" alone would be Nicaragua's president; "Luis Alberto Ortega" is not him
    found = occurred(
        kb,
        "Peruvian Foreign Minister Rosa Quispe met Luis Alberto Ortega, Ecuador's foreign "
        "minister, on Monday.",
    )
    assert [people(c) for c in found] == [
        {
            "Rosa Quispe": ("PER", "Foreign Minister"),
            "Luis Alberto Ortega": ("ECU", "Foreign Minister"),
        }
    ]


@pytest.mark.parametrize(
    ("text", "person", "state", "office"),
    [
        (
            "Russian envoy Ivan Sorokin met Yemeni Ambassador to Russia Saleh Abdullah al-Sabiri "
            "on Monday.",
            "Saleh Abdullah al-Sabiri",
            "YEM",
            "Ambassador",
        ),
        (
            "US Secretary of State Tom Hale held talks with China's top diplomat, Wang Lihan, in "
            "Beijing on Sunday.",
            "Wang Lihan",
            "CHN",
            "Foreign Minister",
        ),
    ],
    ids=["ambassador-to", "top-diplomat"],
)
def test_envoys_and_top_diplomats(
    kb: KnowledgeBase, text: str, person: str, state: str, office: str
) -> None:
    found = occurred(kb, text)
    assert people(found[0])[person] == (state, office)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ugandan President Moses Kato met Kenyan President Grace Johnson Wanjiru on Tuesday.",
            "Grace Johnson Wanjiru",
        ),
        (
            "Ugandan President Moses Kato met Kenyan President Grace Johnson-Wanjiru on Tuesday.",
            "Grace Johnson-Wanjiru",
        ),
        (
            "Ugandan President Moses Kato met Kenyan President Grace Johnson- Wanjiru on Tuesday.",
            "Grace Johnson-Wanjiru",
        ),
    ],
    ids=[
        "known-surname-inside-a-longer-name",
        "hyphenated-surname",
        "hyphen-broken-by-a-line-wrap",
    ],
)
def test_a_known_surname_inside_someone_elses_name_does_not_end_it(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = detect_contacts(text, date(2015, 6, 17), kb=kb)
    assert name in {p.name for c in found for p in c.participants}


def test_a_given_name_before_a_known_surname_that_is_not_his_is_someone_else(
    kb: KnowledgeBase,
) -> None:
    found = detect_contacts(
        "Oleg Lavrov met Ukrainian Foreign Minister Olena Marchenko.", date(2022, 3, 30), kb=kb
    )
    people = {p.name: p.canonical_name for c in found for p in c.participants}
    assert people.get("Oleg Lavrov", "absent") is None, people  # not Sergei Lavrov


def test_a_surname_first_name_is_told_later_by_its_first_word(kb: KnowledgeBase) -> None:
    text = (
        "Foreign Minister Park Jin held talks with his Japanese counterpart Taro Nakamura in "
        "Tokyo on Monday. Park, who also paid a courtesy call on Japanese Prime Minister Kenji "
        "Sato, conveyed an invitation."
    )
    found = detect_contacts(text, date(2023, 3, 10), kb=kb)
    pairs = {frozenset(p.canonical_name or p.name for p in c.participants) for c in found}
    assert frozenset({"Park Jin", "Kenji Sato"}) in pairs, pairs


def test_a_given_name_only_one_person_of_the_text_bears_is_that_person(kb: KnowledgeBase) -> None:
    text = (
        "Thai Deputy Prime Minister Prasert Chaiyaporn arrived in Vientiane on Tuesday. Prasert "
        "later met Lao Foreign Minister Khamla Vongsavanh at the ministry."
    )
    found = detect_contacts(text, date(2015, 6, 17), kb=kb)
    pairs = {frozenset(p.name for p in c.participants) for c in found}
    assert frozenset({"Prasert Chaiyaporn", "Khamla Vongsavanh"}) in pairs, pairs
