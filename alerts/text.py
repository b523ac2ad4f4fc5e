"""Short human wording of a contact, shared by e-mail subjects and the webhook `summary` field:
"Putin – Netanyahu: phone call, 16 Oct 2023".
"""

from __future__ import annotations

from datetime import date
from typing import Any

# Family names that lead in the usual English rendering of East Asian leaders' names
# ("Xi Jinping", "Kim Jong Un", "Lee Jae-myung"): for these the first word is the surname.
FAMILY_NAME_FIRST = frozenset(
    """Xi Li Wang Zhao Zhang Chen Liu Yang Huang Zhou Wu Xu Sun Zhu Hu Guo Lin Luo Gao Liang
    Song Tang Deng Feng Cao Peng Zeng Xiao Tian Dong Pan Yuan Jiang Wen Ding Cai Han Qin Kim Moon
    Yoon Lee Park Choe Ri Pak Nguyen Pham Tran Vo Hun""".split()
)
# Particles that belong to the surname that follows them ("bin Salman", "von der Leyen").
PARTICLES = frozenset("al el bin ibn bint von van der den de da di du la le ben abu".split())
ROLE_ORDER = {"initiator": 0, "recipient": 1, "participant": 2}
MAX_NAMES = 3


def surname(participant: dict[str, Any]) -> str:
    """How a subject line names a participant: the surname of a known person, else the name as
    the article gave it (which may be a title: "the Saudi foreign minister")."""
    canonical: str | None = participant.get("canonical_name")
    if not canonical:
        return str(participant.get("name") or "unknown").strip()[:60]
    words = canonical.split()
    if len(words) == 1:
        return words[0]
    if words[0] in FAMILY_NAME_FIRST:
        return words[0]
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def ordered_participants(contact: dict[str, Any]) -> list[dict[str, Any]]:
    """Initiator first, then recipients, then the rest, each group in the stored order."""
    people = list(contact.get("participants") or [])
    return sorted(people, key=lambda p: ROLE_ORDER.get(p.get("role") or "participant", 2))


def kind_label(contact: dict[str, Any]) -> str:
    """ "phone call", "video call", "call", "meeting", "visit"; with "planned" / "cancelled"."""
    kind = contact.get("type") or "contact"
    if kind == "call":
        mode = contact.get("mode")
        kind = f"{mode} call" if mode in {"phone", "video"} else "call"
    status = contact.get("status")
    if status in {"planned", "cancelled"}:
        kind = f"{status} {kind}"
    return kind


def format_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def when_label(contact: dict[str, Any]) -> str:
    """ "16 Oct 2023", or "date not given, published 2 Dec 2024" when the text gave no date."""
    if contact.get("date"):
        return format_day(date.fromisoformat(contact["date"]))
    if contact.get("publication_date"):
        published = format_day(date.fromisoformat(contact["publication_date"]))
        return f"date not given, published {published}"
    return "date not given"


def names_label(contact: dict[str, Any]) -> str:
    names = [surname(p) for p in ordered_participants(contact)]
    if len(names) > MAX_NAMES:
        return " – ".join(names[:MAX_NAMES]) + f" and {len(names) - MAX_NAMES} more"
    return " – ".join(names) or "unknown parties"


def summary(contact: dict[str, Any]) -> str:
    """One line: "Putin – Netanyahu: phone call, 16 Oct 2023"."""
    return f"{names_label(contact)}: {kind_label(contact)}, {when_label(contact)}"


def describe_participant(participant: dict[str, Any]) -> str:
    """ "Vladimir Putin (President, RUS; initiator)"."""
    name = participant.get("canonical_name") or participant.get("name") or "unknown"
    details = ", ".join(x for x in (participant.get("office"), participant.get("state")) if x)
    role = participant.get("role")
    if role in {"initiator", "recipient"}:
        details = f"{details}; {role}" if details else role
    return f"{name} ({details})" if details else name
