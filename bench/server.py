"""Benchmark server: HTTP/1.1 keep-alive, canned bodies, run in its own process.

    python bench/server.py PORT_FILE

Serves a fully populated ``Auth`` at ``/api/auth`` and ``DataForLogin`` at
``/api/auth/data-for-login``, writes its port to PORT_FILE, and runs until killed.
"""

from __future__ import annotations

import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from test.builders import build  # noqa: E402

BODIES = {
    "/api/auth": json.dumps(build("Auth")).encode(),
    "/api/auth/data-for-login": json.dumps(build("DataForLogin")).encode(),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = BODIES.get(self.path.split("?", 1)[0])
        if body is None:
            self.send_error(404)
            return
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: %d\r\n\r\n" % len(body)
        ).encode()
        self.wfile.write(head + body)


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    Path(sys.argv[1]).write_text(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
