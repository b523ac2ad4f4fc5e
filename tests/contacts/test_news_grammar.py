"""News grammar the syntactic layer reads: one test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from tests.contacts.support import has, name_sets, occurred_detector

DAY = date(2024, 3, 6)  # a Wednesday
occurred = occurred_detector(DAY)


# -- parties the parse finds ------------------------------------------------------------------


def test_a_list_hung_on_an_apposition_is_every_party(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Brazilian Finance Minister Duarte Pinheiro met his Swiss counterpart Otto Lindqvist, "
        "Swiss Economics Minister Anna Keller and National Bank President Peter Haldimann on "
        "Monday.",
    )
    assert has(found, "Duarte Pinheiro", "Otto Lindqvist")
    assert has(found, "Duarte Pinheiro", "Peter Haldimann")


def test_including_a_list_on_separate_occasions_is_one_meeting_each(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Chinese President Zhao Lin met, on separate occasions, with three African presidents, "
        "including Kwame Asante of Ghana, Jean Nzeng of Gabon and Samuel Otieno of Kenya.",
    )
    assert name_sets(found) >= {
        frozenset({"Zhao Lin", "Kwame Asante"}),
        frozenset({"Zhao Lin", "Jean Nzeng"}),
        frozenset({"Zhao Lin", "Samuel Otieno"}),
    }


def test_a_meeting_between_named_later_in_the_phrase(kb: KnowledgeBase) -> None:
    # the contact word stands away from "between", where no phrase pattern reaches
    found = occurred(
        kb,
        "The question was raised during a meeting early Monday between Secretary of State Mark "
        "Hollis and South African Vice President Thabo Dlamini.",
    )
    assert has(found, "Mark Hollis", "Thabo Dlamini")
    states = {p.name: p.state for c in found for p in c.participants}
    assert states["Mark Hollis"] == "USA"  # a title only one state uses


def test_a_role_noun_named_inside_its_phrase_is_the_subject(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        '"It has to be done quickly," the head of the OSCE mission to Albania, Franz Gruber, '
        "said after talks in Rome with Italian Foreign Minister Marco Rinaldi.",
    )
    assert has(found, "Franz Gruber", "Marco Rinaldi")


def test_a_joint_news_conference_with_a_counterpart_is_a_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Italian President Paolo Ferri arrived in Ankara on Monday.\n"
        '"We support Turkey," Ferri told a joint news conference with Turkish President Kemal '
        "Aydin after their meeting."
    )
    found = occurred(kb, text)
    assert has(found, "Paolo Ferri", "Kemal Aydin")
    assert not any(c.type == "visit" for c in found)  # the visit is that meeting


def test_the_speaker_of_a_reported_sentence_is_the_one_who_met(kb: KnowledgeBase) -> None:
    text = (
        "Spanish Prime Minister Luis Ortega arrived in Montevideo.\n"
        "Spain would invest 12 million euros in the project, Ortega said, after meeting with "
        "UN envoy Kwame Asante on Friday."
    )
    assert has(occurred(kb, text), "Luis Ortega", "Kwame Asante")


def test_a_surname_named_in_full_before_is_that_person(kb: KnowledgeBase) -> None:
    text = (
        "Mongolian Prime Minister Batbayar Dorj arrived in Beijing on Sunday.\n"
        "Dorj and Chinese Premier Zhao Lin held talks on Monday."
    )
    found = occurred(kb, text)
    assert has(found, "Batbayar Dorj", "Zhao Lin")


def test_a_chinese_leader_is_named_by_the_family_name_first(kb: KnowledgeBase) -> None:
    text = (
        "Chinese President Zhao Lin welcomed the African leaders in Beijing.\n"
        "When meeting with Ghanaian President Kwame Asante, Zhao said trade would grow."
    )
    found = occurred(kb, text)
    assert has(found, "Zhao Lin", "Kwame Asante")


def test_a_name_ner_cuts_short_is_taken_whole(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Chinese President Zhao Lin met Alhaji Ahmed Tejan Bangura of Sierra Leone on Monday.",
    )
    names = {p.name for c in found for p in c.participants}
    assert "Alhaji Ahmed Tejan Bangura" in names


def test_a_given_name_alias_followed_by_a_surname_is_someone_else(kb: KnowledgeBase) -> None:
    # "Philippe" alone is the KB's King of the Belgians
    found = occurred(
        kb,
        "French Foreign Minister Philippe Marchand met Japanese Foreign Minister Tadao "
        "Kurimoto in Tokyo on Monday.",
    )
    names = {p.name: p.state for c in found for p in c.participants}
    assert names.get("Philippe Marchand") == "FRA"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "Egyptian Trade Minister Samir Fawzi met 14 Indonesian cabinet ministers in Jakarta "
            "on Monday.",
            "IDN",
        ),
        (
            "Japanese Prime Minister Tadao Kurimoto met U.S. Congressional leaders in Washington "
            "on Monday.",
            "USA",
        ),
    ],
)
def test_role_nouns_take_modifiers(kb: KnowledgeBase, text: str, state: str) -> None:
    found = occurred(kb, text)
    assert found and state in {p.state for p in found[0].participants}


# -- wire copy ----------------------------------------------------------------------------------


def test_here_is_the_datelines_city(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "CAIRO, March 6 - Hamas leader Khalil Mansour arrived here on an unannounced visit on "
        "Wednesday night.",
    )
    assert any(c.type == "visit" and "EGY" in {p.state for p in c.participants} for c in found)


def test_officials_of_a_datelines_state_are_compatriots(kb: KnowledgeBase) -> None:
    # No state given, but the dateline says where they are: two Egyptians, no contact.
    text = "CAIRO, March 6 - Economy Minister Youssef Kamel met President Omar Fathy on Tuesday."
    assert occurred(kb, text) == []


def test_people_of_no_known_state_make_no_contact(kb: KnowledgeBase) -> None:
    assert occurred(kb, "Ostrova met Lindqvist on Tuesday to discuss the budget.") == []
    assert occurred(kb, "Pinheiro and Gruber held talks on Tuesday.") == []


# -- what is no contact, or not yet one ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury acts in consultation with the Secretary of State and the Attorney General.",
        "Ghanaian President Kwame Asante called Togolese President Kodjo Amouzou a dictator "
        "without elections on Wednesday.",
        "The talks laid the groundwork for a summit in Accra next month between Ghanaian "
        "President Kwame Asante and Togolese President Kodjo Amouzou.",
        "Ghanaian President Kwame Asante met his cabinet to review preparations for his trip to "
        "Togo.",
    ],
)
def test_idioms_naming_and_plans_are_no_occurred_contact(kb: KnowledgeBase, text: str) -> None:
    assert occurred(kb, text) == []


def test_two_reports_of_one_visit_days_apart_are_one_visit(kb: KnowledgeBase) -> None:
    text = (
        "Mongolian Prime Minister Batbayar Dorj started his official visit to China on March 2.\n"
        "Dorj on Sunday visited the Terracotta Army museum in China."
    )
    visits = [c for c in detect_contacts(text, DAY, kb=kb) if c.type == "visit"]
    assert len(visits) <= 1


def test_a_call_has_people_at_both_ends(kb: KnowledgeBase) -> None:
    text = "Ghanaian President Kwame Asante called U.S. soldiers in the region the real occupiers."
    assert occurred(kb, text) == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "Japanese special envoy Tadao Kurimoto, who has just returned from Washington, said "
            "the talks were useful.",
            "USA",
        ),
        ("Israeli adviser Dan Levin left for Paris on Sunday.", "FRA"),
    ],
)
def test_a_visit_told_from_its_end_or_start(kb: KnowledgeBase, text: str, state: str) -> None:
    found = occurred(kb, text)
    assert any(c.type == "visit" and state in {p.state for p in c.participants} for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian President Kwame Asante phoned Togolese President Kodjo Amouzou on Monday and "
        "briefed him on his recent trip to Nigeria.",
        "Ghanaian President Kwame Asante phoned Togolese President Kodjo Amouzou on Monday and "
        "shared his assessment of his meeting with Nigerian President Bola Adeyemi.",
    ],
)
def test_a_contact_told_as_the_topic_of_another_is_context(kb: KnowledgeBase, text: str) -> None:
    news = [c for c in occurred(kb, text) if not c.background]
    assert len(news) == 1 and news[0].type == "call"


def test_a_known_full_name_keeps_its_state_whatever_a_dateline_suggests(
    kb: KnowledgeBase,
) -> None:
    found = occurred(
        kb,
        "KAZAN, Russia (AP) - U.N. Secretary-General Antonio Guterres met Russian President "
        "Vladimir Putin on Thursday on the sidelines of the summit.",
        date(2024, 10, 25),
    )
    assert len(found) == 1
    assert {p.state for p in found[0].participants} == {"UN", "RUS"}


# -- "visiting": the guest of whoever the sentence says received them ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Premier Wu Dequan told visiting Japanese Foreign Minister Kenji Harada that "
        "relations were improving.",
        "Chinese Premier Wu Dequan and visiting Japanese Foreign Minister Kenji Harada agreed on "
        "Monday to resume the talks.",
        "Chinese Premier Wu Dequan discussed trade with visiting Japanese Foreign Minister Kenji "
        "Harada.",
        "Visiting Japanese Foreign Minister Kenji Harada and Chinese Premier Wu Dequan signed "
        "two accords.",
    ],
    ids=["told", "and-agreed", "discussed-with", "guest-first"],
)
def test_a_visiting_guest_met_the_other_party_of_the_clause(kb: KnowledgeBase, text: str) -> None:
    found = occurred(kb, text)
    assert has(found, "Wu Dequan", "Kenji Harada")
    assert all(c.type == "meeting" for c in found if has([c], "Kenji Harada"))


def test_a_visiting_guest_the_text_will_receive_is_planned(kb: KnowledgeBase) -> None:
    found = detect_contacts(
        "Mexican President Ruben Olvera will tell visiting Peruvian President Hugo Salinas that "
        "the debt must be rescheduled.",
        DAY,
        kb=kb,
    )
    assert [c.status for c in found if has([c], "Ruben Olvera", "Hugo Salinas")] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "Visiting Japanese Foreign Minister Kenji Harada said Tokyo would help.",
        "Reporters asked visiting Japanese Foreign Minister Kenji Harada about the trade row.",
        "Officials praised visiting Japanese Foreign Minister Kenji Harada's speech.",
    ],
    ids=["no-host", "reporters", "possessive"],
)
def test_a_visiting_guest_with_no_host_named_is_no_meeting(kb: KnowledgeBase, text: str) -> None:
    assert not [c for c in detect_contacts(text, DAY, kb=kb) if c.type == "meeting"]


# -- "discussed X with Y": the talk, its topic between -------------------------------------------


def test_discussed_a_topic_with_someone_is_a_meeting_with_them(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Indonesian President Raden Sukarmo discussed the Iraq crisis with World Bank president "
        "Barnaby Cole on Monday.",
    )
    assert name_sets(found) == {frozenset({"Raden Sukarmo", "Barnaby Cole"})}  # not Iraq
    assert found[0].type == "meeting"


def test_two_named_ministers_who_discussed_a_topic_met(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Kenya's Foreign Minister Peter Omondi and Ugandan Foreign Minister Paul Kisembo "
        "discussed border security in Nairobi on Friday.",
    )
    assert has(found, "Peter Omondi", "Paul Kisembo")


def test_discussing_with_reporters_is_no_contact(kb: KnowledgeBase) -> None:
    assert not detect_contacts(
        "Kenyan Foreign Minister Peter Omondi discussed the budget with reporters.", DAY, kb=kb
    )


# -- lists the model's parse breaks up ---------------------------------------------------------


def test_an_abbreviated_title_does_not_end_the_list(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Canadian Foreign Minister Ian Mercer held discussions with Treasury Secretary Tom Hale "
        "and Sens. Peter Moyle of New York and Carla Diaz of Maine.",
    )
    assert has(found, "Ian Mercer", "Peter Moyle")
    assert has(found, "Ian Mercer", "Carla Diaz")


def test_a_list_parsed_as_apposition_keeps_every_item(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Canadian Foreign Minister Ian Mercer held talks with Vice President Tom Hale, Secretary "
        "of State Paul Brandt and Commerce Secretary Ruth Okoye.",
    )
    for name in ("Tom Hale", "Paul Brandt", "Ruth Okoye"):
        assert has(found, "Ian Mercer", name), name


# -- datelines and places between the verb and its object --------------------------------------


@pytest.mark.parametrize(
    "dateline",
    ["HANOI, July 12 (AFP) -", "HANOI (Reuters) -", "HANOI, Vietnam (AP) —", "HANOI, July 12 -"],
)
def test_a_dateline_is_no_part_of_the_sentence(kb: KnowledgeBase, dateline: str) -> None:
    text = (
        f"{dateline} Philippine Trade Secretary Rolando Buenavista arrived here Wednesday on a "
        "three-day visit aimed at doubling bilateral trade, the official news agency said."
    )
    visits = [c for c in occurred(kb, text, date(1995, 7, 12)) if c.type == "visit"]
    assert [(p.name, p.state) for c in visits for p in c.participants] == [
        ("Rolando Buenavista", "PHL"),
        ("Vietnam", "VNM"),
    ]
    assert visits[0].date == date(1995, 7, 12)


def test_a_place_between_talks_and_with_is_where_not_who(kb: KnowledgeBase) -> None:
    found = occurred(
        kb,
        "Jordan's foreign minister, Samir Haddadeen, held talks in Cairo on Thursday with "
        "Egyptian President Karim Fawzi and Foreign Minister Amr Saleh.",
    )
    assert has(found, "Samir Haddadeen", "Karim Fawzi")
    assert not any(p.name == "Cairo" for c in found for p in c.participants)
