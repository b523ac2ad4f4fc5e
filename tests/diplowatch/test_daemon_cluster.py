"""Two daemons on one PostgreSQL database: each source crawled once per scheduled time, each
alert sent once. The database guarantees it (advisory locks, SKIP LOCKED), not timing luck.

The test waits on what happens (webhooks arriving, a crawl holding a feed the site keeps
waiting, the other daemon told so, new crawl rows), never on how long things take: a crawl
may outlast the 5 s schedule on a busy machine, and the invariants must hold all the same."""

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
        feed = "/feeds/desk.rss"
        feeds = {"desk": news_site.url(feed)}
        daemons = []
        for name in ("a", "b"):
            port = free_port()
            config = write_config(
                tmp_path / f"{name}.toml", url, feeds, schedule=SCHEDULE, port=port,
                download_timeout=300.0,  # the held feed answers when the test says
            )  # fmt: skip
            daemons.append(DaemonProcess.start(config, tmp_path / f"{name}.log", port))
        release = news_site.hold(feed)
        release.set()  # not held yet: the gate is closed below, mid-test
        try:
            for daemon in daemons:
                daemon.wait_http()
            assert receiver.wait_for(2, timeout=120), daemons[0].log()[-3000:]

            # A crawl that cannot finish: the site holds the feed. Whichever daemon's crawl
            # holds the source, the other one's next tick must be told it is crawled elsewhere.
            told_before = _told_elsewhere(daemons)
            hits = news_site.hits[feed]
            release.clear()
            wait_until(lambda: news_site.hits[feed] > hits, 120, "a crawl to read the held feed")
            wait_until(
                lambda: _told_elsewhere(daemons) > told_before,
                120,
                "the other daemon to be told the source is crawled elsewhere",
                daemons[0],
            )
            # Later news, served to the held crawl once released.
            news_site.add_story("desk", *STORIES[2])
            news_site.add_story("desk", *STORIES[3])
            release.set()
            assert receiver.wait_for(4, timeout=120), daemons[0].log()[-3000:]

            # More ticks with nothing new: still one crawl per source per tick.
            crawled = len(db.runs("desk"))
            wait_until(lambda: len(db.runs("desk")) >= crawled + 2, 120, "more ticks", daemons[0])
            codes = [daemon.terminate() for daemon in daemons]
        finally:
            release.set()
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
    # Both daemons took part: each crawled, or was told by the database that it need not.
    for daemon in daemons:
        log = daemon.log()
        lost = sum(
            log.count(words)
            for words in ("crawled elsewhere right now", "not due:", "already crawled in this slot")
        )
        assert log.count("diplowatch.daemon: crawl ok") + lost >= 1, log[-3000:]
    # Each alert sent once: four contacts, four deliveries, four distinct webhooks.
    assert contacts == 4 and deliveries == {"sent": 4}
    assert len(receiver.received) == 4 and len(set(receiver.ids())) == 4
    states = [
        {p["state"] for p in json.loads(r.body)["data"]["participants"]} for r in receiver.received
    ]
    assert {"RUS", "TUR"} in states and {"KEN", "ZAF"} in states


def _told_elsewhere(daemons: list[DaemonProcess]) -> int:
    return sum(daemon.log().count("crawled elsewhere right now") for daemon in daemons)
