"""A whole session under debug=True against a server that echoes, redirects, drips and bombs.

Nothing secret reaches stdout, stderr, any log record, the log file, or the
str/repr/traceback of any exception raised; no call outlives its total timeout.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import traceback
from pathlib import Path
from typing import Any, Callable, List

import pytest

import swagger_client
from swagger_client.exceptions import ApiException, ApiTimeoutError, RedirectError, ResponseTooLarge
from test.fault_server import FaultServer, drip, echo, gzip_bomb, redirect, reply, response

PASSWORD = "pw-SECRET-hostile"
TOKEN = "tok-SECRET-hostile-session"
ACCESS = "ac-SECRET-hostile-client"
SECONDARY = "sp-SECRET-hostile"
KEY = "KEY-SECRET-hostile"
NEW_PASSWORD = "np-SECRET-hostile"
SECRETS = [
    PASSWORD,
    TOKEN,
    ACCESS,
    SECONDARY,
    KEY,
    NEW_PASSWORD,
    base64.b64encode(("alice:" + PASSWORD).encode()).decode(),
]
TOTAL = 1.5
SLACK = 13.5  # ten times TOTAL in all; each drip below would take 30 s or more without the deadline


def test_a_debug_session_against_a_hostile_server_leaks_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    login_ok = response("200 OK", json.dumps({"sessionToken": TOKEN, "pendingSecondaryPassword": False}).encode())
    slow = response("200 OK", b'{"role":"member","x":"' + b"y" * 200 + b'"}')
    with FaultServer(reply(response("200 OK", b"{}"))) as elsewhere:
        steal = "http://127.0.0.1:%d/steal?key=%s&token=%s" % (elsewhere.port, KEY, TOKEN)
        script = [
            echo("401 Unauthorized", as_json=True),  # login
            echo("500 Internal Server Error"),  # login again, text echo
            redirect(307, steal),  # get_current_auth with a token
            drip(slow, 0.15),  # get_data_for_change_forgotten_password(key)
            reply(response("200 OK", gzip_bomb(2), extra="Content-Encoding: gzip, gzip\r\n")),  # bomb
            echo("422 Unprocessable Entity", as_json=True),  # change_forgotten_password
            reply(login_ok),  # open_session
            echo("403 Forbidden"),  # validate_secondary_password inside the session
            redirect(302, steal),  # logout on exit
        ]
        with FaultServer(*script) as server:
            configuration = swagger_client.Configuration(host=server.url, username="alice", password=PASSWORD)
            configuration.debug = True
            configuration.logger_file = str(tmp_path / "client.log")
            configuration.total_timeout = TOTAL
            api = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
            seen: List[str] = []

            def run(call: Callable[[], Any], expected: type = ApiException) -> None:
                started = time.monotonic()
                try:
                    call()
                except expected as exc:
                    seen.extend([str(exc), repr(exc), str(exc.reason), traceback.format_exc()])
                else:
                    pytest.fail("%s was expected" % expected.__name__)
                assert time.monotonic() - started < TOTAL + SLACK

            run(lambda: api.login(_headers={"Access-Client-Token": ACCESS}))
            run(lambda: api.login())
            run(lambda: api.get_current_auth(_headers={"Session-Token": TOKEN}), RedirectError)
            run(lambda: api.get_data_for_change_forgotten_password(KEY), ApiTimeoutError)
            run(lambda: api.get_current_auth(), ResponseTooLarge)
            params = swagger_client.ChangeForgottenPassword(key=KEY, new_password=NEW_PASSWORD)
            run(lambda: api.change_forgotten_password(params))

            def session_call() -> None:
                with swagger_client.open_session(configuration) as session:
                    seen.append(repr(session))
                    session.auth_api.validate_secondary_password(SECONDARY)

            run(session_call)
            assert server.count == len(script)
        assert elsewhere.count == 0
    out, err = capfd.readouterr()
    seen.extend([out, err, (tmp_path / "client.log").read_text()])
    seen.extend(record.getMessage() for record in caplog.records)
    assert any("Request POST" in text for text in seen)  # debug logging did run
    for text in seen:
        for secret in SECRETS:
            assert secret not in text, (secret, text[:300])
