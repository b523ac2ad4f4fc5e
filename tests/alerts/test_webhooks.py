"""Webhook sending against a real HTTP receiver on 127.0.0.1, verified with the reference
`standardwebhooks` library (so "signed" means "a receiver following the spec accepts it")."""

from __future__ import annotations

import base64
import json
import socket
import ssl
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from alerts.events import build_event
from alerts.webhooks import new_secret, parse_retry_after, send_webhook, sign
from tests.alerts.receiver import DrippingReceiver, Receiver, Reply

BODY = b'{"type":"test","data":{}}'


def send(url: str, secrets: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    options = {"timeout": 5.0, "allow_private": True, **kwargs}
    return send_webhook(url, BODY, "msg_abc123", secrets, **options)  # type: ignore[arg-type]


def test_new_secret_is_whsec_base64_of_enough_bytes() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    assert 24 <= len(base64.b64decode(secret.removeprefix("whsec_"))) <= 64
    assert new_secret() != secret


def test_signature_is_the_specs_test_vector() -> None:
    # The example in the Standard Webhooks reference libraries' tests, computed independently.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == expected
    assert sign(secret, "msg_other", 1614265330, body) != expected


def test_a_damaged_secret_is_refused_not_used() -> None:
    with pytest.raises(ValueError, match="not whsec_ followed by base64"):
        sign("whsec_not base64!", "msg_1", 1614265330, b"{}")


def test_signed_event_verifies_at_the_receiver(receiver: Receiver, contact: dict) -> None:
    secret = new_secret()
    event = build_event("contact.created", contact, datetime.now(UTC))
    body = json.dumps(event).encode()
    result = send_webhook(receiver.url, body, "msg_xyz", [secret], timeout=5, allow_private=True)
    assert result.ok and result.status == 204 and result.error is None
    got = receiver.received[0]
    assert got.path == "/hook"
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["User-Agent"].startswith("diplowatch")
    assert got.headers["webhook-id"] == "msg_xyz"
    assert Webhook(secret).verify(got.body, got.headers) == event
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(got.body, got.headers)


def test_rotated_secret_signs_twice_and_both_verify(receiver: Receiver) -> None:
    old, new = new_secret(), new_secret()
    assert send(receiver.url, [new, old]).ok
    got = receiver.received[0]
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify(got.body, got.headers)


def test_query_string_is_kept(receiver: Receiver) -> None:
    assert send(receiver.url + "?team=ops&x=1", [new_secret()]).ok
    assert receiver.received[0].path == "/hook?team=ops&x=1"


def test_any_2xx_is_success(receiver: Receiver) -> None:
    receiver.reply(Reply(200), Reply(202))
    assert send(receiver.url, [new_secret()]).status == 200
    assert send(receiver.url, [new_secret()]).status == 202


def test_410_means_gone(receiver: Receiver) -> None:
    receiver.reply(Reply(410))
    result = send(receiver.url, [new_secret()])
    assert not result.ok and result.gone and result.status == 410 and not result.permanent


def test_500_is_a_failure_to_retry(receiver: Receiver) -> None:
    receiver.reply(Reply(500))
    result = send(receiver.url, [new_secret()])
    assert not result.ok and not result.gone and not result.permanent
    assert result.status == 500 and result.error == "HTTP 500 Internal Server Error"


def test_retry_after_seconds_and_date(receiver: Receiver) -> None:
    later = datetime.now(UTC) + timedelta(minutes=10)
    receiver.reply(
        Reply(429, {"Retry-After": "120"}),
        Reply(503, {"Retry-After": format_datetime(later, usegmt=True)}),
    )
    assert send(receiver.url, [new_secret()]).retry_after == 120.0
    by_date = send(receiver.url, [new_secret()])
    assert by_date.status == 503 and 500 < by_date.retry_after <= 600


def test_parse_retry_after_edge_cases() -> None:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("0") == 0.0
    assert parse_retry_after("Mon, 01 Jan 2024 00:01:00 GMT", now) == 60.0
    assert parse_retry_after("Sun, 31 Dec 2023 00:00:00 GMT", now) == 0.0


def test_redirect_is_not_followed(receiver: Receiver) -> None:
    with Receiver() as elsewhere:
        receiver.reply(Reply(307, {"Location": elsewhere.url}))
        result = send(receiver.url, [new_secret()])
        assert not result.ok and result.status == 307
        assert "not followed" in result.error and elsewhere.url in result.error
        assert elsewhere.received == []


def test_slow_receiver_times_out(receiver: Receiver) -> None:
    receiver.reply(Reply(204, delay=3.0))
    result = send(receiver.url, [new_secret()], timeout=0.3)
    assert not result.ok and result.status is None
    assert result.error == "no answer from 127.0.0.1 within 0.3 s"


def test_a_receiver_dripping_its_answer_is_cut_off_at_the_timeout() -> None:
    # A byte every 0.2 s never trips a per-read timeout; only a deadline for the whole
    # request ends it.
    with DrippingReceiver(every=0.2) as dripping:
        started = time.monotonic()
        result = send(dripping.url, [new_secret()], timeout=1.0)
        elapsed = time.monotonic() - started
    assert not result.ok and not result.permanent
    assert result.error == "no answer from 127.0.0.1 within 1 s"
    assert elapsed < 3.0


def test_connection_refused_is_one_line() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = send(f"http://127.0.0.1:{port}/", [new_secret()])
    assert not result.ok and not result.permanent
    assert result.error == f"connection refused by 127.0.0.1:{port}"


def test_unresolvable_host_is_one_line() -> None:
    result = send("http://no-such-host.invalid/hook", [new_secret()])
    assert not result.ok and not result.permanent
    assert result.error.startswith("cannot resolve no-such-host.invalid")
    assert "\n" not in result.error


def test_receiver_closing_without_answer() -> None:
    server = socket.create_server(("127.0.0.1", 0))

    def accept_and_close() -> None:
        conn, _ = server.accept()
        # Read the whole request first: closing with bytes unread sends a reset instead of a
        # close, which the sender rightly reports as a reset (seen under load).
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.lower().split(b"\r\n")
                if line.startswith(b"content-length:")
            ),
            0,
        )
        while len(body) < length:
            body += conn.recv(65536)
        conn.close()

    threading.Thread(target=accept_and_close, daemon=True).start()
    try:
        result = send(f"http://127.0.0.1:{server.getsockname()[1]}/", [new_secret()])
    finally:
        server.close()
    assert not result.ok and "closed the connection without answering" in result.error


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://example.org/hook", "not an http:// or https:// URL"),
        ("https:///hook", "names no host"),
        ("https://user:pw@example.org/hook", "credentials"),
        ("https://example.org:99999/", "not a valid URL"),
        ("not a url", "not an http:// or https:// URL"),
    ],
)
def test_malformed_urls_are_permanent_failures(url: str, problem: str) -> None:
    result = send(url, [new_secret()])
    assert not result.ok and result.permanent and problem in result.error


