"""Party keys of people outside the knowledge base recomputed with the detector's identity
(contacts.model.Participant.key(): NFKD, accents and dots dropped, lower case, one space), so
"José Ramos-Horta Jr." and "Jose Ramos-Horta Jr" are one party, and a contact's key with them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:40:00
"""

import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _normalise(name: str) -> str:
    # The detector's rule as of this revision, frozen here: a migration must not change meaning
    # when the code it came with changes later.
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace(".", "").split())


def _new_key(key: str) -> str:
    if not key.startswith("state:"):
        return key  # a knowledge-base id
    _, state, name = key.split(":", 2)
    return f"state:{state}:{_normalise(name)}"


def upgrade() -> None:
    connection = op.get_bind()
    participants = sa.table(
        "contact_participants", sa.column("id"), sa.column("contact_id"), sa.column("party_key")
    )
    contacts = sa.table("contacts", sa.column("id"), sa.column("party_key"))
    rows = connection.execute(
        sa.select(participants.c.id, participants.c.contact_id, participants.c.party_key)
    ).all()
    by_contact: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)
    for row_id, contact_id, key in rows:
        by_contact[contact_id].append((row_id, key))
    keys: dict[int, list[str]] = {}
    changed: set[int] = set()
    for contact_id, members in by_contact.items():
        # One row per party: a row already holding the new key is kept, then the first one.
        keep: dict[str, tuple[int, str]] = {}
        for row_id, key in sorted(members, key=lambda m: (_new_key(m[1]) != m[1], m[0])):
            keep.setdefault(_new_key(key), (row_id, key))
        kept = {row_id for row_id, _ in keep.values()}
        for row_id, _ in members:
            if row_id not in kept:  # two spellings of one person in one contact
                connection.execute(participants.delete().where(participants.c.id == row_id))
                changed.add(contact_id)
        for new, (row_id, key) in keep.items():
            if new != key:
                connection.execute(
                    participants.update().where(participants.c.id == row_id).values(party_key=new)
                )
                changed.add(contact_id)
        keys[contact_id] = list(keep)
    for contact_id in changed:
        connection.execute(
            contacts.update()
            .where(contacts.c.id == contact_id)
            .values(party_key="|".join(sorted(set(keys[contact_id]))))
        )


def downgrade() -> None:
    # The old keys (lower case only) cannot be told back from the new ones; they still work as
    # keys, so there is nothing to undo.
    pass
