"""Diplomatic-contact detection: who met, phoned or visited whom, resolved to real actors."""

from contacts.detect import detect_contacts
from contacts.kb import KnowledgeBase
from contacts.model import Contact, Participant

__all__ = ["Contact", "KnowledgeBase", "Participant", "detect_contacts"]
