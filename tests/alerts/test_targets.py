"""SSRF protection: private targets are refused unless allowed, and the request goes to the very
address that was checked (the name is resolved once, not again by the HTTP layer)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from alerts.webhooks import new_secret, send_webhook
from netpolicy import is_public
from tests.alerts.receiver import Receiver


def send(url: str, *, allow_private: bool):  # type: ignore[no-untyped-def]
    return send_webhook(url, b"{}", "msg_1", [new_secret()], timeout=3, allow_private=allow_private)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    ],
)
def test_private_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_loopback_ip_is_refused_by_default(receiver: Receiver) -> None:
    result = send(receiver.url, allow_private=False)
    assert not result.ok and result.permanent
    assert result.error == "127.0.0.1 is a private or reserved address; private targets are refused"
    assert receiver.received == []
    assert send(receiver.url, allow_private=True).ok


def test_a_name_resolving_to_loopback_is_refused(receiver: Receiver) -> None:
    url = f"http://localhost:{receiver.port}/hook"
    result = send(url, allow_private=False)
    assert not result.ok and result.permanent
    assert "localhost resolves to 127.0.0.1" in result.error or "::1" in result.error
    assert receiver.received == []


@pytest.mark.parametrize("url", ["http://[::1]:9/hook", "http://169.254.169.254/latest/meta-data"])
def test_other_private_literals_are_refused(url: str) -> None:
    result = send(url, allow_private=False)
    assert result.permanent and "private" in result.error


def test_any_private_address_among_several_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    def two_answers(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", two_answers)
    result = send("https://hooks.example.org/hook", allow_private=False)
    assert result.permanent and "10.0.0.7" in result.error


def test_connects_to_the_checked_address_with_the_name_as_host(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is looked up once; the request goes to that address and says Host: <name>.

    A resolver that answered differently on a second lookup (DNS rebinding) would show up here
    as a second call; the HTTP layer never resolves the name itself.
    """
    calls: list[str] = []

    def resolver(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(host)
        if len(calls) > 1:  # a rebinding answer: anything after the first lookup is elsewhere
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.9.9.9", port))]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    result = send(f"http://hooks.example.org:{receiver.port}/in", allow_private=True)
    assert result.ok, result.error
    assert calls == ["hooks.example.org"]
    assert receiver.received[0].headers["Host"] == f"hooks.example.org:{receiver.port}"
