"""The emulator over real sockets: statuses and bodies of every flow, checked against the spec."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from typing import Any, Dict, Iterator, List

import pytest
import urllib3

import swagger_client
from swagger_client.testing import CyclosEmulator
from test.raw_http import RawClient, basic

ALICE = basic("alice", "alice-password")


@pytest.fixture
def raw(emulator: CyclosEmulator) -> Iterator[RawClient]:
    client = RawClient(emulator.url)
    yield client
    client.close()


def login(raw: RawClient, headers: Dict[str, str] = ALICE, **query: str) -> Dict[str, Any]:
    reply = raw("POST", "/auth/session", headers=headers, query=query)
    assert reply.status == 200, reply.data
    return reply.json


def session(token: str) -> Dict[str, str]:
    return {"Session-Token": token}


# -- lifecycle ---------------------------------------------------------------------------


def test_binds_loopback_on_a_free_port_and_frees_it() -> None:
    with CyclosEmulator() as emu:
        assert emu.url.startswith("http://127.0.0.1:") and emu.url.endswith("/api")
        listening = emu._server.socket  # type: ignore[union-attr]
        assert urllib3.PoolManager().request("GET", emu.url + "/auth").status == 200
    # Its socket is closed (connecting again would test the port, which anyone may take by now).
    assert listening.fileno() == -1
    with pytest.raises(RuntimeError, match="not running"):
        emu.port  # reading it is the test


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(TypeError, match="sesion_timeout"):
        CyclosEmulator(sesion_timeout=1)


# -- GET /auth and data-for-login --------------------------------------------------------


def test_guest_auth(raw: RawClient) -> None:
    reply = raw("GET", "/auth")
    assert reply.status == 200
    body = reply.json
    assert "user" not in body and "sessionToken" not in body and "role" not in body
    assert body["configuration"] == {"id": "-2", "version": 12}
    assert body["permissions"]["users"]["search"] is True


def test_basic_auth_sees_its_user_without_session_token(raw: RawClient) -> None:
    body = raw("GET", "/auth", headers=ALICE).json
    assert body["user"]["display"] == "Alice"
    assert body["principal"] == "alice" and body["role"] == "member"
    assert "sessionToken" not in body and "accessClient" not in body


def test_session_auth_carries_session_token(raw: RawClient) -> None:
    token = login(raw)["sessionToken"]
    body = raw("GET", "/auth", headers=session(token)).json
    assert body["sessionToken"] == token
    assert body["user"]["display"] == "Alice"


def test_access_client_auth_has_access_client_and_no_principal(emulator: CyclosEmulator, raw: RawClient) -> None:
    token = emulator.add_access_client("alice")
    body = raw("GET", "/auth", headers={"Access-Client-Token": token}).json
    assert body["accessClient"]["id"]
    assert "principal" not in body and "sessionToken" not in body


def test_admin_has_system_administrator_flag(raw: RawClient) -> None:
    body = raw("GET", "/auth", headers=basic("admin", "admin-password")).json
    assert body["role"] == "administrator" and body["systemAdministrator"] is True


def test_data_for_login_for_guests_and_204_when_authenticated(raw: RawClient) -> None:
    reply = raw("GET", "/auth/data-for-login")
    assert reply.status == 200
    assert reply.json["forgotPasswordMediums"] == ["email"]
    assert "forgotPasswordCaptchaProvider" not in reply.json
    assert raw("GET", "/auth/data-for-login", headers=ALICE).status == 204


@pytest.mark.emulator(forgot_password_captcha=True, forgot_password_mediums=())
def test_data_for_login_reflects_settings(raw: RawClient) -> None:
    body = raw("GET", "/auth/data-for-login").json
    assert body["forgotPasswordCaptchaProvider"] == "internal"
    assert body["forgotPasswordMediums"] == []


# -- login, logout, expiry -----------------------------------------------------------------


def test_login_returns_the_auth_document_with_a_session_token(raw: RawClient) -> None:
    body = login(raw)
    assert len(body["sessionToken"]) % 2 == 0 and body["sessionToken"].isalnum()
    assert body["user"]["display"] == "Alice" and body["pendingSecondaryPassword"] is False


def test_login_by_email_and_with_quoted_numeric_principal(emulator: CyclosEmulator, raw: RawClient) -> None:
    assert login(raw, basic("alice@example.com", "alice-password"))["principal"] == "alice@example.com"
    emulator.add_user("12345", "numeric-pass")
    assert login(raw, basic("'12345", "numeric-pass"))["principal"] == "12345"


def test_head_answers_like_get_without_a_body(raw: RawClient) -> None:
    get = raw("GET", "/auth", headers=ALICE)
    head = raw("HEAD", "/auth", headers=ALICE)
    assert head.status == 200 and head.data == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"]
    assert raw("HEAD", "/auth/data-for-login").status == 200
    assert "HEAD" in raw("PUT", "/auth").headers["Allow"]


def test_the_principal_and_type_used_are_reported(raw: RawClient) -> None:
    by_email = login(raw, basic("alice@example.com", "alice-password"))
    assert by_email["principal"] == "alice@example.com"
    assert by_email["principalType"]["internalName"] == "email"
    again = raw("GET", "/auth", headers=session(by_email["sessionToken"])).json
    assert (again["principal"], again["principalType"]["internalName"]) == ("alice@example.com", "email")
    by_name = login(raw)
    assert (by_name["principal"], by_name["principalType"]["internalName"]) == ("alice", "username")


def test_cookie_login_splits_the_token(raw: RawClient) -> None:
    reply = raw("POST", "/auth/session", headers=ALICE, query={"cookie": "true"})
    first_half = reply.json["sessionToken"]
    cookie = reply.headers["Set-Cookie"]
    assert cookie.startswith("Session-Token=") and "HttpOnly" in cookie and "Path=/" in cookie
    second_half = cookie.split(";")[0].split("=", 1)[1]
    assert len(first_half) == len(second_half)
    headers = {"Session-Prefix": first_half, "Cookie": "Session-Token=" + second_half}
    current = raw("GET", "/auth", headers=headers).json
    assert current["user"]["display"] == "Alice"
    assert current["sessionToken"] == first_half  # never the whole token: the cookie half stays HttpOnly
    assert raw("GET", "/auth", headers={"Session-Prefix": first_half}).json == {"code": "loggedOut"}
    logout = raw("DELETE", "/auth/session", headers=headers, query={"cookie": "true"})
    assert logout.status == 200 and "Max-Age=0" in logout.headers["Set-Cookie"]


def test_logout_then_logged_out(raw: RawClient) -> None:
    token = login(raw)["sessionToken"]
    reply = raw("DELETE", "/auth/session", headers=session(token))
    assert reply.status == 200 and reply.data == b""
    for method, path in (("GET", "/auth"), ("DELETE", "/auth/session"), ("GET", "/auth/data-for-login")):
        reply = raw(method, path, headers=session(token))
        assert (reply.status, reply.json) == (401, {"code": "loggedOut"})


def test_idle_sessions_expire_and_use_renews_them(emulator: CyclosEmulator, raw: RawClient) -> None:
    token = login(raw)["sessionToken"]
    emulator.advance_time(emulator.settings.session_timeout - 5)
    assert raw("GET", "/auth", headers=session(token)).status == 200
    emulator.advance_time(emulator.settings.session_timeout - 5)
    assert raw("GET", "/auth", headers=session(token)).status == 200
    emulator.advance_time(emulator.settings.session_timeout + 1)
    assert raw("GET", "/auth", headers=session(token)).json == {"code": "loggedOut"}


def test_timeout_in_seconds_only_shortens(emulator: CyclosEmulator, raw: RawClient) -> None:
    short = login(raw, timeoutInSeconds="60")["sessionToken"]
    long = login(raw, timeoutInSeconds="100000")["sessionToken"]
    emulator.advance_time(61)
    assert raw("GET", "/auth", headers=session(short)).status == 401
    assert raw("GET", "/auth", headers=session(long)).status == 200
    emulator.advance_time(emulator.settings.session_timeout + 1)
    assert raw("GET", "/auth", headers=session(long)).status == 401


def test_logout_without_a_session(raw: RawClient) -> None:
    assert raw("DELETE", "/auth/session").json == {"code": "missingAuthorization"}
    reply = raw("DELETE", "/auth/session", headers=ALICE)
    assert (reply.status, reply.json) == (403, {"code": "illegalAction"})


def test_wrong_password_and_unknown_user(raw: RawClient) -> None:
    for headers in (
        basic("alice", "nope"),
        basic("nobody", "x"),
        {"Authorization": "Basic !!!"},
        {"Authorization": "Bearer x"},
    ):
        reply = raw("POST", "/auth/session", headers=headers)
        assert (reply.status, reply.json) == (401, {"code": "login"})


def test_temporary_block_after_max_attempts_even_for_the_right_password(
    emulator: CyclosEmulator, raw: RawClient
) -> None:
    attempts = emulator.settings.max_password_attempts
    for _ in range(attempts - 1):
        assert raw("POST", "/auth/session", headers=basic("alice", "wrong")).json == {"code": "login"}
    blocked = {"code": "login", "passwordStatus": "temporarilyBlocked"}
    assert raw("POST", "/auth/session", headers=basic("alice", "wrong")).json == blocked
    assert raw("POST", "/auth/session", headers=ALICE).json == blocked
    emulator.advance_time(emulator.settings.block_seconds + 1)
    assert raw("POST", "/auth/session", headers=ALICE).status == 200


def test_blocked_user_gets_user_status(emulator: CyclosEmulator, raw: RawClient) -> None:
    emulator.set_user_status("bob", "blocked")
    assert raw("GET", "/auth", headers=basic("bob", "bob-password")).json == {"code": "login", "userStatus": "blocked"}


@pytest.mark.emulator(max_unknown_user_attempts_per_address=2)
def test_remote_address_blocked_after_unknown_users(raw: RawClient) -> None:
    for _ in range(2):
        assert raw("GET", "/auth", headers=basic("ghost", "x")).json == {"code": "login"}
    assert raw("GET", "/auth", headers=ALICE).json == {"code": "remoteAddressBlocked"}


@pytest.mark.parametrize("status", ["disabled", "indefinitelyBlocked", "neverCreated", "pending", "temporarilyBlocked"])
def test_every_unusable_password_status_can_be_produced(emulator: CyclosEmulator, raw: RawClient, status: str) -> None:
    emulator.set_password_status("alice", status)
    reply = raw("POST", "/auth/session", headers=ALICE)
    assert (reply.status, reply.json) == (401, {"code": "login", "passwordStatus": status})
    emulator.set_password_status("alice", "active")
    assert raw("POST", "/auth/session", headers=ALICE).status == 200


@pytest.mark.parametrize("status", ["expired", "reset"])
def test_an_expired_or_reset_password_logs_in_restricted(emulator: CyclosEmulator, raw: RawClient, status: str) -> None:
    emulator.set_password_status("alice", status)
    assert login(raw)["expiredPassword"] is True


@pytest.mark.emulator(max_password_attempts=1, temporary_blocks_before_indefinite=2, block_seconds=10)
def test_repeated_blocks_escalate_to_indefinitely_blocked(emulator: CyclosEmulator, raw: RawClient) -> None:
    wrong = basic("alice", "wrong")
    assert raw("POST", "/auth/session", headers=wrong).json["passwordStatus"] == "temporarilyBlocked"
    emulator.advance_time(11)  # the temporary block expires
    assert raw("POST", "/auth/session", headers=wrong).json["passwordStatus"] == "indefinitelyBlocked"
    emulator.advance_time(3600)  # an indefinite block does not
    assert raw("POST", "/auth/session", headers=ALICE).json["passwordStatus"] == "indefinitelyBlocked"


@pytest.mark.emulator(max_unknown_user_attempts_per_address=2, block_seconds=10)
def test_the_address_block_expires_and_can_be_lifted(emulator: CyclosEmulator, raw: RawClient) -> None:
    for _ in range(2):
        raw("GET", "/auth", headers=basic("ghost", "x"))
    assert raw("GET", "/auth", headers=ALICE).json == {"code": "remoteAddressBlocked"}
    emulator.advance_time(11)
    assert raw("GET", "/auth", headers=ALICE).status == 200
    for _ in range(2):
        raw("GET", "/auth", headers=basic("ghost", "x"))
    emulator.unblock_address()
    assert raw("GET", "/auth", headers=ALICE).status == 200


def test_per_user_channel_principal_and_stateless_refusals(emulator: CyclosEmulator, raw: RawClient) -> None:
    emulator.restrict_user("alice", channels=("main",))
    assert raw("GET", "/auth", headers=dict(ALICE, Channel="mobile")).json == {"code": "inaccessibleChannel"}
    assert raw("GET", "/auth", headers=dict(ALICE, Channel="main")).status == 200
    emulator.restrict_user("alice", principal_types=("username",))
    by_email = raw("GET", "/auth", headers=basic("alice@example.com", "alice-password"))
    assert (by_email.status, by_email.json) == (403, {"code": "inaccessiblePrincipal"})
    emulator.restrict_user("alice", stateless_only=True)
    refused = raw("POST", "/auth/session", headers=ALICE)
    assert (refused.status, refused.json) == (401, {"code": "invalidChannelUsage"})
    assert raw("GET", "/auth", headers=ALICE).status == 200  # stateless calls still work
    with pytest.raises(LookupError):
        emulator.restrict_user("nobody")
    with pytest.raises(ValueError, match="status must be one of"):
        emulator.set_password_status("alice", "melted")


def test_missing_authorization_and_mixed_credentials(raw: RawClient) -> None:
    assert raw("POST", "/auth/otp", query={"medium": "email"}).json == {"code": "missingAuthorization"}
    assert raw("POST", "/auth/session").json == {"code": "missingAuthorization"}
    token = login(raw)["sessionToken"]
    mixed = dict(ALICE, **session(token))
    assert raw("GET", "/auth", headers=mixed).json == {"code": "login"}


def test_unknown_channel_and_known_channel(raw: RawClient) -> None:
    assert raw("GET", "/auth", headers={"Channel": "main"}).status == 200
    assert raw("GET", "/auth", headers={"Channel": "nope"}).json == {"code": "inaccessibleChannel"}


def test_credentials_are_checked_before_the_channel(raw: RawClient) -> None:
    wrong = basic("alice", "not-her-password")
    reply = raw("GET", "/auth", headers=dict(wrong, Channel="bogus"))
    assert (reply.status, reply.json["code"]) == (401, "login")
    stale = raw("GET", "/auth", headers={"Session-Token": "no-such-session", "Channel": "bogus"})
    assert (stale.status, stale.json["code"]) == (401, "loggedOut")
    right = raw("GET", "/auth", headers=dict(ALICE, Channel="bogus"))
    assert (right.status, right.json["code"]) == (403, "inaccessibleChannel")


def test_channel_case_and_an_empty_channel_header(raw: RawClient) -> None:
    assert raw("GET", "/auth", headers=dict(ALICE, Channel="MAIN")).status == 200
    assert raw("GET", "/auth", headers=dict(ALICE, Channel="")).status == 200


# -- secondary password --------------------------------------------------------------------


@pytest.mark.emulator(secondary_password_required=True)
def test_secondary_password_flow(raw: RawClient) -> None:
    body = login(raw)
    token = body["sessionToken"]
    assert body["pendingSecondaryPassword"] is True
    assert body["secondaryPasswordType"]["internalName"] == "pin"
    headers = session(token)
    assert raw("POST", "/auth/otp", headers=headers, query={"medium": "email"}).json == {"code": "permissionDenied"}
    reply = raw("GET", "/auth/session/secondary-password", headers=headers)
    assert reply.status == 200 and reply.json["internalName"] == "pin" and reply.json["hasActivePassword"] is True
    wrong = raw(
        "POST", "/auth/session/secondary-password", headers=dict(headers, **{"Content-Type": "text/plain"}), body="0000"
    )
    assert (
        wrong.status == 403
        and wrong.json["code"] == "invalidPassword"
        and wrong.json["passwordType"]["internalName"] == "pin"
    )
    quoted = raw("POST", "/auth/session/secondary-password", headers=headers, body='"1234"')
    assert quoted.json["code"] == "invalidPassword"
    ok = raw(
        "POST", "/auth/session/secondary-password", headers=dict(headers, **{"Content-Type": "text/plain"}), body="1234"
    )
    assert ok.status == 204 and ok.data == b""
    assert raw("GET", "/auth", headers=headers).json["pendingSecondaryPassword"] is False
    assert raw("POST", "/auth/otp", headers=headers, query={"medium": "email"}).status == 200
    assert raw("GET", "/auth/session/secondary-password", headers=headers).json == {"code": "illegalAction"}


@pytest.mark.emulator(secondary_password_required=True, max_password_attempts=2)
def test_secondary_password_blocks_after_max_attempts(raw: RawClient) -> None:
    headers = session(login(raw)["sessionToken"])
    assert (
        raw("POST", "/auth/session/secondary-password", headers=headers, body="0000").json["code"] == "invalidPassword"
    )
    assert (
        raw("POST", "/auth/session/secondary-password", headers=headers, body="0000").json["code"]
        == "temporarilyBlocked"
    )
    assert (
        raw("POST", "/auth/session/secondary-password", headers=headers, body="1234").json["code"]
        == "temporarilyBlocked"
    )


@pytest.mark.emulator(secondary_password_required=True)
def test_login_without_the_required_secondary_password(raw: RawClient) -> None:
    reply = raw("POST", "/auth/session", headers=basic("bob", "bob-password"))
    assert reply.status == 401
    assert reply.json["code"] == "login" and reply.json["missingSecondaryPassword"]["internalName"] == "pin"


def test_secondary_password_operations_outside_a_pending_session(raw: RawClient) -> None:
    headers = session(login(raw)["sessionToken"])
    assert raw("GET", "/auth/session/secondary-password", headers=headers).json == {"code": "illegalAction"}
    assert raw("GET", "/auth/session/secondary-password").json == {"code": "missingAuthorization"}


# -- OTP -------------------------------------------------------------------------------------


def test_otp_by_email_and_sms(emulator: CyclosEmulator, raw: RawClient) -> None:
    reply = raw("POST", "/auth/otp", headers=ALICE, query={"medium": "email"})
    assert (reply.status, reply.json) == (200, ["alice@example.com"])
    message = emulator.last_message("otp")
    assert (message.medium, message.recipient, message.username) == ("email", "alice@example.com", "alice")
    assert len(message.value) == 6 and message.value.isdigit()
    assert raw("POST", "/auth/otp", headers=ALICE, query={"medium": "sms"}).json == ["+59899123456"]
    assert emulator.last_message("otp").medium == "sms"


def test_otp_input_errors(raw: RawClient) -> None:
    assert raw("POST", "/auth/otp", headers=ALICE).json == {"code": "missingParameter", "name": "medium"}
    reply = raw("POST", "/auth/otp", headers=ALICE, query={"medium": "pigeon"})
    assert reply.status == 422 and reply.json["code"] == "dataConversion"
    no_phone = raw("POST", "/auth/otp", headers=basic("bob", "bob-password"), query={"medium": "sms"})
    assert no_phone.status == 422 and no_phone.json["code"] == "validation"


@pytest.mark.emulator(sms_failure="gatewayUreachable")
def test_otp_sms_gateway_failure(raw: RawClient) -> None:
    reply = raw("POST", "/auth/otp", headers=ALICE, query={"medium": "sms"})
    assert reply.status == 500
    assert reply.json == {
        "exceptionType": "OtpException",
        "kind": "otp",
        "code": "errorSendingSms",
        "smsStatus": "gatewayUreachable",
    }


@pytest.mark.emulator(secondary_password_required=True, max_password_attempts=1)
def test_an_empty_secondary_password_is_not_a_failed_attempt(raw: RawClient) -> None:
    token = login(raw)["sessionToken"]
    for _ in range(3):
        empty = raw("POST", "/auth/session/secondary-password", headers=session(token), body=b"")
        assert (empty.status, empty.json) == (422, {"code": "missingParameter", "name": "password"})
    right = raw(
        "POST",
        "/auth/session/secondary-password",
        headers=dict(session(token), **{"Content-Type": "text/plain"}),
        body="1234",
    )
    assert right.status == 204  # one attempt allowed, and it was not used up


# -- forgotten password ----------------------------------------------------------------------


def request_key(emulator: CyclosEmulator, raw: RawClient, user: str = "alice") -> str:
    reply = raw("POST", "/auth/forgotten-password/request", body={"user": user})
    assert reply.status == 204 and reply.data == b""
    return emulator.last_message("forgottenPasswordKey").value


def test_forgotten_password_manual_change(emulator: CyclosEmulator, raw: RawClient) -> None:
    key = request_key(emulator, raw)
    assert emulator.last_message("forgottenPasswordKey").recipient == "alice@example.com"
    data = raw("GET", "/auth/forgotten-password/data-for-change", query={"key": key})
    assert data.json == {"generated": False}
    change = {"key": key, "newPassword": "n3w-pass", "newPasswordConfirmation": "n3w-pass", "checkConfirmation": True}
    assert raw("POST", "/auth/forgotten-password", body=change).status == 204
    assert raw("POST", "/auth/session", headers=basic("alice", "n3w-pass")).status == 200
    assert raw("POST", "/auth/session", headers=ALICE).status == 401
    again = raw("POST", "/auth/forgotten-password", body=change)
    assert again.status == 404 and again.json["entityType"] == "forgottenPasswordRequest"


@pytest.mark.emulator(forgot_password_mediums=("sms",))
def test_an_sms_only_channel_sends_the_key_by_sms(emulator: CyclosEmulator, raw: RawClient) -> None:
    request_key(emulator, raw)
    message = emulator.last_message("forgottenPasswordKey", "alice")
    assert (message.medium, message.recipient) == ("sms", "+59899123456")
    raw("POST", "/auth/forgotten-password/request", body={"user": "bob"})  # bob has no phone: nothing is sent
    assert [m.username for m in emulator.outbox] == ["alice"]


def test_a_newer_request_and_time_invalidate_keys(emulator: CyclosEmulator, raw: RawClient) -> None:
    first = request_key(emulator, raw)
    second = request_key(emulator, raw)
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": first}).status == 404
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": second}).status == 200
    emulator.advance_time(emulator.settings.forgotten_password_key_seconds + 1)
    expired = raw("GET", "/auth/forgotten-password/data-for-change", query={"key": second})
    assert expired.status == 404 and expired.json["entityType"] == "forgottenPasswordRequest"


def test_expired_sessions_are_not_counted_and_not_kept(emulator: CyclosEmulator, raw: RawClient) -> None:
    for _ in range(3):
        login(raw)
    assert emulator.session_count == 3
    emulator.advance_time(emulator.settings.session_timeout + 1)
    assert emulator.session_count == 0
    login(raw)  # a login also drops the expired ones
    assert emulator.session_count == 1


def test_forgotten_password_validation_errors(emulator: CyclosEmulator, raw: RawClient) -> None:
    key = request_key(emulator, raw)
    mismatch = {"key": key, "newPassword": "n3w-pass", "newPasswordConfirmation": "other", "checkConfirmation": True}
    reply = raw("POST", "/auth/forgotten-password", body=mismatch)
    assert reply.status == 422 and reply.json["propertyErrors"] == {
        "newPasswordConfirmation": ["The password confirmation does not match"]
    }
    short = raw("POST", "/auth/forgotten-password", body={"key": key, "newPassword": "x"})
    assert short.status == 422 and "newPassword" in short.json["propertyErrors"]
    # Without checkConfirmation the confirmation is ignored.
    assert raw("POST", "/auth/forgotten-password", body=dict(mismatch, checkConfirmation=False)).status == 204


def test_forgotten_password_security_question(emulator: CyclosEmulator, raw: RawClient) -> None:
    emulator.add_user(
        "carol", "carol-pass", email="carol@example.com", security_question="First pet?", security_answer="Rex"
    )
    key = request_key(emulator, raw, "carol")
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": key}).json == {
        "generated": False,
        "securityQuestion": "First pet?",
    }
    wrong = {"key": key, "securityAnswer": "Tom", "newPassword": "n3w-pass"}
    for expected in (False, False, True):
        reply = raw("POST", "/auth/forgotten-password", body=wrong)
        assert reply.status == 500
        assert reply.json == {
            "exceptionType": "ForgottenPasswordException",
            "kind": "forgottenPassword",
            "code": "invalidSecurityAnswer",
            "keyInvalidated": expected,
        }
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": key}).status == 404
    key = request_key(emulator, raw, "carol")
    assert (
        raw(
            "POST", "/auth/forgotten-password", body={"key": key, "securityAnswer": "rex", "newPassword": "n3w-pass"}
        ).status
        == 204
    )


@pytest.mark.emulator(forgot_password_generated=True)
def test_forgotten_password_generated(emulator: CyclosEmulator, raw: RawClient) -> None:
    key = request_key(emulator, raw)
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": key}).json == {"generated": True}
    assert raw("POST", "/auth/forgotten-password", body={"key": key}).status == 204
    new_password = emulator.last_message("generatedPassword").value
    assert raw("POST", "/auth/session", headers=basic("alice", new_password)).status == 200


def test_forgotten_password_unknown_user_is_hidden_by_default(emulator: CyclosEmulator, raw: RawClient) -> None:
    before = len(emulator.outbox)
    assert raw("POST", "/auth/forgotten-password/request", body={"user": "ghost"}).status == 204
    assert len(emulator.outbox) == before


@pytest.mark.emulator(forgotten_password_unknown_user="notFound", forgot_password_captcha=True)
def test_forgotten_password_unknown_user_not_found_and_captcha(raw: RawClient) -> None:
    no_captcha = raw("POST", "/auth/forgotten-password/request", body={"user": "alice"})
    assert no_captcha.status == 422 and "captcha" in no_captcha.json["propertyErrors"]
    captcha = {"challenge": "c1", "response": "x7k2p"}
    assert raw("POST", "/auth/forgotten-password/request", body={"user": "alice", "captcha": captcha}).status == 204
    reply = raw("POST", "/auth/forgotten-password/request", body={"user": "ghost", "captcha": captcha})
    assert (reply.status, reply.json) == (404, {"entityType": "user", "key": "ghost"})


def test_data_for_change_input_errors(raw: RawClient) -> None:
    assert raw("GET", "/auth/forgotten-password/data-for-change").json == {"code": "missingParameter", "name": "key"}
    assert raw("GET", "/auth/forgotten-password/data-for-change", query={"key": "bogus"}).status == 404


# -- access clients --------------------------------------------------------------------------


@pytest.mark.emulator(confirmation_password_required=True)
def test_disconnect_access_client_with_confirmation_password(emulator: CyclosEmulator, raw: RawClient) -> None:
    token = emulator.add_access_client("alice", token="abc123")
    headers = {"Access-Client-Token": token}
    missing = raw("DELETE", "/auth/access-client", headers=headers)
    assert missing.status == 403 and missing.json["code"] == "invalidPassword"
    wrong = raw("DELETE", "/auth/access-client", headers=dict(headers, confirmationPassword="nope"))
    assert wrong.status == 403 and wrong.json["passwordType"]["internalName"] == "login"
    ok = raw("DELETE", "/auth/access-client", headers=dict(headers, confirmationPassword="alice-password"))
    assert ok.status == 200 and ok.data == b""
    assert raw("GET", "/auth", headers=headers).json == {"code": "invalidAccessClient"}


@pytest.mark.emulator(confirmation_password_required=True, missing_confirmation_password="missingParameter")
def test_missing_confirmation_password_can_be_a_422(emulator: CyclosEmulator, raw: RawClient) -> None:
    token = emulator.add_access_client("alice")
    assert raw("DELETE", "/auth/access-client", headers={"Access-Client-Token": token}).json == {
        "code": "missingParameter",
        "name": "confirmationPassword",
    }


def test_disconnect_needs_an_access_client_and_blocked_clients(emulator: CyclosEmulator, raw: RawClient) -> None:
    assert raw("DELETE", "/auth/access-client", headers=ALICE).json == {"code": "illegalAction"}
    assert raw("DELETE", "/auth/access-client").json == {"code": "missingAuthorization"}
    token = emulator.add_access_client("alice")
    emulator.block_access_client(token)
    # The 4.11.5 text lists blockedAccessClient but its enum omits it (fixed in 4.12):
    # the one deliberate off-enum value, so this reply skips the enum check.
    reply = raw("GET", "/auth", headers={"Access-Client-Token": token}, validate=False)
    assert (reply.status, reply.json) == (401, {"code": "blockedAccessClient"})
    assert raw("GET", "/auth", headers={"Access-Client-Token": "unknown"}).json == {"code": "invalidAccessClient"}


# -- fields ----------------------------------------------------------------------------------


def test_fields_in_repeated_and_comma_forms(raw: RawClient) -> None:
    assert raw("POST", "/auth/session", headers=ALICE, query=[("fields", "sessionToken")]).json.keys() == {
        "sessionToken"
    }
    repeated = raw("GET", "/auth", headers=ALICE, query=[("fields", "user.display"), ("fields", "role")]).json
    comma = raw("GET", "/auth", headers=ALICE, query=[("fields", "user.display,role")]).json
    assert repeated == comma == {"user": {"display": "Alice"}, "role": "member"}


def test_fields_excludes_nested_and_arrays(raw: RawClient) -> None:
    body = raw("GET", "/auth", headers=ALICE, query=[("fields", "-permissions,!language,user.-shortDisplay")]).json
    assert "permissions" not in body and "language" not in body
    assert body == {"user": {"id": body["user"]["id"], "display": "Alice"}}
    nested = raw("GET", "/auth", headers=ALICE, query=[("fields", "-permissions.banking"), ("fields", "role")]).json
    assert nested == {"role": "member"}
    accounts = raw(
        "GET", "/auth", headers=ALICE, query=[("fields", "permissions.banking.accounts.account.number")]
    ).json
    assert accounts == {"permissions": {"banking": {"accounts": [{"account": {"number": "123456789"}}]}}}
    unknown = raw("GET", "/auth", headers=ALICE, query=[("fields", "role,noSuchField")]).json
    assert unknown == {"role": "member"}


def test_a_leading_exclusion_reaches_into_the_path(raw: RawClient) -> None:
    full = raw("GET", "/auth", headers=ALICE).json
    body = raw("GET", "/auth", headers=ALICE, query=[("fields", "-permissions.records")]).json
    expected_permissions = {k: v for k, v in full["permissions"].items() if k != "records"}
    assert body["permissions"] == expected_permissions and body["role"] == full["role"]
    user = raw("GET", "/auth", headers=ALICE, query=[("fields", "-user.display")]).json
    assert user["user"] == {k: v for k, v in full["user"].items() if k != "display"} and "role" in user
    deep = raw("GET", "/auth", headers=ALICE, query=[("fields", "-permissions.banking.payments")]).json
    assert "payments" not in deep["permissions"]["banking"] and "accounts" in deep["permissions"]["banking"]
    assert deep["permissions"].keys() == full["permissions"].keys()


def test_the_spec_example_a_b_b1_c_minus_c1(raw: RawClient) -> None:
    body = raw("GET", "/auth", headers=ALICE, query=[("fields", "role,user.display,permissions.-records")]).json
    full = raw("GET", "/auth", headers=ALICE).json
    assert body.keys() == {"role", "user", "permissions"} and body["user"] == {"display": "Alice"}
    assert body["permissions"] == {k: v for k, v in full["permissions"].items() if k != "records"}


def test_unknown_field_names_are_ignored(raw: RawClient) -> None:
    full = raw("GET", "/auth", headers=ALICE).json
    assert raw("GET", "/auth", headers=ALICE, query=[("fields", "bogus")]).json == full
    assert raw("GET", "/auth", headers=ALICE, query=[("fields", "user.bogus")]).json["user"] == full["user"]


def test_fields_conflict_is_a_422(raw: RawClient) -> None:
    reply = raw("GET", "/auth", query=[("fields", "role,-role")])
    assert reply.status == 422 and reply.json["code"] == "queryParse"


# -- malformed requests ----------------------------------------------------------------------


def test_malformed_requests_get_4xx_bodies_never_a_500(raw: RawClient) -> None:
    bad_json = raw(
        "POST", "/auth/forgotten-password/request", body=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert (bad_json.status, bad_json.json) == (422, {"code": "dataConversion", "name": "body"})
    not_object = raw("POST", "/auth/forgotten-password", body=b"[1,2]", headers={"Content-Type": "application/json"})
    assert not_object.status == 422
    empty = raw("POST", "/auth/forgotten-password")
    assert (empty.status, empty.json) == (422, {"code": "missingParameter", "name": "body"})
    wrong_type = raw("POST", "/auth/forgotten-password/request", body={"user": 42})
    assert wrong_type.status == 422 and wrong_type.json["code"] == "validation"
    unknown = raw("GET", "/auth/nope")
    assert (unknown.status, unknown.json) == (404, {"entityType": "operation", "key": "/auth/nope"})
    method = raw("PUT", "/auth/session")
    assert method.status == 405 and method.headers["Allow"] == "DELETE, POST"
    bad_bool = raw("POST", "/auth/session", headers=ALICE, query={"cookie": "maybe"})
    assert bad_bool.status == 422 and bad_bool.json["name"] == "cookie"
    bad_int = raw("POST", "/auth/session", headers=ALICE, query={"timeoutInSeconds": "soon"})
    assert bad_int.status == 422 and bad_int.json["code"] == "dataConversion"
    outside = raw("GET", "/other", validate=False)
    assert outside.status == 404


# -- concurrency -----------------------------------------------------------------------------


def test_fifty_threads_login_get_logout_without_errors_or_cross_talk(emulator: CyclosEmulator) -> None:
    users = ["user%02d" % i for i in range(50)]
    for name in users:
        emulator.add_user(name, name + "-pw", name="Name of " + name)
    failures: List[str] = []
    deadline = time.monotonic() + 2
    start = threading.Barrier(len(users))

    def work(name: str) -> None:
        configuration = emulator.configuration(name, name + "-pw")
        with swagger_client.ApiClient(configuration) as client:
            api = swagger_client.AuthApi(client)
            start.wait()
            rounds = 0
            while time.monotonic() < deadline or rounds == 0:
                rounds += 1
                try:
                    token = api.login().session_token
                    session_configuration = emulator.configuration()
                    session_configuration.api_key["Session-Token"] = token
                    with swagger_client.ApiClient(session_configuration) as session_client:
                        session_api = swagger_client.AuthApi(session_client)
                        auth = session_api.get_current_auth()
                        if auth.user.display != "Name of " + name or auth.session_token != token:
                            failures.append("%s saw %s" % (name, auth.user.display))
                        session_api.logout()
                except Exception as exc:
                    failures.append("%s: %r" % (name, exc))

    threads = [threading.Thread(target=work, args=(name,)) for name in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures[:5]
    assert emulator.session_count == 0


# -- entry points ----------------------------------------------------------------------------


def test_command_line_serves_demo_users() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "swagger_client.testing", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        first = process.stdout.readline()  # type: ignore[union-attr]
        assert first.startswith("Cyclos 4.11.5 emulator serving http://127.0.0.1:")
        url = first.split()[-1]
        lines = [process.stdout.readline() for _ in range(4)]  # type: ignore[union-attr]
        assert any("alice" in line and "alice-password" in line for line in lines)
        reply = RawClient(url)("GET", "/auth", headers=ALICE)
        assert reply.json["user"]["display"] == "Alice"
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


def test_pytest_plugin_fixture(cyclos_emulator: CyclosEmulator) -> None:
    api = swagger_client.AuthApi(swagger_client.ApiClient(cyclos_emulator.configuration("alice", "alice-password")))
    assert api.login().user.display == "Alice"


@pytest.mark.cyclos_emulator(secondary_password_required=True)
def test_pytest_plugin_marker_passes_settings(cyclos_emulator: CyclosEmulator) -> None:
    assert cyclos_emulator.settings.secondary_password_required is True


def test_expired_password_and_pending_agreements_restrict_the_login(emulator: CyclosEmulator, raw: RawClient) -> None:
    dave = emulator.add_user("dave", "dave-pass", email="dave@example.com", password_expired=True)
    emulator.add_user("erin", "erin-pass", email="erin@example.com", pending_agreements=True)
    body = login(raw, basic("dave", "dave-pass"))
    assert body["expiredPassword"] is True and body["pendingAgreements"] is False
    headers = session(body["sessionToken"])
    assert raw("GET", "/auth", headers=headers).json["expiredPassword"] is True
    refused = raw("POST", "/auth/otp", headers=headers, query={"medium": "email"})
    assert refused.status == 403 and refused.json["code"] == "expiredPassword"
    assert refused.json["passwordType"]["internalName"] == "login"
    dave.password_expired = False  # the password was changed elsewhere
    assert raw("POST", "/auth/otp", headers=headers, query={"medium": "email"}).status == 200
    erin = login(raw, basic("erin", "erin-pass"))
    assert erin["pendingAgreements"] is True
    refused = raw("POST", "/auth/otp", headers=session(erin["sessionToken"]), query={"medium": "email"})
    assert (refused.status, refused.json) == (403, {"code": "pendingAgreements"})
    assert raw("DELETE", "/auth/session", headers=session(erin["sessionToken"])).status == 200
