"""The transport against broken servers: every failure ends in the documented tree, secret-free.

Malformed framing, absurd nesting, broken streamed error bodies, garbage headers:
each ends as ApiConnectionError, ResponseDecodeError or the per-status class, with
the original as ``__cause__``, and neither the traceback nor any log line of any
``urllib3.*`` or ``swagger_client.*`` logger shows the forgotten-password key.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any, List

import pytest

import swagger_client
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ResponseDecodeError,
    ServiceException,
    UnauthorizedException,
)
from test.builders import build
from test.fault_server import FaultServer, reply, reset, response

KEY = "KEY-SECRET-7f3a9"
AUTH = json.dumps(build("Auth")).encode()
CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"


def api(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url, retries=0, timeout=(2.0, 5.0))
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


@pytest.mark.parametrize("size", [b"ffffffffffffffff", b"-2", b"zz", b"1" * 5000])
def test_malformed_chunk_sizes_are_connection_errors(size: bytes) -> None:
    with FaultServer(reply(CHUNKED + size + b"\r\n" + b"x" * 100, close=True)) as server:
        with pytest.raises(ApiConnectionError) as info:
            api(server.url).get_current_auth()
    assert info.value.status == 0 and info.value.__cause__ is not None


@pytest.mark.parametrize("size", [b"ffffffffffffffff", b"-2"])
def test_malformed_chunks_on_a_retried_answer(size: bytes) -> None:
    raw = b"HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n" + size + b"\r\nxx"
    with FaultServer(reply(raw, close=True)) as server:
        with pytest.raises(ApiException):  # urllib3 drains it before retrying: the cap or the framing ends it
            api(server.url, retries=2, max_response_bytes=1 << 20).get_current_auth()


def deep(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


def test_absurdly_deep_json_is_a_decode_error_or_an_untyped_error() -> None:
    with FaultServer(reply(response("200 OK", deep(100_000)))) as server:
        with pytest.raises(ResponseDecodeError, match="nested too deeply"):
            api(server.url).get_current_auth()
    with FaultServer(reply(response("401 Unauthorized", deep(100_000)))) as server:
        with pytest.raises(UnauthorizedException) as info:
            api(server.url).get_current_auth()
    assert info.value.error is None
    str(info.value)


def test_deep_json_can_be_logged_and_shown(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = b'{"sessionToken":"tok-SECRET-deep","x":' + deep(900) + b"}"
    with FaultServer(reply(response("500 Internal Server Error", body))) as server:
        with pytest.raises(ServiceException) as info:
            api(server.url, debug=True).get_current_auth()
    assert "tok-SECRET-deep" not in str(info.value)
    assert all("tok-SECRET-deep" not in r.getMessage() for r in caplog.records)


def test_a_streamed_call_with_an_error_status_and_a_broken_body() -> None:
    short = response("500 Internal Server Error", b'{"kind":"x"}', length=5000)
    with FaultServer(reply(short, close=True)) as server, pytest.raises(ApiConnectionError, match="connection broken"):
        api(server.url).get_current_auth(_preload_content=False)
    bad_gzip = response("401 Unauthorized", b"garbage", extra="Content-Encoding: gzip\r\n")
    with FaultServer(reply(bad_gzip)) as server, pytest.raises(ResponseDecodeError):
        api(server.url).get_current_auth(_preload_content=False)


def test_a_streamed_success_is_handed_over_unread() -> None:
    with FaultServer(reply(response("200 OK", AUTH))) as server:
        raw = api(server.url, max_response_bytes=10).get_current_auth(_preload_content=False)
        assert json.loads(raw.read()) == build("Auth")  # the cap does not apply to what the caller streams


def test_garbage_retry_after_falls_back_to_the_backoff() -> None:
    busy = reply(response("503 Service Unavailable", b"", extra="Retry-After: soon, maybe\r\n"))
    with FaultServer(busy) as server:
        with pytest.raises(ServiceException) as info:
            api(server.url, retries=2).get_current_auth()
        assert info.value.status == 503 and server.count == 3


def test_413_is_not_retried() -> None:
    too_big = reply(response("413 Payload Too Large", b"", extra="Retry-After: 1\r\n"))
    with FaultServer(too_big, reply(response("200 OK", AUTH))) as server:
        with pytest.raises(ApiException) as info:
            api(server.url, retries=3).get_current_auth()
        assert info.value.status == 413 and server.count == 1


def assert_key_free(exc: BaseException, records: List[logging.LogRecord]) -> None:
    try:
        raise exc
    except ApiException:
        text = traceback.format_exc()
    assert exc.__cause__ is not None
    assert KEY not in text, text
    for record in records:
        if record.name.startswith(("urllib3", "swagger_client")):
            assert KEY not in record.getMessage(), (record.name, record.getMessage())


def test_no_key_in_tracebacks_or_urllib3_logs_when_refused(caplog: pytest.LogCaptureFixture, refused_url: str) -> None:
    caplog.set_level(logging.DEBUG)
    client = api(refused_url, retries=2)
    with pytest.raises(ApiConnectionError) as info:
        client.get_data_for_change_forgotten_password(KEY)
    assert any(r.name.startswith("urllib3") for r in caplog.records)  # urllib3 did log its retries
    assert_key_free(info.value, caplog.records)


def test_no_key_in_tracebacks_or_logs_after_resets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with FaultServer(reset()) as server, pytest.raises(ApiConnectionError) as info:
        api(server.url, retries=2, debug=True).get_data_for_change_forgotten_password(KEY)
    assert_key_free(info.value, caplog.records)
