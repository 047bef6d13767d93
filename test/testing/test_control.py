"""Driving the emulator from outside Python: the command line and the JSON control API.

What a curl or non-Python user does, over real sockets, against `python -m swagger_client.testing`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

import pytest
import trustme

from test.emulator_process import Served
from test.raw_http import basic

ALICE = basic("alice", "alice-password")


@pytest.fixture
def served() -> Iterator[Served]:
    server = Served(
        "--seed", "7", "--setting", "max_password_attempts=5", "--setting", 'forgot_password_mediums=["email"]'
    )
    yield server
    server.stop()


def test_the_control_api_drives_every_piece(served: Served) -> None:
    assert (
        served.call("POST", "/users", {"username": "carol", "password": "carol-pass", "email": "c@example.com"})[0]
        == 201
    )
    status, client = served.call("POST", "/access-clients", {"username": "carol"})
    assert status == 201 and client["token"]
    assert served.call("POST", "/stubs", {"operation": "get_current_auth", "status": 503, "times": 1})[0] == 201
    assert served.api("GET", "/auth", headers=ALICE).status == 503
    assert served.api("GET", "/auth", headers=ALICE).status == 200
    status, journal = served.call("GET", "/requests")
    assert [(r["operation"], r["status"]) for r in journal] == [("get_current_auth", 503), ("get_current_auth", 200)]
    assert journal[0]["headers"]["Authorization"].startswith("Basic ")
    assert served.call("DELETE", "/requests")[0] == 204 and served.call("GET", "/requests")[1] == []
    status, settings = served.call("GET", "/settings")
    assert settings["max_password_attempts"] == 5
    assert served.call("PATCH", "/settings", {"session_timeout": 1})[1]["session_timeout"] == 1
    assert served.call("PATCH", "/settings", {"session_timeout": "soon"})[0] == 400
    login = json.loads(served.api("POST", "/auth/session", headers=ALICE).data)
    assert served.call("POST", "/clock", {"advance": 5})[0] == 204
    assert served.api("GET", "/auth", headers={"Session-Token": login["sessionToken"]}).status == 401
    assert served.call("POST", "/reset")[0] == 204
    assert served.api("POST", "/auth/session", headers=basic("carol", "carol-pass")).status == 401  # carol went
    assert served.api("POST", "/auth/session", headers=ALICE).status == 200  # the served users came back
    assert served.call("GET", "/nope")[0] == 404
    assert served.call("POST", "/users", {"username": "x"})[0] == 400


def test_the_keys_it_sends_are_printed_and_in_the_outbox(served: Served) -> None:
    reply = served.api(
        "POST", "/auth/forgotten-password/request", {"Content-Type": "application/json"}, b'{"user":"alice"}'
    )
    assert reply.status == 204
    line = served.readline()
    assert line.startswith("sent forgottenPasswordKey by email to alice@example.com (alice): ")
    key = line.rsplit(" ", 1)[-1].strip()
    assert served.call("GET", "/outbox")[1][-1]["value"] == key
    assert served.api("GET", "/auth/forgotten-password/data-for-change?key=" + key).status == 200


def test_a_seed_repeats_the_tokens() -> None:
    tokens: List[str] = []
    for _ in range(2):
        server = Served("--seed", "11")
        try:
            tokens.append(json.loads(server.api("POST", "/auth/session", headers=ALICE).data)["sessionToken"])
        finally:
            server.stop()
    assert tokens[0] == tokens[1]


def test_users_file_tls_and_bad_flags(tmp_path: Path) -> None:
    users = tmp_path / "users.json"
    users.write_text(json.dumps([{"username": "dave", "password": "dave-pass", "email": "d@example.com"}]))
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert.cert_chain_pems[0].write_to_path(str(tmp_path / "c.pem"))
    cert.private_key_pem.write_to_path(str(tmp_path / "c.key"))
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    server = Served(
        "--users",
        str(users),
        "--tls-cert",
        str(tmp_path / "c.pem"),
        "--tls-key",
        str(tmp_path / "c.key"),
        ca_file=str(tmp_path / "ca.pem"),
    )
    try:
        assert server.url.startswith("https://127.0.0.1:")
        assert server.api("POST", "/auth/session", headers=basic("dave", "dave-pass")).status == 200
        assert server.api("POST", "/auth/session", headers=ALICE).status == 401  # no demo users
    finally:
        server.stop()
    bad = subprocess.run(
        [sys.executable, "-m", "swagger_client.testing", "--port", "0", "--setting", "sms_failure=true"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert bad.returncode == 2 and "sms_failure must be str, not bool" in bad.stderr
