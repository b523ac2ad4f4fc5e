"""Passwords out of everything printed or stored: URLs keep their user name, never a password.

A database URL in an error line, a feed URL with credentials in a log line or in
`crawl_runs.error_summary`: each is read by more people, and kept longer, than the config file.
"""

from __future__ import annotations

import re

# user:password@host, after "//" (scheme://user:password@host) or on its own, as a network
# library names a host it could not reach ("invalid hostname: user:password@host").
_CREDENTIALS = re.compile(
    r"(?:(?<=//)|(?<=[\s'\"(<])|^)(?P<user>[\w.%+~-]*):(?P<secret>[^\s/@]+)@(?=[\w\[])"
)


def mask_urls(text: str) -> str:
    """`text` with the password of every URL (or user:password@host) in it replaced by ***."""
    return _CREDENTIALS.sub(lambda m: f"{m.group('user')}:***@", text)
