"""One test per news-style rule of the detector, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase, detect_contacts
from contacts.evaluate import evaluate
from tests.contacts.support import detector, single

THURSDAY = date(2025, 3, 6)
detect = detector(THURSDAY)
one = single(detect)


def test_dialled_is_a_phone_call(kb: KnowledgeBase) -> None:
    call = one(kb, "Canadian Prime Minister Mark Carney dialled Keir Starmer on Tuesday.")
    assert (call.type, call.mode, call.date) == ("call", "phone", date(2025, 3, 4))
    assert call.initiator == "Mark Carney"


def test_in_a_call_with_takes_the_subject_after_the_opening_phrase(kb: KnowledgeBase) -> None:
    call = one(kb, "In a call with Emmanuel Macron on Tuesday, Narendra Modi praised the summit.")
    assert call.type == "call"
    assert {p.canonical_name for p in call.participants} == {"Emmanuel Macron", "Narendra Modi"}


def test_during_a_phone_call_a_and_b_discussed(kb: KnowledgeBase) -> None:
    text = (
        "During a phone call on Monday, Wang Yi and Sergey Lavrov discussed the Korean peninsula."
    )
    call = one(kb, text)
    assert call.type == "call" and call.date == date(2025, 3, 3)


def test_a_and_b_discussed_something_in_a_telephone_conversation(kb: KnowledgeBase) -> None:
    text = (
        "Egyptian Foreign Minister Badr Abdelatty and his Jordanian counterpart Ayman Safadi "
        "reviewed the Gaza reconstruction plan in a telephone conversation on Wednesday."
    )
    call = one(kb, text)
    assert {p.canonical_name for p in call.participants} == {"Badr Abdelatty", "Ayman Safadi"}


def test_discussed_something_with_someone_by_phone(kb: KnowledgeBase) -> None:
    call = one(kb, "Tokayev discussed oil transit with Lukashenko by phone on Wednesday.")
    assert (call.type, call.mode) == ("call", "phone")


def test_a_call_between_two_leaders_and_a_hypothetical_one(kb: KnowledgeBase) -> None:
    call = one(kb, "A telephone call between Lula and Xi Jinping on Monday covered trade.")
    assert call.type == "call" and call.status == "occurred"
    assert detect(kb, "A call between Trump and Xi could settle the tariff dispute.") == []


def test_received_a_call_on_a_day_from(kb: KnowledgeBase) -> None:
    call = one(kb, "Ishaq Dar received a phone call on Sunday from Hakan Fidan.")
    assert call.initiator == "Hakan Fidan"


def test_after_talks_with_x_y_said(kb: KnowledgeBase) -> None:
    meeting = one(
        kb, "After talks with Mette Frederiksen in Copenhagen, Merz said Europe must act."
    )
    assert meeting.type == "meeting"
    assert {p.canonical_name for p in meeting.participants} == {
        "Mette Frederiksen",
        "Friedrich Merz",
    }


def test_joint_press_conferences_are_meetings(kb: KnowledgeBase) -> None:
    assert one(kb, "Tusk and Stubb gave a joint press conference in Helsinki.").type == "meeting"
    text = (
        "Speaking at a joint news conference with Ilham Aliyev in Baku, Erdogan praised the deal."
    )
    assert one(kb, text).type == "meeting"


def test_a_dinner_for_a_guest_is_a_meeting(kb: KnowledgeBase) -> None:
    meeting = one(kb, "Emmanuel Macron hosted a working dinner in Paris for Javier Milei.")
    # the guest asked to come, as with "hosted"
    assert meeting.type == "meeting" and meeting.initiator == "Javier Milei"


@pytest.mark.parametrize(
    "text",
    [
        "Narendra Modi began a two-day state visit to Cyprus on Sunday.",
        "Narendra Modi is on an official visit to Cyprus.",
    ],
)
def test_nominal_visits(kb: KnowledgeBase, text: str) -> None:
    visit = one(kb, text)
    assert visit.type == "visit"
    assert {p.state for p in visit.participants} == {"IND", "CYP"}


def test_an_adjective_between_state_and_title(kb: KnowledgeBase) -> None:
    meeting = one(kb, "Lebanon's new president met Emmanuel Macron in Paris on Friday.")
    assert {p.canonical_name for p in meeting.participants} == {"Joseph Aoun", "Emmanuel Macron"}


def test_external_affairs_minister_is_a_foreign_minister_title(kb: KnowledgeBase) -> None:
    text = "Singapore's Vivian Balakrishnan met Indian External Affairs Minister Jaishankar."
    meeting = one(kb, text)
    assert {p.office for p in meeting.participants} == {"Foreign Minister"}


def test_and_then_with_makes_separate_meetings(kb: KnowledgeBase) -> None:
    text = "Meloni held talks with Pedro Sanchez and then with Ursula von der Leyen."
    assert len(detect(kb, text)) == 2


def test_planned_noun_phrases_and_what_cancels_them(kb: KnowledgeBase) -> None:
    text = "A planned meeting between Putin and Erdogan in Ankara has been put on hold."
    assert one(kb, text).status == "cancelled"
    text = "Biden was to meet Modi in Delhi, officials said."
    assert one(kb, text).status == "planned"


def test_a_sentence_dated_only_in_the_past_is_background(kb: KnowledgeBase) -> None:
    text = "Xi and Lula met several times before, including in Brasilia in 2019."
    assert all(c.background for c in detect(kb, text))
    text = "Xi met Lula in Brasilia, their first meeting since 2019."
    assert [c.background for c in detect(kb, text)] == [False]


def test_a_social_network_called_x_is_no_king(kb: KnowledgeBase) -> None:
    text = "Modi thanked Trump in a post on X, calling him a true friend."
    assert detect(kb, text) == []


def test_the_russian_leader_is_the_head_not_the_last_russian_named(kb: KnowledgeBase) -> None:
    text = (
        "Kremlin aide Yuri Ushakov said on Thursday that Witkoff would come back. "
        "The envoy met the Russian leader in St Petersburg on Friday."
    )
    (meeting,) = detect(kb, text, date(2025, 4, 12))
    # No Russian head named in the text: the state's leader, unnamed, and never the aide.
    other = [p for p in meeting.participants if p.canonical_name != "Steve Witkoff"]
    assert [(p.name, p.state) for p in other] == [("Russian leader", "RUS")]
    text = "Putin spoke after Ushakov. " + text
    (meeting,) = detect(kb, text, date(2025, 4, 12))
    assert {p.canonical_name for p in meeting.participants} == {"Steve Witkoff", "Vladimir Putin"}


def test_the_two_leaders_before_any_contact(kb: KnowledgeBase) -> None:
    text = (
        "Mark Carney arrived in Mexico City on Wednesday. The two leaders met for an hour, "
        "and Claudia Sheinbaum called the talks productive."
    )
    found = [c for c in detect(kb, text) if c.type == "meeting"]
    assert [{p.canonical_name for p in c.participants} for c in found] == [
        {"Mark Carney", "Claudia Sheinbaum"}
    ]


def test_a_second_verb_of_the_same_subject(kb: KnowledgeBase) -> None:
    text = "Anthony Albanese arrived in Beijing on Monday and held talks with Xi Jinping."
    (meeting,) = detect(kb, text)  # the visit folds into the meeting
    assert meeting.type == "meeting"
    assert {p.canonical_name for p in meeting.participants} == {"Anthony Albanese", "Xi Jinping"}
    text = "Anthony Albanese visited China on Monday and held talks with Xi Jinping."
    assert [c.type for c in detect(kb, text)] == ["meeting"]


def test_role_only_gold_is_matched_by_state_not_by_its_noun(kb: KnowledgeBase) -> None:
    def gold(other: str, state: str) -> dict:
        return {
            "type": "call",
            "mode": "phone",
            "status": "occurred",
            "participants": [
                {"name": "Mohammed bin Abdulrahman Al Thani", "state": "QAT", "office": None},
                {"name": other, "state": state, "office": None},
            ],
        }

    doc = {
        "id": "t",
        "published_at": "2025-03-06",
        "complete": True,
        "text": "Qatar's prime minister spoke by phone with Hamas negotiators on Monday.",
        "contacts": [gold("Israeli negotiators", "ISR"), gold("Hamas negotiators", "HAMAS")],
    }
    report = evaluate([doc], lambda text, day: detect_contacts(text, day, kb=kb), kb)
    assert report.counts["found"] == 1 and report.precision == 1.0


def test_home_state_names_whose_unqualified_titles_they_are(kb: KnowledgeBase) -> None:
    day = date(2025, 2, 24)
    text = "The Prime Minister spoke to President Zelenskyy this evening."
    assert detect_contacts(text, day, kb=kb) == []  # no cue in the text: unknown whose PM
    (call,) = detect_contacts(text, day, kb=kb, home_state="GBR")
    assert {p.canonical_name for p in call.participants} == {"Keir Starmer", "Volodymyr Zelensky"}
    text = "The Secretary met Saudi Foreign Minister Faisal bin Farhan in Riyadh today."
    (meeting,) = detect_contacts(text, day, kb=kb, home_state="USA")
    assert "Marco Rubio" in {p.canonical_name for p in meeting.participants}
    text = "The President received President Macron today."
    (meeting,) = detect_contacts(text, day, kb=kb, home_state="USA")
    assert {p.canonical_name for p in meeting.participants} == {"Donald Trump", "Emmanuel Macron"}


def test_a_month_and_year_long_ago_is_background(kb: KnowledgeBase) -> None:
    text = "When Putin and Biden last met in Geneva in June 2021, they agreed on arms talks."
    assert [c.background for c in detect(kb, text, date(2024, 11, 16))] == [True]


def test_a_comma_alone_makes_no_coordinated_subject(kb: KnowledgeBase) -> None:
    text = (
        "At the initiative of the German side, Chancellor Olaf Scholz had a telephone "
        "conversation with Vladimir Putin."
    )
    (call,) = detect(kb, text, date(2024, 11, 16))
    assert {p.canonical_name for p in call.participants} == {"Olaf Scholz", "Vladimir Putin"}
    text = "Macron, Scholz and Meloni met Biden in Berlin."
    (meeting,) = detect(kb, text, date(2024, 10, 19))
    assert len(meeting.participants) == 4
