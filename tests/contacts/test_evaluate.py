"""The scoring rule (contacts-dev/README.md) on documents written here, and the dev-set goals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from contacts import Contact, KnowledgeBase, Participant, detect_contacts
from contacts.evaluate import evaluate
from diplowatch.commands.evaluate import command


def gold(*names: str, type_: str = "call", status: str = "occurred") -> dict:
    return {
        "type": type_,
        "mode": "phone" if type_ == "call" else None,
        "status": status,
        "background": False,
        "participants": [{"name": n, "state": None, "office": None} for n in names],
    }


def call(*people: tuple[str, str | None]) -> Contact:
    return Contact(
        type="call",
        mode="phone",
        status="occurred",
        date=None,
        participants=[Participant(name=n, state=s) for n, s in people],
    )


def fixed(predictions: dict[str, list[Contact]]):
    return lambda text, published: predictions[text]


def test_matching_by_surname_and_by_state_for_unnamed_parties(kb: KnowledgeBase) -> None:
    docs = [
        {"id": "a", "text": "a", "complete": True, "contacts": [gold("Mahmud Abbas", "Putin")]},
        {
            "id": "b",
            "text": "b",
            "complete": True,
            "contacts": [gold("Moroccan diplomats", "President Obama", type_="meeting")],
        },
    ]
    predictions = {
        "a": [call(("Vladimir Putin", "RUS"), ("Mahmoud Abbas", "PSE"))],
        "b": [call(("Moroccan envoys", "MAR"), ("Barack Obama", "USA"))],
    }
    report = evaluate(docs, fixed(predictions), kb)
    assert (report.recall, report.precision) == (1.0, 1.0)
    assert report.type_accuracy == 0.5  # b was a meeting, predicted as a call


def test_a_second_prediction_of_the_same_pair_is_a_false_alarm(kb: KnowledgeBase) -> None:
    docs = [{"id": "a", "text": "a", "complete": True, "contacts": [gold("Putin", "Erdogan")]}]
    twice = [call(("Putin", "RUS"), ("Erdogan", "TUR")), call(("Putin", "RUS"), ("Erdogan", "TUR"))]
    report = evaluate(docs, fixed({"a": twice}), kb)
    assert report.precision == 0.5
    assert len(report.false_alarms) == 1


def test_incomplete_documents_count_for_recall_only(kb: KnowledgeBase) -> None:
    docs = [
        {"id": "a", "text": "a", "complete": False, "contacts": [gold("Putin", "Erdogan")]},
        {"id": "b", "text": "b", "complete": True, "contacts": []},
    ]
    predictions = {
        "a": [call(("Xi", "CHN"), ("Lula", "BRA"))],
        "b": [call(("Xi", "CHN"), ("Lula", "BRA"))],
    }
    report = evaluate(docs, fixed(predictions), kb)
    assert report.recall == 0.0
    assert report.counts["predicted"] == 1 and report.precision == 0.0
    assert report.false_alarm_rate == 1.0


def test_planned_and_background_gold_is_not_required(kb: KnowledgeBase) -> None:
    old = gold("Putin", "Erdogan") | {"background": True}
    docs = [
        {
            "id": "a",
            "text": "a",
            "complete": True,
            "contacts": [gold("Putin", "Xi", status="planned"), old],
        }
    ]
    report = evaluate(docs, fixed({"a": [call(("Putin", "RUS"), ("Erdogan", "TUR"))]}), kb)
    assert report.counts["required"] == 0
    assert report.counts["predicted"] == 0  # a background contact: neither rewarded nor punished


def test_the_eval_command_prints_the_scores_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    docs = [
        {
            "id": "written-1",
            "published_at": "2024-03-04",
            "complete": True,
            "text": "Russian President Vladimir Putin spoke by phone with Turkish President "
            "Recep Tayyip Erdogan on Monday.",
            "contacts": [gold("Vladimir Putin", "Recep Tayyip Erdogan")],
        },
        {
            "id": "written-2",
            "published_at": "2024-03-04",
            "complete": True,
            "text": "Chinese President Xi Jinping met Brazilian President Lula in Beijing.",
            "contacts": [],
        },
    ]
    path.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    result = CliRunner().invoke(command, ["contacts", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "precision           0.500" in result.output
    assert "recall              1.000" in result.output
    assert "false-alarm rate    1.000" in result.output
    assert "FALSE written-2" in result.output


@pytest.mark.shared
def test_dev_set_goals(shared_dir: Path, kb: KnowledgeBase) -> None:
    path = shared_dir / "contacts-dev" / "dev.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    report = evaluate(docs, lambda text, day: detect_contacts(text, day, kb=kb), kb)
    assert report.precision >= 0.95
    assert report.recall >= 0.90
    assert report.type_accuracy >= 0.95
    assert report.false_alarm_rate <= 0.02
