"""The demo script: the whole /auth flow, and one-line failures instead of tracebacks."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from swagger_client.testing import CyclosEmulator


def run_demo(password: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m swagger_client.demo ARGS`` with CYCLOS_PASSWORD set and no terminal."""
    return subprocess.run(
        [sys.executable, "-m", "swagger_client.demo", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, CYCLOS_PASSWORD=password),
        stdin=subprocess.DEVNULL,
    )


def test_demo_walks_the_flow_against_the_embedded_emulator() -> None:
    from swagger_client import demo

    out = io.StringIO()
    assert demo.main([], out=out) == 0
    text = out.getvalue()
    for expected in (
        "1. GET /auth/data-for-login -> 200",
        "2. POST /auth/session -> 200",
        "3. GET /auth (Session-Token) -> 200",
        "4. POST /auth/otp?medium=email -> 200",
        "5. DELETE /auth/session -> 200",
        "6. GET /auth with the old token -> 401 loggedOut (UnauthorizedException)",
    ):
        assert expected in text


def test_demo_against_a_host_reads_the_password_from_the_environment(emulator: CyclosEmulator) -> None:
    result = run_demo("alice-password", "--host", emulator.url, "--username", "alice", "--channel", "main")
    assert result.returncode == 0, result.stderr
    assert "user: Alice (member)" in result.stdout and "loggedOut" in result.stdout
    assert "alice-password" not in result.stdout + result.stderr


def test_demo_reports_a_failed_login(emulator: CyclosEmulator) -> None:
    result = run_demo("wrong", "--host", emulator.url, "--username", "alice")
    assert result.returncode == 1
    assert result.stdout.strip().splitlines()[-1] == "Failed: UnauthorizedException (401) Unauthorized: login"
    assert "Traceback" not in result.stderr


def test_demo_reports_a_bad_host_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from swagger_client import demo

    out = io.StringIO()
    monkeypatch.setenv("CYCLOS_PASSWORD", "x")
    assert demo.main(["--host", "cyclos.example.com/api", "--username", "alice"], out=out) == 2
    assert "Configuration.host must start with https://" in out.getvalue()


def test_demo_without_a_password_or_a_terminal_says_so() -> None:
    result = run_demo("", "--host", "http://127.0.0.1:9/api", "--username", "alice")
    assert result.returncode == 2
    assert result.stdout.strip() == "Failed: no password: set CYCLOS_PASSWORD (there is no terminal to ask on)"
    assert result.stderr == ""