def test_bad_secret_is_a_permanent_failure(receiver: Receiver) -> None:
    assert send(receiver.url, ["whsec_not base64!"]).permanent
    assert send(receiver.url, []).permanent
    assert receiver.received == []


# --- TLS -----------------------------------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    certs = pytest.importorskip("tests.alerts.certs")
    files = certs.make_certificates(tmp_path, ["localhost"])  # a name only, no IP SAN
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            hits.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(files.cert_file, files.key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = ssl.create_default_context(cafile=str(files.ca_file))
    yield server.server_address[1], client, hits
    server.shutdown()
    server.server_close()


def test_https_verifies_the_certificate_against_the_host_name(tls_server) -> None:  # type: ignore[no-untyped-def]
    port, client_context, hits = tls_server
    result = send(f"https://localhost:{port}/hook", [new_secret()], ssl_context=client_context)
    assert result.ok, result.error
    assert hits == [f"localhost:{port}"]
    # Same server reached by its IP: the certificate does not name 127.0.0.1, so it is refused.
    by_ip = send(f"https://127.0.0.1:{port}/hook", [new_secret()], ssl_context=client_context)
    assert not by_ip.ok and by_ip.error.startswith("TLS certificate of 127.0.0.1 rejected")


def test_https_with_an_untrusted_certificate_fails(tls_server) -> None:  # type: ignore[no-untyped-def]
    port, _, hits = tls_server
    result = send(f"https://localhost:{port}/hook", [new_secret()])  # system CAs only
    assert not result.ok and "certificate" in result.error and "rejected" in result.error
    assert hits == []
