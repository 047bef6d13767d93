"""The fault matrix: every way a network or server can fail ends, in time, as a documented exception."""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable, Tuple

import pytest
import urllib3

import swagger_client
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ResponseDecodeError,
    ServiceException,
)
from test.builders import build
from test.fault_server import FaultServer, drip, hang, reply, reset, response

SECRET_PASSWORD = "hunter2-SECRET-pw"
SECRET_TOKEN = "tok-SECRET-session"

AUTH_JSON = json.dumps(build("Auth")).encode()
OK_AUTH = response("200 OK", AUTH_JSON)


def client_for(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url, username="alice", password=SECRET_PASSWORD)
    configuration.timeout = (1.0, 0.5)
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def assert_secret_free(exc: BaseException) -> None:
    for text in (str(exc), repr(exc), str(getattr(exc, "reason", ""))):
        assert SECRET_PASSWORD not in text and SECRET_TOKEN not in text


def timed(call: Callable[[], Any]) -> Tuple[BaseException, float]:
    started = time.monotonic()
    with pytest.raises(ApiException) as info:
        call()
    return info.value, time.monotonic() - started


# -- the matrix (no retries, so each case is one exchange) ---------------------------------

MATRIX = [
    # id, behaviour, exception class, status, text in the message
    ("read-timeout", hang(5), ApiTimeoutError, 0, "read timeout after 0.5s"),
    ("reset-before-body", reset(), ApiConnectionError, 0, "connection broken while reading the response"),
    ("reset-during-body", reset(response("200 OK", AUTH_JSON)[:200]), ApiConnectionError, 0, "connection broken"),
    (
        "short-body",
        reply(response("200 OK", b'{"role":"member"}', length=500), close=True),
        ApiConnectionError,
        0,
        "connection broken",
    ),
    (
        "invalid-json",
        reply(response("200 OK", b"{role: member}")),
        ResponseDecodeError,
        200,
        "invalid JSON where Auth was expected",
    ),
    ("truncated-json", reply(response("200 OK", AUTH_JSON[:300])), ResponseDecodeError, 200, "invalid JSON"),
    ("empty-200", reply(response("200 OK", b"")), ResponseDecodeError, 200, "empty body where Auth was expected"),
    ("json-array", reply(response("200 OK", b"[]")), ResponseDecodeError, 200, "unexpected body shape for Auth"),
    (
        "html-502",
        reply(response("502 Bad Gateway", b"<html><h1>502 Bad Gateway</h1></html>", "text/html")),
        ServiceException,
        502,
        "Bad Gateway",
    ),
    (
        "wrong-content-type",
        reply(response("200 OK", AUTH_JSON, "text/plain")),
        ResponseDecodeError,
        200,
        "got Content-Type text/plain",
    ),
    ("slow-drip", drip(OK_AUTH, 0.8), ApiTimeoutError, 0, "read timeout"),
    (
        "garbage-status-line",
        reply(b"NOT HTTP AT ALL\r\n\r\n", close=True),
        ApiConnectionError,
        0,
        "GET http://127.0.0.1",
    ),
]


@pytest.mark.parametrize("behaviour, exc_class, status, text", [m[1:] for m in MATRIX], ids=[m[0] for m in MATRIX])
def test_fault_matrix(behaviour: Any, exc_class: type, status: int, text: str) -> None:
    with FaultServer(behaviour) as server:
        api = client_for(server.url, retries=0)
        exc, _ = timed(api.get_current_auth)
    assert type(exc) is exc_class, repr(exc)
    assert exc.status == status
    assert text in str(exc)  # names the bound that fired ("read timeout after 0.5s"): no clock needed
    assert_secret_free(exc)
    if status == 0:
        assert isinstance(exc.__cause__, urllib3.exceptions.HTTPError)


def test_connection_refused(refused_url: str) -> None:
    exc, elapsed = timed(client_for(refused_url, retries=0).login)
    assert type(exc) is ApiConnectionError and "could not connect (Connection refused)" in str(exc)
    assert elapsed < 2
    assert_secret_free(exc)


