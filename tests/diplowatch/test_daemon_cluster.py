"""Two daemons on one PostgreSQL database: each source crawled once per scheduled time, each
alert sent once. The database guarantees it (advisory locks, SKIP LOCKED), not timing luck."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from diplowatch.schedules import parse_schedule
from tests.alerts.receiver import Receiver
from tests.diplowatch.support import STORIES, DaemonProcess, Db, free_port, write_config
from tests.support.databases import postgres_database
from tests.support.newssite import NewsSite
from tests.support.waiting import wait_until

SCHEDULE = "every 5s"


def test_two_daemons_one_crawl_per_tick_one_send_per_alert(
    tmp_path: Path, news_site: NewsSite, receiver: Receiver
) -> None:
    with postgres_database() as url:
        db = Db(url)
        db.migrate()
        db.subscribe(receiver.url)
        news_site.add_story("desk", *STORIES[0])
        news_site.add_story("desk", *STORIES[1])
        # One source keeps this 2-core machine from being the bottleneck: every tick, each
        # daemon starts a crawl process for it, and the database lets one of them crawl.
        feeds = {"desk": news_site.url("/feeds/desk.rss")}
        daemons = []
        for name in ("a", "b"):
            port = free_port()
            config = write_config(
                tmp_path / f"{name}.toml", url, feeds, schedule=SCHEDULE, port=port
            )
            daemons.append(DaemonProcess.start(config, tmp_path / f"{name}.log", port))
        try:
            for daemon in daemons:
                daemon.wait_http()
            assert receiver.wait_for(2, timeout=60), daemons[0].log()[-3000:]
            # Later news, while both daemons run.
            news_site.add_story("desk", *STORIES[2])
            news_site.add_story("desk", *STORIES[3])
            assert receiver.wait_for(4, timeout=60), daemons[0].log()[-3000:]
            # A few more ticks with nothing new: still one crawl per source per tick.
            wait_until(lambda: len(db.runs("desk")) >= 5, 60, "more ticks", daemons[0])
            codes = [daemon.terminate() for daemon in daemons]
        finally:
            for daemon in daemons:
                daemon.cleanup()
        runs = db.runs()
        deliveries = db.deliveries()
        contacts = db.contacts()
        db.dispose()

    assert codes == [0, 0]
    schedule = parse_schedule(SCHEDULE)
    per_tick = Counter((run.source_id, schedule.slot_start(run.started_at)) for run in runs)
    assert max(per_tick.values()) == 1, per_tick
    # Both daemons competed for every tick; whichever lost was told by the database.
    for daemon in daemons:
        log = daemon.log()
        lost = sum(
            log.count(words)
            for words in ("crawled elsewhere right now", "not due:", "already crawled in this slot")
        )
        assert log.count("diplowatch.daemon: crawl ok") + lost >= 4, log[-3000:]
    assert any("crawled elsewhere right now" in d.log() for d in daemons)
    # Each alert sent once: four contacts, four deliveries, four distinct webhooks.
    assert contacts == 4 and deliveries == {"sent": 4}
    assert len(receiver.received) == 4 and len(set(receiver.ids())) == 4
    states = [
        {p["state"] for p in json.loads(r.body)["data"]["participants"]} for r in receiver.received
    ]
    assert {"RUS", "TUR"} in states and {"KEN", "ZAF"} in states
