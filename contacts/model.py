"""What the detector reports: a diplomatic contact and its participants.

Plain dataclasses, so the application can store them and tests can compare them. The vocabulary
(type, mode, status, CAMEO and PLOVER codes) is the one in contacts-dev/GUIDELINES.md of the shared
data set the project is measured on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ContactType = Literal["call", "meeting", "visit"]
Mode = Literal["phone", "video"]
Status = Literal["occurred", "planned", "cancelled"]


@dataclass
class Participant:
    """One side of a contact: a person (or an unnamed role such as "US officials") acting for a state.

    `name` is the name as the text gives it, fullest form; the rest comes from the knowledge base
    when the person is in it (`office` is the office held on the contact's date, not the title the
    text happens to use).
    """

    name: str
    canonical_name: str | None = None
    kb_id: str | None = None
    state: str | None = None
    office: str | None = None

    def key(self) -> str:
        """Identity for de-duplication: the knowledge-base id, else state and normalised name."""
        if self.kb_id:
            return self.kb_id
        return f"state:{self.state or '?'}:{_normalise(self.name)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "canonical_name": self.canonical_name,
            "kb_id": self.kb_id,
            "state": self.state,
            "office": self.office,
        }


@dataclass
class Contact:
    """A call, meeting or visit between participants of different states or organisations."""

    type: ContactType
    mode: Mode | None
    status: Status
    date: date | None
    participants: list[Participant]
    initiator: str | None = None
    location: str | None = None
    evidence: list[str] = field(default_factory=list)
    confidence: float = 0.5
    cameo: str = "040"
    plover_mode: str = ""
    background: bool = False

    def party_keys(self) -> frozenset[str]:
        return frozenset(p.key() for p in self.participants)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "participants": [p.to_dict() for p in self.participants],
            "initiator": self.initiator,
            "location": self.location,
            "evidence": list(self.evidence),
            "confidence": self.confidence,
            "cameo": self.cameo,
            "plover_mode": self.plover_mode,
            "background": self.background,
        }


def _normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace(".", "").split())
