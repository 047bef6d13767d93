"""The auth step: which configured credentials an operation gets, and plugging in another scheme."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, Generator

import pytest

import swagger_client
from swagger_client.auth import AuthBase, NoAuth, credential_headers, has_credential
from swagger_client.request import Request
from swagger_client.testing import CyclosEmulator
from test.recording_server import RecordingServer, json_reply


def configured(**values: str) -> swagger_client.Configuration:
    configuration = swagger_client.Configuration(username=values.get("user"), password=values.get("password"))
    for header in ("Session-Token", "Access-Client-Token"):
        if header in values:
            configuration.api_key[header] = values[header]
    return configuration


def test_the_first_satisfied_requirement_set_wins_in_the_preferred_order() -> None:
    both = configured(user="a", password="b", **{"Session-Token": "s", "Access-Client-Token": "c"})
    assert credential_headers(both, (("basic",), ("accessClient",))) == {"Access-Client-Token": "c"}
    assert credential_headers(both, None) == {"Session-Token": "s"}  # none listed: session first
    assert credential_headers(both, ()) == {}  # a guest call
    basic_only = configured(user="a", password="b")
    assert list(credential_headers(basic_only, (("session",), ("basic",)))) == ["Authorization"]


def test_an_all_of_set_needs_every_scheme() -> None:
    session_only = configured(**{"Session-Token": "s"})
    assert credential_headers(session_only, (("session", "accessClient"),)) == {}
    both = configured(**{"Session-Token": "s", "Access-Client-Token": "c"})
    assert credential_headers(both, (("session", "accessClient"),)) == {
        "Session-Token": "s",
        "Access-Client-Token": "c",
    }


def test_a_credential_passed_by_the_caller_is_recognised() -> None:
    assert has_credential({"session-token": "x"}) and has_credential({"AUTHORIZATION": "Basic x"})
    assert has_credential({"Session-Prefix": "half"})
    assert not has_credential({"Accept": "application/json"})


class HmacSignature(AuthBase):
    """A scheme Cyclos does not have: sign each request with a shared key."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def apply(self, request: Request) -> None:
        digest = hmac.new(self.key, (request.method + " " + request.url).encode(), hashlib.sha256).hexdigest()
        request.headers["X-Signature"] = digest


def test_a_custom_auth_scheme_is_one_class() -> None:
    with RecordingServer() as server:
        server.reply(json_reply({"role": "member"}))
        configuration = swagger_client.Configuration(host=server.url, username="alice", password="pw")
        client = swagger_client.ApiClient(configuration, auth=HmacSignature(b"k"))
        assert swagger_client.AuthApi(client).get_current_auth().role == "member"
        sent = server.last
    expected = hmac.new(b"k", ("GET " + server.url + "/auth").encode(), hashlib.sha256).hexdigest()
    assert sent.header("X-Signature") == expected
    assert sent.header("Authorization") is None  # the plugged-in auth replaces the configured one


class RetryOnceWithFreshToken(AuthBase):
    """An auth flow: answer a 401 with a second request carrying another credential."""

    def __init__(self, emulator: CyclosEmulator) -> None:
        self.emulator = emulator
        self.flows = 0

    def auth_flow(self, request: Request) -> Generator[Request, Any, None]:
        self.flows += 1
        request.headers["Session-Token"] = "stale"
        response = yield request
        if response.status == 401:
            request.headers.pop("Session-Token")
            request.headers["Access-Client-Token"] = self.emulator.add_access_client("alice")
            yield request


@pytest.mark.parametrize("async_req", [False, True])
def test_an_auth_flow_can_answer_a_response_with_another_request(emulator: CyclosEmulator, async_req: bool) -> None:
    auth = RetryOnceWithFreshToken(emulator)
    api = swagger_client.AuthApi(swagger_client.ApiClient(emulator.configuration(), auth=auth))
    result = api.get_current_auth(async_req=async_req)
    current = result.get(timeout=30) if async_req else result
    assert current.user.display == "Alice" and auth.flows == 1
    assert [r.status for r in emulator.requests] == [401, 200]


def test_no_auth_sends_nothing(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    api = swagger_client.AuthApi(swagger_client.ApiClient(configuration, auth=NoAuth()))
    assert api.get_current_auth().user is None  # a guest, although credentials are configured


def test_auth_and_transport_must_be_the_right_objects() -> None:
    with pytest.raises(swagger_client.ApiTypeError, match="AuthBase"):
        swagger_client.ApiClient(auth="Bearer x")  # type: ignore[arg-type]
    with pytest.raises(swagger_client.ApiTypeError, match="Transport"):
        swagger_client.ApiClient(transport=object())  # type: ignore[arg-type]
