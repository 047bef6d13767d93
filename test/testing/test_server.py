"""The emulator's HTTP server under a parallel suite and odd requests, over raw sockets."""

from __future__ import annotations

import json
import logging
import socket
import threading
from pathlib import Path
from typing import Iterator, List

import pytest
import trustme

import swagger_client
from swagger_client.testing import CyclosEmulator
from test.spec_validation import assert_valid


def exchange(emu: CyclosEmulator, raw: bytes, timeout: float = 20.0) -> bytes:
    """Send ``raw`` on a new connection and read until the server closes it."""
    host, port = emu.url.split("//", 1)[1].split("/", 1)[0].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as conn:
        conn.sendall(raw)
        data = b""
        while True:
            piece = conn.recv(65536)
            if not piece:
                return data
            data += piece


def body_of(reply: bytes) -> object:
    return json.loads(reply.split(b"\r\n\r\n", 1)[1])


@pytest.fixture
def emu() -> Iterator[CyclosEmulator]:
    with CyclosEmulator() as emulator:
        emulator.add_user("alice", "alice-password", email="alice@example.com")
        yield emulator


def test_two_hundred_simultaneous_connections_are_all_answered(emu: CyclosEmulator) -> None:
    request = b"GET /api/auth/data-for-login HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\n\r\n"
    answers: List[bytes] = []
    lock = threading.Lock()
    start = threading.Barrier(200)

    def one() -> None:
        start.wait()
        reply = exchange(emu, request)
        with lock:
            answers.append(reply)

    threads = [threading.Thread(target=one) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(answers) == 200
    assert all(a.startswith(b"HTTP/1.1 200 ") for a in answers)


def test_a_chunked_body_is_read_and_cannot_smuggle_a_request(emu: CyclosEmulator) -> None:
    body = json.dumps({"user": "alice", "sendMedium": "email"}).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    first = (
        b"POST /api/auth/forgotten-password/request HTTP/1.1\r\nHost: e\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + chunked
    )
    second = b"GET /api/auth/data-for-login HTTP/1.1\r\nHost: e\r\nConnection: close\r\n\r\n"
    replies = exchange(emu, first + second)
    assert replies.count(b"HTTP/1.1 ") == 2  # two requests, two answers (it answered three)
    assert replies.startswith(b"HTTP/1.1 204 ")
    assert emu.last_message("forgottenPasswordKey", "alice") is not None


def test_a_malformed_chunked_body_is_a_400_and_the_connection_closes(emu: CyclosEmulator) -> None:
    raw = (
        b"POST /api/auth/session HTTP/1.1\r\nHost: e\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nGET / HTTP/1.1\r\n\r\n"
    )
    reply = exchange(emu, raw)
    assert reply.startswith(b"HTTP/1.1 400 ") and reply.count(b"HTTP/1.1 ") == 1
    assert_valid(body_of(reply), "Error")


def test_an_http_0_9_request_line_gets_a_400_and_a_close(emu: CyclosEmulator) -> None:
    reply = exchange(emu, b"GET /api/auth\r\n")
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert_valid(body_of(reply), "Error")


def test_absurd_input_gets_a_4xx_and_no_traceback(emu: CyclosEmulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="swagger_client.testing")
    path = ".".join(["a"] * 5000)
    reply = exchange(emu, b"GET /api/auth?fields=%s HTTP/1.1\r\nHost: e\r\nConnection: close\r\n\r\n" % path.encode())
    assert reply.startswith(b"HTTP/1.1 422 ")
    deep = b'{"user":' * 100_000 + b"1" + b"}" * 100_000
    reply = exchange(
        emu,
        b"POST /api/auth/forgotten-password/request HTTP/1.1\r\nHost: e\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(deep), deep),
    )
    assert reply.startswith(b"HTTP/1.1 422 ")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_an_idle_tls_connection_does_not_freeze_the_server(tmp_path: Path) -> None:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file, ca_file = tmp_path / "c.pem", tmp_path / "c.key", tmp_path / "ca.pem"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    with CyclosEmulator(tls=(str(cert_file), str(key_file))) as emu:
        host, port = emu.url.split("//", 1)[1].split("/", 1)[0].split(":")
        idle = socket.create_connection((host, int(port)), timeout=30)  # connects, never says hello
        try:
            configuration = swagger_client.Configuration(host=emu.url, retries=0, timeout=(5, 5))
            configuration.ssl_ca_cert = str(ca_file)
            api = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
            assert api.get_data_for_login() is not None
        finally:
            idle.close()
