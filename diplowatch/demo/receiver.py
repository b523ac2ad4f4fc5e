"""A local webhook receiver for the demo: it checks each Standard Webhooks signature and keeps
what arrived, the way a subscriber's endpoint would."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook, WebhookVerificationError


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


def verify(secret: str, body: bytes, headers: dict[str, str]) -> bool:
    """True when one of the signatures is made with `secret` and the timestamp is within the
    library's five minutes (its replay guard), checked the way a subscriber would: by the
    Standard Webhooks library."""
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except (WebhookVerificationError, ValueError):  # ValueError: a malformed signature header
        return False
    return True


class _Handler(BaseHTTPRequestHandler):
    inbox: Inbox

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        msg_id = self.headers.get("webhook-id", "")
        ok = verify(self.inbox.secret, body, dict(self.headers.items()))
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
