"""The seed article (The Moscow Times, 2023-10-16): exactly five phone calls by Putin, nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contacts import KnowledgeBase, detect_contacts

pytestmark = pytest.mark.shared


def test_seed_article_holds_exactly_five_calls_by_putin(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "contacts-dev" / "seed" / "moscowtimes-2023-10-16-putin-netanyahu.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} is absent")
    kb = KnowledgeBase.load_default(override=tmp_path / "no-override.json")

    found = detect_contacts(seed.read_text(encoding="utf-8"), date(2023, 10, 16), kb=kb)

    assert len(found) == 5
    for contact in found:
        assert (contact.type, contact.mode, contact.status) == ("call", "phone", "occurred")
        assert contact.date == date(2023, 10, 16)
        assert not contact.background
        assert contact.cameo == "041"
        putin, other = contact.participants
        assert putin.canonical_name == "Vladimir Putin"
        assert (putin.state, putin.office) == ("RUS", "President")
    others = {c.participants[1].canonical_name: c for c in found}
    assert set(others) == {
        "Benjamin Netanyahu",
        "Abdel Fattah el-Sisi",
        "Ebrahim Raisi",
        "Bashar al-Assad",
        "Mahmoud Abbas",
    }
    netanyahu = others["Benjamin Netanyahu"]
    # The article calls him "Israeli President"; on that day he was Prime Minister.
    assert netanyahu.participants[1].office == "Prime Minister"
    assert netanyahu.participants[1].state == "ISR"
    assert netanyahu.initiator == "Vladimir Putin"
    assert any("Israeli President Benjamin Netanyahu" in s for s in netanyahu.evidence)
    assert others["Mahmoud Abbas"].participants[1].state == "PSE"
