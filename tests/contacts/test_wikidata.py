"""`diplowatch kb update` against a local HTTP server replaying a recorded SPARQL JSON answer."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from contacts.kb import KnowledgeBase, user_override_path
from contacts.wikidata import (
    WikidataError,
    build_query,
    canonical_office,
    parse_results,
    update,
)
from diplowatch.cli import cli

ENTITY = "http://www.wikidata.org/entity/"
DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _row(qid: str, name: str, iso: str, kind: str, title: str, start: str, end: str = "", aliases: str = "") -> dict:  # fmt: skip
    row = {
        "person": {"type": "uri", "value": ENTITY + qid},
        "personLabel": {"type": "literal", "xml:lang": "en", "value": name},
        "iso": {"type": "literal", "value": iso},
        "kind": {"type": "literal", "value": kind},
        "positionLabel": {"type": "literal", "xml:lang": "en", "value": title},
        "start": {"type": "literal", "datatype": DATETIME, "value": start},
        "aliases": {"type": "literal", "value": aliases},
    }
    if end:
        row["end"] = {"type": "literal", "datatype": DATETIME, "value": end}
    return row


# A small answer in the shape query.wikidata.org gives (SPARQL 1.1 Query Results JSON Format).
# The person ids of people missing from the packaged data are made up for the test.
RECORDED = {
    "head": {
        "vars": ["person", "personLabel", "iso", "kind", "positionLabel", "start", "end", "aliases"]
    },
    "results": {
        "bindings": [
            # Known, with the same Wikidata id: nothing changes.
            _row("Q7747", "Vladimir Putin", "RUS", "head_of_state", "President of Russia",
                 "2012-05-07T00:00:00Z", aliases="Vladimir Vladimirovich Putin"),
            # Known by name only: the term gets its end, the actor its Wikidata id.
            _row("Q900000001", "Denys Shmyhal", "UKR", "head_of_government",
                 "Prime Minister of Ukraine", "2020-03-04T00:00:00Z", "2025-07-17T00:00:00Z",
                 aliases="Denys Anatoliyovych Shmyhal"),
            # New to the knowledge base.
            _row("Q900000002", "Yulia Svyrydenko", "UKR", "head_of_government",
                 "Prime Minister of Ukraine", "2025-07-17T00:00:00Z",
                 aliases="Yuliia Svyrydenko|Svyrydenko"),
            # A monarch, with the leading "+" some answers carry.
            _row("Q900000003", "Testmonarch Example", "NOR", "head_of_state", "King of Norway",
                 "+2030-01-01T00:00:00Z"),
            # A foreign minister known by a transliteration alias.
            _row("Q900000004", "Andriy Sybiha", "UKR", "foreign_minister",
                 "Minister of Foreign Affairs of Ukraine", "2024-09-05T00:00:00Z"),
            # Unusable rows are skipped: no start, a date that is not one.
            {"person": {"type": "uri", "value": ENTITY + "Q900000005"},
             "personLabel": {"type": "literal", "value": "No Start"},
             "iso": {"type": "literal", "value": "FRA"},
             "kind": {"type": "literal", "value": "head_of_state"}},
            _row("Q900000006", "Bad Date", "FRA", "head_of_state", "President of France",
                 "sometime"),
        ]
    },
}  # fmt: skip


class ReplayServer:
    """A real HTTP server on 127.0.0.1 that answers every POST with a canned response."""

    def __init__(self, status: int = 200, body: bytes | None = None, delay: float = 0.0):
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                outer.requests.append(
                    {
                        "path": self.path,
                        "accept": self.headers.get("Accept"),
                        "agent": self.headers.get("User-Agent"),
                        "query": form.get("query", [""])[0],
                    }
                )
                if delay:
                    time.sleep(delay)
                payload = json.dumps(RECORDED).encode() if body is None else body
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data directory, redirected so nothing touches the real one."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_parse_results_reads_the_recorded_answer() -> None:
    holdings = {h.name: h for h in parse_results(RECORDED)}
    assert set(holdings) == {
        "Vladimir Putin",
        "Denys Shmyhal",
        "Yulia Svyrydenko",
        "Testmonarch Example",
        "Andriy Sybiha",
    }
    shmyhal = holdings["Denys Shmyhal"]
    assert (shmyhal.qid, shmyhal.state, shmyhal.office) == ("Q900000001", "UKR", "Prime Minister")
    assert (shmyhal.start, shmyhal.end) == (date(2020, 3, 4), date(2025, 7, 17))
    assert holdings["Yulia Svyrydenko"].aliases == ("Yuliia Svyrydenko", "Svyrydenko")
    assert holdings["Testmonarch Example"].office == "King"
    assert holdings["Testmonarch Example"].start == date(2030, 1, 1)
    assert holdings["Andriy Sybiha"].office == "Foreign Minister"


def test_parse_results_rejects_a_document_without_bindings() -> None:
    with pytest.raises(WikidataError):
        parse_results({"head": {}})


def test_canonical_office_from_titles() -> None:
    assert canonical_office("head_of_state", "Emir of Qatar") == "Emir"
    assert canonical_office("head_of_state", "Pope") == "Pope"
    assert canonical_office("head_of_state", "President of the Republic of Korea") == "President"
    assert canonical_office("head_of_state", None) == "President"
    assert canonical_office("head_of_government", "Federal Chancellor of Germany") == "Chancellor"
    assert canonical_office("head_of_government", "Taoiseach") == "Prime Minister"


def test_query_asks_for_the_three_kinds_of_office_since_a_day() -> None:
    query = build_query(date(2019, 1, 1))
    for needle in ("wdt:P298", "p:P35", "p:P6", "p:P39", "pq:P580", "pq:P582", "2019-01-01"):
        assert needle in query


def test_update_merges_into_the_override_file(replay: ReplayServer, tmp_path: Path) -> None:
    override = tmp_path / "kb" / "actors.json"
    report = update(override, endpoint=replay.url, timeout=5, today=date(2025, 8, 1))

    [request] = replay.requests
    assert request["path"] == "/sparql"
    assert request["accept"] == "application/sparql-results+json"
    assert request["agent"].startswith("diplowatch/")
    assert "p:P39" in request["query"]

    # Svyrydenko is packaged already (without a Wikidata id): only the test monarch is new.
    assert (report.holdings, report.added) == (5, 1)
    assert report.updated == 3  # Shmyhal, Svyrydenko and Sybiha (Wikidata ids); Putin unchanged
    written = json.loads(override.read_text(encoding="utf-8"))
    assert written["as_of"] == "2025-08-01"
    assert {a["name"] for a in written["actors"]} == {
        "Denys Shmyhal",
        "Yulia Svyrydenko",
        "Testmonarch Example",
        "Andrii Sybiha",
    }

    kb = KnowledgeBase.load_default(override=override)
    assert kb.as_of == max(
        date(2025, 8, 1), KnowledgeBase.load_default(override=tmp_path / "none.json").as_of
    )
    assert kb.holder("Prime Minister", "UKR", date(2025, 8, 1)).name == "Yulia Svyrydenko"
    assert kb.holder("Prime Minister", "UKR", date(2024, 1, 1)).name == "Denys Shmyhal"
    assert kb.find_person("Yuliia Svyrydenko")[0].wikidata == "Q900000002"
    assert kb.find_person("Shmyhal")[0].wikidata == "Q900000001"
    # Putin keeps his packaged record: nothing in the override replaces it.
    assert kb.find_person("Putin")[0].kb_id == "kb:vladimir-putin"


def test_second_update_is_stable(replay: ReplayServer, tmp_path: Path) -> None:
    override = tmp_path / "actors.json"
    update(override, endpoint=replay.url, timeout=5, today=date(2025, 8, 1))
    first = json.loads(override.read_text(encoding="utf-8"))["actors"]
    report = update(override, endpoint=replay.url, timeout=5, today=date(2025, 8, 2))
    second = json.loads(override.read_text(encoding="utf-8"))["actors"]
    assert first == second  # matched by Wikidata id now: no duplicates, no new terms
    assert (report.updated, report.added) == (0, 0)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"status": 500, "body": b"oops"}, "HTTP 500"),
        ({"body": b"<html>not json</html>"}, "not SPARQL JSON"),
        ({"body": b'{"head": {}, "results": {"bindings": []}}'}, "no office holdings"),
        ({"delay": 2.0}, "did not answer"),
    ],
)
def test_update_failures_are_one_clear_error(answer: dict, message: str, tmp_path: Path) -> None:
    override = tmp_path / "actors.json"
    with ReplayServer(**answer) as server, pytest.raises(WikidataError, match=message):
        update(override, endpoint=server.url, timeout=0.5)
    assert not override.exists()  # nothing half-written


def test_update_when_offline(tmp_path: Path) -> None:
    with ReplayServer() as server:
        url = server.url  # a port that was just free and is now closed
    with pytest.raises(WikidataError, match="cannot reach"):
        update(tmp_path / "actors.json", endpoint=url, timeout=2)


def test_cli_update_then_show(replay: ReplayServer, data_home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["kb", "update", "--endpoint", replay.url])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert user_override_path().is_relative_to(data_home)
    assert user_override_path().is_file()

    shown = runner.invoke(cli, ["kb", "show", "Svyrydenko"])
    assert shown.exit_code == 0, shown.output
    assert "Yulia Svyrydenko" in shown.output
    assert "Prime Minister" in shown.output and "2025-07-17 - present" in shown.output


def test_cli_show_marks_the_office_of_the_day(data_home: Path) -> None:
    result = CliRunner().invoke(cli, ["kb", "show", "Netanyahu", "--on", "2023-10-16"])
    assert result.exit_code == 0, result.output
    assert " * Prime Minister, ISR: 2022-12-29 - present" in result.output


def test_cli_errors_exit_2_with_one_line(data_home: Path) -> None:
    with ReplayServer() as server:
        closed = server.url
    result = CliRunner().invoke(cli, ["kb", "update", "--endpoint", closed, "--timeout", "2"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and "cannot reach" in lines[0]

    missing = CliRunner().invoke(cli, ["kb", "show", "Quentin Nobodyknows"])
    assert missing.exit_code == 2
    assert "nobody called" in missing.output
