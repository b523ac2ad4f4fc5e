"""scrapy-redis mode: two crawler processes share one request queue and duplicate filter in
Redis (127.0.0.1:6379); together they fetch every URL once, and both do part of the work."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import traceback
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import func, select

from crawler import CrawlSettings, SourceSpec
from crawler.distributed import KEY_PREFIX, redis_overlay
from tests.crawler.harness import RecordingSink, fast_settings
from tests.support.newssite import NewsSite

REDIS_URL = "redis://127.0.0.1:6379/0"
ARTICLES = 40


@pytest.fixture
def redis_server() -> redis.Redis:
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.RedisError:
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    return server


def crawl_with_overlay(
    sources: list[SourceSpec], sink: RecordingSink, settings: CrawlSettings, overlay: dict
) -> dict:
    """crawler.crawl() with the overlay as extra Scrapy settings."""
    from crawler import crawl

    return crawl(sources, sink, replace(settings, scrapy_overrides=overlay))


def _child(conn: Any, source: SourceSpec, settings: CrawlSettings, overlay: dict) -> None:
    try:
        sink = RecordingSink()
        stats = crawl_with_overlay([source], sink, settings, overlay)
        conn.send(("ok", stats, sink))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test with it
        conn.send(("error", traceback.format_exc(), None))
    finally:
        conn.close()


def test_two_processes_share_one_queue_and_fetch_each_url_once(
    news_site: NewsSite, redis_server: redis.Redis
) -> None:
    stories = news_site.generate(ARTICLES, section="bulk")
    # The feed and the sitemap list the same articles: still one fetch each, cluster-wide.
    source = SourceSpec(
        name="bulk",
        feeds=[news_site.url("/feeds/bulk.rss")],
        sitemaps=[news_site.url("/sitemaps/bulk.xml")],
    )
    # A delay per request makes one process alone take ~10 s: the other has time to join in.
    settings = fast_settings(download_delay=0.25, concurrency_per_domain=1, obey_robots=False)
    crawl_key = uuid.uuid4().hex
    overlay = redis_overlay(REDIS_URL, crawl_key, key_ttl=300, busy_seconds=10)

    context = multiprocessing.get_context("spawn")
    children = []
    for _ in range(2):
        parent_end, child_end = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(child_end, source, settings, overlay))
        child.start()
        child_end.close()
        children.append((child, parent_end))
    results = []
    try:
        for _, conn in children:
            assert conn.poll(120), "a crawler process did not finish"
            status, payload, sink = conn.recv()
            assert status == "ok", payload
            results.append((payload["bulk"], sink))
    finally:
        for child, _ in children:
            child.join(5)
            if child.is_alive():
                child.kill()
        for key in redis_server.scan_iter(f"{KEY_PREFIX}:{crawl_key}:*"):
            redis_server.delete(key)

    paths = [story.path for story in stories]
    assert {news_site.hits[path] for path in paths} == {1}, "an article was fetched twice"
    assert news_site.hits["/feeds/bulk.rss"] == 1
    assert news_site.hits["/sitemaps/bulk.xml"] == 1
    fetched = [stats.pages_fetched for stats, _ in results]
    assert sum(fetched) == ARTICLES
    assert all(count > 0 for count in fetched), f"one process did all the work: {fetched}"
    stored = [article["url"] for _, sink in results for article in sink.articles]
    assert sorted(stored) == sorted(news_site.url(path) for path in paths)


def test_diplowatch_run_shares_a_crawl_through_redis(
    news_site: NewsSite, redis_server: redis.Redis, tmp_path: Path
) -> None:
    """Two `diplowatch run --source` processes (two machines, in production) with
    `[crawl] redis_url`: each article is fetched once and stored once."""
    import store
    from store.models import Article

    stories = news_site.generate(ARTICLES, section="bulk")
    name = f"shared-{uuid.uuid4().hex[:8]}"
    database_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    config = tmp_path / "diplowatch.toml"
    config.write_text(
        f"""
database_url = "{database_url}"
use_default_sources = false
[[sources]]
name = "{name}"
feeds = ["{news_site.url("/feeds/bulk.rss")}"]
[crawl]
download_delay = 0.25
concurrency_per_domain = 1
autothrottle = false
obey_robots = false
retry_times = 1
detect_workers = 0
redis_url = "{REDIS_URL}"
""",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    command = [sys.executable, "-m", "diplowatch", "--config", str(config)]
    subprocess.run([*command, "db", "upgrade"], check=True, env=env, capture_output=True)
    runs = [
        subprocess.Popen(
            [*command, "run", "--source", name, "--no-deliver"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        outcomes = [run.communicate(timeout=120) for run in runs]
    finally:
        for run in runs:
            run.kill()
        for key in redis_server.scan_iter(f"{KEY_PREFIX}:*news:{name}*"):
            redis_server.delete(key)
    for run, (_, stderr) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, stderr
    assert {news_site.hits[story.path] for story in stories} == {1}, "an article was fetched twice"
    engine = store.make_engine(database_url)
    with store.make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == ARTICLES
    engine.dispose()
