"""The subscriber's own links, served by the API: an Atom feed (read back with feedparser), the
contact pages, and one-click unsubscribe (RFC 8058) from the e-mail's List-Unsubscribe header."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes, policy

import feedparser
import httpx
import pytest
from aiosmtpd.controller import Controller

from alerts.email import SmtpSettings
from diplowatch.delivery import deliver_due
from store import repository as repo
from tests.alerts.smtp import Mailbox, free_port
from tests.diplowatch.api.support import LiveApi, live_api
from tests.diplowatch.store_support import MODI, PUTIN, XI, save_contact, settings, subscribe


@pytest.fixture
def api(database_url: str) -> Iterator[LiveApi]:
    with live_api(database_url) as running:
        yield running


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, SmtpSettings]]:
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    smtp = SmtpSettings("127.0.0.1", controller.port, None, None, "none", "a@dw.example", 5.0)
    yield handler, smtp
    controller.stop()


def access_token(api: LiveApi, subscription_id: int) -> str:
    with api.database.sessions() as session:
        token = repo.get_subscription(session, subscription_id).access_token
    assert token and len(token) >= 40
    return token


def test_the_atom_feed_lists_the_subscriptions_contacts(api: LiveApi) -> None:
    wanted = subscribe(api.database, "desk@example.org", channel="email")
    other = subscribe(api.database, "x@example.org", channel="email", filters={"types": ["visit"]})
    call = save_contact(api.database, [PUTIN, XI])
    visit = save_contact(api.database, [PUTIN, MODI], kind="visit")
    response = httpx.get(f"{api.base_url}/s/{access_token(api, wanted)}/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Putin – Modi: visit, 16 May 2024", "Putin – Xi: phone call, 16 May 2024"]
    assert feed.entries[1].id == f"urn:diplowatch:contact:{call}"
    page = httpx.get(feed.entries[1].link)  # the entry links to its contact page
    assert page.status_code == 200 and "Vladimir Putin" in page.text and "Xi Jinping" in page.text
    # The other subscription's feed has only what its filters chose.
    other_feed = feedparser.parse(
        httpx.get(f"{api.base_url}/s/{access_token(api, other)}/feed.atom").content
    )
    assert [e.id for e in other_feed.entries] == [f"urn:diplowatch:contact:{visit}"]
    # Its token does not open the first subscription's contact.
    assert (
        httpx.get(f"{api.base_url}/s/{access_token(api, other)}/contacts/{call}").status_code == 404
    )


def test_unknown_tokens_are_404(api: LiveApi) -> None:
    for path in ("feed.atom", "contacts/1", "unsubscribe"):
        assert httpx.get(f"{api.base_url}/s/{'x' * 43}/{path}").status_code == 404
    assert httpx.post(f"{api.base_url}/s/{'x' * 43}/unsubscribe").status_code == 404


def test_an_email_unsubscribes_with_one_click(api: LiveApi, mailbox) -> None:  # type: ignore[no-untyped-def]
    handler, smtp = mailbox
    sub_id = subscribe(api.database, "desk@example.org", channel="email")
    contact = save_contact(api.database, [PUTIN, XI])
    worker = replace(settings(smtp=smtp), public_url=api.base_url)
    assert deliver_due(api.database, worker).sent == 1
    message = message_from_bytes(handler.messages[0].original_content, policy=policy.default)
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe == f"{api.base_url}/s/{access_token(api, sub_id)}/unsubscribe"
    html = message.get_body(("html",)).get_content()
    assert f"{api.base_url}/s/{access_token(api, sub_id)}/contacts/{contact}" in html
    # A link scanner's GET shows a page and unsubscribes nobody.
    page = httpx.get(unsubscribe)
    assert page.status_code == 200 and "<form method='post'" in page.text
    with api.database.sessions() as session:
        assert repo.get_subscription(session, sub_id).active
    # The mail client's one-click POST (RFC 8058) ends it: later contacts send nothing.
    done = httpx.post(unsubscribe, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "Unsubscribed" in done.text
    with api.database.sessions() as session:
        subscription = repo.get_subscription(session, sub_id)
        assert not subscription.active
        assert subscription.disabled_reason == "unsubscribed by the recipient"
    save_contact(api.database, [PUTIN, MODI], kind="visit")
    assert deliver_due(api.database, worker).sent == 0
    assert len(handler.messages) == 1
