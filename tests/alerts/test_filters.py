"""Subscription filters: they select exactly the matching contacts and refuse bad input."""

from __future__ import annotations

import pytest

from alerts.filters import Filters, matches, parse_filters
from tests.alerts.conftest import make_contact


def person(canonical: str | None, kb_id: str | None, state: str, name: str | None = None) -> dict:
    return {
        "name": name or canonical,
        "canonical_name": canonical,
        "kb_id": kb_id,
        "state": state,
        "office": None,
        "role": "participant",
    }


PUTIN = person("Vladimir Putin", "Q7747", "RUS")
XI = person("Xi Jinping", "Q15031", "CHN")
BLINKEN = person("Antony Blinken", "Q4773993", "USA")
UNNAMED = person(None, None, "SAU", name="the Saudi foreign minister")


def article(source: str) -> dict:
    return {
        "url": f"https://{source}.example/a",
        "title": "t",
        "source": source,
        "published_at": None,
    }


CONTACTS = {
    "putin-xi-call": make_contact(
        id=1, participants=[PUTIN, XI], confidence=0.95, articles=[article("tass")]
    ),
    "putin-xi-meeting": make_contact(
        id=2,
        type="meeting",
        mode=None,
        participants=[PUTIN, XI],
        status="planned",
        confidence=0.6,
        articles=[article("kremlin")],
    ),
    "blinken-saudi-visit": make_contact(
        id=3,
        type="visit",
        mode=None,
        participants=[BLINKEN, UNNAMED],
        confidence=0.8,
        articles=[article("state-dept"), article("aljazeera")],
    ),
    "xi-blinken-call": make_contact(
        id=4,
        participants=[XI, BLINKEN],
        confidence=0.7,
        status="cancelled",
        articles=[article("aljazeera")],
    ),
}


def selected(raw: dict) -> set[str]:
    filters = parse_filters(raw)
    return {name for name, contact in CONTACTS.items() if matches(filters, contact)}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, set(CONTACTS)),
        ({"actors": ["Vladimir Putin"]}, {"putin-xi-call", "putin-xi-meeting"}),
        ({"actors": ["vladimir putin"]}, {"putin-xi-call", "putin-xi-meeting"}),  # any case
        ({"actors": ["Q4773993"]}, {"blinken-saudi-visit", "xi-blinken-call"}),  # kb id
        ({"actors": ["Q7747", "Q4773993"]}, set(CONTACTS)),  # alternatives
        ({"actors": ["the Saudi foreign minister"]}, {"blinken-saudi-visit"}),  # name in text
        ({"actors": ["Putin"]}, set()),  # a bare surname is not a canonical name
        ({"states": ["sau"]}, {"blinken-saudi-visit"}),
        ({"states": ["CHN"], "types": ["call"]}, {"putin-xi-call", "xi-blinken-call"}),
        ({"types": ["meeting", "visit"]}, {"putin-xi-meeting", "blinken-saudi-visit"}),
        ({"statuses": "occurred"}, {"putin-xi-call", "blinken-saudi-visit"}),  # one string is ok
        ({"sources": ["aljazeera"]}, {"blinken-saudi-visit", "xi-blinken-call"}),
        ({"min_confidence": 0.8}, {"putin-xi-call", "blinken-saudi-visit"}),
        ({"min_confidence": 1}, set()),
        (
            {
                "actors": ["Xi Jinping"],
                "statuses": ["planned", "cancelled"],
                "min_confidence": 0.65,
            },
            {"xi-blinken-call"},
        ),
    ],
)
def test_filters_select_exactly_the_matching_contacts(raw: dict, expected: set[str]) -> None:
    assert selected(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"actr": ["Putin"]}, "filters.actr: unknown key"),
        ({"actor": ["Putin"], "actors": ["Xi"]}, "filters.actors: given twice"),
        ({"types": ["phone"]}, "filters.types: 'phone' is not one of call, meeting, visit"),
        ({"statuses": ["done"]}, "filters.statuses: 'done' is not one of"),
        ({"states": 3}, "filters.states: expected a list of strings, got int"),
        ({"sources": ["tass", 5]}, "filters.sources: every value must be a non-empty string"),
        ({"actors": [""]}, "filters.actors: every value must be a non-empty string"),
        ({"min_confidence": "high"}, "filters.min_confidence: expected a number, got str"),
        ({"min_confidence": True}, "filters.min_confidence: expected a number, got bool"),
        ({"min_confidence": 1.5}, "filters.min_confidence: must be between 0 and 1"),
        ({"min_confidence": 10**4000}, "filters.min_confidence: must be between 0 and 1"),
        (["types"], "filters: expected an object, got list"),
    ],
)
def test_bad_filters_are_refused_naming_the_key(raw: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_filters(raw)  # type: ignore[arg-type]
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_canonical_form_round_trips() -> None:
    filters = parse_filters({"types": "call", "states": ["usa", "RUS"], "min_confidence": 0.5})
    assert filters.to_dict() == {"states": ["RUS", "USA"], "types": ["call"], "min_confidence": 0.5}
    assert parse_filters(filters.to_dict()) == filters
    assert Filters().to_dict() == {}