def test_connect_timeout(blackhole: str) -> None:
    exc, elapsed = timed(lambda: client_for(blackhole, retries=0, timeout=(0.4, 5)).get_current_auth())
    assert type(exc) is ApiTimeoutError
    assert "connect timeout after 0.4s" in str(exc)
    assert elapsed < 8  # well below the 10 s default: the configured 0.4 s was used


def test_very_large_body_is_read_completely() -> None:
    big = [("user-%06d@example.com" % i) for i in range(200_000)]  # about 5 MB
    with FaultServer(reply(response("200 OK", json.dumps(big).encode()))) as server:
        result = client_for(server.url, retries=0, timeout=10).new_otp("email")
    assert len(result) == 200_000 and result[-1] == "user-199999@example.com"


# -- retries -------------------------------------------------------------------------------


def test_get_recovers_from_503_but_post_is_not_resent() -> None:
    with FaultServer(reply(response("503 Service Unavailable", b"")), reply(OK_AUTH)) as server:
        auth = client_for(server.url).get_current_auth()
        assert auth.to_json_dict() == build("Auth") and server.count == 2
    with FaultServer(reply(response("503 Service Unavailable", b"")), reply(OK_AUTH)) as server:
        exc, _ = timed(client_for(server.url).login)
        assert type(exc) is ServiceException and exc.status == 503 and server.count == 1


def test_429_retry_after_is_honoured_for_get() -> None:
    with FaultServer(
        reply(response("429 Too Many Requests", b"", extra="Retry-After: 1\r\n")), reply(OK_AUTH)
    ) as server:
        started = time.monotonic()
        client_for(server.url).get_current_auth()
        assert server.count == 2 and 0.9 <= time.monotonic() - started < 10


def test_read_errors_retry_get_but_not_post() -> None:
    with FaultServer(reset(), reply(OK_AUTH)) as server:
        client_for(server.url).get_current_auth()
        assert server.count == 2
    with FaultServer(reset(), reply(OK_AUTH)) as server:
        exc, _ = timed(client_for(server.url).login)
        assert type(exc) is ApiConnectionError and server.count == 1


def test_exhausted_status_retries_return_the_last_error() -> None:
    with FaultServer(reply(response("502 Bad Gateway", b"<html>down</html>", "text/html"))) as server:
        exc, elapsed = timed(client_for(server.url, retries=2).get_current_auth)
    assert type(exc) is ServiceException and exc.status == 502 and server.count == 3
    assert elapsed < 30  # two capped backoffs, not a hang


def test_refused_connections_are_retried_for_every_method_and_logged(
    caplog: pytest.LogCaptureFixture, refused_url: str
) -> None:
    caplog.set_level(logging.DEBUG, logger="swagger_client")
    exc, _ = timed(client_for(refused_url, retries=2).login)
    assert type(exc) is ApiConnectionError
    retries = [r for r in caplog.records if r.name == "swagger_client.retries" and "Retrying POST" in r.getMessage()]
    assert len(retries) == 2
    assert all(SECRET_PASSWORD not in r.getMessage() for r in caplog.records)


def test_retries_zero_and_custom_retry_objects() -> None:
    with FaultServer(reply(response("503 Service Unavailable", b"")), reply(OK_AUTH)) as server:
        exc, _ = timed(client_for(server.url, retries=0).get_current_auth)
        assert exc.status == 503 and server.count == 1
    custom = urllib3.Retry(total=1, status_forcelist=[503], allowed_methods=None, raise_on_status=False)
    with FaultServer(
        reply(response("503 Service Unavailable", b"")), reply(response("200 OK", b'{"sessionToken":"t"}'))
    ) as server:
        assert client_for(server.url, retries=custom).login().session_token == "t"  # the user asked for POST retries
        assert server.count == 2


@pytest.mark.parametrize("value", [-1, "3", 1.5])
def test_bad_retries_values_are_refused_clearly(value: object) -> None:
    configuration = swagger_client.Configuration(retries=value)
    with pytest.raises((TypeError, ValueError), match=r"Configuration\.retries"):
        swagger_client.ApiClient(configuration)
