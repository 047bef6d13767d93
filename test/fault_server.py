"""A loopback TCP server that misbehaves on purpose, one scripted fault per request.

Each request read (head and body) runs the next behaviour from the script (the
last one repeats). Everything is bounded: sockets time out, handler threads are
daemons, and leaving the ``with`` block shuts every socket. The hostile behaviours
(redirects, echoes, drips, bombs, malformed framing) are the ones a broken or
malicious server, proxy or gateway produces.
"""

from __future__ import annotations

import gzip
import json
import socket
import time
from typing import Callable, List, Optional, Tuple

from test.loopback import LoopbackServer

Behaviour = Callable[[socket.socket, bytes], None]


def read_head(conn: socket.socket, limit: int = 65536) -> bytes:
    return read_request(conn, limit)[0]


def read_request(conn: socket.socket, limit: int = 65536) -> Tuple[bytes, bytes]:
    """One request: its head (without the blank line) and its Content-Length body."""
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
    return head, rest[:length]


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


def redirect(status: int, location: str) -> Behaviour:
    """Answer a redirect to ``location`` (a small body, as servers send)."""
    reason = {301: "Moved Permanently", 302: "Found", 303: "See Other", 307: "Temporary Redirect"}
    text = reason.get(status, "Permanent Redirect")
    return reply(response("%d %s" % (status, text), b"<a>moved</a>", "text/html", "Location: %s\r\n" % location))


def echo(status: str = "400 Bad Request", as_json: bool = False) -> Behaviour:
    """Answer an error whose body (and reason phrase) repeats the whole request, as a debugging proxy does."""

    def run(conn: socket.socket, request: bytes) -> None:
        text = request.decode("latin-1")
        if as_json:
            lines = text.split("\r\n\r\n", 1)[0].split("\r\n")[1:]
            headers = dict(line.split(": ", 1) for line in lines if ": " in line)
            body = json.dumps({"code": "echo", "headers": headers, "body": text.split("\r\n\r\n", 1)[-1]})
            conn.sendall(response(status, body.encode()))
        else:
            first = text.split("\r\n", 1)[0].replace("\r", "").replace("\n", "")
            raw = response(status, request, "text/plain").replace(status.encode(), (status + " " + first).encode(), 1)
            conn.sendall(raw)

    run.raw = True  # type: ignore[attr-defined]
    return run


def gzip_bomb(layers: int = 2, size: int = 1 << 30) -> bytes:
    """``size`` zero bytes compressed ``layers`` times (1 GiB in two layers is under 2 KB)."""
    data = gzip.compress(b"\0" * (1 << 24), 9)  # 16 MiB of zeros
    member = data
    whole = b"".join([member] * (size // (1 << 24)))  # gzip members concatenate
    for _ in range(layers - 1):
        whole = gzip.compress(whole, 9)
    return whole


def endless(head: bytes, piece: bytes = b"x" * 65536, seconds: float = 30.0) -> Behaviour:
    """Send ``head`` then ``piece`` again and again (an unbounded body) until the client leaves."""

    def run(conn: socket.socket, request: bytes) -> None:
        conn.sendall(head)
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            conn.sendall(piece)

    return closing(run)


class FaultServer(LoopbackServer):
    """``with FaultServer(reply(...), hang()) as server: ... server.url ... server.heads``."""

    def __init__(self, *script: Behaviour) -> None:
        super().__init__()
        self.script: List[Behaviour] = list(script) or [reply(response("200 OK"))]
        self.heads: List[bytes] = []
        self.bodies: List[bytes] = []

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
            head, body = read_request(conn)
            if not head:
                return
            with self._lock:
                index = min(len(self.heads), len(self.script) - 1)
                self.heads.append(head)
                self.bodies.append(body)
            behaviour = self.script[index]
            behaviour(conn, head + b"\r\n\r\n" + body if getattr(behaviour, "raw", False) else head)
            if getattr(behaviour, "closes", False):
                return

    def __enter__(self) -> FaultServer:
        super().__enter__()
        return self
