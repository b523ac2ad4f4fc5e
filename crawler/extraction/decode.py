"""Bytes to text: the declared charset first (BOM, then <meta>), else a statistical guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for in the first bytes only, as browsers do.
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_PREScan_BYTES = 4096
_TAG = re.compile(rb"<[^>]*>|&#?\w+;")
_SNIFF_BYTES = 64 * 1024


def declared_encoding(data: bytes) -> str | None:
    """The encoding a BOM or a <meta> charset declares, if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    match = _META_CHARSET.search(data[:_PREScan_BYTES])
    if match:
        return _known(match.group(1).decode("ascii", "ignore"))
    return None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Decode a page: the caller's encoding (HTTP header), the page's own declaration, UTF-8,
    then charset_normalizer's guess; undecodable bytes are replaced, never fatal. A byte order
    mark wins over everything, as in browsers (HTML's encoding sniffing puts it first)."""
    for bom, name in _BOMS:
        if data.startswith(bom):  # the codecs named there drop the mark themselves
            return data.decode(name, errors="replace")
    declared = _known(encoding) or declared_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to the checks below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Guess from the text between tags: markup is ASCII and would only dilute the evidence.
    sample = _TAG.sub(b" ", data[: _SNIFF_BYTES * 4])[:_SNIFF_BYTES]
    best = from_bytes(sample).best()
    guessed = best.encoding if best is not None else None
    return data.decode(guessed or declared or "utf-8", errors="replace")
