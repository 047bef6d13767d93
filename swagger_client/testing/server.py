"""The HTTP side of the emulator: parse requests, route them, write spec-shaped replies."""

from __future__ import annotations

import json
import logging
import socket
import ssl
import sys
import threading
import time
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Set, Tuple
from urllib.parse import parse_qs, urlsplit

from swagger_client.testing import catalog_routes
from swagger_client.testing import documents as docs
from swagger_client.testing import settings as choices
from swagger_client.testing.control import PREFIX as CONTROL_PREFIX
from swagger_client.testing.operations import OPERATIONS
from swagger_client.testing.state import EmulatorState, Refusal, Reply, Request
from swagger_client.testing.toolkit import Journal, RecordedRequest, Stubs

log = logging.getLogger(__name__)

API_PREFIX = "/api"
MAX_BODY_BYTES = 1 << 20

#: (method, path below /api) -> name of the operation in ``operations.OPERATIONS``.
ROUTES: Dict[Tuple[str, str], str] = {
    ("GET", "/auth"): "get_current_auth",
    ("GET", "/auth/data-for-login"): "get_data_for_login",
    ("POST", "/auth/session"): "login",
    ("DELETE", "/auth/session"): "logout",
    ("GET", "/auth/session/secondary-password"): "get_secondary_password_input",
    ("POST", "/auth/session/secondary-password"): "validate_secondary_password",
    ("DELETE", "/auth/access-client"): "disconnect_current_client",
    ("POST", "/auth/otp"): "new_otp",
    ("POST", "/auth/forgotten-password/request"): "forgotten_password_request",
    ("GET", "/auth/forgotten-password/data-for-change"): "get_data_for_change_forgotten_password",
    ("POST", "/auth/forgotten-password"): "change_forgotten_password",
}
#: Each operation's success status (the spec's; test/testing/test_toolkit.py checks it against the
#: generated AuthApi, which this package does not import: the emulator stays standard-library only).
SUCCESS_STATUS: Dict[str, int] = {
    "get_current_auth": 200,
    "get_data_for_login": 200,
    "login": 200,
    "logout": 200,
    "get_secondary_password_input": 200,
    "validate_secondary_password": 204,
    "disconnect_current_client": 200,
    "new_otp": 200,
    "forgotten_password_request": 204,
    "get_data_for_change_forgotten_password": 200,
    "change_forgotten_password": 204,
}


def operation_name(request: Request) -> Optional[str]:
    """The operation ``request`` calls, or ``None``. HEAD is GET without the body, as a
    servlet container answers it (the writer drops the body)."""
    method = "GET" if request.method == "HEAD" else request.method
    return ROUTES.get((method, request.path)) or catalog_routes.route(method, request.path)


def dispatch(state: EmulatorState, request: Request) -> Reply:
    """Run the operation for ``request``; every failure becomes a spec-shaped reply."""
    name = operation_name(request)
    try:
        if name is not None and name not in OPERATIONS:
            with state.lock:
                return catalog_routes.answer(state, request, name)
        if name is None:
            allowed = sorted(m for m, p in ROUTES if p == request.path) or catalog_routes.methods_for(request.path)
            if allowed:
                allowed += ["HEAD"] if "GET" in allowed else []
                return Reply(
                    405, docs.server_error("HttpRequestMethodNotSupportedException"), [("Allow", ", ".join(allowed))]
                )
            raise Refusal(404, docs.not_found(choices.UNKNOWN_OPERATION_ENTITY, request.path))
        with state.lock:
            return OPERATIONS[name](state, request)
    except Refusal as refusal:
        return Reply(refusal.status, refusal.body)
    except Exception:
        log.exception("emulator operation %s failed", name)
        return Reply(500, docs.server_error("UnexpectedException"))


#: Seconds a client may take to complete the TLS handshake.
TLS_HANDSHAKE_TIMEOUT = 10.0


