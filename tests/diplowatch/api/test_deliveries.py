"""A subscription's deliveries: listed with status and last error; a dead one retried (SQLite)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from store import repository as repo
from store.models import Delivery, Subscription
from store.types import utcnow
from tests.diplowatch.api.support import add_contact, error_of, live_api
from tests.support.databases import sqlite_url


def test_deliveries_are_listed_and_a_dead_one_retried(tmp_path: Path) -> None:
    with live_api(sqlite_url(tmp_path)) as api, api.client() as alice:
        sub_id = alice.post("/subscriptions", json={"target": "https://a.example.org/"}).json()[
            "id"
        ]
        first, second = add_contact(api.database), add_contact(api.database, day=None)
        with api.database.sessions.begin() as session:
            subscription = session.get(Subscription, sub_id)
            sent = repo.add_delivery(
                session,
                subscription,
                repo.get_contact(session, first),
                "contact.created",
                "created",
            )
            repo.mark_delivery_sent(session, sent)
            dead = repo.add_delivery(
                session,
                subscription,
                repo.get_contact(session, second),
                "contact.created",
                "created",
            )
            repo.mark_delivery_failed(session, dead, "HTTP 503 Service Unavailable", None)
            pending = repo.add_delivery(
                session, subscription, repo.get_contact(session, second), "contact.updated", "u:1"
            )
            repo.mark_delivery_failed(
                session, pending, "connection refused", utcnow() + timedelta(minutes=5)
            )
            ids = {"sent": sent.id, "dead": dead.id, "pending": pending.id}

        listed = alice.get(f"/subscriptions/{sub_id}/deliveries")
        assert listed.status_code == 200, listed.text
        by_id = {item["id"]: item for item in listed.json()["items"]}
        assert [item["id"] for item in listed.json()["items"]] == sorted(by_id, reverse=True)
        assert by_id[ids["sent"]]["status"] == "sent" and by_id[ids["sent"]]["delivered_at"]
        assert by_id[ids["dead"]]["last_error"] == "HTTP 503 Service Unavailable"
        assert by_id[ids["dead"]]["next_attempt_at"] is None  # nothing more is due
        assert by_id[ids["pending"]]["attempts"] == 1 and by_id[ids["pending"]]["next_attempt_at"]

        only_dead = alice.get(f"/subscriptions/{sub_id}/deliveries", params={"status": "dead"})
        assert [item["id"] for item in only_dead.json()["items"]] == [ids["dead"]]
        page = alice.get(f"/subscriptions/{sub_id}/deliveries", params={"limit": 2}).json()
        rest = alice.get(
            f"/subscriptions/{sub_id}/deliveries", params={"cursor": page["next_cursor"]}
        ).json()
        assert [i["id"] for i in page["items"] + rest["items"]] == sorted(by_id, reverse=True)

        retried = alice.post(f"/subscriptions/{sub_id}/deliveries/{ids['dead']}/retry")
        assert retried.status_code == 200, retried.text
        assert retried.json()["status"] == "pending" and retried.json()["attempts"] == 0
        with api.database.sessions() as session:
            assert session.get(Delivery, ids["dead"]).status == "pending"

        for delivery_id in (ids["sent"], ids["pending"], ids["dead"]):  # none is dead any more
            conflict = alice.post(f"/subscriptions/{sub_id}/deliveries/{delivery_id}/retry")
            assert conflict.status_code == 409 and error_of(conflict)["error"] == "conflict"

        # Another subscription's path does not reach these deliveries.
        other = alice.post("/subscriptions", json={"target": "https://b.example.org/"}).json()["id"]
        missing = alice.post(f"/subscriptions/{other}/deliveries/{ids['dead']}/retry")
        assert missing.status_code == 404
        assert alice.get(f"/subscriptions/{other}/deliveries").json()["items"] == []
