"""Subscription filters match what the user typed: actors through the knowledge base, states by
name or code, sources that exist; anything that resolves to nothing is refused with suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from alerts.filters import matches, parse_filters
from contacts import detect_contacts
from diplowatch.cli import cli
from diplowatch.db import Database
from diplowatch.subscription_filters import default_kb, resolve_filters
from store import repository as repo
from tests.diplowatch.store_support import open_test_database
from tests.support.databases import sqlite_url

SOURCES = ["kremlin", "tass", "moscow-times"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "diplowatch.toml"
    config.write_text("[alerts]\nallow_private_targets = true\n", encoding="utf-8")
    return {"DIPLOWATCH_CONFIG": str(config), "DIPLOWATCH_DATABASE_URL": sqlite_url(tmp_path)}


@pytest.fixture
def database(env: dict[str, str]) -> Iterator[Database]:
    database = open_test_database(env["DIPLOWATCH_DATABASE_URL"])
    yield database
    database.close()


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize(
    "typed", ["Putin", "Vladimir Putin", "putin", "Q7747", "kb:vladimir-putin"]
)
def test_every_way_of_naming_putin_resolves_to_his_kb_id(typed: str) -> None:
    resolved = resolve_filters({"actors": [typed]}, default_kb(), SOURCES)
    assert resolved.filters == {"actors": ["kb:vladimir-putin"]}
    assert "Vladimir Putin" in resolved.notes[0]


def test_actor_putin_matches_a_contact_the_detector_found() -> None:
    text = (
        "Russian President Vladimir Putin on Monday called Turkish President Recep Tayyip Erdogan."
    )
    found = detect_contacts(text, date(2024, 3, 4), kb=default_kb())
    assert found, "the detector found no contact in the sample sentence"
    data = {**found[0].to_dict(), "articles": []}
    wanted = parse_filters(resolve_filters({"actor": "Putin"}, default_kb(), SOURCES).filters)
    assert matches(wanted, data)
    other = parse_filters(resolve_filters({"actor": "Xi Jinping"}, default_kb(), SOURCES).filters)
    assert not matches(other, data)


@pytest.mark.parametrize(
    ("raw", "resolved"),
    [
        ({"states": ["Russia"]}, {"states": ["RUS"]}),
        ({"state": "rus"}, {"states": ["RUS"]}),
        ({"states": ["United Nations", "USA"]}, {"states": ["UN", "USA"]}),
        ({"source": "TASS"}, {"sources": ["tass"]}),
        ({"type": "call", "status": "occurred"}, {"types": ["call"], "statuses": ["occurred"]}),
    ],
)
def test_states_by_name_or_code_sources_by_name_singular_keys(raw: dict, resolved: dict) -> None:
    assert resolve_filters(raw, default_kb(), SOURCES).filters == resolved


@pytest.mark.parametrize(
    ("raw", "message", "suggestion"),
    [
        ({"actors": ["Putn"]}, "'Putn' matches nobody in the knowledge base", "Putin"),
        ({"actors": ["Q999999999"]}, "Wikidata id Q999999999 is not in the knowledge base", ""),
        ({"actors": ["kb:nobody"]}, "no actor 'kb:nobody'", ""),
        ({"states": ["Rusia"]}, "'Rusia' is no state or organisation known", "Russia (RUS)"),
        ({"sources": ["tas"]}, "no source named 'tas'", "tass"),
        ({"actor": "Putin", "actors": ["Xi"]}, "given twice", ""),
    ],
)
def test_what_resolves_to_nothing_is_refused_with_the_nearest(
    raw: dict, message: str, suggestion: str
) -> None:
    with pytest.raises(ValueError) as refused:
        resolve_filters(raw, default_kb(), SOURCES)
    assert message in str(refused.value)
    assert suggestion in str(refused.value)


def test_cli_says_what_the_filters_resolved_to(env: dict[str, str], database: Database) -> None:
    result = run(env, "subscriptions", "add", "--email", "a@b.org", "--actor", "Putin",
                 "--state", "Russia", "--source", "TASS")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "actor 'Putin' is Vladimir Putin (kb:vladimir-putin)" in result.stderr
    with database.sessions() as session:
        (subscription,) = repo.list_subscriptions(session)
        assert subscription.filters == {
            "actors": ["kb:vladimir-putin"], "states": ["RUS"], "sources": ["tass"],
        }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "Putn"], "nearest: "),
        (["--state", "Atlantis"], "'Atlantis' is no state or organisation known"),
        (["--source", "no-such-source"], "no source named 'no-such-source'"),
    ],
)
def test_cli_refuses_unknown_actor_state_or_source(
    env: dict[str, str], database: Database, args: list[str], message: str
) -> None:
    result = run(env, "subscriptions", "add", "--email", "a@b.org", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with database.sessions() as session:
        assert list(repo.list_subscriptions(session)) == []
