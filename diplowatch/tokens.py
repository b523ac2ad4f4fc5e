"""API tokens: made at random, shown once, stored only as a SHA-256 hash.

A token is 32 random bytes, so a fast hash is enough: there is nothing to brute-force that a
slow password hash would protect. The "dw_" prefix lets secret scanners and people recognise it.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.orm import Session

from store import repository as repo
from store.models import ApiToken

PREFIX = "dw_"


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(session: Session, name: str) -> tuple[ApiToken, str]:
    """Store a new token under `name`; returns the row and the plain token (never stored)."""
    token = new_token()
    return repo.add_api_token(session, name, hash_token(token)), token


def find_token(session: Session, token: str) -> ApiToken | None:
    """The live token row for a presented token, None when unknown or revoked."""
    return repo.find_api_token(session, hash_token(token))
