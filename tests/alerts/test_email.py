"""E-mail alerts rendered and sent to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from alerts.email import SmtpSettings, render_contact_email, render_digest, send_email
from alerts.events import build_event
from alerts.render import AlertLinks
from tests.alerts.conftest import make_contact
from tests.alerts.smtp import Mailbox, free_port, parse

NOW = datetime(2023, 10, 17, 8, 0, tzinfo=UTC)


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


def plain(port: int, **changes: object) -> SmtpSettings:
    values = {
        "host": "127.0.0.1",
        "port": port,
        "username": None,
        "password": None,
        "security": "none",
        "from_addr": "alerts@diplowatch.example",
        "timeout": 5.0,
        **changes,
    }
    return SmtpSettings(**values)  # type: ignore[arg-type]


def test_contact_email_subject_and_bodies(contact: dict) -> None:
    message = render_contact_email(build_event("contact.created", contact, NOW), "ops@example.org")
    assert message["Subject"] == "Putin – Netanyahu: phone call, 16 Oct 2023"
    assert message["To"] == "ops@example.org"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Vladimir Putin (President, RUS; initiator)" in body
        assert "Benjamin Netanyahu (Prime Minister, ISR; recipient)" in body
        assert "16 Oct 2023" in body
        assert "telephoned the Israeli prime minister" in body
    assert "https://news.example.org/2023/10/16/call" in text
    assert '<a href="https://news.example.org/2023/10/16/call"' in html


@pytest.mark.parametrize(
    ("changes", "subject"),
    [
        ({"mode": "video"}, "Putin – Netanyahu: video call, 16 Oct 2023"),
        ({"type": "meeting", "mode": None, "location": "Beijing"}, "Putin – Netanyahu: meeting"),
        ({"type": "visit", "mode": None, "status": "planned"}, "Putin – Netanyahu: planned visit"),
        # No date in the text: never the crawl day, but the article's publication day beside it.
        (
            {
                "date": None,
                "first_seen": "2026-12-01T08:00:00+00:00",
                "publication_date": "2024-11-03",
            },
            "Putin – Netanyahu: phone call, date not given, published 3 Nov 2024",
        ),
        ({"date": None, "publication_date": None}, "Putin – Netanyahu: phone call, date not given"),
    ],
)
def test_subject_says_who_how_and_when(changes: dict, subject: str) -> None:
    event = build_event("contact.created", make_contact(**changes), NOW)
    assert render_contact_email(event, "a@example.org")["Subject"].startswith(subject)


def test_subject_surnames_for_family_name_first_and_particles() -> None:
    people = [
        {"name": "Xi", "canonical_name": "Xi Jinping", "role": "initiator"},
        {"name": "MBS", "canonical_name": "Mohammed bin Salman", "role": "recipient"},
        {"name": "the Saudi foreign minister", "canonical_name": None, "role": "participant"},
    ]
    event = build_event("contact.created", make_contact(participants=people), NOW)
    subject = render_contact_email(event, "a@example.org")["Subject"]
    assert subject.startswith("Xi – bin Salman – the Saudi foreign minister: phone call")


def test_news_text_is_escaped_in_html() -> None:
    contact = make_contact(evidence=["<script>alert(1)</script> said & done"])
    contact["articles"][0]["url"] = "javascript:alert(1)"
    html = render_contact_email(build_event("contact.created", contact, NOW), "a@x.org")
    body = html.get_body(("html",)).get_content()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert 'href="javascript:' not in body and "href" not in body.split("Reported by")[1]


def test_digest_groups_contacts_by_day() -> None:
    events = [
        build_event("contact.created", make_contact(id=1, date="2023-10-17"), NOW),
        build_event("contact.created", make_contact(id=2, date="2023-10-16", mode="video"), NOW),
        build_event("contact.created", make_contact(id=3, date="2023-10-16", type="meeting"), NOW),
    ]
    message = render_digest(events, "ops@example.org", "daily")
    assert message["Subject"] == "diplowatch daily digest: 3 contacts, 16 Oct 2023 – 17 Oct 2023"
    text = message.get_body(("plain",)).get_content()
    day16, day17 = text.index("16 Oct 2023\n"), text.index("17 Oct 2023\n")
    assert day16 < text.index("video call") < text.index("meeting") < day17
    assert text.count("https://news.example.org/2023/10/16/call") == 3
    with pytest.raises(ValueError):
        render_digest([], "ops@example.org", "daily")


def test_sent_to_a_real_smtp_server(mailbox: tuple[Mailbox, int], contact: dict) -> None:
    handler, port = mailbox
    message = render_contact_email(build_event("contact.created", contact, NOW), "ops@example.org")
    result = send_email(plain(port), message)
    assert result.ok and result.error is None
    (envelope,) = handler.messages
    assert envelope.mail_from == "alerts@diplowatch.example"
    assert envelope.rcpt_tos == ["ops@example.org"]
    received = parse(envelope)
    assert received["Subject"] == "Putin – Netanyahu: phone call, 16 Oct 2023"
    assert received["Message-ID"].endswith("@diplowatch.example>")
    assert received.get_body(("plain",)) is not None and received.get_body(("html",)) is not None


def test_refused_then_accepted(mailbox: tuple[Mailbox, int], contact: dict) -> None:
    handler, port = mailbox
    handler.refuse_next = 1
    event = build_event("contact.created", contact, NOW)
    refused = send_email(plain(port), render_contact_email(event, "ops@example.org"))
    assert not refused.ok and refused.status == 550
    assert refused.error == (
        f"SMTP server 127.0.0.1:{port} refused recipient ops@example.org: "
        "550 5.1.1 mailbox unavailable"
    )
    assert handler.messages == []
    assert send_email(plain(port), render_contact_email(event, "ops@example.org")).ok
    assert len(handler.messages) == 1


def test_unreachable_smtp_host_is_one_line(contact: dict) -> None:
    message = render_contact_email(build_event("test", contact, NOW), "ops@example.org")
    port = free_port()
    refused = send_email(plain(port), message)
    assert (
        not refused.ok and refused.error == f"SMTP server 127.0.0.1:{port} refused the connection"
    )
    unknown = send_email(plain(25, host="smtp.no-such-host.invalid"), message)
    assert not unknown.ok and unknown.error.startswith("cannot resolve SMTP host")


def test_starttls_required_but_not_offered(mailbox: tuple[Mailbox, int], contact: dict) -> None:
    _, port = mailbox
    message = render_contact_email(build_event("test", contact, NOW), "ops@example.org")
    result = send_email(plain(port, security="starttls"), message)
    assert not result.ok and "STARTTLS" in result.error


# --- TLS and login -------------------------------------------------------------------------


class Accounts:
    def __call__(self, server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == b"right"
        return AuthResult(success=ok, handled=False)


@pytest.fixture
def tls_files(tmp_path: Path):  # type: ignore[no-untyped-def]
    certs = pytest.importorskip("tests.alerts.certs")
    return certs.make_certificates(tmp_path, ["localhost"], ["127.0.0.1"])


def server_context(files) -> ssl.SSLContext:  # type: ignore[no-untyped-def]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(files.cert_file, files.key_file)
    return context


def test_starttls_with_login(tls_files, contact: dict) -> None:  # type: ignore[no-untyped-def]
    handler = Mailbox()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=server_context(tls_files),
        require_starttls=True,
        authenticator=Accounts(),
        auth_require_tls=True,
    )
    controller.start()
    try:
        settings = plain(
            controller.port,
            security="starttls",
            username="diplowatch",
            password="right",
            ca_file=str(tls_files.ca_file),
        )
        message = render_contact_email(build_event("test", contact, NOW), "ops@example.org")
        assert send_email(settings, message).ok
        assert len(handler.messages) == 1
        wrong = plain(
            controller.port,
            security="starttls",
            username="diplowatch",
            password="wrong",
            ca_file=str(tls_files.ca_file),
        )
        refused = send_email(
            wrong, render_contact_email(build_event("test", contact, NOW), "a@b.org")
        )
        assert not refused.ok and refused.status == 535 and "refused the login" in refused.error
    finally:
        controller.stop()


def test_implicit_tls_verifies_the_certificate(tls_files, contact: dict) -> None:  # type: ignore[no-untyped-def]
    handler = Mailbox()
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), ssl_context=server_context(tls_files)
    )
    controller.start()
    try:
        message = render_contact_email(build_event("test", contact, NOW), "ops@example.org")
        trusted = plain(controller.port, security="tls", ca_file=str(tls_files.ca_file))
        assert send_email(trusted, message).ok
        untrusted = plain(controller.port, security="tls")  # system CAs do not know ours
        result = send_email(
            untrusted, render_contact_email(build_event("test", contact, NOW), "a@b.org")
        )
        assert not result.ok and "certificate rejected" in result.error
        assert len(handler.messages) == 1
    finally:
        controller.stop()


def test_links_to_the_contact_feed_and_one_click_unsubscribe(contact: dict) -> None:
    links = AlertLinks("https://dw.example.org/s/secret-token")
    message = render_contact_email(build_event("contact.created", contact, NOW), "a@x.org", links)
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"] == "<https://dw.example.org/s/secret-token/unsubscribe>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    contact_url = f"https://dw.example.org/s/secret-token/contacts/{contact['id']}"
    for body in (html, text):
        assert contact_url in body
        assert "https://dw.example.org/s/secret-token/unsubscribe" in body
        assert "https://dw.example.org/s/secret-token/feed.atom" in body
    assert "font-family" in html and 'name="viewport"' in html  # styled, readable on phones
    digest = render_digest(
        [build_event("contact.created", contact, NOW)], "a@x.org", "daily", links
    )
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert contact_url in digest.get_body(("html",)).get_content()


def test_without_links_there_is_no_unsubscribe_header(contact: dict) -> None:
    message = render_contact_email(build_event("contact.created", contact, NOW), "a@x.org")
    assert message["List-Unsubscribe"] is None and message["Auto-Submitted"] == "auto-generated"
