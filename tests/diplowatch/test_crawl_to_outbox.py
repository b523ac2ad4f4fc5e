"""crawl -> extract -> detect -> store -> outbox, through `diplowatch crawl` on real parts.

A fixture news site on 127.0.0.1, the real detector and knowledge base, a real SQLite file (and
PostgreSQL), and subscriptions whose filters decide which deliveries the crawl queues.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

import store
from store import repository as repo
from store.models import Article, Contact, ContactMention, Delivery, Subscription
from store.types import utcnow
from tests.support.newssite import NewsSite

CALL_A = (
    "Lavrov and Fidan talk Black Sea grain by phone",
    "Russian Foreign Minister Sergei Lavrov spoke by telephone with Turkish Foreign Minister "
    "Hakan Fidan on Monday about shipping in the Black Sea, the ministry said.",
)
CALL_B = (
    "Fidan, Lavrov discuss grain corridor in phone call",
    "Turkish Foreign Minister Hakan Fidan held a telephone conversation with Russian Foreign "
    "Minister Sergei Lavrov on Monday to discuss the grain corridor, diplomatic sources said.",
)
NOT_A_CONTACT = (
    "Ministers call for calm after border incident",
    "Several foreign ministers called for calm on Monday after an incident at the border, and "
    "the opposition called on the government to publish its report.",
)


def crawl(config: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    return subprocess.run(
        [sys.executable, "-c", "from diplowatch.cli import main; main()"]
        + ["--quiet", "--config", str(config), "crawl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def write_config(tmp_path: Path, database_url: str, feed: str) -> Path:
    path = tmp_path / "diplowatch.toml"
    path.write_text(
        f"""
database_url = "{database_url}"
use_default_sources = false
[[sources]]
name = "fixture"
feeds = ["{feed}"]
[crawl]
download_delay = 0.0
autothrottle = false
retry_times = 1
download_timeout = 10.0
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def site():
    with NewsSite() as running:
        yield running


def test_crawl_stores_contacts_once_and_queues_matching_alerts(
    tmp_path: Path, database_url: str, site: NewsSite
) -> None:
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    sessions = store.make_sessionmaker(engine)
    with sessions.begin() as session:
        for filters in ({}, {"states": ["TUR"], "types": ["call"]}, {"states": ["FRA"]}):
            session.add(
                Subscription(
                    channel="webhook",
                    target="https://hooks.example/in",
                    filters=filters,
                    created_at=utcnow(),
                )
            )
    for title, lead in (CALL_A, NOT_A_CONTACT):
        site.add_story("desk", title, lead, hours_ago=1)
    config = write_config(tmp_path, database_url, site.url("/feeds/desk.rss"))

    first = crawl(config)
    assert first.returncode == 0, first.stderr
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 2
        contacts = session.scalars(select(Contact)).all()
        assert len(contacts) == 1
        data = repo.contact_to_dict(repo.get_contact(session, contacts[0].id))
        assert data["type"] == "call"
        assert {p["state"] for p in data["participants"]} == {"RUS", "TUR"}
        # Two of the three subscriptions match; each gets exactly one delivery.
        deliveries = session.scalars(select(Delivery)).all()
        assert sorted(d.subscription_id for d in deliveries) == [1, 2]
        assert {d.event for d in deliveries} == {"contact.created"}

    # A second outlet reports the same call: a mention, not a contact, and no new alert.
    site.add_story("desk", *CALL_B, hours_ago=0.5)
    second = crawl(config)
    assert second.returncode == 0, second.stderr
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 3
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        assert session.scalar(select(func.count()).select_from(ContactMention)) == 2
        assert session.scalar(select(func.count()).select_from(Delivery)) == 2

    # Nothing new: the third crawl fetches no article page at all.
    article_hits = sum(n for path, n in site.hits.items() if path.startswith("/news/"))
    third = crawl(config)
    assert third.returncode == 0, third.stderr
    assert sum(n for path, n in site.hits.items() if path.startswith("/news/")) == article_hits
    engine.dispose()


def test_reprocess_finds_again_what_stored_pages_report(tmp_path: Path, site: NewsSite) -> None:
    database_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    site.add_story("desk", *CALL_A, hours_ago=1)
    config = write_config(tmp_path, database_url, site.url("/feeds/desk.rss"))
    config.write_text(
        config.read_text(encoding="utf-8").replace("[crawl]", "[crawl]\nkeep_raw_html = true"),
        encoding="utf-8",
    )
    assert crawl(config).returncode == 0
    engine = store.make_engine(database_url)
    sessions = store.make_sessionmaker(engine)
    with sessions.begin() as session:
        # As if an older detector had found nothing in the page.
        for contact in session.scalars(select(Contact)):
            session.delete(contact)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    result = subprocess.run(
        [sys.executable, "-c", "from diplowatch.cli import main; main()"]
        + ["--quiet", "--config", str(config), "reprocess"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "reprocessed 1 article(s); 1 new contact(s)" in result.stdout
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
    engine.dispose()


def test_an_official_sites_home_state_names_the_president(tmp_path: Path, site: NewsSite) -> None:
    # A readout on the White House's own site says "The President": the source's home state says
    # whose. Without it the sentence names only one side, and no contact can be reported.
    readout = (
        "Readout of the President's call with Prime Minister Starmer",
        "The President spoke today with Prime Minister Keir Starmer of the United Kingdom. The "
        "two leaders discussed trade, energy security and support for Ukraine.",
    )
    site.add_story("briefings", *readout, hours_ago=1)
    database_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    config = write_config(tmp_path, database_url, site.url("/feeds/briefings.rss"))
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('name = "fixture"', 'name = "fixture"\nhome_state = "USA"'))
    assert crawl(config).returncode == 0
    engine = store.make_engine(database_url)
    with store.make_sessionmaker(engine)() as session:
        contacts = session.scalars(select(Contact)).all()
        assert len(contacts) == 1
        data = repo.contact_to_dict(repo.get_contact(session, contacts[0].id))
        assert {p["state"] for p in data["participants"]} == {"USA", "GBR"}
        assert {p["office"] for p in data["participants"]} == {"President", "Prime Minister"}
    engine.dispose()
