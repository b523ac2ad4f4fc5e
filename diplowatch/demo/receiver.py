"""A local webhook receiver for the demo: it checks each Standard Webhooks signature and keeps
what arrived, the way a subscriber's endpoint would."""

from __future__ import annotations

import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from alerts.webhooks import sign

# Standard Webhooks receivers refuse messages older (or newer) than a few minutes: replay guard.
TOLERANCE_SECONDS = 5 * 60


@dataclass
class Received:
    msg_id: str
    event: dict[str, Any]
    signature_ok: bool


@dataclass
class Inbox:
    secret: str
    messages: list[Received] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _arrived: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self._arrived = threading.Condition(self._lock)

    def add(self, message: Received) -> bool:
        """Keep a message; False when its id was seen already (a retry of a delivered one)."""
        with self._arrived:
            if any(m.msg_id == message.msg_id for m in self.messages):
                return False
            self.messages.append(message)
            self._arrived.notify_all()
            return True

    def wait_for(self, count: int, timeout: float) -> list[Received]:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout)
            return list(self.messages)


def verify(secret: str, msg_id: str, timestamp: str, body: bytes, header: str) -> bool:
    """True when one of the header's signatures is ours and the timestamp is fresh."""
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    if abs(time.time() - sent_at) > TOLERANCE_SECONDS:
        return False
    expected = sign(secret, msg_id, sent_at, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in header.split())


class _Handler(BaseHTTPRequestHandler):
    inbox: Inbox

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        msg_id = self.headers.get("webhook-id", "")
        ok = verify(
            self.inbox.secret,
            msg_id,
            self.headers.get("webhook-timestamp", ""),
            body,
            self.headers.get("webhook-signature", ""),
        )
        try:
            event = json.loads(body)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        self.inbox.add(Received(msg_id=msg_id, event=event, signature_ok=ok))
        # A bad signature is still recorded, so the demo can show it; a real receiver would 401.
        self.send_response(204 if ok else 401)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class RunningReceiver:
    server: ThreadingHTTPServer
    url: str
    inbox: Inbox

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_receiver(secret: str, host: str = "127.0.0.1", port: int = 0) -> RunningReceiver:
    inbox = Inbox(secret=secret)
    handler = type("DemoReceiverHandler", (_Handler,), {"inbox": inbox})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="demo-receiver", daemon=True).start()
    url = f"http://{host}:{server.server_address[1]}/hooks/diplowatch"
    return RunningReceiver(server=server, url=url, inbox=inbox)