class EmulatorHTTPServer(ThreadingHTTPServer):
    """A threading server that can close its keep-alive connections on shutdown.

    With ``tls_context`` set, each connection's TLS handshake runs on that connection's
    own thread (with a timeout), so an idle or slow client cannot stall the accept loop.
    """

    daemon_threads = True
    allow_reuse_address = True
    #: Listen backlog: a parallel test suite opens hundreds of connections at once.
    request_queue_size = 256

    def __init__(
        self, address: Tuple[str, int], state: EmulatorState, tls_context: Optional[ssl.SSLContext] = None
    ) -> None:
        self.state = state
        self.tls_context = tls_context
        self.journal = Journal()
        self.stubs = Stubs()
        self.control: Any = None  # a control.ControlAPI when the emulator serves one
        self.open_connections: Set[socket.socket] = set()
        self.connections_accepted = 0
        self.connections_lock = threading.Lock()
        super().__init__(address, EmulatorRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up, or fails its TLS handshake, is not the server's error.
        error = sys.exc_info()[1]
        log.debug("emulator: connection from %s ended: %s", client_address[0], type(error).__name__)

    def close_connections(self) -> None:
        with self.connections_lock:
            connections = list(self.open_connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class EmulatorRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real server
    server_version = "CyclosEmulator/4.11.5"
    timeout = 30  # an idle keep-alive connection is dropped after this many seconds
    server: EmulatorHTTPServer

    def setup(self) -> None:
        context = self.server.tls_context
        if context is not None:
            self.request.settimeout(TLS_HANDSHAKE_TIMEOUT)
            self.request = context.wrap_socket(self.request, server_side=True)  # handshake here, not on accept
        super().setup()
        # Replies go out in one write; without NODELAY, Nagle plus delayed ACKs add ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.open_connections.add(self.connection)
            self.server.connections_accepted += 1

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.open_connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        # Request lines carry forgotten-password keys; keep them out of stderr.
        log.debug("emulator: %s", self.command)

    def parse_request(self) -> bool:
        # An HTTP/0.9 line ("GET /path") has no headers to wait for: answer before reading any.
        line = str(getattr(self, "raw_requestline", b""), "iso-8859-1").rstrip("\r\n")
        if len(line.split()) == 2:
            self.command, self.requestline = "", line  # what parse_request would have set
            self.send_error(400, "HTTP/0.9 requests are not supported")
            return False
        return super().parse_request()

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """Malformed request lines and headers get a JSON error like every other answer, then close."""
        self.request_version = "HTTP/1.1"  # answer HTTP/0.9 with a status line too
        self.close_connection = True
        try:
            self._write(Reply(code, _bad_request(message or "malformed request")), close=True)
        except OSError:
            pass

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        body = self._read_body()
        if body is None:
            return
        control = self.server.control
        if control is not None and parts.path.startswith(CONTROL_PREFIX + "/"):
            status, value = control.handle(self.command, parts.path, body)
            self._write(Reply(status, value))
            return
        if not parts.path.startswith(API_PREFIX + "/") and parts.path != API_PREFIX:
            reply = Reply(404, docs.not_found(choices.UNKNOWN_OPERATION_ENTITY, parts.path))
            self._record(None, parts, body, reply.status)
            self._write(reply)
            return
        request = Request(
            method=self.command,
            path=parts.path[len(API_PREFIX) :].rstrip("/") or "/",
            query=parse_qs(parts.query, keep_blank_values=True),
            headers=self.headers,  # type: ignore[arg-type]  # email.message.Message: a case-insensitive mapping
            cookies=_cookies(self.headers.get("Cookie")),
            body=body,
            client_address=self.client_address[0],
        )
        name = operation_name(request)
        stub = self.server.stubs.take(name) if name is not None else None
        if stub is None:
            reply = dispatch(self.server.state, request)
        else:
            if stub.delay:
                time.sleep(stub.delay)
            if stub.disconnect:
                self._record(name, parts, body, None)
                self._drop()
                return
            reply = Reply(stub.status, stub.body, list(stub.headers.items()))
        self._record(name, parts, body, reply.status)
        self._write(reply)

    def _record(self, name: Optional[str], parts: Any, body: bytes, status: Optional[int]) -> None:
        self.server.journal.record(
            RecordedRequest(
                operation=name,
                method=self.command,
                path=parts.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers=dict(self.headers.items()),
                body=body,
                status=status,
            )
        )

    def _drop(self) -> None:
        """Close the connection without answering (a stub's ``disconnect``)."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = do_HEAD = do_OPTIONS = _handle

    def _read_body(self) -> Optional[bytes]:
        """The request body (Content-Length or chunked), or ``None`` after answering 4xx and closing."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = self._read_chunked()
            if body is None:
                self._write(Reply(400, _bad_request("malformed chunked body")), close=True)
            return body
        length_header = self.headers.get("Content-Length")
        try:
            length = int(length_header) if length_header else 0
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._write(Reply(422, docs.input_error("dataConversion", name="body")), close=True)
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> Optional[bytes]:
        pieces: List[bytes] = []
        size = 0
        while True:
            line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                length = int(line, 16)
            except ValueError:
                return None
            if length < 0 or size + length > MAX_BODY_BYTES:
                return None
            if length == 0:
                while self.rfile.readline(8192).strip():  # trailers, up to the blank line
                    pass
                return b"".join(pieces)
            piece = self.rfile.read(length)
            if len(piece) != length or self.rfile.readline(8) not in (b"\r\n", b"\n"):
                return None
            pieces.append(piece)
            size += length

    def _write(self, reply: Reply, close: bool = False) -> None:
        raw = isinstance(reply.body, (bytes, bytearray))
        if raw:
            payload = bytes(reply.body)
        else:
            payload = b"" if reply.body is None else json.dumps(reply.body, separators=(",", ":")).encode("utf-8")
        given = {name.lower() for name, _ in reply.headers}
        self.send_response(reply.status)
        if payload and not raw and "content-type" not in given:
            self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in reply.headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        # Head and body leave in a single write (see setup()).
        buffer: List[bytes] = self._headers_buffer  # type: ignore[attr-defined]  # BaseHTTPRequestHandler's own
        buffer.append(b"\r\n")
        if self.command != "HEAD":
            buffer.append(payload)
        self.flush_headers()


def _bad_request(message: str) -> Dict[str, Any]:
    """A request the server cannot read: the spec's Error, as Spring reports it."""
    return docs.server_error("HttpMessageNotReadableException", exceptionMessage=message)


def _cookies(header: Any) -> Dict[str, str]:
    if not header:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}
