"""Every script in examples/ runs against the emulator and does what it says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from swagger_client.testing import CyclosEmulator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, env: Dict[str, str], *args: str) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, **env)
    full_env["PYTHONPATH"] = os.pathsep.join([str(EXAMPLES.parent), full_env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=full_env,
        stdin=subprocess.DEVNULL,
    )


def base_env(emu: CyclosEmulator) -> Dict[str, str]:
    return {
        "CYCLOS_HOST": emu.url,
        "CYCLOS_USERNAME": "alice",
        "CYCLOS_PASSWORD": "alice-password",
        "CYCLOS_CHANNEL": "main",
    }


def test_login_and_current_user(emulator: CyclosEmulator) -> None:
    result = run("login_and_current_user.py", base_env(emulator))
    assert result.returncode == 0, result.stderr
    assert "Logged in as Alice (member)" in result.stdout and "account 123456789 in Units" in result.stdout
    assert emulator.session_count == 0


def test_forgotten_password_flow(emulator: CyclosEmulator) -> None:
    emulator.add_user("carol", "carol-pass", email="carol@example.com", security_question="Pet?", security_answer="Rex")
    env = dict(base_env(emulator), CYCLOS_NEW_PASSWORD="n3w-pass", CYCLOS_SECURITY_ANSWER="Rex")
    requested = run("forgotten_password.py", env, "request", "carol")
    assert requested.returncode == 0, requested.stderr
    key = emulator.last_message("forgottenPasswordKey", "carol").value
    changed = run("forgotten_password.py", env, "change", key)
    assert changed.returncode == 0, changed.stderr
    assert "Password changed." in changed.stdout
    assert run("forgotten_password.py", env, "change", key).returncode == 1  # single use


@pytest.mark.emulator(confirmation_password_required=True)
def test_access_client_disconnect(emulator: CyclosEmulator) -> None:
    token = emulator.add_access_client("alice")
    env = dict(base_env(emulator), CYCLOS_ACCESS_CLIENT_TOKEN=token)
    refused = run("access_client_disconnect.py", env)
    assert refused.returncode == 1 and "CYCLOS_CONFIRMATION_PASSWORD" in refused.stderr
    done = run("access_client_disconnect.py", dict(env, CYCLOS_CONFIRMATION_PASSWORD="alice-password"))
    assert done.returncode == 0, done.stderr
    assert "Disconnected." in done.stdout
    assert "invalidAccessClient" not in done.stdout


def test_error_handling_shows_every_class(emulator: CyclosEmulator) -> None:
    result = run("error_handling.py", base_env(emulator))
    assert result.returncode == 0, result.stderr
    lines: List[str] = result.stdout.splitlines()
    expected = [
        "-> 401 login",
        "-> 401 loggedOut",
        "-> 401 missingAuthorization",
        "-> ApiValueError",
        "-> 404 forgottenPasswordRequest not found",
        "-> ApiTypeError",
        "-> connection error",
    ]
    for line, text in zip(lines, expected):
        assert text in line, (line, text)
    assert len(lines) == len(expected)


def test_a_failed_call_ends_in_one_line(emulator: CyclosEmulator) -> None:
    token = emulator.add_access_client("alice")
    env = dict(base_env(emulator), CYCLOS_ACCESS_CLIENT_TOKEN=token)
    assert run("access_client_disconnect.py", env).returncode == 0
    again = run("access_client_disconnect.py", env)  # the token no longer works
    assert again.returncode == 1
    assert again.stderr.strip() == "Failed: UnauthorizedException (401) Unauthorized: invalidAccessClient"


def test_no_password_and_no_terminal_ends_in_one_line(emulator: CyclosEmulator) -> None:
    result = run("login_and_current_user.py", dict(base_env(emulator), CYCLOS_PASSWORD=""))
    assert result.returncode == 1
    assert result.stderr.strip() == "No password: set CYCLOS_PASSWORD (there is no terminal to ask on)."
