"""The repository functions and the database's own guarantees, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

import store
from store import repository as repo
from store.models import Article, ContactMention, Delivery, Subscription
from store.types import utcnow


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    yield store.make_sessionmaker(engine)
    engine.dispose()


def _article(url: str = "https://news.example/a1", body: str = "Body one.") -> repo.NewArticle:
    return repo.NewArticle(
        url=url,
        canonical_url=url,
        body=body,
        content_hash=f"h-{body}",
        title="Leaders talk",
        published_at=datetime(2023, 10, 16, 9, 0, tzinfo=UTC),
        raw_html=b"<html><p>Body one.</p></html>",
    )


def _contact(day: date = date(2023, 10, 16)) -> repo.NewContact:
    return repo.NewContact(
        type="call",
        mode="phone",
        status="occurred",
        date=day,
        confidence=0.9,
        cameo="041",
        participants=[
            repo.NewParticipant(
                party_key="kb:putin",
                name="Vladimir Putin",
                kb_id="kb:putin",
                canonical_name="Vladimir Putin",
                state="RUS",
                office="President",
                role="initiator",
            ),
            repo.NewParticipant(
                party_key="kb:netanyahu",
                name="Israeli President Benjamin Netanyahu",
                kb_id="kb:netanyahu",
                canonical_name="Benjamin Netanyahu",
                state="ISR",
                office="Prime Minister",
                role="recipient",
            ),
        ],
    )


def test_article_with_contact_and_mentions_round_trips(sessions) -> None:
    with sessions.begin() as session:
        source = repo.get_or_create_source(session, "moscowtimes")
        article = repo.add_article(session, _article(), source=source)
        contact = repo.add_contact(session, _contact())
        repo.add_mention(session, contact, article, ["Putin on Monday called Netanyahu."], 0.9)
        contact_id = contact.id

    with sessions() as session:
        loaded = repo.get_contact(session, contact_id)
        data = repo.contact_to_dict(loaded)
        assert data["type"] == "call" and data["date"] == "2023-10-16"
        assert [p["canonical_name"] for p in data["participants"]] == [
            "Vladimir Putin",
            "Benjamin Netanyahu",
        ]
        assert data["participants"][1]["office"] == "Prime Minister"
        assert data["participants"][0]["role"] == "initiator"
        assert data["evidence"] == ["Putin on Monday called Netanyahu."]
        assert data["articles"][0]["source"] == "moscowtimes"
        stored = session.get(Article, loaded.mentions[0].article_id)
        assert repo.raw_html_of(stored) == b"<html><p>Body one.</p></html>"
        assert stored.published_at == datetime(2023, 10, 16, 9, 0, tzinfo=UTC)


def test_same_contact_is_found_again_within_the_date_window(sessions) -> None:
    with sessions.begin() as session:
        repo.add_contact(session, _contact(date(2023, 10, 16)))
    with sessions() as session:
        assert repo.find_same_contact(session, _contact(date(2023, 10, 17))) is not None
        assert repo.find_same_contact(session, _contact(date(2023, 10, 25))) is None
        meeting = _contact(date(2023, 10, 16))
        meeting.type = "meeting"
        assert repo.find_same_contact(session, meeting) is None


def test_duplicate_article_url_is_refused(sessions) -> None:
    with sessions.begin() as session:
        repo.add_article(session, _article(), source=None)
    with pytest.raises(IntegrityError), sessions.begin() as session:
        repo.add_article(session, _article(body="other body"), source=None)


def test_duplicate_mention_is_refused(sessions) -> None:
    with sessions.begin() as session:
        article = repo.add_article(session, _article(), source=None)
        contact = repo.add_contact(session, _contact())
        repo.add_mention(session, contact, article, ["e"], 0.9)
        assert repo.add_mention(session, contact, article, ["e"], 0.9) is None
        ids = contact.id, article.id
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(
            ContactMention(
                contact_id=ids[0], article_id=ids[1], evidence=[], confidence=1, created_at=utcnow()
            )
        )


def test_duplicate_delivery_is_refused(sessions) -> None:
    with sessions.begin() as session:
        contact = repo.add_contact(session, _contact())
        sub = Subscription(channel="webhook", target="https://x.example/h", created_at=utcnow())
        session.add(sub)
        session.flush()
        repo.add_delivery(session, sub, contact, "contact.created", "created")
    with pytest.raises(IntegrityError), sessions.begin() as session:
        sub = session.get(Subscription, sub.id)
        contact = repo.get_contact(session, contact.id)
        repo.add_delivery(session, sub, contact, "contact.created", "created")


def test_claiming_leases_rows_and_a_dead_worker_lease_expires(sessions) -> None:
    with sessions.begin() as session:
        contact = repo.add_contact(session, _contact())
        sub = Subscription(channel="webhook", target="https://x.example/h", created_at=utcnow())
        session.add(sub)
        session.flush()
        message_id = repo.add_delivery(
            session, sub, contact, "contact.created", "created"
        ).message_id
    with sessions.begin() as session:
        claimed = repo.claim_due_deliveries(session, limit=10, lease=timedelta(seconds=30))
        assert [d.message_id for d in claimed] == [message_id]
    with sessions.begin() as session:  # leased: nobody else gets it now
        assert repo.claim_due_deliveries(session, limit=10, lease=timedelta(seconds=30)) == []
    later = utcnow() + timedelta(seconds=31)
    with sessions.begin() as session:  # the worker died: the lease ran out, same message id
        again = repo.claim_due_deliveries(session, limit=10, lease=timedelta(seconds=30), now=later)
        assert [d.message_id for d in again] == [message_id]
        repo.mark_delivery_failed(session, again[0], "HTTP 500", None)
    with sessions.begin() as session:
        assert session.get(Delivery, again[0].id).status == "dead"
        assert repo.retry_dead_deliveries(session) == 1
        assert repo.count_deliveries(session) == {"pending": 1}


def test_seen_urls_and_feed_validators(sessions) -> None:
    with sessions.begin() as session:
        source = repo.get_or_create_source(session, "tass")
        assert not repo.url_seen(session.connection(), "https://tass.com/x")
        repo.mark_urls_seen(
            session,
            [repo.SeenMark("https://tass.com/x", source.id, status="skipped", reason="paywall")],
        )
        repo.save_feed_validators(session, "https://tass.com/rss", '"abc"', None)
    with sessions() as session:
        assert repo.url_seen(session.connection(), "https://tass.com/x")
        assert repo.get_feed_validators(session, "https://tass.com/rss") == ('"abc"', None)
