"""The config file: defaults, overrides from the environment, and one-line refusals."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from alerts.email import SmtpSettings
from crawler.sources import CrawlSettings, SourceSpec
from diplowatch.config import Config, ConfigError, load_config
from diplowatch.crawling import configured_sources
from diplowatch.delivery import worker_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "diplowatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_need_no_file() -> None:
    config = load_config(None, env={})
    assert config.database_url.startswith("sqlite:///")
    assert config.database_url.endswith("diplowatch.sqlite")
    assert config.alerts.allow_private_targets is False
    assert config.use_default_sources is True


def test_file_values_and_environment_override(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
database_url = "sqlite:///from-file.sqlite"
[[sources]]
name = "ministry"
feeds = ["https://mfa.example/rss"]
schedule = "*/20 * * * *"
[smtp]
host = "smtp.example.org"
port = 465
security = "tls"
[alerts]
allow_private_targets = true
""",
    )
    config = load_config(path, env={})
    assert config.database_url == "sqlite:///from-file.sqlite"
    assert config.sources[0].feeds == ["https://mfa.example/rss"]
    assert config.sources[0].schedule == "*/20 * * * *"
    assert (config.smtp.host, config.smtp.port, config.smtp.security) == (
        "smtp.example.org",
        465,
        "tls",
    )
    assert config.alerts.allow_private_targets is True
    overridden = load_config(path, env={"DIPLOWATCH_DATABASE_URL": "postgresql+psycopg://db/x"})
    assert overridden.database_url == "postgresql+psycopg://db/x"


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, 'database_url = "sqlite:///env.sqlite"\n')
    assert load_config(None, env={"DIPLOWATCH_CONFIG": str(path)}).database_url.endswith(
        "env.sqlite"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("databse_url = 'x'", "databse_url: unknown key"),
        ("database_url = 3", "database_url: expected str, got int"),
        ("[crawl]\nretry_times = 'three'", "crawl.retry_times: expected int, got str"),
        ("[alerts]\nallow_private_targets = 'yes'", "alerts.allow_private_targets: expected bool"),
        ("[[sources]]\nname = 'a'\nfeeds = 'http://x'", "sources[0].feeds: expected a list"),
        ("[[sources]]\nname = 'a'\nfeed = ['http://x']", "sources[0].feed: unknown key"),
        ("[[sources]]\nfeeds = ['http://x']", "sources[0].name: required key is missing"),
        ("[[sources]]\nname = 'a'", "sources[0] (a): give at least one of feeds"),
        (
            "[[sources]]\nname = 'a'\nfeeds = ['http://x']\ntimezone = 'Turkey/Ankara'",
            "sources[0].timezone: 'Turkey/Ankara' is not an IANA zone name",
        ),
        (
            "[[sources]]\nname = 'a'\nfeeds = ['http://x']\nheaders = {Referer = 3}",
            "sources[0].headers.Referer: expected str, got int",
        ),
        ("[smtp]\nsecurity = 'ssl'", "smtp.security: must be one of"),
        ("[smtp]\nport = true", "smtp.port: expected int, got bool"),
        ("x = [", "is not valid TOML"),
    ],
)
def test_mistakes_are_refused_naming_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), env={})
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml", env={})


# A value, different from the default and valid, for every library setting. A field with no row
# here gets one from its type; a new field whose type has no sample fails the walk below.
SAMPLES: dict[str, object] = {
    "name": "ministry",
    "feeds": ["https://mfa.example/rss"],
    "sitemaps": ["https://mfa.example/sitemap.xml"],
    "listings": ["https://mfa.example/press/"],
    "link_pattern": r"/press/\d{4}/",
    "schedule": "*/20 * * * *",
    "body_selector": "div.article-text",
    "home_state": "USA",
    "log_level": "INFO",
    "security": "tls",
    "from_addr": "alerts@example.org",
    "ca_file": "/etc/ssl/private-ca.pem",
    "scrapy_overrides": {"DNS_TIMEOUT": 7},
    "max_page_bytes": 5_000_000,
    "headers": {"Referer": "https://mfa.example/"},
    "timezone": "Asia/Kolkata",
    "enabled": True,  # a disabled source is left out, so only True can be checked here
}
BY_TYPE: dict[str, object] = {
    "str": "sample-value",
    "int": 7,
    "float": 7.5,
    "bool": "flip",
    "list[str]": ["sample"],
}


def _sample(field: dataclasses.Field, default: object) -> object:
    if field.name in SAMPLES:
        return SAMPLES[field.name]
    kind = str(field.type).replace(" | None", "")
    value = BY_TYPE[kind]  # KeyError: add a row to SAMPLES for this new field
    return (not default) if value == "flip" else value


def _toml(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


@pytest.mark.parametrize(
    ("library", "table"),
    [(SourceSpec, "[[sources]]"), (CrawlSettings, "[crawl]"), (SmtpSettings, "[smtp]")],
)
def test_every_library_setting_is_reachable_from_toml(
    tmp_path: Path, library: type, table: str
) -> None:
    defaults = {"[[sources]]": Config().crawl, "[crawl]": Config().crawl, "[smtp]": Config().smtp}
    values = {}
    for f in dataclasses.fields(library):
        default = getattr(defaults[table], f.name, None)
        values[f.name] = _sample(f, default)
    body = "\n".join(f"{key} = {_toml(value)}" for key, value in values.items())
    config = load_config(write(tmp_path, f"use_default_sources = false\n{table}\n{body}\n"), env={})
    if library is SourceSpec:
        built: object = configured_sources(config)[0]
    elif library is CrawlSettings:
        built = config.crawl.settings()
    else:
        built = worker_settings(config).smtp
    assert isinstance(built, library)
    for key, value in values.items():
        assert getattr(built, key) == value, key
