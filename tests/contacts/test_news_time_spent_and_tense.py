"""News grammar of time, tense and hosting: "spent an hour with", "saw the minister over
breakfast", a second verb after ", then" that keeps its subject, talks told by a past verb
whatever else the sentence plans, the day each verb takes (not the day it was reported), guests
greeted, feted or met at the border by their hosts, and the arrival that the next day's talks
explain. One test per phrasing class, invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from contacts import KnowledgeBase
from tests.contacts.support import detector, name_sets, occurred_detector, pairs

DAY = date(2015, 6, 17)  # a Wednesday
occurred = occurred_detector(DAY)
detect = detector(DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Secretary Alan Pemberton spent an hour on Tuesday with Mirela Vasquez, the "
        "Chilean foreign minister.",
        "Foreign Secretary Alan Pemberton also spent nearly four hours with Chilean Foreign "
        "Minister Mirela Vasquez on Tuesday afternoon.",
        "Foreign Secretary Alan Pemberton held a separate session with Chilean Foreign Minister "
        "Mirela Vasquez on Tuesday.",
        "Foreign Secretary Alan Pemberton also saw Chilean Foreign Minister Mirela Vasquez over "
        "breakfast on Tuesday.",
    ],
    ids=["spent-an-hour-with", "spent-hours-with", "held-a-session-with", "saw-over-breakfast"],
)
def test_time_spent_with_a_named_person_is_a_meeting(kb: KnowledgeBase, text: str) -> None:
    found = occurred(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)
    assert name_sets(found) == {frozenset({"Alan Pemberton", "Mirela Vasquez"})}
    assert found[0].date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Many voters in Chile saw Foreign Minister Mirela Vasquez as a reformer.",
        "Foreign Secretary Alan Pemberton saw Mirela Vasquez's speech on Tuesday.",
        "Foreign Secretary Alan Pemberton spent an hour on Tuesday with reporters.",
    ],
    ids=["saw-as", "saw-possessive", "spent-time-with-no-one-named"],
)
def test_seeing_and_time_spent_without_a_counterpart_is_no_contact(
    kb: KnowledgeBase, text: str
) -> None:
    assert occurred(kb, text) == []


def test_a_second_verb_after_then_keeps_the_first_ones_subject(kb: KnowledgeBase) -> None:
    text = (
        "The evening before, British Foreign Secretary Alan Pemberton had dined at the Elysee "
        "with French President Claire Dumont, then met Peruvian Foreign Minister Tomas Quispe "
        "at an airport hotel."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {
        frozenset({"Alan Pemberton", "Claire Dumont"}),
        frozenset({"Alan Pemberton", "Tomas Quispe"}),
    }, pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Secretary Alan Pemberton and Chilean Foreign Minister Mirela Vasquez ended two "
        "days of talks on Tuesday with agreement on the agenda of next month's summit.",
        "Foreign Secretary Alan Pemberton and Chilean Foreign Minister Mirela Vasquez agreed on "
        "Tuesday on a plan to end the dispute, after more than three hours of talks.",
    ],
    ids=["ended-talks-on-next-months-agenda", "agreed-on-a-plan-after-talks"],
)
def test_talks_a_past_verb_tells_happened_whatever_else_is_planned(
    kb: KnowledgeBase, text: str
) -> None:
    found = detect(kb, text)
    assert [(c.status, c.date) for c in found] == [("occurred", date(2015, 6, 16))], pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Secretary Alan Pemberton and Chilean Foreign Minister Mirela Vasquez agreed on "
        "talks next month.",
        "Foreign Secretary Alan Pemberton and Chilean Foreign Minister Mirela Vasquez called for "
        "talks next month.",
    ],
    ids=["agreed-on-talks", "called-for-talks"],
)
def test_talks_a_past_verb_agrees_on_or_calls_for_have_not_happened(
    kb: KnowledgeBase, text: str
) -> None:
    assert occurred(kb, text) == []


def test_a_relative_clause_on_a_description_is_the_described_persons(kb: KnowledgeBase) -> None:
    text = (
        "He was accompanied by Dale Overby, the chief U.S. arms negotiator, who held talks with "
        "Pavel Orlin, his Russian counterpart, on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Dale Overby", "Pavel Orlin"})}, pairs(found)


def test_an_arrival_for_talks_with_the_host_the_next_day_is_no_visit_of_its_own(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez arrived in Vienna on Tuesday night. She is "
        "scheduled to hold talks with Austrian Chancellor Georg Hollerer on Wednesday."
    )
    found = detect(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)
    assert found[0].status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Chilean Foreign Minister Mirela Vasquez has ruled out talks with Peru until Lima stops "
        "its campaign, speaking after a meeting with British Foreign Secretary Alan Pemberton "
        "on Tuesday.",
        "Chilean Foreign Minister Mirela Vasquez, on her third visit to Europe this year, also "
        "called on British Foreign Secretary Alan Pemberton on Tuesday.",
        "Chilean Foreign Minister Mirela Vasquez did, however, receive British Foreign "
        "Secretary Alan Pemberton in Santiago on Tuesday, her spokesman added.",
        "Chilean Foreign Minister Mirela Vasquez held talks on Tuesday with British Foreign "
        "Secretary Alan Pemberton and pledged to restart exchanges that were suspended in 1982.",
    ],
    ids=[
        "speaking-after-a-meeting",
        "aside-on-her-visit",
        "did-however-receive",
        "talks-then-something-else-suspended",
    ],
)
def test_the_speaker_asides_and_emphatic_past_keep_the_contact_that_happened(
    kb: KnowledgeBase, text: str
) -> None:
    found = occurred(kb, text)
    assert {frozenset({"Mirela Vasquez", "Alan Pemberton"})} <= name_sets(found), pairs(found)
    assert date(2015, 6, 16) in {c.date for c in found}


def test_talks_measured_in_hours_set_the_scene_of_the_verb_whose_object_is_the_other_party(
    kb: KnowledgeBase,
) -> None:
    text = (
        "British Foreign Secretary Alan Pemberton said on Wednesday he had given Chilean "
        "President Tomas Aravena a list of demands during three hours of talks on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Alan Pemberton", "Tomas Aravena"})}, pairs(found)


def test_talks_after_the_verb_with_no_with_are_the_coordinated_subjects_meeting(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Kenyan Foreign Minister Ruth Wanjiru and her Ugandan counterpart Moses Kato failed to "
        "agree on the border after two rounds of talks in Kampala on Tuesday, officials said."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Ruth Wanjiru", "Moses Kato"})}, pairs(found)
    assert found[0].date == date(2015, 6, 16)


def test_talks_after_the_verb_with_one_subject_are_no_contact(kb: KnowledgeBase) -> None:
    text = "Kenyan Foreign Minister Ruth Wanjiru said the plan was dead after two rounds of talks."
    assert occurred(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chilean Foreign Minister Mirela Vasquez spoke by telephone with British Foreign "
        "Secretary Alan Pemberton, her ministry said on Wednesday.",
        "SANTIAGO, June 17 (Reuters) - Chilean Foreign Minister Mirela Vasquez has spoken by "
        "telephone with British Foreign Secretary Alan Pemberton.",
        "Chilean Foreign Minister Mirela Vasquez has spoken by telephone with British Foreign "
        "Secretary Alan Pemberton since Monday's vote.",
    ],
    ids=["day-it-was-told", "dateline-day", "since-a-day"],
)
def test_the_day_a_report_was_told_or_a_span_began_is_not_the_contacts(
    kb: KnowledgeBase, text: str
) -> None:
    found = occurred(kb, text)
    assert [c.date for c in found] == [None], pairs(found)


def test_the_one_by_whom_a_visit_is_made_is_the_visitor(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez arrived on Tuesday. It was the first visit to "
        "Britain by a Chilean foreign minister since 2009."
    )
    found = occurred(kb, text)
    visits = [c for c in found if c.type == "visit"]
    assert visits, pairs(found)
    assert all(c.participants[-1].state == "GBR" for c in visits), pairs(found)


def test_agreeing_to_meet_during_a_phone_call_is_a_call_that_happened(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez and her Peruvian counterpart Tomas Quispe "
        "agreed to meet during a telephone conversation on Tuesday."
    )
    found = detect(kb, text)
    assert {(c.type, c.status) for c in found} == {("call", "occurred"), ("meeting", "planned")}
    call = next(c for c in found if c.type == "call")
    assert call.date == date(2015, 6, 16)


@pytest.mark.parametrize(
    "pair",
    [
        "Chilean President Tomas Aravena and Peruvian President Luis Quispe",
        "Mr Aravena and Mr Quispe",
    ],
)
def test_a_contact_a_present_verb_follows_with_a_past_time_happened(
    kb: KnowledgeBase, pair: str
) -> None:
    text = (
        "Chilean President Tomas Aravena met Peruvian President Luis Quispe's envoy on Monday. "
        f"The meeting follows a call between {pair} earlier this month, the first in months."
    )
    calls = [c for c in detect(kb, text) if c.type == "call"]
    assert [c.status for c in calls] == ["occurred"], pairs(calls)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Tomas Aravena was greeted at Jorge Chavez airport on Tuesday night "
        "by Peruvian President Luis Quispe.",
        "Chilean President Tomas Aravena attended a state banquet on Tuesday hosted by Peruvian "
        "President Luis Quispe.",
        "LIMA, June 17: Chilean President Tomas Aravena crossed into Peru at the Tacna border "
        "post on Tuesday and was received by Peruvian President Luis Quispe, who embraced his "
        "visitor.",
    ],
    ids=["greeted-at-the-airport-by", "banquet-hosted-by", "crossed-and-was-received-by"],
)
def test_a_guest_received_or_feted_by_a_host_meets_the_host(kb: KnowledgeBase, text: str) -> None:
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Tomas Aravena", "Luis Quispe"})}, pairs(found)
    assert found[0].date == date(2015, 6, 16)


def test_a_pair_then_at_a_meeting_as_an_aside_is_their_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Grace Wanjiru and Ugandan President Moses Kato, at a meeting in Arusha "
        "on Tuesday, agreed on the plan."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Grace Wanjiru", "Moses Kato"})}, pairs(found)
    assert found[0].date == date(2015, 6, 16)


def test_a_state_banquet_for_a_guest_is_the_hosts_meeting_with_the_guest(
    kb: KnowledgeBase,
) -> None:
    text = (
        "On Tuesday evening, Kenyan President Grace Wanjiru and her husband hosted a state "
        "banquet for Ugandan President Moses Kato at State House."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Grace Wanjiru", "Moses Kato"})}, pairs(found)


def test_an_arrival_and_was_met_at_the_border_by_a_minister_is_a_meeting(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Kenyan President Grace Wanjiru arrived in Uganda on Tuesday aboard a special train and "
        "was met at the border station of Malaba by Ugandan Natural Resources Minister Moses Kato."
    )
    found = occurred(kb, text)
    assert frozenset({"Grace Wanjiru", "Moses Kato"}) in name_sets(found), pairs(found)


def test_a_virtual_summit_in_quotes_is_a_video_call(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Grace Wanjiru and her Ugandan counterpart, Moses Kato, held their "
        "first 'virtual summit' on Tuesday."
    )
    found = occurred(kb, text)
    assert [(c.type, c.mode) for c in found] == [("call", "video")], pairs(found)


@pytest.mark.parametrize(
    "how",
    ["one-on-one, with only interpreters present,", "informally for ten minutes during the lunch"],
)
def test_speaking_one_on_one_or_over_lunch_is_a_meeting(kb: KnowledgeBase, how: str) -> None:
    text = (
        f"Kenyan President Grace Wanjiru and Ugandan President Moses Kato spoke {how} on Tuesday."
    )
    found = occurred(kb, text)
    assert [c.type for c in found] == ["meeting"], pairs(found)


def test_standing_alongside_at_a_news_conference_is_a_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Grace Wanjiru stood alongside Ugandan President Moses Kato at a news "
        "conference in Kampala on Tuesday."
    )
    found = occurred(kb, text)
    assert name_sets(found) == {frozenset({"Grace Wanjiru", "Moses Kato"})}, pairs(found)
    assert (
        occurred(kb, "Kenyan President Grace Wanjiru stood alongside Uganda in the crisis.") == []
    )


def test_each_verb_takes_the_day_after_it(kb: KnowledgeBase) -> None:
    text = (
        "Kenyan President Grace Wanjiru, who met Ugandan President Moses Kato at State House on "
        "Sunday and hosted Tanzanian President Amina Mrisho for a working lunch on Monday, said "
        "the region was united."
    )
    days = {frozenset(p.name for p in c.participants): c.date for c in occurred(kb, text)}
    assert days == {
        frozenset({"Grace Wanjiru", "Moses Kato"}): date(2015, 6, 14),
        frozenset({"Grace Wanjiru", "Amina Mrisho"}): date(2015, 6, 15),
    }


def test_being_on_a_visit_is_a_visit_under_way(kb: KnowledgeBase) -> None:
    text = (
        "Zambian Foreign Minister Kalombo Chanda, who is on an official goodwill visit to Kenya at "
        "the invitation of the government, said ties were strong."
    )
    found = detect(kb, text)
    assert [(c.type, c.status) for c in found] == [("visit", "occurred")], pairs(found)


def test_a_denied_report_of_a_call_is_a_cancelled_call(kb: KnowledgeBase) -> None:
    text = (
        "The Chilean government on Tuesday flatly denied a newspaper report that President Tomas "
        "Aravena spoke by phone with Peruvian President Luis Quispe last week."
    )
    found = detect(kb, text)
    assert [(c.type, c.status) for c in found] == [("call", "cancelled")], pairs(found)


def test_leaders_talking_only_at_each_other_is_no_call(kb: KnowledgeBase) -> None:
    text = (
        "For now, Chilean President Tomas Aravena and Peruvian President Luis Quispe are talking "
        "only at each other, in statements and on social media."
    )
    assert detect(kb, text) == []


def test_due_to_be_received_by_is_a_planned_meeting(kb: KnowledgeBase) -> None:
    text = (
        "Chilean Foreign Minister Mirela Vasquez, who arrived in Lima late on Tuesday, is due to "
        "be received by Peruvian President Luis Quispe on Thursday."
    )
    found = detect(kb, text)
    assert [(c.type, c.status) for c in found] == [("meeting", "planned")], pairs(found)


def test_hosting_one_on_monday_and_another_on_thursday_is_two_meetings_each_dated(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Kenyan President Grace Wanjiru hosted Ugandan President Moses Kato on Monday and "
        "Tanzanian President Amina Mrisho on Thursday."
    )
    days = {frozenset(p.name for p in c.participants): c.date for c in detect(kb, text)}
    assert days == {
        frozenset({"Grace Wanjiru", "Moses Kato"}): date(2015, 6, 15),
        frozenset({"Grace Wanjiru", "Amina Mrisho"}): date(2015, 6, 11),  # the past Thursday
    }


def test_a_talk_the_noun_is_a_meeting_and_a_telephone_talk_a_call(kb: KnowledgeBase) -> None:
    met = occurred(
        kb,
        "Ugandan President Moses Kato flew to Nairobi on Tuesday for a talk with Kenyan "
        "President Grace Wanjiru.",
    )
    assert [c.type for c in met] == ["meeting"], pairs(met)
    phoned = occurred(
        kb,
        "Ugandan President Moses Kato had a telephone talk on Tuesday with Kenyan President "
        "Grace Wanjiru.",
    )
    assert [c.type for c in phoned] == ["call"], pairs(phoned)
