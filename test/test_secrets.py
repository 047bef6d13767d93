"""No secret in logs, exception messages, reprs or printed output during a full session."""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import List

import pytest

import swagger_client
from swagger_client import models
from swagger_client.exceptions import ApiException
from swagger_client.redaction import redact_body, redact_headers, redact_url
from swagger_client.testing import CyclosEmulator

PASSWORD = "pw-Zq8-SECRET"
SECONDARY = "sp-SECRET-77"
ACCESS_TOKEN = "ac-SECRET-token"
NEW_PASSWORD = "np-SECRET-9x"
ANSWER = "Rex-SECRET"
PROXYLESS_CHANNEL = "main"


def test_a_full_session_leaks_no_secret(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, urllib3 included
    log_file = tmp_path / "client.log"
    seen: List[str] = []
    secrets = [
        PASSWORD,
        SECONDARY,
        ACCESS_TOKEN,
        NEW_PASSWORD,
        ANSWER,
        base64.b64encode(("alice:%s" % PASSWORD).encode()).decode(),
    ]

    def record(exc: BaseException) -> None:
        seen.extend([str(exc), repr(exc), str(getattr(exc, "reason", ""))])

    with CyclosEmulator(secondary_password_required=True, confirmation_password_required=True) as emu:
        emu.add_user(
            "alice",
            PASSWORD,
            email="alice@example.com",
            secondary_password=SECONDARY,
            security_question="Pet?",
            security_answer=ANSWER,
        )
        configuration = emu.configuration(
            "alice", PASSWORD, debug=True, logger_file=str(log_file), channel=PROXYLESS_CHANNEL
        )
        seen.append(repr(configuration))
        seen.append(configuration.to_debug_report())

        with swagger_client.open_session(configuration, secondary_password=SECONDARY) as session:
            secrets.append(session.token or "")
            auth = session.auth_api.get_current_auth()
            seen.extend([repr(auth), auth.to_str(), repr(session), repr(session.configuration)])
            session.auth_api.new_otp("email")
            secrets.append(emu.last_message("otp").value)
            raw_token = session.token
        # the old token, now logged out
        stale = emu.configuration(debug=True)
        stale.api_key["Session-Token"] = raw_token or ""
        with pytest.raises(ApiException) as logged_out:
            swagger_client.AuthApi(swagger_client.ApiClient(stale)).get_current_auth()
        record(logged_out.value)

        with pytest.raises(ApiException) as wrong_login:
            swagger_client.AuthApi(
                swagger_client.ApiClient(emu.configuration("alice", PASSWORD + "x", debug=True))
            ).login()
        record(wrong_login.value)

        client_configuration = emu.configuration(debug=True)
        client_configuration.api_key["Access-Client-Token"] = emu.add_access_client("alice", token=ACCESS_TOKEN)
        access_api = swagger_client.AuthApi(swagger_client.ApiClient(client_configuration))
        access_api.get_current_auth()
        with pytest.raises(ApiException) as wrong_confirmation:
            access_api.disconnect_current_client(confirmation_password=PASSWORD + "-wrong")
        record(wrong_confirmation.value)
        access_api.disconnect_current_client(confirmation_password=PASSWORD)
        with pytest.raises(ApiException) as disconnected:
            access_api.get_current_auth()
        record(disconnected.value)

        guest_api = swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration(debug=True)))
        guest_api.forgotten_password_request(models.ForgottenPasswordRequest(user="alice"))
        key = emu.last_message("forgottenPasswordKey").value
        secrets.append(key)
        guest_api.get_data_for_change_forgotten_password(key)
        wrong_answer = models.ChangeForgottenPassword(key=key, security_answer="Tom", new_password=NEW_PASSWORD)
        with pytest.raises(ApiException) as bad_answer:
            guest_api.change_forgotten_password(wrong_answer)
        record(bad_answer.value)
        seen.append(repr(wrong_answer))
        guest_api.change_forgotten_password(
            models.ChangeForgottenPassword(key=key, security_answer=ANSWER, new_password=NEW_PASSWORD)
        )
        with pytest.raises(ApiException) as used_key:
            guest_api.get_data_for_change_forgotten_password(key)
        record(used_key.value)

    out, err = capfd.readouterr()
    texts = {
        "log records": caplog.text,
        "log file": log_file.read_text(),
        "stdout": out,
        "stderr": err,
        "reprs and messages": "\n".join(seen),
    }
    assert "Request POST" in caplog.text and "data-for-change?key=***" in caplog.text  # the log is there, masked
    for where, text in texts.items():
        for secret in secrets:
            assert secret and secret not in text, "a secret appeared in the %s" % where


def test_redaction_helpers() -> None:
    assert redact_headers({"Authorization": "Basic x", "session-token": "t", "Accept": "a"}) == {
        "Authorization": "***",
        "session-token": "***",
        "Accept": "a",
    }
    assert (
        redact_url("http://h/api/auth/forgotten-password/data-for-change?fields=a&key=K1&x=2")
        == "http://h/api/auth/forgotten-password/data-for-change?fields=a&key=***&x=2"
    )
    assert redact_body(b'{"sessionToken": "T", "user": {"id": "1"}}') == '{"sessionToken": "***", "user": {"id": "1"}}'
    assert redact_body(b"plain-password", json_only=True) == "<14 bytes of non-JSON body not shown>"
    assert "T0K" not in redact_body(b"<html>sessionToken=T0K</html>")


def test_logger_file_is_replaced_not_stacked(tmp_path: Path) -> None:
    configuration = swagger_client.Configuration()
    logger = logging.getLogger("swagger_client")
    before = len(logger.handlers)
    configuration.logger_file = str(tmp_path / "a.log")
    configuration.logger_file = str(tmp_path / "b.log")
    assert len(logger.handlers) == before + 1
    configuration.logger_file = None
    assert len(logger.handlers) == before
