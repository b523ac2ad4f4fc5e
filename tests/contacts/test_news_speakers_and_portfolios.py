"""Wire copy's speaker who had the talks ("X said after talks with Y"), portfolios the title
table lacks, a comma after a bare state, posts of the European Commission, the head of a
delegation named in apposition, a companion's compatriot, and a call that is the setting of
what was tried. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_lists, news_detector, pairs

DAY = date(1987, 11, 18)  # a Wednesday
detect = detector(DAY)
_occurred = news_detector(DAY)


def test_the_speaker_said_after_talks_with_had_the_talks(kb: KnowledgeBase) -> None:
    text = (
        "BONN, Nov 18 - West Germany will give India more aid next year, Economic Cooperation "
        "Minister Hans Lindner said after talks with visiting Indian Finance Minister Ravi "
        "Menon on Tuesday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Hans Lindner", "Ravi Menon"}], pairs(found)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["DEU", "IND"]]


def test_the_speaker_said_after_meeting_someone_met_him(kb: KnowledgeBase) -> None:
    text = (
        "OSLO, May 27 - Norway will keep restraining its output in support of OPEC, Oil and "
        "Energy Minister Arne Lindqvist said after meeting Indonesian Mines and Energy "
        "Minister Budi Santoso here on Tuesday."
    )
    found = _occurred(
        kb,
        text,
    )
    assert name_lists(found) == [{"Arne Lindqvist", "Budi Santoso"}], pairs(found)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["IDN", "NOR"]]


def test_portfolio_words_the_table_lacks_stand_before_the_title(kb: KnowledgeBase) -> None:
    # The KB knows Lukman only from 1995, as OPEC's secretary-general: in 1987 the text's own
    # "Nigerian ... Minister" must say whose minister he is.
    text = (
        "MEXICO CITY, Feb 16 - Energy Minister Alfredo del Campo telephoned Nigerian Petroleum "
        "Resources Minister Rilwanu Lukman on Friday."
    )
    found = [c for c in detect(kb, text, date(1987, 2, 16)) if c.status == "occurred"]
    states = [sorted(p.state or "" for p in c.participants) for c in found]
    assert states == [["MEX", "NGA"]], pairs(found)


def test_european_commission_posts_speak_for_the_community(kb: KnowledgeBase) -> None:
    text = (
        "BRUSSELS, Aug 1 - External Relations Commissioner Willem de Vos and Peruvian Trade "
        "Minister Rosa Chalco failed to resolve the dispute in a telephone conversation on "
        "Thursday."
    )
    found = _occurred(
        kb,
        text,
    )
    assert [(c.type, sorted(p.state or "" for p in c.participants)) for c in found] == [
        ("call", ["EU", "PER"])
    ], pairs(found)


def test_the_head_of_a_delegation_named_in_apposition_is_a_party(kb: KnowledgeBase) -> None:
    text = (
        "LONDON, Feb 24 - Brazil's chief coffee negotiator Jorio Pinto held talks here on "
        "Monday with the head of the U.S. delegation, Jon Halvorsen, delegates said."
    )
    found = _occurred(kb, text)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["BRA", "USA"]], (
        pairs(found)
    )


def test_who_is_accompanying_someone_is_that_persons_compatriot(kb: KnowledgeBase) -> None:
    text = (
        "LIMA, Sept 17 - President Reagan met Peruvian President Luis Quispe today. Deputy "
        "Minister Carl Moss, who is accompanying Reagan, held talks on Tuesday with Finance "
        "Minister Ana Ruiz."
    )
    found = _occurred(kb, text)
    assert {"Carl Moss", "Ana Ruiz"} in name_lists(found), pairs(found)


def test_a_former_prime_minister_on_an_errand_holds_no_office(kb: KnowledgeBase) -> None:
    text = (
        "The regional mediator, Peru's former prime minister Ana Ruiz, met Chilean President "
        "Tomas Aravena on Monday."
    )
    found = detect(kb, text)
    ruiz = [p for c in found for p in c.participants if p.name == "Ana Ruiz"]
    assert ruiz and all(p.office is None and p.state is None for p in ruiz), pairs(found)


def test_a_former_prime_minister_who_chairs_a_mediation_is_on_an_errand(kb: KnowledgeBase) -> None:
    text = (
        "Peru's former prime minister Ana Ruiz, who chairs the regional mediation panel, met "
        "Chilean President Tomas Aravena on Monday."
    )
    assert {"Ana Ruiz", "Tomas Aravena"} in name_lists(detect(kb, text))


def test_a_former_prime_minister_on_no_errand_is_a_private_person(kb: KnowledgeBase) -> None:
    # GUIDELINES: private persons count only when the text says a state sent them
    text = "Peru's former prime minister Ana Ruiz met Chilean President Tomas Aravena on Monday."
    assert detect(kb, text) == []
    text = "Chilean President Tomas Aravena also met former foreign minister Ana Ruiz of Peru."
    assert detect(kb, text) == []


def test_time_spent_with_someone_is_a_meeting(kb: KnowledgeBase) -> None:
    for spent in ("spending an hour and a half", "spending much of Thursday night"):
        text = (
            f"Chilean envoy Tomas Aravena left Lima after {spent} with Peruvian President "
            "Luis Quispe."
        )
        found = _occurred(kb, text)
        assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], (spent, pairs(found))


def test_a_delegation_led_by_someone_makes_his_visit(kb: KnowledgeBase) -> None:
    text = (
        "LIMA, Feb 10 - A Chilean delegation led by Deputy Foreign Minister Tomas Aravena "
        "arrived in Lima on Monday for a three-day visit."
    )
    found = _occurred(kb, text)
    assert [(c.type, [p.state for p in c.participants]) for c in found] == [
        ("visit", ["CHL", "PER"])
    ], pairs(found)


def test_each_placed_and_dated_object_keeps_its_own_day(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Ana Aravena, who met Peruvian President Luis Quispe in Lima "
        "on Monday and Bolivian President Juan Mamani in La Paz on Tuesday, said both had "
        "agreed."
    )
    found = _occurred(kb, text)
    assert [(sorted(n), c.date) for n, c in zip(name_lists(found), found, strict=True)] == [
        (["Ana Aravena", "Luis Quispe"], date(1987, 11, 16)),
        (["Ana Aravena", "Juan Mamani"], date(1987, 11, 17)),
    ], pairs(found)


def test_the_object_of_with_does_not_fly_on(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe cancelled his speech and a meeting with Chilean "
        "President Tomas Aravena, and flew to Bolivia on Tuesday."
    )
    found = [c for c in detect(kb, text) if c.type == "visit"]
    assert [[p.name for p in c.participants] for c in found] == [["Luis Quispe", "Bolivia"]], pairs(
        found
    )


def test_a_delegation_headed_by_a_long_title_is_the_named_heads(kb: KnowledgeBase) -> None:
    text = (
        "LIMA, May 18 - A Chilean trade delegation headed by Foreign Economic Relations and "
        "Trade Minister Tomas Aravena arrived here on Sunday. Aravena held talks today with "
        "Foreign Minister Rosa Chalco."
    )
    found = [c for c in _occurred(kb, text) if c.type == "meeting"]
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["CHL", "PER"]], (
        pairs(found)
    )


def test_meeting_a_quota_or_a_deadline_meets_no_one(kb: KnowledgeBase) -> None:
    for text in (
        "KUWAIT, April 2 - Kuwait is meeting its OPEC production quota, Oil Minister Ali "
        "Rashid said.",
        "Nigerian Oil Minister Ade Okafor said Nigeria had been meeting its OPEC quota.",
        "Peru met the deadline set by the International Monetary Fund on Friday.",
    ):
        assert detect(kb, text) == [], text
    text = "Peruvian President Luis Quispe met the Chilean president on Monday."
    assert len(detect(kb, text)) == 1


def test_after_his_meeting_with_the_subject_named_after_the_comma(kb: KnowledgeBase) -> None:
    text = (
        "After his meeting with Chilean Foreign Minister Tomas Aravena, Peruvian Foreign "
        "Minister Luis Quispe said the talks had gone well."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Luis Quispe", "Tomas Aravena"}], pairs(found)


def test_conferred_consulted_and_exchanged_views_are_meetings(kb: KnowledgeBase) -> None:
    for text in (
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena conferred on Friday.",
        "Peruvian President Luis Quispe consulted with Chilean President Tomas Aravena on Friday.",
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena exchanged views on "
        "Friday.",
    ):
        assert [c.type for c in _occurred(kb, text)] == ["meeting"], text


def test_views_exchanged_in_a_telephone_conversation_are_one_call(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena exchanged views on "
        "water during a telephone conversation on Friday."
    )
    assert [c.type for c in _occurred(kb, text)] == ["call"]


def test_wound_up_talks_and_the_participle_meeting_are_meetings(kb: KnowledgeBase) -> None:
    for text in (
        "Peruvian President Luis Quispe wound up talks with Chilean President Tomas Aravena on "
        "Friday.",
        "Peruvian President Luis Quispe, meeting Chilean President Tomas Aravena in Lima on "
        "Friday, agreed on a plan.",
        "Peruvian President Luis Quispe and Chilean President Tomas Aravena, meeting in Lima on "
        "Friday, agreed on a plan.",
    ):
        found = _occurred(kb, text)
        assert name_lists(found) == [{"Luis Quispe", "Tomas Aravena"}], (text, pairs(found))


def test_an_opening_phrase_with_one_party_then_the_subject(kb: KnowledgeBase) -> None:
    for opening in (
        "In talks with",
        "Speaking after talks with",
        "Speaking to reporters after meeting",
    ):
        text = (
            f"{opening} Chilean Foreign Minister Tomas Aravena, Peruvian Foreign Minister Luis "
            "Quispe said progress was made."
        )
        found = _occurred(kb, text)
        assert name_lists(found) == [{"Luis Quispe", "Tomas Aravena"}], (opening, pairs(found))


def test_talks_set_before_a_future_verb_are_planned(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian Foreign Minister Ana Ruiz on Friday. Also "
        "during his talks with Peruvian President Luis Quispe, Aravena will raise the border."
    )
    found = [c for c in detect(kb, text) if "Luis Quispe" in {p.name for p in c.participants}]
    assert [c.status for c in found] == ["planned"], pairs(found)


def test_rang_someone_is_a_call(kb: KnowledgeBase) -> None:
    text = "Peruvian President Luis Quispe rang Chilean President Tomas Aravena on Friday."
    assert [c.type for c in _occurred(kb, text)] == ["call"]
    assert detect(kb, "The Peruvian president rang the bell to open the session.") == []


def test_a_visit_here_is_a_visit_to_the_datelines_state(kb: KnowledgeBase) -> None:
    text = "LIMA, Nov 18 - Chilean Foreign Minister Tomas Aravena ended a three-day visit here."
    found = _occurred(kb, text)
    assert [(c.type, [p.state for p in c.participants]) for c in found] == [
        ("visit", ["CHL", "PER"])
    ], pairs(found)


def test_in_telephone_contact_with_someone_is_a_call(kb: KnowledgeBase) -> None:
    text = (
        "Peruvian President Luis Quispe was in telephone contact with Chilean President Tomas "
        "Aravena on Friday."
    )
    assert [(c.type, c.mode) for c in _occurred(kb, text)] == [("call", "phone")]


def test_the_head_of_a_states_body_named_after_a_comma_is_that_states(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The head of Chile's central bank, Tomas Aravena, met Peruvian President Luis Quispe "
        "on Friday."
    )
    found = _occurred(kb, text)
    assert [sorted(p.state or "" for p in c.participants) for c in found] == [["CHL", "PER"]]


def test_a_minister_of_two_portfolios_joined_by_and_keeps_his_name(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Minister of Energy and Mines Tomas Aravena met Peruvian President Luis Quispe "
        "on Friday."
    )
    found = _occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], pairs(found)


def test_a_known_person_before_the_terms_the_kb_holds_keeps_the_texts_title(
    kb: KnowledgeBase,
) -> None:
    # The packaged knowledge base holds James Baker as Secretary of State from 1989 only; in
    # 1987 he was Treasury Secretary, and the text says so.
    text = "Treasury Secretary James Baker met Mexican Finance Minister Carlos Ruiz on Monday."
    baker = [p for c in _occurred(kb, text) for p in c.participants if p.name == "James Baker"]
    assert baker and all(p.office == "Finance Minister" and p.state == "USA" for p in baker)
