"""Who a name is and which state a post speaks for: a former office in apposition, a dateline
with its day and agency before the subject, a family name two people bear, the head of a state
body named "of" it, a counterpart the story named, a governor met abroad. One test per
phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_lists, occurred_detector, pairs

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)
detect = detector(DAY)


def test_a_former_office_in_apposition_gives_no_state(kb: KnowledgeBase) -> None:
    text = (
        "Mr. Odhiambo, a former foreign minister of Kenya on his second mission to the region, "
        "met Peruvian President Luis Quispe on Tuesday."
    )
    found = detect(kb, text)
    assert found, "the meeting is found"
    assert "KEN" not in {p.state for c in found for p in c.participants}, pairs(found)


def test_a_dateline_with_its_day_and_agency_leaves_the_subject_first(kb: KnowledgeBase) -> None:
    # A sentence too long for the parse: the position rules alone must find its subject.
    text = (
        "TACNA, June 17 (Reuters) — Chilean President Tomas Aravena and Peruvian President "
        'Luis Quispe agreed Wednesday to work toward the "complete settlement" of the '
        "maritime dispute that has soured relations between the two neighbours for more than "
        "a century and to seek a formal treaty on fishing rights, customs posts, water "
        "sharing, rail links, pipelines and the demining of the desert border before the end "
        "of this year, after a day of talks in the border town that both governments "
        "described as frank and constructive."
    )
    assert text.count(" ") > 70
    found = occurred(kb, text)
    assert name_lists(found) == [{"Tomas Aravena", "Luis Quispe"}], pairs(found)


def test_a_bare_family_name_is_the_one_the_story_tells_of_most(kb: KnowledgeBase) -> None:
    text = (
        "South Korean President Park Min-su and North Korean leader Kim Tae-ho met on "
        "Wednesday. Kim crossed the line first. Kim later planted a tree with Park. The "
        "summit followed meetings between South Korean President Lee Hwan and North Korean "
        "leader Kim Sung-il in 2000. It sets the "
        "stage for a summit between Kim and Chilean President Tomas Aravena next month."
    )
    planned = [c for c in detect(kb, text) if c.status == "planned"]
    assert [sorted(p.name for p in c.participants) for c in planned] == [
        ["Kim Tae-ho", "Tomas Aravena"]
    ], pairs(planned)


def test_the_head_of_a_state_body_named_of_it_is_that_states(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena spoke today with People's Republic of China (PRC) "
        "Director of the Office of the Central Foreign Affairs Commission Zhou Ming."
    )
    found = occurred(kb, text)
    zhou = next(p for c in found for p in c.participants if p.name == "Zhou Ming")
    assert (zhou.state, zhou.office) == ("CHN", "Director"), pairs(found)


def test_a_counterpart_is_the_one_person_of_that_state_the_story_named(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez and U.S. Trade Representative John Harlow "
        "were to resume their talks on Thursday. She met her U.S. counterpart for an hour on "
        "Tuesday."
    )
    found = occurred(kb, text)
    assert {"Mirela Vasquez", "John Harlow"} in name_lists(found), pairs(found)


def test_a_ministers_counterpart_is_no_head_of_state_named_before(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe on Tuesday. "
        "Chilean Foreign Minister Mirela Vasquez held separate talks with her Peruvian "
        "counterpart."
    )
    found = occurred(kb, text)
    assert {"Mirela Vasquez", "Luis Quispe"} not in name_lists(found), pairs(found)


def test_talks_told_as_a_session_the_parties_left_are_a_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez and Peruvian Foreign Minister Ana Quispe "
        "initialled the border accord today, after a final session of just under four hours."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Mirela Vasquez", "Ana Quispe"}], pairs(found)


def test_a_governor_a_visitor_meets_is_of_the_state_visited(kb: KnowledgeBase) -> None:
    text = (
        "Chilean President Tomas Aravena met Cusco Governor Jorge Mamani on Tuesday evening. "
        "Aravena began his state visit to Peru on Monday."
    )
    meeting = next(c for c in occurred(kb, text) if c.type == "meeting")
    mamani = next(p for p in meeting.participants if p.name == "Jorge Mamani")
    assert (mamani.state, mamani.office) == ("PER", "Governor")


def test_a_governor_nothing_places_abroad_makes_no_contact(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena met Valparaiso Governor Jorge Rojas on Tuesday."
    assert occurred(kb, text) == []


def test_the_chancellor_of_the_exchequer_is_britains_finance_minister(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena met British Chancellor of the Exchequer John Hale."
    found = occurred(kb, text)
    hale = next(p for c in found for p in c.participants if p.name == "John Hale")
    assert (hale.state, hale.office) == ("GBR", "Finance Minister"), pairs(found)


def test_an_organisations_managing_director_speaks_for_it(kb: KnowledgeBase) -> None:
    text = (
        "Polish Finance Minister Jan Nowak met International Monetary Fund Managing Director "
        "Pierre Lambert on Tuesday."
    )
    found = occurred(kb, text)
    assert name_lists(found) == [{"Jan Nowak", "Pierre Lambert"}], pairs(found)
    lambert = next(p for p in found[0].participants if p.name == "Pierre Lambert")
    assert lambert.state == "IMF"


def test_a_companys_managing_director_is_no_party(kb: KnowledgeBase) -> None:
    text = "Chilean President Tomas Aravena met Banco Sur's managing director, Rosa Lemos."
    assert occurred(kb, text) == []


def test_a_name_before_a_post_with_its_own_qualifiers_is_that_posts(kb: KnowledgeBase) -> None:
    text = (
        "The accord followed three days of talks between Chilean envoy Tomas Aravena and "
        "Kenji Morita, Japan's vice minister for international affairs at the Ministry of "
        "Trade."
    )
    found = occurred(kb, text)
    morita = next(p for c in found for p in c.participants if p.name == "Kenji Morita")
    assert (morita.state, morita.office) == ("JPN", "Deputy Minister"), pairs(found)


def test_a_miti_minister_is_japans(kb: KnowledgeBase) -> None:
    text = "Chilean envoy Tomas Aravena telephoned MITI Minister Kenji Morita on Tuesday."
    found = occurred(kb, text)
    morita = next(p for c in found for p in c.participants if p.name == "Kenji Morita")
    assert morita.state == "JPN", pairs(found)


def test_the_head_of_an_organisations_mission_in_a_state_speaks_for_the_organisation(
    kb: KnowledgeBase,
) -> None:
    text = (
        "The head of the UN mission in Peru, Piet Haverkamp, met separately on Tuesday with "
        "Peruvian President Luis Quispe and Vice-President Ana Mamani."
    )
    found = occurred(kb, text)
    assert {frozenset(n) for n in name_lists(found)} == {
        frozenset({"Piet Haverkamp", "Luis Quispe"}),
        frozenset({"Piet Haverkamp", "Ana Mamani"}),
    }, pairs(found)
    assert {p.state for c in found for p in c.participants if p.name == "Piet Haverkamp"} == {"UN"}


def test_a_ministry_of_several_portfolios_is_no_name(kb: KnowledgeBase) -> None:
    text = (
        "Chinese Vice-Premier Li Hua met with Joao Furtado, Brazil's Minister of Development, "
        "Industry and Foreign Trade, on Sunday."
    )
    found = occurred(kb, text)
    assert all("Industry" not in {p.name for p in c.participants} for c in found), pairs(found)


def test_the_foreign_ministers_of_two_demonyms_are_each_states_minister(
    kb: KnowledgeBase,
) -> None:
    # The knowledge base's holders on the day: Russia's and Ukraine's foreign ministers in 2022.
    text = "Chilean envoy Tomas Aravena hosted the Russian and Ukrainian foreign ministers."
    found = occurred(kb, text, date(2022, 3, 25))
    offices = {(p.state, p.office) for c in found for p in c.participants}
    assert {("RUS", "Foreign Minister"), ("UKR", "Foreign Minister")} <= offices, pairs(found)


def test_a_sentence_set_in_another_state_gives_no_dateline_state(kb: KnowledgeBase) -> None:
    text = (
        "LIMA - Peruvian President Luis Quispe met Chilean President Tomas Aravena on Tuesday. "
        "In Quito, the UN special envoy Piet Haverkamp met with the government delegation led "
        "by Foreign Minister Rosa Paez."
    )
    found = occurred(kb, text)
    paez = [p for c in found for p in c.participants if p.name == "Rosa Paez"]
    assert paez and all(p.state != "PER" for p in paez), pairs(found)


@pytest.mark.parametrize(
    "post",
    [
        "Japan's Minister of Economy, Trade and Industry, Kenji Morita,",
        "Japanese Minister of Agriculture, Food and Fisheries Kenji Morita",
    ],
)
def test_a_post_of_several_portfolios_then_its_holders_name(kb: KnowledgeBase, post: str) -> None:
    text = f"Chilean President Tomas Aravena met {post} in Lima on Tuesday."
    found = occurred(kb, text)
    morita = [p for c in found for p in c.participants if p.name == "Kenji Morita"]
    assert morita and morita[0].state == "JPN", pairs(found)
