"""A mention: a stretch of one sentence that names an actor, a title, a role, a place or a
reference (mentions.py reads them; appositions.py, mention_fixes.py and syntax.py adjust them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from contacts.kb import Actor

# A named person, a bare title ("the Foreign Minister"), a state or organisation, or a reference
# ("he", "his counterpart", "the two leaders") that resolve.py ties to a person of the discourse.
MentionKind = Literal["person", "role", "polity", "ref"]


@dataclass
class Mention:
    kind: MentionKind
    start: int  # character offsets in the sentence
    end: int
    name: str  # the name as in the text ("Ebrahim Raisi", "US officials", "Russia")
    actor: Actor | None = None
    state: str | None = None
    office: str | None = None  # from the text's title (the KB's office wins when known)
    # polity: "name" | "demonym" | "capital"; ref: "pronoun" | "title" | "pair" | "counterpart";
    # role: "role", or "members" for an organisation's own ("EC farm ministers", "Opec ministers"),
    # a group that meets as a party of its own; person: "former" for one who holds the title no
    # more ("former President X"), a private person no state sends; "private" for one whose
    # title no state gives ("opposition leader X", "Socialist Party leader X")
    how: str = ""
    title_text: str = ""  # "Foreign Minister" as written
