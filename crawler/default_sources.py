"""The sources shipped with diplowatch, read from default_sources.toml beside this module."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from crawler.sources import SourceSpec, is_valid_schedule, is_valid_timezone

_KEYS = {
    "name",
    "feeds",
    "sitemaps",
    "listings",
    "link_pattern",
    "schedule",
    "home_state",
    "body_selector",
    "max_age_days",
    "user_agent",
    "headers",
    "timezone",
    "enabled",
}


def default_sources() -> list[SourceSpec]:
    """A fresh list on each call (callers may change their copies)."""
    text = resources.files("crawler").joinpath("default_sources.toml").read_text("utf-8")
    return sources_from_toml(text)


def sources_from_toml(text: str) -> list[SourceSpec]:
    """[[source]] tables -> SourceSpecs. Raises ValueError naming the source and the bad key."""
    return [_spec(entry) for entry in tomllib.loads(text).get("source", [])]


def _spec(entry: dict[str, Any]) -> SourceSpec:
    name = entry.get("name")
    if not name:
        raise ValueError("a [[source]] has no name")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ValueError(f"source {name!r}: unknown key {sorted(unknown)[0]!r}")
    spec = SourceSpec(**entry)
    if not (spec.feeds or spec.sitemaps or spec.listings):
        raise ValueError(f"source {name!r}: give at least one of feeds, sitemaps, listings")
    if not is_valid_schedule(spec.schedule):
        raise ValueError(f"source {name!r}: schedule {spec.schedule!r} is not understood")
    if spec.timezone is not None and not is_valid_timezone(spec.timezone):
        raise ValueError(f"source {name!r}: timezone {spec.timezone!r} is not an IANA zone name")
    return spec
