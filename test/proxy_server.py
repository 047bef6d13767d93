"""A small local forward proxy: CONNECT tunnels and plain HTTP forwarding, with Basic proxy auth."""

from __future__ import annotations

import base64
import select
import socket
from typing import List, Optional, Tuple
from urllib.parse import urlsplit

from test.fault_server import read_head
from test.loopback import LoopbackServer


class ProxyServer(LoopbackServer):
    """``with ProxyServer(credentials=("u", "p")) as proxy: proxy.url, proxy.seen``."""

    def __init__(self, credentials: Optional[Tuple[str, str]] = None) -> None:
        super().__init__()
        self.credentials = credentials
        self.seen: List[str] = []  # request lines, e.g. "CONNECT 127.0.0.1:443 HTTP/1.1"
        self.proxy_authorizations: List[Optional[str]] = []

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d" % self.port

    def _authorized(self, head: bytes) -> bool:
        value = None
        for line in head.split(b"\r\n")[1:]:
            name, _, raw = line.partition(b":")
            if name.strip().lower() == b"proxy-authorization":
                value = raw.strip().decode()
        with self._lock:
            self.proxy_authorizations.append(value)
        if self.credentials is None:
            return True
        expected = "Basic " + base64.b64encode(("%s:%s" % self.credentials).encode()).decode()
        return value == expected

    def handle(self, conn: socket.socket) -> None:
        head = read_head(conn)
        if not head:
            return
        request_line = head.split(b"\r\n", 1)[0].decode()
        with self._lock:
            self.seen.append(request_line)
        if not self._authorized(head):
            conn.sendall(
                b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            return
        method, target, _ = request_line.split(" ", 2)
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=10)
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self._pipe(conn, upstream)
        else:
            self._forward(conn, head, method, target)

    def _forward(self, conn: socket.socket, head: bytes, method: str, target: str) -> None:
        parts = urlsplit(target)
        path = parts.path + ("?" + parts.query if parts.query else "")
        lines = [("%s %s HTTP/1.1" % (method, path)).encode()]
        for line in head.split(b"\r\n")[1:]:
            name = line.partition(b":")[0].strip().lower()
            if name not in (b"proxy-authorization", b"connection", b"proxy-connection"):
                lines.append(line)
        lines.append(b"Connection: close")
        upstream = socket.create_connection((parts.hostname, parts.port or 80), timeout=10)
        upstream.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        data = b""
        while True:
            chunk = upstream.recv(65536)
            if not chunk:
                break
            data += chunk
        upstream.close()
        conn.sendall(data.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1))

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        sockets = [a, b]
        while not self.stopping:
            readable, _, _ = select.select(sockets, [], [], 0.2)
            for s in readable:
                data = s.recv(65536)
                if not data:
                    b.close()
                    return
                (b if s is a else a).sendall(data)

    def __enter__(self) -> ProxyServer:
        super().__enter__()
        return self
