"""`diplowatch crawl` on unreachable sources: one line per failed source with its cause, and no
tracebacks (Scrapy's robots.txt middleware logs one per unreachable host by itself)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.diplowatch.commands.test_run import _unreachable_config
from tests.diplowatch.support import Db, clean_env, cli_command
from tests.support.databases import sqlite_url


def test_crawl_names_each_failed_sources_cause_without_tracebacks(tmp_path: Path) -> None:
    # SQLite only: the lines come from the crawl's report, the same on either database.
    database_url = sqlite_url(tmp_path)
    config = _unreachable_config(tmp_path / "c.toml", database_url, 2)
    Db(database_url).migrate()
    result = subprocess.run(
        cli_command(config, "crawl"),
        capture_output=True,
        text=True,
        env={**clean_env(), "COLUMNS": "200"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    for i in range(2):
        assert f"source-{i:02d}: 2: refused http://127.0.0.1:9/" in result.stdout
    assert "2 source(s) failed: source-00, source-01" in result.stderr
