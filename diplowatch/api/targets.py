"""Checks on where a subscription sends: a public http(s) URL, or an e-mail address.

The API refuses webhook URLs that name a private, loopback or link-local host, so a token
holder cannot make the server probe its own network. Names are resolved too; a name that does
not resolve yet is accepted, because the sender checks the resolved address again on every
delivery (which also covers a name whose address changes later).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa")

# Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the SMTP
# server's call; this catches the typo of pasting a URL or a name into the address field.
EMAIL = re.compile(
    r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def check_webhook_url(url: str, *, allow_private: bool) -> str | None:
    """Why `url` is not an acceptable webhook target, or None when it is."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme not in {"http", "https"}:
        return "must be an http:// or https:// URL"
    host = parts.hostname
    if not host:
        return "must name a host"
    if parts.username is not None or parts.password is not None:
        return "must not carry credentials; authenticate receipt with the signing secret"
    if port == 0:
        return "port 0 is not a port"
    if allow_private:
        return None
    if host.lower().endswith(LOCAL_NAMES) or host.lower() == "localhost":
        return f"{host} is a local name; private targets are refused (alerts.allow_private_targets)"
    for address in _addresses(host):
        if _is_private(address):
            return (
                f"{host} is a private or loopback address ({address}); private targets are "
                "refused (alerts.allow_private_targets)"
            )
    return None


def check_email(address: str) -> str | None:
    if len(address) > 254 or not EMAIL.match(address):
        return "must look like an e-mail address (name@example.org)"
    return None


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return []  # does not resolve (yet): the sender checks again when it sends
    found = []
    for info in infos:
        try:
            found.append(ipaddress.ip_address(info[4][0].split("%")[0]))
        except ValueError:
            continue
    return found


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast
