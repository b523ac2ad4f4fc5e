"""Opaque page cursors.

Lists are ordered newest first by id, and a cursor is the last id a page showed: the next page
is "ids below it", which new rows (always higher ids) can never shift. Encoding it keeps clients
from building cursors by hand, so the format can change without breaking them.
"""

from __future__ import annotations

import base64
import binascii

from diplowatch.api.errors import invalid

_PREFIX = "v1:"
MAX_ID = 2**31 - 1  # ids are 32-bit integers in the schema


# Contacts listed by date page by position (their order is not the ids'): a cursor of its own
# kind, so one made for the other order is refused rather than misread.
POSITION_PREFIX = "v1p:"


def encode_cursor(last_id: int, prefix: str = _PREFIX) -> str:
    return base64.urlsafe_b64encode(f"{prefix}{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, prefix: str = _PREFIX) -> int | None:
    """The id a cursor stands for; None for no cursor; a 422 for anything not made here."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
        if not text.startswith(prefix) or not text[len(prefix) :].isdigit():
            raise ValueError(text)
        last_id = int(text[len(prefix) :])
    except (ValueError, UnicodeError, binascii.Error):
        raise invalid("query.cursor", "not a cursor from this API") from None
    if not 0 < last_id <= MAX_ID:
        raise invalid("query.cursor", "not a cursor from this API")
    return last_id


def next_cursor(ids: list[int], limit: int) -> str | None:
    """The cursor after a page fetched with limit + 1 rows: None when nothing is left."""
    return encode_cursor(ids[limit - 1]) if len(ids) > limit else None
