"""The actor knowledge base: look-ups by name, office on a date, polity words, packaged coverage."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from contacts.kb import DATA_DIR, Actor, KnowledgeBase, Term, actor_to_dict
from contacts.normalize import person_key, place_key

SEED_DAY = date(2023, 10, 16)  # the Moscow Times seed article: Putin's five calls
HEADS = {
    "President",
    "King",
    "Queen",
    "Emir",
    "Sultan",
    "Grand Duke",
    "Prince",
    "Supreme Leader",
    "Pope",
    "Emperor",
    "Co-Prince",
    "Prime Minister",
    "Chancellor",
    "Chief Adviser",
    "State Counsellor",
}
# San Marino's heads of state are two Captains Regent elected every six months; the packaged
# data holds its foreign minister only (see the data note in the report).
COLLECTIVE_HEADS = {"SMR"}


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


# -- office on a date -------------------------------------------------------------------------


def test_seed_day_office_holders(kb: KnowledgeBase) -> None:
    assert kb.holder("President", "ISR", SEED_DAY).name == "Isaac Herzog"
    assert kb.holder("Prime Minister", "ISR", SEED_DAY).name == "Benjamin Netanyahu"
    assert kb.holder("President", "RUS", SEED_DAY).name == "Vladimir Putin"
    assert kb.holder("President", "IRN", SEED_DAY).name == "Ebrahim Raisi"
    assert kb.holder("President", "SYR", SEED_DAY).name == "Bashar al-Assad"
    assert kb.holder("President", "EGY", SEED_DAY).name == "Abdel Fattah el-Sisi"
    assert kb.holder("President", "PSE", SEED_DAY).name == "Mahmoud Abbas"


def test_netanyahu_is_prime_minister_whatever_the_text_calls_him(kb: KnowledgeBase) -> None:
    [netanyahu] = kb.find_person("Netanyahu", SEED_DAY)
    term = netanyahu.term_on(SEED_DAY)
    assert term is not None
    assert (term.office, term.state) == ("Prime Minister", "ISR")
    # Between his terms (the Bennett-Lapid government) he held no office.
    assert netanyahu.term_on(date(2022, 1, 1)) is None


def test_holder_changes_with_the_date(kb: KnowledgeBase) -> None:
    assert kb.holder("President", "USA", date(2020, 6, 1)).name == "Donald Trump"
    assert kb.holder("President", "USA", date(2023, 6, 1)).name == "Joe Biden"
    assert kb.holder("President", "USA", date(2025, 3, 1)).name == "Donald Trump"
    # Handover day: the incoming holder wins.
    assert kb.holder("President", "USA", date(2025, 1, 20)).name == "Donald Trump"
    assert kb.holder("Foreign Minister", "RUS", date(2019, 1, 1)).name == "Sergey Lavrov"
    assert kb.holder("Chancellor", "DEU", date(2024, 1, 1)).name == "Olaf Scholz"
    assert kb.holder("Prime Minister", "GBR", date(2022, 10, 1)).name == "Liz Truss"
    assert kb.holder("Secretary-General", "NATO", date(2023, 7, 11)).name == "Jens Stoltenberg"
    assert kb.holder("Pope", "VAT", date(2024, 1, 1)).name == "Pope Francis"
    assert kb.holder("Pope", "VAT", date(2025, 4, 30)) is None  # sede vacante
    assert kb.holder("President", "ATA", SEED_DAY) is None


def test_holder_understands_local_titles(kb: KnowledgeBase) -> None:
    assert kb.holder("Secretary of State", "USA", date(2023, 5, 1)).name == "Antony Blinken"
    assert kb.holder("Foreign Secretary", "GBR", date(2024, 1, 1)).name == "David Cameron"
    assert kb.holder("External Affairs Minister", "IND", SEED_DAY).name == "Subrahmanyam Jaishankar"
    assert kb.holder("Taoiseach", "IRL", date(2023, 3, 17)).name == "Leo Varadkar"
    assert kb.holder("Amir", "QAT", SEED_DAY).name == "Tamim bin Hamad Al Thani"
    assert kb.canonical_office("Secretary of State", "USA") == "Foreign Minister"
    assert kb.canonical_office("Premier", None) == "Prime Minister"


def test_a_title_picks_its_own_office_among_same_named_ones(kb: KnowledgeBase) -> None:
    # The EU has several presidents; the title tells them apart.
    council = kb.holder("President of the European Council", "EU", date(2023, 6, 1))
    commission = kb.holder("President of the European Commission", "EU", date(2023, 6, 1))
    assert council.name == "Charles Michel"
    assert commission.name == "Ursula von der Leyen"


def test_term_on_prefers_the_highest_office_of_the_day(kb: KnowledgeBase) -> None:
    [mbs] = kb.find_person("MBS")
    assert mbs.term_on(date(2020, 1, 1)).office == "Crown Prince"
    assert mbs.term_on(date(2023, 1, 1)).office == "Prime Minister"
    assert mbs.term_on(None).office == "Prime Minister"
    [mbz] = kb.find_person("MBZ")
    assert mbz.term_on(date(2021, 1, 1)).office == "Crown Prince"
    assert mbz.term_on(date(2023, 1, 1)).office == "President"


def test_term_on_without_a_day_is_the_latest_term() -> None:
    old = Term("Foreign Minister", "XXX", date(2000, 1, 1), date(2004, 1, 1))
    new = Term("Prime Minister", "XXX", date(2010, 1, 1), date(2012, 1, 1))
    actor = Actor("kb:x", "X", (), (old, new))
    assert actor.term_on(None) == new
    assert actor.term_on(date(2001, 1, 1)) == old
    assert actor.term_on(date(2005, 1, 1)) is None
    assert actor.term_on(date(2004, 1, 1)) == old  # end day is inclusive


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mahmud Abbas", "Mahmoud Abbas"),
        ("Mahmoud Abbas", "Mahmoud Abbas"),
        ("Abu Mazen", "Mahmoud Abbas"),
        ("al-Sisi", "Abdel Fattah el-Sisi"),
        ("el-Sisi", "Abdel Fattah el-Sisi"),
        ("Sisi", "Abdel Fattah el-Sisi"),
        ("Abd al-Fattah al-Sisi", "Abdel Fattah el-Sisi"),
        ("Raeisi", "Ebrahim Raisi"),
        ("Ibrahim Raisi", "Ebrahim Raisi"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskii", "Volodymyr Zelensky"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("ERDOĞAN", "Recep Tayyip Erdoğan"),
        ("Xi Jinping", "Xi Jinping"),
        ("Xi", "Xi Jinping"),
        ("Modi", "Narendra Modi"),
        ("Lula", "Luiz Inácio Lula da Silva"),
        ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva"),
        ("Mohammad bin Salman", "Mohammed bin Salman"),
        ("Muhammad bin Salman", "Mohammed bin Salman"),
        ("Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
        ("Tamim bin Hamad al-Thani", "Tamim bin Hamad Al Thani"),
        ("Sheikh Tamim", "Tamim bin Hamad Al Thani"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Joseph R. Biden Jr.", "Joe Biden"),
        ("Bashar Assad", "Bashar al-Assad"),
        ("Mohammed Shia al-Sudani", "Mohammed Shia al-Sudani"),
        ("Mohammad Shia Al-Sudani", "Mohammed Shia al-Sudani"),
        ("Abbas Araqchi", "Abbas Araghchi"),
        ("Alejandro Giammattei Falla", "Alejandro Giammattei"),  # with the maternal surname
        ("Crown Prince Mohammed bin Salman Al Saud", "Mohammed bin Salman"),
        ("President Joe Biden", "Joe Biden"),
    ],
)
def test_transliterations_and_spellings(kb: KnowledgeBase, text: str, expected: str) -> None:
    found = kb.find_person(text, SEED_DAY)
    assert found, text
    assert found[0].name == expected


def test_unknown_and_empty_names(kb: KnowledgeBase) -> None:
    assert kb.find_person("Quentin Nobodyknows") == []
    assert kb.find_person("") == []
    assert kb.find_person(" - ") == []


def test_surname_candidates_are_ranked_by_office_on_the_day(kb: KnowledgeBase) -> None:
    # Two Israeli Cohens: the foreign minister (2023) and the former head of the Mossad.
    both = kb.find_person("Cohen", date(2023, 6, 1))
    assert names(both)[:2] == ["Eli Cohen", "Yossi Cohen"]
    assert names(kb.find_person("Cohen", date(2019, 6, 1)))[0] == "Yossi Cohen"


def test_same_surname_people_return_all_candidates(kb: KnowledgeBase) -> None:
    # Three Dlaminis have been Eswatini's prime minister.
    dlaminis = kb.find_person("Dlamini", date(2022, 1, 1))
    assert len(dlaminis) >= 3
    assert dlaminis[0].name == "Cleopas Dlamini"


def test_normalisation_keys() -> None:
    assert person_key("Mahmud Abbas") == person_key("Mahmoud Abbas")
    assert person_key("Abdel Fattah el-Sisi") == person_key("Abd al-Fattah al-Sisi")
    assert person_key("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert person_key("Gideon Sa'ar") == person_key("Gideon Saar")
    assert place_key("Côte d'Ivoire") == place_key("Cote dIvoire")
    assert place_key("U.S.") == "us"


# -- polities ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("American", "USA"),
        ("Washington", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("British", "GBR"),
        ("Russian", "RUS"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Beijing", "CHN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Turkish", "TUR"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Saudi", "SAU"),
        ("Filipino", "PHL"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivorian", "CIV"),
        ("Palestinian Authority", "PSE"),
        ("Palestinian", "PSE"),
        ("Vatican", "VAT"),
        ("Holy See", "VAT"),
        ("Taliban", "AFG"),
        ("Hamas", "HAMAS"),
        ("Houthi", "HOUTHIS"),
        ("Hezbollah", "HEZBOLLAH"),
        ("NATO", "NATO"),
        ("U.N.", "UN"),
        ("the European Union", "EU"),
        ("IAEA", "IAEA"),
        ("Kosovo", "XKX"),
        ("Taiwanese", "TWN"),
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("DR Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
    ],
)
def test_polity_words(kb: KnowledgeBase, word: str, code: str) -> None:
    polity = kb.polity(word)
    assert polity is not None, word
    assert polity.code == code


def test_lowercase_words_are_not_acronyms(kb: KnowledgeBase) -> None:
    # "us", "who" and "un" are words; only their capitals name a polity.
    assert kb.polity("us") is None
    assert kb.polity("who") is None
    assert kb.polity("WHO").code == "WHO"
    assert kb.polity("Kremlin") is None  # a seat of government, not a name, demonym or capital
    assert kb.polity("Atlantis") is None


def test_every_un_member_state_and_observer_is_a_polity(kb: KnowledgeBase) -> None:
    states = [p for p in kb.polities() if p.kind == "state"]
    codes = {p.code for p in states}
    # 193 members, 2 observers (Holy See, Palestine), Kosovo and Taiwan.
    assert len(states) == 197
    assert {"VAT", "PSE", "XKX", "TWN"} <= codes
    assert all(len(code) == 3 and code.isupper() for code in codes)


def test_every_state_has_a_head_of_state_or_government(kb: KnowledgeBase) -> None:
    offices: dict[str, set[str]] = {}
    for actor in kb.actors():
        for term in actor.terms:
            offices.setdefault(term.state, set()).add(term.office)
    missing = [
        p.code
        for p in kb.polities()
        if p.kind == "state"
        and p.code not in COLLECTIVE_HEADS
        and not offices.get(p.code, set()) & HEADS
    ]
    assert missing == []


def test_every_term_names_a_known_polity_and_a_sane_range(kb: KnowledgeBase) -> None:
    codes = {p.code for p in kb.polities()}
    for actor in kb.actors():
        assert actor.kb_id.startswith("kb:"), actor
        for term in actor.terms:
            assert term.state in codes, (actor.name, term)
            assert term.end is None or term.end >= term.start, (actor.name, term)
            # Known future terms (a president-elect) only shortly after the data's date.
            assert (term.start - kb.as_of).days < 60, (actor.name, term)


def test_no_polity_word_is_claimed_twice() -> None:
    # A word naming two polities would make polity() depend on file order; the one deliberate
    # exception ("Vatican" as name and demonym of the same polity) is within one polity.
    doc = json.loads((DATA_DIR / "polities.json").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    clashes = []
    for polity in doc["polities"]:
        words = {polity["name"], *polity.get("names", []), *polity.get("demonyms", [])}
        words |= set(polity.get("capitals", []))
        for word in words:
            key = word if word.replace(".", "").isupper() else place_key(word)
            if owner.setdefault(key, polity["code"]) != polity["code"]:
                clashes.append((word, owner[key], polity["code"]))
    assert clashes == []


def test_packaged_data_states_its_date_and_origin() -> None:
    doc = json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8"))
    assert date.fromisoformat(doc["as_of"]) >= date(2025, 1, 1)
    assert "general knowledge" in doc["note"]
    assert "diplowatch kb update" in doc["note"]
    ids = [a["id"] for a in doc["actors"]]
    assert len(ids) == len(set(ids))
    assert len(ids) > 1000


# -- loading ----------------------------------------------------------------------------------


def test_override_file_replaces_and_adds_actors(tmp_path: Path) -> None:
    base = KnowledgeBase.load_default(override=tmp_path / "absent.json")
    herzog = base.find_person("Isaac Herzog")[0]
    changed = Actor(
        herzog.kb_id,
        herzog.name,
        herzog.aliases,
        (Term("President", "ISR", date(2021, 7, 7), date(2024, 12, 31)),),
        "Q123",
    )
    newcomer = Actor(
        "kb:test-newcomer",
        "Testa Newcomer",
        ("T. Newcomer",),
        (Term("President", "ISR", date(2025, 1, 1), None),),
    )
    override = tmp_path / "actors.json"
    override.write_text(
        json.dumps(
            {"as_of": "2030-01-01", "actors": [actor_to_dict(changed), actor_to_dict(newcomer)]}
        ),
        encoding="utf-8",
    )
    kb = KnowledgeBase.load_default(override=override)
    assert kb.as_of == date(2030, 1, 1)
    assert kb.holder("President", "ISR", date(2025, 6, 1)).name == "Testa Newcomer"
    assert kb.holder("President", "ISR", date(2023, 1, 1)).wikidata == "Q123"
    assert kb.find_person("T. Newcomer")[0].kb_id == "kb:test-newcomer"
    assert len(list(kb.actors())) == len(list(base.actors())) + 1


def test_from_paths_reads_given_files(tmp_path: Path) -> None:
    actors = tmp_path / "a.json"
    polities = tmp_path / "p.json"
    actors.write_text(
        json.dumps(
            {
                "as_of": "2024-01-01",
                "actors": [
                    {
                        "id": "kb:a-b",
                        "name": "Alpha Beta",
                        "terms": [{"office": "King", "state": "ZZZ", "start": "2020-01-01"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    polities.write_text(
        json.dumps({"polities": [{"code": "ZZZ", "name": "Zedland", "kind": "state"}]}),
        encoding="utf-8",
    )
    kb = KnowledgeBase.from_paths(actors, polities)
    assert kb.as_of == date(2024, 1, 1)
    assert kb.holder("King", "ZZZ", date(2021, 1, 1)).name == "Alpha Beta"
    assert kb.holder("King", "ZZZ", None).name == "Alpha Beta"
    assert kb.polity("Zedland").code == "ZZZ"
    assert names(kb.find_person("Beta")) == ["Alpha Beta"]


def test_actor_json_round_trip(kb: KnowledgeBase) -> None:
    from contacts.kb import actor_from_dict

    for actor in list(kb.actors())[:200]:
        assert actor_from_dict(actor_to_dict(actor)) == actor


# -- earlier decades --------------------------------------------------------------------------


def test_earlier_office_holders_answer_for_their_day() -> None:
    kb = KnowledgeBase.load_default(override=Path("/nonexistent/actors.json"))
    doc = json.loads((DATA_DIR / "historical_actors.json").read_text(encoding="utf-8"))
    assert "general knowledge" in doc["note"]
    ids = [a["id"] for a in doc["actors"]]
    assert len(ids) == len(set(ids))
    holder = kb.holder("Foreign Minister", "RUS", date(1987, 6, 1))
    assert holder is not None and holder.name == "Eduard Shevardnadze"
    holder = kb.holder("President", "USA", date(1989, 12, 20))
    assert holder is not None and holder.name == "George H. W. Bush"
    # the smaller European states and the Soviet successors are there too
    for office, state, day, name in [
        ("Prime Minister", "IRL", date(1985, 6, 1), "FitzGerald"),
        ("Queen", "NLD", date(1990, 6, 1), "Beatrix"),
        ("President", "UKR", date(1996, 6, 1), "Kuchma"),
        ("Prime Minister", "SWE", date(1985, 6, 1), "Palme"),
        ("President", "USA", date(1972, 2, 21), "Nixon"),  # and the 1960s and early 1970s
        ("Prime Minister", "CHN", date(1972, 2, 21), "Zhou"),
    ]:
        holder = kb.holder(office, state, day)
        assert holder is not None and name in holder.name, (office, state, day)


def test_earlier_terms_join_an_actor_the_recent_data_holds(tmp_path: Path) -> None:
    # Vladimir Putin's presidency from 2000 is in actors.json; an override replacing him (as
    # `diplowatch kb update` does) keeps the terms the history file adds.
    base = KnowledgeBase.load_default(override=tmp_path / "absent.json")
    putin = base.find_person("Vladimir Putin")[0]
    override = tmp_path / "actors.json"
    record = actor_to_dict(putin)
    record["terms"] = [t for t in record["terms"] if t["start"] >= "2012-01-01"]
    override.write_text(json.dumps({"actors": [record]}), encoding="utf-8")
    earlier = tmp_path / "history.json"
    earlier.write_text(
        json.dumps(
            {
                "actors": [
                    {
                        "id": putin.kb_id,
                        "name": putin.name,
                        "aliases": ["V. V. Putin"],
                        "terms": [
                            {"office": "Intelligence Chief", "state": "RUS", "start": "1998-07-25"}
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    kb = KnowledgeBase.load_default(override=override, earlier=earlier)
    merged = kb.find_person("V. V. Putin")[0]
    assert [t.office for t in merged.terms][:1] == ["Intelligence Chief"]
    assert any(t.start >= date(2012, 1, 1) for t in merged.terms)
