"""The emulator in a process of its own (``python -m swagger_client.testing``), for tests
that must not share a process with it: the control API and command line, and memory
measurements that would otherwise count the server threads' allocations too."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any, Tuple

import urllib3


class Served:
    """``Served(*cli_args)``: started, with ``url`` (the API) and ``control`` (its control API)."""

    def __init__(self, *args: str, ca_file: str = "") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "swagger_client.testing", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first = self.readline()
        assert first.startswith("Cyclos 4.11.5 emulator serving "), first + self.process.stderr.read()
        self.url = first.split()[-1]
        self.control = self.url.replace("/api", "/__emulator")
        self.http = urllib3.PoolManager(ca_certs=ca_file) if ca_file else urllib3.PoolManager()
        while not self.readline().startswith("Press Ctrl+C"):
            pass

    def readline(self) -> str:
        return self.process.stdout.readline()  # type: ignore[union-attr]

    def call(self, method: str, path: str, body: Any = None, **headers: str) -> Tuple[int, Any]:
        data = None if body is None else json.dumps(body)
        reply = self.http.request(method, self.control + path, body=data, headers=headers or None)
        return reply.status, (json.loads(reply.data) if reply.data else None)

    def api(self, method: str, path: str, headers: Any = None, body: Any = None) -> urllib3.BaseHTTPResponse:
        return self.http.request(method, self.url + path, headers=headers, body=body)

    def stop(self) -> None:
        self.process.terminate()
        assert self.process.wait(timeout=10) == 0
