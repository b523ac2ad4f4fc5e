"""Score the detector on labelled documents, by the rule of contacts-dev/README.md.

A gold contact is found when one predicted contact holds at least two of its participants
(matched by surname or full-name tokens, diacritics and al-/el- ignored; a gold participant that is
only a title and a state, "Moroccan diplomats", matches on the state). Required gold: status
`occurred`, not background. Precision counts predicted `occurred` contacts of `complete`
documents; a second prediction of a contact already matched in the same document is a false alarm.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from contacts.lexicon import Lexicon, lexicon_for, tokenize
from contacts.model import Contact, Participant

if TYPE_CHECKING:
    from contacts.kb import KnowledgeBase

_STOP = frozenset("the of and a an his her their president prime minister leader".split())

Detector = Callable[[str, date | None], list[Contact]]

Half = Literal["tune", "holdout"]

# Changing the salt would reshuffle which documents were never tuned on: keep it fixed.
_SPLIT_SALT = "diplowatch-split-1:"


def split_half(doc_id: str) -> Half:
    """The fixed half a labelled document belongs to: rules are tuned on "tune" only.

    A hash of the id, not the file order, so a document keeps its half when files are re-sorted
    or extended.
    """
    digest = hashlib.sha256((_SPLIT_SALT + doc_id).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "holdout"


def select_half(docs: Iterable[dict[str, Any]], half: Half | None) -> list[dict[str, Any]]:
    """The documents of one half (all of them when `half` is None)."""
    return [d for d in docs if half is None or split_half(str(d["id"])) == half]


@dataclass
class EvalReport:
    precision: float
    recall: float
    f1: float
    type_accuracy: float
    false_alarm_rate: float
    counts: dict[str, int]
    misses: list[dict[str, Any]] = field(default_factory=list)  # {"id", "gold", "predicted"}
    false_alarms: list[dict[str, Any]] = field(default_factory=list)  # {"id", "contact"}


def evaluate(docs: Iterable[dict[str, Any]], detect: Detector, kb: KnowledgeBase) -> EvalReport:
    """Run `detect(text, published)` over `docs` (dev.jsonl records) and score it."""
    lexicon = lexicon_for(kb)
    counts = dict.fromkeys(
        (
            "required",
            "found",
            "predicted",
            "correct",
            "typed",
            "type_ok",
            "empty_docs",
            "empty_docs_alarmed",
        ),
        0,
    )
    misses: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    for doc in docs:
        published = date.fromisoformat(doc["published_at"]) if doc.get("published_at") else None
        predicted = [c for c in detect(doc["text"], published) if not c.background]
        occurred = [c for c in predicted if c.status == "occurred"]
        gold = [g for g in doc.get("contacts", [])]
        required = [g for g in gold if g["status"] == "occurred" and not g.get("background")]
        matched_predictions: set[int] = set()
        for g in required:
            counts["required"] += 1
            hit = next((c for c in occurred if _matches(g, c, lexicon)), None)
            if hit is None:
                misses.append(
                    {"id": doc["id"], "gold": g, "predicted": [c.to_dict() for c in occurred]}
                )
                continue
            counts["found"] += 1
            counts["typed"] += 1
            counts["type_ok"] += (g["type"] == "call") == (hit.type == "call")
            matched_predictions.add(id(hit))
        if not doc.get("complete"):
            continue
        seen_for_gold: set[int] = set()
        doc_alarms = 0
        for c in occurred:
            counts["predicted"] += 1
            hits = [
                i
                for i, g in enumerate(gold)
                if g["status"] == "occurred" and _matches(g, c, lexicon)
            ]
            # a prediction is credited to a gold contact no earlier prediction took ("Miyazawa
            # met Baker" beside the G-7 meeting they both attended)
            gold_hit = next((i for i in hits if i not in seen_for_gold), hits[0] if hits else None)
            good = gold_hit is not None and not gold[gold_hit].get("background")
            if good and gold_hit in seen_for_gold and len(c.participants) == 2:
                good = False  # the same two-party contact twice would alert twice
            if good and gold_hit is not None:
                counts["correct"] += 1
                seen_for_gold.add(gold_hit)
            elif gold_hit is None or not gold[gold_hit].get("background"):
                doc_alarms += 1
                alarms.append({"id": doc["id"], "contact": c.to_dict()})
            else:
                counts["predicted"] -= 1  # background gold: neither rewarded nor punished
        if not gold:
            counts["empty_docs"] += 1
            counts["empty_docs_alarmed"] += doc_alarms > 0
    precision = counts["correct"] / counts["predicted"] if counts["predicted"] else 1.0
    recall = counts["found"] / counts["required"] if counts["required"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    type_accuracy = counts["type_ok"] / counts["typed"] if counts["typed"] else 1.0
    far = counts["empty_docs_alarmed"] / counts["empty_docs"] if counts["empty_docs"] else 0.0
    return EvalReport(precision, recall, f1, type_accuracy, far, counts, misses, alarms)


def _matches(gold: dict[str, Any], contact: Contact, lexicon: Lexicon) -> bool:
    hits = 0
    used: set[int] = set()
    for g in gold["participants"]:
        for i, p in enumerate(contact.participants):
            if i not in used and _same_party(g, p, lexicon):
                used.add(i)
                hits += 1
                break
    return hits >= min(2, len(gold["participants"]))


def _same_party(gold: dict[str, Any], predicted: Participant, lexicon: Lexicon) -> bool:
    state = gold.get("state") or _state_in(gold.get("name") or "", lexicon)
    if state and not _has_person_name(gold, lexicon):
        # "Israeli negotiators" is matched by its state alone: its words ("negotiators") would
        # also match "Hamas negotiators".
        return predicted.state == state
    gold_tokens = _name_tokens(gold.get("name") or "")
    names = [predicted.name, predicted.canonical_name or ""]
    for name in names:
        tokens = _name_tokens(name)
        if not tokens or not gold_tokens:
            continue
        if tokens[-1] in gold_tokens or gold_tokens[-1] in tokens:
            return True
        if set(tokens) & set(gold_tokens) - _STOP and len(set(tokens) & set(gold_tokens)) >= 2:
            return True
    return False


def _name_tokens(name: str) -> list[str]:
    return [t.key for t in tokenize(name) if t.key not in _STOP and t.key.isalpha()]


def _state_in(name: str, lexicon: Lexicon) -> str | None:
    tokens = tokenize(name)
    for i in range(len(tokens)):
        _, entries = lexicon.match(tokens, i)
        for entry in entries:
            if entry.kind == "polity":
                code: str = entry.value.code
                return code
    return None


def _has_person_name(gold: dict[str, Any], lexicon: Lexicon) -> bool:
    # "Russian Foreign Minister Andrei Kozyrev" names a person; "Moroccan diplomats" does not.
    tokens = tokenize(gold.get("name") or "")
    i = 0
    while i < len(tokens):
        if not tokens[i].cap:
            i += 1
            continue
        n, entries = lexicon.match(tokens, i)
        if not entries:
            return True
        if any(e.kind in ("actor", "surname") for e in entries):
            return True
        i += n  # "United States" is one polity, not "United" and a name "States"
    return False
