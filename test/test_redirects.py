"""Redirects over real sockets: none followed by default, same-origin GET only when asked."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

import swagger_client
from swagger_client import redirects
from swagger_client.exceptions import RedirectError, ServiceException
from test.builders import build
from test.fault_server import FaultServer, redirect, reply, response

TOKEN = "tok-SECRET-session-1"
ACCESS = "ac-SECRET-client-1"
SECONDARY = "sp-SECRET-second"
KEY = "KEY-SECRET-forgot"
NEW_PASSWORD = "np-SECRET-new-pw"
OK_AUTH = response("200 OK", json.dumps(build("Auth")).encode())


def api(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url)
    configuration.api_key["Session-Token"] = TOKEN
    configuration.retries = 0
    configuration.timeout = (2.0, 5.0)
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def assert_no_secret(exc: BaseException) -> None:
    for text in (str(exc), repr(exc), str(getattr(exc, "reason", ""))):
        for secret in (TOKEN, ACCESS, SECONDARY, KEY, NEW_PASSWORD):
            assert secret not in text


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_no_redirect_is_followed_by_default(status: int) -> None:
    with FaultServer(reply(OK_AUTH)) as elsewhere:
        origin = "http://127.0.0.1:%d" % elsewhere.port
        with FaultServer(redirect(status, origin + "/steal?key=" + KEY)) as server:
            with pytest.raises(RedirectError) as info:
                api(server.url).get_current_auth(_headers={"Access-Client-Token": ACCESS})
        assert elsewhere.count == 0  # nothing, not even the tokens, went to the other host
    exc = info.value
    assert exc.status == status and exc.location == origin
    assert "%d redirect to %s" % (status, origin) in str(exc)
    assert "follow_redirects" in str(exc)
    assert "/steal" not in str(exc) and "key=" not in str(exc)
    assert_no_secret(exc)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_post_body_is_never_sent_elsewhere(status: int) -> None:
    with FaultServer(reply(OK_AUTH)) as elsewhere:
        with FaultServer(redirect(status, "http://127.0.0.1:%d/api" % elsewhere.port)) as server:
            client = api(server.url, follow_redirects=True)
            params = swagger_client.ChangeForgottenPassword(
                key=KEY, new_password=NEW_PASSWORD, check_confirmation=False
            )
            with pytest.raises(RedirectError, match="only GET requests follow redirects") as info:
                client.change_forgotten_password(params)
            with pytest.raises(RedirectError):
                client.validate_secondary_password(SECONDARY)
        assert elsewhere.count == 0
        assert server.count == 2
    assert_no_secret(info.value)


def test_follow_redirects_follows_same_origin_get_keeping_headers() -> None:
    with FaultServer(redirect(302, "/api/auth?fields=user"), reply(OK_AUTH)) as server:
        auth = api(server.url, follow_redirects=True).get_current_auth()
    assert auth.to_json_dict() == build("Auth")
    assert server.count == 2
    second = server.heads[1].decode()
    assert second.startswith("GET /api/auth?fields=user ") and "Session-Token: %s" % TOKEN in second


def test_follow_redirects_still_refuses_another_origin() -> None:
    with FaultServer(reply(OK_AUTH)) as elsewhere:
        with FaultServer(redirect(302, "http://127.0.0.1:%d/api/auth" % elsewhere.port)) as server:
            with pytest.raises(RedirectError, match="it leaves the origin") as info:
                api(server.url, follow_redirects=True).get_current_auth()
        assert elsewhere.count == 0
    assert_no_secret(info.value)


def test_a_change_of_scheme_is_another_origin() -> None:
    with FaultServer(redirect(302, "https://127.0.0.1:1/api/auth")) as server:
        with pytest.raises(RedirectError, match=r"https://127\.0\.0\.1:1; not followed: it leaves the origin"):
            api(server.url, follow_redirects=True).get_current_auth()
    # and https -> http, decided on the URLs alone
    answer = SimpleNamespace(status=301, headers={"Location": "http://cyclos.example.com/api/auth"})
    with pytest.raises(RedirectError, match=r"leaves the origin https://cyclos\.example\.com:443"):
        redirects.decide("GET", "https://cyclos.example.com/api/auth", answer, True, 0)


def test_delete_is_sent_once_and_the_retry_policy_survives_a_redirect() -> None:
    with FaultServer(redirect(307, "/api/auth/session")) as server:
        with pytest.raises(RedirectError):
            api(server.url, follow_redirects=True, retries=None).logout()
        assert server.count == 1  # never re-sent
    huge_wait = response("503 Service Unavailable", b"", extra="Retry-After: 100000\r\n")
    with FaultServer(redirect(302, "/api/auth"), reply(huge_wait)) as server:
        with pytest.raises(ServiceException):
            api(server.url, follow_redirects=True, retries=0).get_current_auth()
        assert server.count == 2  # retries=0 holds after the redirect: no 27-hour sleep, no retry


def test_an_invalid_location_is_a_redirect_error() -> None:
    with FaultServer(redirect(302, "http://[bad")) as server, pytest.raises(RedirectError, match="invalid Location"):
        api(server.url, follow_redirects=True).get_current_auth()
    with FaultServer(reply(response("302 Found", b""))) as server:
        with pytest.raises(RedirectError, match="without a Location"):
            api(server.url).get_current_auth()


def test_a_redirect_loop_ends_as_a_redirect_error() -> None:
    with FaultServer(redirect(302, "/api/auth")) as server:
        with pytest.raises(RedirectError, match=r"too many redirects \(5\)") as info:
            api(server.url, follow_redirects=True).get_current_auth()
        assert server.count == redirects.MAX_REDIRECTS + 1
    assert type(info.value) is RedirectError and info.value.status == 302
