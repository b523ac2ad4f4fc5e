"""Every row of the trigger tables reads its own example: a row nobody can trigger is a defect."""

from __future__ import annotations

import pytest

from contacts.frame_words import PARSE_TRIGGER_ROWS, ParseTrigger
from contacts.frames import parse_triggers
from contacts.syntax import parse
from contacts.triggers import KINDS, ROWS, TriggerRow, find_triggers


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_every_phrase_pattern_reads_its_example(row: TriggerRow) -> None:
    assert row.name in {t.name for t in find_triggers(row.example)}


@pytest.mark.parametrize("row", PARSE_TRIGGER_ROWS, ids=lambda r: f"{r.lemma}-{r.pos}")
def test_every_parse_trigger_reads_its_example(row: ParseTrigger) -> None:
    assert row.kind in KINDS
    doc = parse([row.example])[0]
    # the row alone, without the phrase patterns that take most contact words first
    found = parse_triggers(doc, [])
    assert any(t.name == row.kind and t.text.lower().startswith(row.lemma[:3]) for t in found)


@pytest.mark.parametrize("row", PARSE_TRIGGER_ROWS, ids=lambda r: f"{r.lemma}-{r.pos}")
def test_no_phrase_pattern_takes_a_parse_triggers_example(row: ParseTrigger) -> None:
    # A row whose every use a phrase pattern takes first would be dead weight.
    doc = parse([row.example])[0]
    head = next(t for t in doc if t.lower_.startswith(row.lemma[:4]))
    taken = find_triggers(row.example)
    assert not any(t.start <= head.idx < t.end for t in taken), taken


def test_rows_have_unique_names() -> None:
    names = [row.name for row in ROWS]
    assert len(names) == len(set(names))
