"""`diplowatch sources list`: shipped and configured sources, switched-off ones marked off."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.diplowatch.support import clean_env, cli_command


def test_switched_off_sources_are_listed_as_off(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "db.sqlite"}"\n'
        '[[sources]]\nname = "tass"\nenabled = false\nfeeds = ["https://tass.com/rss/v2.xml"]\n'
    )
    listed = subprocess.run(
        cli_command(config, "sources", "list", "--json"),
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    status = {row["name"]: row["status"] for row in json.loads(listed.stdout)}
    assert status["european-commission"] == "off"  # shipped with enabled = false
    assert status["tass"] == "off"  # switched off by the config
    assert status["kremlin"] is None  # never crawled yet
