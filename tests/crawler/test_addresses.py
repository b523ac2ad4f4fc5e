"""Discovered links of a public source may not lead the crawler to private addresses (SSRF)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from crawler import SourceSpec
from crawler.addresses import PrivateAddressMiddleware, private_address_of, source_is_private

PUBLIC_FEED = "http://93.184.216.34/rss.xml"  # an address literal: no DNS needed offline


@pytest.mark.parametrize(
    ("host", "private"),
    [
        ("127.0.0.1", True),
        ("10.0.0.5", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata
        ("[::1]", True),
        ("localhost", True),
        ("93.184.216.34", False),
        ("2606:4700::1111", False),
    ],
)
def test_private_addresses_are_recognised(host: str, private: bool) -> None:
    assert (private_address_of(host) is not None) is private


def test_a_source_configured_on_a_private_address_may_stay_there() -> None:
    assert source_is_private(SourceSpec(name="intranet", feeds=["http://127.0.0.1:8080/rss"]))
    assert not source_is_private(SourceSpec(name="outlet", feeds=[PUBLIC_FEED]))


def test_public_source_cannot_be_led_to_a_private_address() -> None:
    guard = PrivateAddressMiddleware()
    spider = SimpleNamespace(source=SourceSpec(name="outlet", feeds=[PUBLIC_FEED]))
    assert guard.process_request(Request("http://93.184.216.34/news/1"), spider) is None
    for url in ("http://10.0.0.5/admin", "http://localhost:8080/", "http://169.254.169.254/"):
        with pytest.raises(IgnoreRequest, match="private address"):
            guard.process_request(Request(url), spider)


def test_private_source_reaches_its_own_addresses() -> None:
    guard = PrivateAddressMiddleware()
    spider = SimpleNamespace(source=SourceSpec(name="lab", feeds=["http://127.0.0.1:9/rss"]))
    assert guard.process_request(Request("http://127.0.0.1:9/news/1"), spider) is None
