"""A loopback TCP server that misbehaves on purpose, one scripted fault per connection.

Each accepted connection reads one request head and runs the next behaviour from
the script (the last one repeats). Everything is bounded: sockets time out, handler
threads are daemons, and ``close()`` shuts every socket.
"""

from __future__ import annotations

import socket
import time
from typing import Callable, List, Optional

from test.loopback import LoopbackServer

Behaviour = Callable[[socket.socket, bytes], None]


def read_head(conn: socket.socket, limit: int = 65536) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        rest += chunk
    return head


def response(
    status: str,
    body: bytes = b"",
    content_type: str = "application/json",
    extra: str = "",
    length: Optional[int] = None,
) -> bytes:
    headers = "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n" % (
        status,
        content_type,
        len(body) if length is None else length,
        extra,
    )
    return headers.encode() + body


# -- behaviours --------------------------------------------------------------------------


def closing(behaviour: Behaviour) -> Behaviour:
    """Mark a behaviour as ending the connection after it ran."""
    behaviour.closes = True  # type: ignore[attr-defined]
    return behaviour


def reply(raw: bytes, close: bool = False) -> Behaviour:
    """Send ``raw`` (then close the connection when ``close``)."""

    def run(conn: socket.socket, head: bytes) -> None:
        conn.sendall(raw)

    return closing(run) if close else run


def hang(seconds: float = 30.0) -> Behaviour:
    """Accept the request and never answer (until the test is over)."""

    def run(conn: socket.socket, head: bytes) -> None:
        conn.settimeout(seconds)
        try:
            conn.recv(1)
        except OSError:
            pass

    return closing(run)


def reset(after: bytes = b"") -> Behaviour:
    """Send ``after`` (maybe part of a response), then reset the connection."""

    def run(conn: socket.socket, head: bytes) -> None:
        if after:
            conn.sendall(after)
            time.sleep(0.05)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    return closing(run)


def drip(raw: bytes, interval: float) -> Behaviour:
    """Send ``raw`` one byte at a time, ``interval`` seconds apart."""

    def run(conn: socket.socket, head: bytes) -> None:
        for i in range(len(raw)):
            conn.sendall(raw[i : i + 1])
            time.sleep(interval)

    return run


class FaultServer(LoopbackServer):
    """``with FaultServer(reply(...), hang()) as server: ... server.url ... server.heads``."""

    def __init__(self, *script: Behaviour) -> None:
        super().__init__()
        self.script: List[Behaviour] = list(script) or [reply(response("200 OK"))]
        self.heads: List[bytes] = []

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d/api" % self.port

    @property
    def count(self) -> int:
        """Requests received so far."""
        with self._lock:
            return len(self.heads)

    def handle(self, conn: socket.socket) -> None:
        while not self.stopping:
            head = read_head(conn)
            if not head:
                return
            with self._lock:
                index = min(len(self.heads), len(self.script) - 1)
                self.heads.append(head)
            behaviour = self.script[index]
            behaviour(conn, head)
            if getattr(behaviour, "closes", False):
                return

    def __enter__(self) -> FaultServer:
        super().__enter__()
        return self
