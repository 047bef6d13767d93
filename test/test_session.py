"""open_session against the emulator, with a recording server where the wire matters."""

from __future__ import annotations

import threading
from typing import List

import pytest

import swagger_client
from swagger_client.session import SecondaryPasswordRequired
from swagger_client.testing import CyclosEmulator


def test_session_captures_the_token_and_logs_out_on_exit(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with swagger_client.open_session(configuration, timeout_in_seconds=600) as session:
        assert session.auth.user.display == "Alice"
        assert emulator.session_count == 1
        assert session.auth_api.get_current_auth().session_token == session.token
        assert isinstance(session.api_client, swagger_client.ApiClient)
    assert emulator.session_count == 0
    # The caller's configuration was not touched.
    assert configuration.api_key == {} and configuration.username == "alice"


def test_after_login_only_the_session_token_is_sent(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    configuration.api_key["Access-Client-Token"] = emulator.add_access_client("alice")
    with swagger_client.open_session(configuration, timeout_in_seconds=60) as session:
        session.auth_api.get_current_auth()
        token = session.token
    login, current, logout = emulator.requests
    assert (login.operation, login.query) == ("login", {"timeoutInSeconds": ["60"]})
    assert login.header("Access-Client-Token") and login.header("Authorization") is None  # one credential
    for request in (current, logout):
        assert request.header("Session-Token") == token
        assert request.header("Authorization") is None and request.header("Access-Client-Token") is None
    assert (logout.operation, logout.method, logout.status) == ("logout", "DELETE", 200)


def test_access_client_login(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration()
    configuration.api_key["Access-Client-Token"] = emulator.add_access_client("alice")
    with swagger_client.open_session(configuration) as session:
        assert session.auth.access_client is not None
        assert session.auth_api.get_current_auth().user.display == "Alice"


def test_expired_session_raises_logged_out_and_exit_is_quiet(emulator: CyclosEmulator) -> None:
    with swagger_client.open_session(emulator.configuration("alice", "alice-password")) as session:
        emulator.advance_time(emulator.settings.session_timeout + 1)
        with pytest.raises(swagger_client.UnauthorizedException) as info:
            session.auth_api.get_current_auth()
        assert info.value.code == "loggedOut"
    # leaving the block logged out an expired session without raising


def test_relogin_once_when_the_server_dropped_the_session(emulator: CyclosEmulator) -> None:
    with swagger_client.open_session(emulator.configuration("alice", "alice-password"), relogin=True) as session:
        first = session.token
        emulator.expire_sessions()
        assert session.auth_api.get_current_auth().user.display == "Alice"
        assert session.token != first and session.auth.session_token == session.token
    assert emulator.session_count == 0


def test_wrong_password_raises_login(emulator: CyclosEmulator) -> None:
    with pytest.raises(swagger_client.UnauthorizedException) as info:
        swagger_client.open_session(emulator.configuration("alice", "wrong"))
    assert info.value.code == "login"


@pytest.mark.emulator(secondary_password_required=True)
def test_secondary_password_path(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with pytest.raises(SecondaryPasswordRequired) as info:
        swagger_client.open_session(configuration)
    assert info.value.password_input.internal_name == "pin"
    assert "secondary_password=" in str(info.value)
    assert isinstance(info.value, swagger_client.ApiException)
    assert emulator.session_count == 0  # the half-open session was closed
    with swagger_client.open_session(configuration, secondary_password="1234") as session:
        assert session.auth_api.get_current_auth().pending_secondary_password is False
        assert session.auth_api.new_otp("email") == ["alice@example.com"]
    with pytest.raises(swagger_client.ForbiddenException) as wrong:
        swagger_client.open_session(configuration, secondary_password="0000")
    assert wrong.value.code == "invalidPassword"
    assert emulator.session_count == 0


def test_one_session_used_from_several_threads(emulator: CyclosEmulator) -> None:
    errors: List[BaseException] = []
    with swagger_client.open_session(emulator.configuration("alice", "alice-password"), relogin=True) as session:

        def work(number: int) -> None:
            try:
                for i in range(30):
                    if number == 0 and i == 15:
                        emulator.expire_sessions()  # once, while every thread is busy
                    assert session.auth_api.get_current_auth().user.display == "Alice"
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert not errors, errors[:3]
    assert emulator.session_count == 0


def test_session_repr_has_no_token(emulator: CyclosEmulator) -> None:
    with swagger_client.open_session(emulator.configuration("alice", "alice-password")) as session:
        assert session.token and session.token not in repr(session) and session.token not in repr(session.auth)


# -- the demo ------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["tok\r\nX-Injected: 1", "tok\x01bad"])
def test_a_token_that_cannot_be_sent_back_fails_the_login_clearly(emulator: CyclosEmulator, token: str) -> None:
    emulator.stub("login", body={"sessionToken": token, "pendingSecondaryPassword": False})
    with pytest.raises(swagger_client.exceptions.ResponseDecodeError, match="cannot be sent back as a header"):
        swagger_client.open_session(emulator.configuration("alice", "alice-password"))
    assert [r.operation for r in emulator.requests] == ["login"]  # no doomed logout or call after it


def test_a_failing_logout_does_not_hide_the_callers_exception(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with pytest.raises(KeyError, match="the caller's"), swagger_client.open_session(configuration):
        emulator.stub("logout", status=500, body={"kind": "general"})  # the logout will fail
        raise KeyError("the caller's")
    assert [r.operation for r in emulator.requests][-1] == "logout"


def test_a_closed_session_refuses_calls(emulator: CyclosEmulator) -> None:
    with swagger_client.open_session(emulator.configuration("alice", "alice-password")) as session:
        session.auth_api.get_current_auth()
    with pytest.raises(swagger_client.ApiValueError, match="the session is closed"):
        session.auth_api.get_current_auth()


def test_open_session_without_credentials_fails_before_any_request(emulator: CyclosEmulator) -> None:
    with pytest.raises(swagger_client.ApiValueError, match="needs credentials"):
        swagger_client.open_session(emulator.configuration())
    assert emulator.requests == []


def test_relogin_works_for_async_calls_too(emulator: CyclosEmulator) -> None:
    with swagger_client.open_session(emulator.configuration("alice", "alice-password"), relogin=True) as session:
        first = session.token
        emulator.expire_sessions()
        result = session.auth_api.get_current_auth(async_req=True)
        assert result.get(timeout=30).user.display == "Alice"
        assert session.token != first


def test_a_session_never_writes_its_token_into_a_configuration(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with swagger_client.open_session(configuration, relogin=True) as session:
        emulator.expire_sessions()
        session.auth_api.get_current_auth()  # logs in again
        assert session.token
        assert "Session-Token" not in configuration.api_key
        assert "Session-Token" not in session.configuration.api_key
        assert session.configuration.password is None
