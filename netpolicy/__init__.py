"""Which IP addresses diplowatch may connect to on its own initiative: the public ones.

Two guards ask it: the crawler, before it follows a link that a feed or page discovered
(crawler/addresses.py), and the alerts, before a webhook is sent (alerts/targets.py). Both are
server-side request forgery guards and must agree on one meaning of "public"; this package is that
meaning, kept apart from both libraries so that neither imports the other. It needs only the
standard library and knows nothing of crawling or alerts.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

__all__ = ["IPAddress", "is_public", "is_public_text"]


def is_public(address: IPAddress) -> bool:
    """Whether `address` is a globally routable unicast address (the only kind we reach)."""
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in net for net in _NEVER_PUBLIC):
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    # is_global is False for loopback, private, link-local, reserved, unspecified and shared
    # (CGNAT) space; multicast can be "global", so it is refused separately.
    return address.is_global and not address.is_multicast


def is_public_text(address: str) -> bool:
    """`is_public` of an address literal ("10.0.0.5", "fe80::1%eth0"); ValueError if not one."""
    return is_public(ipaddress.ip_address(address.split("%", 1)[0]))  # drop an IPv6 zone id


# IPv6 forms that carry an IPv4 address are judged by that address; the ranges where the standard
# library has no accessor of its own take the low 32 bits.
_CARRIES_IPV4 = tuple(
    ipaddress.ip_network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated): ::127.0.0.1
        "::ffff:0:0:0/96",  # SIIT: ::ffff:0:7f00:1
        "64:ff9b::/96",  # NAT64, well-known prefix: 64:ff9b::a9fe:a9fe
    )
)
_NEVER_PUBLIC = tuple(
    ipaddress.ip_network(net)
    for net in (
        "fec0::/10",  # site-local (deprecated, still routed inside some networks)
        "64:ff9b:1::/48",  # NAT64 for local use
    )
)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in net for net in _CARRIES_IPV4):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
