"""The bad-input corpus, configs: each row a config a careless user writes, refused when it
loads with one line naming the key (and `diplowatch` exits 2). docs/bad-input.md lists them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from diplowatch.config import Config, ConfigError, load_config

SOURCE = "[[sources]]\nname = 'a'\nfeeds = ['https://a.example/rss']\n"

# (case, TOML, the start of the one-line refusal)
CASES = [
    ("batch size 0", "[alerts]\nbatch_size = 0", "alerts.batch_size: must be at least 1"),
    ("negative webhook timeout", "[alerts]\nwebhook_timeout = -5", "alerts.webhook_timeout:"),
    ("negative article age", "[crawl]\nmax_article_age_days = -5", "crawl.max_article_age_days:"),
    ("busy worker loop", "[alerts]\nworker_interval_seconds = -1", "alerts.worker_interval_secon"),
    ("negative download timeout", "[crawl]\ndownload_timeout = -1", "crawl.download_timeout:"),
    ("API port 70000", "[api]\nport = 70000", "api.port: must be at least 1 and at most 65535"),
    ("negative SMTP port", "[smtp]\nport = -25", "smtp.port: must be 1 to 65535"),
    ("negative rate limit", "[api]\nrate_limit_per_minute = -1", "api.rate_limit_per_minute:"),
    (
        "feed not a URL",
        SOURCE.replace("https://a.example/rss", "not a url"),
        "sources[0].feeds[0]:",
    ),
    ("ftp feed", SOURCE.replace("https://", "ftp://"), "sources[0].feeds[0]: 'ftp://a.examp"),
    ("file feed", SOURCE.replace("https://a.example", "file://"), "sources[0].feeds[0]: 'file:/"),
    ("sitemap without host", SOURCE + "sitemaps = ['https:///x.xml']", "sources[0].sitemaps[0]"),
    ("bad link_pattern", SOURCE + "link_pattern = '(['", "sources[0].link_pattern: not a regul"),
    ("bad CSS body_selector", SOURCE + "body_selector = 'div[['", "sources[0].body_selector:"),
    ("bad XPath body_selector", SOURCE + "body_selector = '//div['", "sources[0].body_selector:"),
    ("home_state a name", SOURCE + "home_state = 'Russia'", "sources[0].home_state: 'Russia' is"),
    ("empty source name", SOURCE.replace("'a'", "''"), "sources[0].name: must be 1 to 100"),
    ("30 February", SOURCE + "schedule = '0 0 30 2 *'", "sources[0].schedule: '0 0 30 2 *' ne"),
    ("schedule gibberish", SOURCE + "schedule = 'often'", "sources[0].schedule:"),
    ("interval 0", SOURCE + "schedule = 'every 0m'", "sources[0].schedule:"),
    ("log level", "[crawl]\nlog_level = 'LOUD'", "crawl.log_level: must be one of"),
    ("redis URL", "[crawl]\nredis_url = 'localhost:6379'", "crawl.redis_url: must start with"),
    (
        "AUTH in clear",
        "[smtp]\nsecurity = 'none'\nusername = 'a'\npassword = 'b'",
        'smtp.username: a login over security = "none" sends the password in clear',
    ),
    ("header with newline", SOURCE + 'headers = {X-A = "a\\nb"}', "sources[0].headers.X-A:"),
]


@pytest.mark.parametrize(("case", "text", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_config_is_refused_in_one_line_naming_the_key(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_insecure_auth_when_allowed_on_purpose(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        "[smtp]\nsecurity = 'none'\nusername = 'a'\nallow_insecure_auth = true\n", encoding="utf-8"
    )
    assert load_config(path, env={}).smtp.allow_insecure_auth is True


def test_the_cli_says_one_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[api]\nport = 70000\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "diplowatch", "--config", str(path), "sources", "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "api.port" in result.stderr and "Traceback" not in result.stderr


# Every numeric key with 0, -1 and a huge value. -1 and huge are refused for every one; 0 only
# where it means something (no delay, no retries, no detector processes ...).
ZERO_IS_FINE = {
    "crawl.download_delay",
    "crawl.retry_times",
    "crawl.retry_backoff",
    "crawl.max_retry_delay",
    "crawl.max_redirects",
    "crawl.autothrottle_max_delay",
    "crawl.detect_workers",
}


def numeric_keys() -> list[tuple[str, str, type]]:
    keys = []
    tables = {"crawl": Config().crawl, "smtp": Config().smtp, "alerts": Config().alerts}
    tables |= {"api": Config().api, "daemon": Config().daemon}
    for table, value in tables.items():
        for f in dataclasses.fields(value):
            kind = str(f.type).replace(" | None", "")
            if kind in ("int", "float"):
                keys.append((table, f.name, int if kind == "int" else float))
    keys.append(("sources", "max_age_days", int))
    return keys


def _toml(table: str, key: str, value: object) -> str:
    if table == "sources":
        return f"{SOURCE}{key} = {value}\n"
    return f"[{table}]\n{key} = {value}\n"


@pytest.mark.parametrize(("table", "key", "kind"), numeric_keys(), ids=lambda v: str(v))
@pytest.mark.parametrize("value", [0, -1, 10**15])
def test_every_numeric_key_is_bounded(
    tmp_path: Path, table: str, key: str, kind: type, value: int
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(_toml(table, key, kind(value)), encoding="utf-8")
    name = f"{table}.{key}" if table != "sources" else f"sources[0].{key}"
    if value == 0 and name in ZERO_IS_FINE:
        load_config(path, env={})
        return
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(caught.value).startswith(f"{name}:"), str(caught.value)
