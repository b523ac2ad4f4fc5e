"""A real webhook receiver on 127.0.0.1 for tests and benchmarks: records every request and
answers with scripted responses (status, headers, delay), 204 once the script runs out."""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    # socketserver's default listen backlog is 5: with more concurrent senders the kernel drops
    # SYNs and clients retry a second later, which measures the receiver, not the sender.
    request_queue_size = 128
    daemon_threads = True


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.time() when it arrived


@dataclass
class Reply:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (to trigger client timeouts)


class Receiver:
    """`with Receiver() as r: send to r.url; r.received[...]`."""

    def __init__(
        self,
        *,
        port: int = 0,
        keep_alive: bool = False,
        on_receive: Callable[[Received], None] | None = None,
    ) -> None:
        self.received: list[Received] = []
        self.replies: deque[Reply] = deque()
        self.default = Reply()
        self.arrived = threading.Condition()
        self._stop = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                item = Received(self.path, dict(self.headers.items()), body, time.time())
                with receiver.arrived:
                    reply = receiver.replies.popleft() if receiver.replies else receiver.default
                    receiver.received.append(item)
                    receiver.arrived.notify_all()
                if on_receive is not None:
                    on_receive(item)
                if reply.delay:
                    receiver._stop.wait(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = _Server(("127.0.0.1", port), Handler)
        self.port = self.server.server_port
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def reply(self, *replies: Reply) -> None:
        """Answer the next requests with these, in order."""
        self.replies.extend(replies)

    def ids(self) -> list[str]:
        """The webhook-id of every request, in arrival order."""
        return [r.headers["webhook-id"] for r in self.received]

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        """Block until `count` requests have arrived (False on timeout)."""
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.received) >= count, timeout)

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


class DrippingReceiver:
    """A hostile receiver: reads the request, then sends its answer's headers one byte every
    `every` seconds, for ever (until the test ends). `requests` is set once a request arrived;
    `open_connections` counts those it is still dripping into. After `give_up` seconds it closes
    the connection, so a sender without a deadline fails a test instead of hanging it."""

    def __init__(self, every: float = 0.2, give_up: float = 30.0) -> None:
        self.every = every
        self.give_up = give_up
        self.requests = threading.Event()
        self.open_connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with self._lock:
            self.open_connections += 1
        try:
            conn.recv(65536)
            self.requests.set()
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Drip: ")
            ends = time.monotonic() + self.give_up
            while not self._stop.wait(self.every) and time.monotonic() < ends:
                conn.sendall(b"a")
        except OSError:
            pass  # the sender gave up, as it should
        finally:
            conn.close()
            with self._lock:
                self.open_connections -= 1

    def __enter__(self) -> DrippingReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._listener.close()
