"""Diplomatic-contact detection: who met, phoned or visited whom, resolved to real actors."""

from contacts.detect import ArticleText, detect_contacts, detect_many
from contacts.kb import KnowledgeBase
from contacts.model import Contact, Participant

__all__ = [
    "ArticleText",
    "Contact",
    "KnowledgeBase",
    "Participant",
    "detect_contacts",
    "detect_many",
]
