"""A purpose-built local HTTP server that records what it receives and answers as told.

Used where a test must see the exact request on the wire (method, path, query,
headers, body) or needs a reply the emulator would never give.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple, Union
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Received:
    method: str
    path: str
    query: List[Tuple[str, str]]
    headers: Dict[str, str]  # as sent (original case)
    body: bytes

    def header(self, name: str) -> Optional[str]:
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)


@dataclass
class Canned:
    status: int = 200
    body: Union[bytes, str, Any] = b""
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


def json_reply(body: Any, status: int = 200, **headers: str) -> Canned:
    return Canned(status, body, dict({"Content-Type": "application/json"}, **headers))


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print clients hanging up (timeouts do that on purpose)."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class RecordingServer:
    """``with RecordingServer() as server: server.reply(...); ...; server.requests``."""

    def __init__(self) -> None:
        self.requests: List[Received] = []
        self._replies: List[Canned] = []
        self.default = Canned(200, b"")
        self.responder: Optional[Callable[[Received], Canned]] = None
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def handle_one(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                received = Received(
                    self.command,
                    parts.path,
                    parse_qsl(parts.query, keep_blank_values=True),
                    dict(self.headers.items()),
                    body,
                )
                canned = outer._next(received)
                if canned.delay:
                    time.sleep(canned.delay)
                payload = canned.payload()
                self.send_response(canned.status)
                for name, value in canned.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = do_PUT = handle_one

        self._server = QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _next(self, received: Received) -> Canned:
        with self._lock:
            self.requests.append(received)
            if self.responder is not None:
                return self.responder(received)
            return self._replies.pop(0) if self._replies else self.default

    def reply(self, *canned: Canned) -> None:
        """Queue replies, used in order; then ``default`` answers."""
        with self._lock:
            self._replies.extend(canned)

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d/api" % self._server.server_address[1]

    @property
    def last(self) -> Received:
        assert self.requests, "the server received nothing"
        return self.requests[-1]

    def __enter__(self) -> RecordingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()
