"""The wire lede and the sentence after it: "Uganda's foreign minister flew into Nairobi ...
closed since June 4. Foreign Minister X was met at the airport by his Kenyan counterpart, Y" is
two sentences (a day's number is no initial), X is Uganda's (the title told with its state just
before), and no Kenyan whatever the dateline (his counterpart is); "the Ugandan minister" later
is X. A joint news conference of two of the talks' parties that day is those talks. One test
per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

from contacts import KnowledgeBase
from contacts.sentences import split_sentences
from tests.contacts.support import news_detector, pairs, sorted_names, sorted_parties

DAY = date(1984, 6, 13)  # a Wednesday
_news = news_detector(DAY)

LEDE = (
    "NAIROBI, Kenya (UPI) -- Uganda's foreign minister flew into Nairobi Wednesday for talks on "
    "reopening the border, closed since a shootout on June 4. Foreign Minister Ephraim Mugisha "
    "was met at the airport by his Kenyan counterpart, Jonah Kiprono."
)


def test_a_days_number_before_a_period_ends_the_sentence() -> None:
    pieces = [s.text for s in split_sentences(LEDE)]
    assert len(pieces) == 2 and pieces[1].startswith("Foreign Minister Ephraim Mugisha"), pieces


def test_the_name_after_the_lede_takes_its_state_and_his_counterparts_is_another(
    kb: KnowledgeBase,
) -> None:
    found = [c for c in _news(kb, LEDE) if c.type == "meeting"]
    assert sorted_parties(found) == [[("Ephraim Mugisha", "UGA"), ("Jonah Kiprono", "KEN")]], pairs(
        found
    )


def test_a_counterpart_of_the_datelines_state_makes_the_other_no_host(kb: KnowledgeBase) -> None:
    text = (
        "NAIROBI, Kenya (UPI) -- Foreign Minister Ephraim Mugisha was met at the airport by his "
        "Kenyan counterpart, Jonah Kiprono."
    )
    found = _news(kb, text)
    assert sorted_names(found) == [["Ephraim Mugisha", "Jonah Kiprono"]], pairs(found)


def test_the_minister_of_the_lede_is_the_one_named_after_it(kb: KnowledgeBase) -> None:
    text = (
        LEDE + " Before leaving Kampala, the Ugandan minister had spoken by telephone Tuesday "
        "night with Tanzanian Foreign Minister Amos Mrisho."
    )
    calls = [c for c in _news(kb, text) if c.type == "call"]
    assert sorted_parties(calls) == [[("Amos Mrisho", "TZA"), ("Ephraim Mugisha", "UGA")]], pairs(
        calls
    )


def test_a_title_told_of_no_one_in_particular_gives_no_state(kb: KnowledgeBase) -> None:
    text = (
        "BEIJING -- Britain's foreign secretary held talks with Foreign Minister Li Wei, on the "
        "first visit to China by a British foreign secretary in five years. With Foreign "
        "Minister Li, he discussed trade."
    )
    found = _news(kb, text)
    assert all(p.state != "GBR" for c in found for p in c.participants if "Li" in p.name), pairs(
        found
    )


def test_a_joint_news_conference_of_two_of_the_talks_parties_is_those_talks(
    kb: KnowledgeBase,
) -> None:
    text = (
        "WASHINGTON, Nov 20 - The two sides settled their dispute today after two days of talks "
        "between U.S. Agriculture Secretary Tom Hale and Trade Representative Ann Crane and EC "
        "Farm Commissioner Liam Doyle and External Relations Commissioner Pieter de Wit. The "
        "tariffs were to take effect on December 5. Crane told a joint news conference with de "
        "Wit that the agreement removed the main obstacle."
    )
    found = _news(kb, text)
    assert len(found) == 1 and len(found[0].participants) == 4, pairs(found)
