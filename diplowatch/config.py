"""Configuration: a TOML file, then environment variables that override it.

Every key is declared here with its type and default. Unknown keys and wrong types are refused
with one line naming the key, because a misspelt key that is silently ignored is a lost alert.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir

from alerts.email import SmtpSettings
from crawler.sources import CrawlSettings, SourceSpec, check_ranges, is_valid_timezone

ENV_CONFIG = "DIPLOWATCH_CONFIG"
ENV_DATABASE_URL = "DIPLOWATCH_DATABASE_URL"


class ConfigError(Exception):
    """A configuration mistake a user can fix; the message is one line naming the key."""


def default_database_url() -> str:
    path = Path(user_data_dir("diplowatch", appauthor=False)) / "diplowatch.sqlite"
    return f"sqlite:///{path}"


@dataclass
class SourceConfig(SourceSpec):
    """A `[[sources]]` entry: the crawler's SourceSpec, and whether to crawl it at all."""

    enabled: bool = True  # false switches a shipped source of the same name off

    def __post_init__(self) -> None:
        super().__post_init__()
        # The crawler checks the syntax; the scheduler must also find a time it fires at.
        from diplowatch.schedules import ScheduleError, parse_schedule

        try:
            schedule = parse_schedule(self.schedule)
            never = schedule.cron is not None and schedule.never_fires()
        except ScheduleError as exc:
            raise ValueError(f"schedule: {exc}") from None
        if never:
            raise ValueError(f"schedule: {self.schedule!r} never fires (no such date)")


@dataclass
class CrawlConfig(CrawlSettings):
    """`[crawl]`: every CrawlSettings key, and what the application does around a crawl."""

    # A crawl of one source ends after this long (seconds), so a hostile or hung site cannot
    # hold its lock, and the alerts behind it, for ever.
    time_limit: float | None = 1800.0
    # Detector processes beside a crawl; unset: one per core but one (0: in the crawl's thread).
    detect_workers: int | None = None
    # Distributed crawling: `diplowatch run --source NAME` processes on several machines share
    # one request queue and duplicate filter in this Redis (needs the `redis` extra).
    redis_url: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        check_ranges(self, {"detect_workers": (0, 256, True)})
        if self.redis_url is not None and not self.redis_url.startswith(
            ("redis://", "rediss://", "unix://")
        ):
            raise ValueError("redis_url: must start with redis://, rediss:// or unix://")

    def settings(self, scrapy_overrides: dict[str, Any] | None = None) -> CrawlSettings:
        """The library's part of this table, plus Scrapy settings applied last."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(CrawlSettings)}
        values["scrapy_overrides"] = dict(self.scrapy_overrides) | dict(scrapy_overrides or {})
        return CrawlSettings(**values)


@dataclass(frozen=True)
class SmtpConfig(SmtpSettings):
    """`[smtp]`: the alerts library's SmtpSettings, with defaults for a local relay."""

    host: str = "localhost"
    port: int = 587
    username: str | None = None
    password: str | None = None
    security: Literal["starttls", "tls", "none"] = "starttls"
    from_addr: str = "diplowatch@localhost"


@dataclass
class AlertsConfig:
    allow_private_targets: bool = False
    webhook_timeout: float = 10.0  # the whole request, connecting to the last byte
    worker_interval_seconds: float = 1.0
    batch_size: int = 50

    def __post_init__(self) -> None:
        check_ranges(
            self,
            {
                "webhook_timeout": (0, 300, False),
                "worker_interval_seconds": (0.01, 3600, True),
                "batch_size": (1, 10_000, True),
            },
        )


@dataclass
class ApiConfig:
    host: str = "127.0.0.1"
    port: int = 8470
    # Where subscribers reach the API (feed, contact pages, unsubscribe links in e-mails), e.g.
    # "https://diplowatch.example.org"; default http://<host>:<port>.
    public_url: str | None = None
    rate_limit_per_minute: int = 120
    max_body_bytes: int = 64 * 1024

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise ValueError("host: must not be empty")
        check_ranges(
            self,
            {
                "port": (1, 65_535, True),
                "rate_limit_per_minute": (1, 1_000_000, True),
                "max_body_bytes": (1024, 2**30, True),
            },
        )


