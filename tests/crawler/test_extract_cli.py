"""`diplowatch extract`: batch mode, single file, URL fetch over a real local HTTP server."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.commands.extract import command, run_batch
from diplowatch.context import AppContext

PAGES = Path(__file__).parent / "pages"
FIRST = "Foreign ministers of Norway and Chile spoke by telephone"


def invoke(*args: str) -> object:
    return CliRunner().invoke(command, list(args), obj=AppContext())


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_one_line_per_good_input_and_reports_bad_lines(tmp_path: Path) -> None:
    html = (PAGES / "plain.html").read_text(encoding="utf-8")
    source = write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "a", "html": html, "url": "https://news.example.org/a"}),
            "{not json",
            json.dumps({"id": "b"}),
            json.dumps(
                {"id": "c", "text": "The envoys met in Geneva.", "published_at": "2024-01-02"}
            ),
            json.dumps({"id": "d", "text": "x", "published_at": "yesterday"}),
            json.dumps({"id": "e", "html": (PAGES / "error404.html").read_text()}),
        ],
    )
    out = tmp_path / "out.jsonl"
    result = invoke("--batch", str(source), "--out", str(out))
    assert result.exit_code == 1
    assert "line 2:" in result.stderr
    assert 'line 3: needs a string "html" or "text"' in result.stderr
    assert "line 5: published_at 'yesterday' is not an ISO date" in result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a", "c", "e"]
    first = rows[0]
    assert set(first) >= {"id", "title", "published_at", "language", "body", "contacts"}
    assert first["title"] == "Norway and Chile discuss fishing quotas"
    assert first["published_at"].startswith("2024-03-05")
    assert first["language"] == "en"
    assert first["body"].startswith(FIRST)
    assert isinstance(first["contacts"], list)
    assert (
        rows[1]["body"] == "The envoys met in Geneva." and rows[1]["published_at"] == "2024-01-02"
    )
    assert rows[2]["skipped"] == "error page" and rows[2]["body"] == ""


def test_batch_passes_body_and_date_to_the_detector() -> None:
    calls = []

    def detect(text: str, day: date | None) -> list[dict]:
        calls.append((text, day))
        return [{"type": "call", "date": day.isoformat() if day else None}]

    source = io.StringIO(
        json.dumps({"id": 1, "text": "Leaders spoke.", "published_at": "2024-05-06"})
    )
    sink, errors = io.StringIO(), io.StringIO()
    assert run_batch(source, sink, detect, errors) == 0
    assert calls == [("Leaders spoke.", date(2024, 5, 6))]
    assert json.loads(sink.getvalue())["contacts"] == [{"type": "call", "date": "2024-05-06"}]
    assert errors.getvalue() == ""


def test_single_file_prints_title_date_language_and_body() -> None:
    result = invoke(str(PAGES / "plain.html"))
    assert result.exit_code == 0, result.output
    assert "title:     Norway and Chile discuss fishing quotas" in result.stdout
    assert "published: 2024-03-05T09:30:00+00:00" in result.stdout
    assert "language:  en" in result.stdout
    assert FIRST in result.stdout
    assert "contacts (" in result.stdout


def test_not_an_article_and_missing_file() -> None:
    assert "not an article: paywall" in invoke(str(PAGES / "paywall.html")).stdout
    missing = invoke("/nonexistent/page.html")
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr


@pytest.fixture
def http_server() -> Iterator[str]:
    body = (PAGES / "plain.html").read_bytes()
    seen_agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen_agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/article":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        assert all(agent.startswith("diplowatch/") for agent in seen_agents)


def test_fetches_a_url_with_the_configured_user_agent(http_server: str) -> None:
    result = invoke(f"{http_server}/article")
    assert result.exit_code == 0, result.output
    assert FIRST in result.stdout
    assert "url:       https://news.example.org/world/norway-chile-call" in result.stdout


def test_fetch_error_is_one_line_and_exit_2(http_server: str) -> None:
    result = invoke(f"{http_server}/missing")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("diplowatch: error")]
    assert len(lines) == 1 and "404" in lines[0]
