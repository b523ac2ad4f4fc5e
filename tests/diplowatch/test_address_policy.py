"""One address policy for both SSRF guards: the crawler's (discovered links) and the alerts'
(webhook targets). Both take it from netpolicy/; this table holds the policy to its meaning, and
each guard is asked through its own entry point so that neither can stop using it unnoticed."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from alerts.targets import TargetRefused, parse_target, resolve
from crawler.addresses import private_address_of
from netpolicy import is_public_text


def _alerts_guard(text: str) -> bool:
    host = f"[{text}]" if ":" in text else text
    try:
        resolve(
            parse_target(f"https://{host}/hook"), allow_private=False, deadline=time.monotonic() + 5
        )
    except TargetRefused:
        return False
    return True


GUARDS: dict[str, Callable[[str], bool]] = {
    "policy": is_public_text,
    "crawler": lambda text: private_address_of(text) is None,
    "alerts": _alerts_guard,
}

# (address, public?, what it is)
ADDRESSES = [
    ("93.184.216.34", True, "a public IPv4 address"),
    ("2606:4700::1111", True, "a public IPv6 address"),
    ("127.0.0.1", False, "loopback"),
    ("10.0.0.5", False, "private"),
    ("172.16.0.1", False, "private"),
    ("192.168.1.1", False, "private"),
    ("100.64.0.1", False, "shared (CGNAT)"),
    ("169.254.169.254", False, "link-local: cloud metadata"),
    ("0.0.0.0", False, "unspecified"),
    ("224.0.0.1", False, "multicast"),
    ("255.255.255.255", False, "broadcast"),
    ("::1", False, "IPv6 loopback"),
    ("::", False, "IPv6 unspecified"),
    ("fe80::1", False, "IPv6 link-local"),
    ("fc00::1", False, "IPv6 unique local"),
    ("fec0::1", False, "IPv6 site-local"),
    ("ff02::1", False, "IPv6 multicast"),
    ("::ffff:127.0.0.1", False, "IPv4-mapped loopback"),
    ("::ffff:93.184.216.34", True, "IPv4-mapped public"),
    ("::127.0.0.1", False, "IPv4-compatible loopback"),
    ("::ffff:0:7f00:1", False, "SIIT loopback"),
    ("64:ff9b::a9fe:a9fe", False, "NAT64 of 169.254.169.254"),
    ("64:ff9b::5db8:d822", True, "NAT64 of a public address"),
    ("64:ff9b:1::1", False, "NAT64 local use"),
    ("2002:7f00:1::", False, "6to4 of 127.0.0.1"),
    ("2002:5db8:d822::1", True, "6to4 of a public address"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", False, "Teredo of 127.0.0.1"),
]


@pytest.mark.parametrize("guard", sorted(GUARDS))
@pytest.mark.parametrize(("address", "public", "what"), ADDRESSES, ids=[a[0] for a in ADDRESSES])
def test_both_guards_follow_one_table(guard: str, address: str, public: bool, what: str) -> None:
    assert GUARDS[guard](address) is public, what


def test_a_zone_id_does_not_hide_a_link_local_address() -> None:
    assert not is_public_text("fe80::1%eth0")


def test_a_name_is_not_an_address_literal() -> None:
    with pytest.raises(ValueError):
        is_public_text("example.org")
