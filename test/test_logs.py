"""Debug logging per client: NullHandler by default, no duplicate lines, no global switch.

Each case runs in a child process, so it starts with the logging state an
application has (nothing configured) and nothing of the suite's pytest handlers.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Tuple

import pytest

import swagger_client
from swagger_client.testing import CyclosEmulator

ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import logging, sys
sys.path.insert(0, {root!r})
import swagger_client
from swagger_client.testing import CyclosEmulator
emu = CyclosEmulator().__enter__()
emu.add_user("alice", "alice-password")
def api(debug=False):
    configuration = emu.configuration("alice", "alice-password")
    configuration.debug = debug
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))
"""


def run(body: str) -> Tuple[str, str]:
    code = PRELUDE.format(root=str(ROOT)) + textwrap.dedent(body) + "\nemu.__exit__(None, None, None)\n"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr[-2000:]
    return child.stdout, child.stderr


def test_nothing_is_printed_unless_asked() -> None:
    out, err = run("api().get_current_auth()\nprint(logging.getLogger('swagger_client').handlers)")
    assert "NullHandler" in out and "Request" not in err


def test_debug_without_logging_configured_writes_to_stderr() -> None:
    _, err = run("api(debug=True).get_current_auth()")
    assert err.count("Request GET") == 1 and err.count("Response 200") == 1
    assert "alice-password" not in err


def test_debug_with_basic_config_at_debug_prints_each_line_once() -> None:
    out, err = run(
        """
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s %(message)s")
        api(debug=True).get_current_auth()
        """
    )
    assert out.count("Request GET") == 1 and "Request GET" not in err


def test_debug_goes_to_the_applications_handlers_whatever_their_level() -> None:
    out, _ = run(
        """
        logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(name)s %(message)s")
        api(debug=True).get_current_auth()
        api().get_current_auth()
        """
    )
    assert out.count("swagger_client.rest Request GET") == 1  # the debug client only


def test_debug_is_per_client_and_can_be_turned_off() -> None:
    _, err = run(
        """
        loud, quiet = api(debug=True), api()
        quiet.get_current_auth()
        loud.get_current_auth()
        loud.api_client.configuration.debug = False
        loud.get_current_auth()
        print(logging.getLogger("swagger_client").level, file=sys.stderr)
        """
    )
    assert err.count("Request GET") == 1
    assert err.strip().splitlines()[-1] == "0"  # no logger level was changed


def test_a_logger_at_debug_still_logs_every_client(caplog: pytest.LogCaptureFixture, emulator: CyclosEmulator) -> None:
    caplog.set_level(logging.DEBUG, logger="swagger_client")
    swagger_client.AuthApi(
        swagger_client.ApiClient(emulator.configuration("alice", "alice-password"))
    ).get_current_auth()
    assert any(r.getMessage().startswith("Request GET") for r in caplog.records)
