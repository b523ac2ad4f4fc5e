"""Checks on where a subscription sends: a public http(s) URL, or an e-mail address.

The API refuses webhook URLs that name a private, loopback or link-local host, so a token
holder cannot make the server probe its own network. It uses the sender's own rules
(alerts.targets), resolving the name once; a name that does not resolve yet is accepted,
because the sender checks the resolved address again on every delivery (which also covers a
name whose address changes later).
"""

from __future__ import annotations

import re
import time

from alerts.targets import TargetRefused, TargetUnreachable, parse_target, resolve

# Names that by convention never leave the local network, whatever a resolver says today.
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")
RESOLVE_SECONDS = 3.0

# Deliberately loose: one @, no spaces, a dotted domain. Deliverability is the SMTP server's
# call; this catches pasting a URL or a name into the address field.
EMAIL = re.compile(
    r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def check_webhook_url(url: str, *, allow_private: bool) -> str | None:
    """Why `url` is not an acceptable webhook target, or None when it is."""
    try:
        target = parse_target(url)
    except TargetRefused as exc:
        return str(exc)
    if allow_private:
        return None
    host = target.host.lower().rstrip(".")
    if host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        return f"{host} is a local name; private targets are refused"
    try:
        resolve(target, allow_private=False, deadline=time.monotonic() + RESOLVE_SECONDS)
    except TargetRefused as exc:
        return str(exc)
    except TargetUnreachable:
        pass  # not resolvable now: the sender checks again at every delivery
    return None


def check_email(address: str) -> str | None:
    if len(address) > 254 or not EMAIL.match(address):
        return "must look like an e-mail address (name@example.org)"
    return None