@dataclass
class DaemonConfig:
    serve_api: bool = True
    raw_html_retention_days: int = 30
    seen_url_retention_days: int = 90

    def __post_init__(self) -> None:
        check_ranges(
            self,
            {
                "raw_html_retention_days": (1, 36_500, True),
                "seen_url_retention_days": (1, 36_500, True),
            },
        )


@dataclass
class Config:
    database_url: str = field(default_factory=default_database_url)
    use_default_sources: bool = True
    sources: list[SourceConfig] = field(default_factory=list)
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    api: ApiConfig = field(default_factory=ApiConfig)
    daemon: DaemonConfig = field(default_factory=DaemonConfig)
    path: Path | None = None  # where it was read from; not a key


def public_base_url(config: Config) -> str:
    """The API's address as subscribers see it, without a trailing slash."""
    url = config.api.public_url or f"http://{config.api.host}:{config.api.port}"
    return url.rstrip("/")


def load_config(
    path: str | Path | None = None, env: typing.Mapping[str, str] | None = None
) -> Config:
    """Read the config file (argument, else $DIPLOWATCH_CONFIG, else defaults) and the environment."""
    env = os.environ if env is None else env
    path = path or env.get(ENV_CONFIG) or None
    raw: dict[str, Any] = {}
    if path is not None:
        path = Path(path)
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} cannot be read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    config = _build(Config, raw, prefix="")
    config.path = Path(path) if path else None
    if env.get(ENV_DATABASE_URL):
        config.database_url = env[ENV_DATABASE_URL]
    _check(config)
    return config


def _check(config: Config) -> None:
    names = [source.name for source in config.sources]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(f"sources: the name {name!r} is used twice")
    for index, source in enumerate(config.sources):
        if not (source.feeds or source.sitemaps or source.listings):
            raise ConfigError(
                f"sources[{index}] ({source.name}): give at least one of feeds, sitemaps, listings"
            )
        if source.timezone is not None and not is_valid_timezone(source.timezone):
            raise ConfigError(
                f"sources[{index}].timezone: {source.timezone!r} is not an IANA zone name"
            )
    if config.api.public_url is not None and not config.api.public_url.startswith(
        ("http://", "https://")
    ):
        raise ConfigError(f"api.public_url: {config.api.public_url!r} is not an http(s) URL")
    if "://" not in config.database_url:
        raise ConfigError(f"database_url: {config.database_url!r} is not a database URL")


def _build(cls: type[Any], raw: Any, prefix: str) -> Any:
    """Build dataclass `cls` from a TOML table, refusing unknown keys and wrong types."""
    where = prefix.rstrip(".") or "config"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table, got {type(raw).__name__}")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.name != "path"}
    for key in raw:
        if key not in known:
            raise ConfigError(f"{prefix}{key}: unknown key")
    values = {key: _convert(hints[key], value, f"{prefix}{key}") for key, value in raw.items()}
    missing = [
        f.name
        for f in dataclasses.fields(cls)
        if f.name not in values
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise ConfigError(f"{prefix}{missing[0]}: required key is missing")
    try:
        return cls(**values)
    except ValueError as exc:  # the type's own check: "<field>: why"
        raise ConfigError(f"{prefix}{exc}") from None


def _convert(hint: Any, value: Any, key: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        return _convert(options[0], value, key)
    if origin is Literal:
        if value not in args:
            raise ConfigError(f"{key}: must be one of {', '.join(map(str, args))}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {type(value).__name__}")
        return [_convert(args[0], item, f"{key}[{i}]") for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a table, got {type(value).__name__}")
        return {k: _convert(args[1], item, f"{key}.{k}") for k, item in value.items()}
    if hint is Any:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, prefix=f"{key}.")
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool) or not isinstance(value, hint):
        raise ConfigError(f"{key}: expected {hint.__name__}, got {type(value).__name__}")
    return value
