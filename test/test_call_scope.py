"""The total deadline: a server that drips, stalls or asks for long pauses cannot outlive it.

Each drip below would take 40 s or more to finish; the calls end at their 1 s
deadline. The bounds asserted are loose (CI machines are loaded): what they show
is that the call ended at its deadline, not when the server was done.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import urllib3

import swagger_client
from swagger_client.call_scope import CallScope, DeadlineExceeded, current
from swagger_client.exceptions import ApiTimeoutError
from test.builders import build
from test.fault_server import FaultServer, drip, reply, response

AUTH = json.dumps(build("Auth")).encode()
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(AUTH)
CHUNKED_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
SLOW_ENOUGH = 10.0  # seconds: ten times the deadline, far below any drip's length


def chunked(body: bytes, size: int = 1) -> bytes:
    pieces = [b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)]
    return b"".join(pieces) + b"0\r\n\r\n"


DRIPS = {
    "status-line": drip(HEAD + AUTH, 0.2),
    "headers": lambda conn, head: (conn.sendall(HEAD[:17]), drip(HEAD[17:] + AUTH, 0.2)(conn, head)),
    "body": lambda conn, head: (conn.sendall(HEAD + AUTH[:10]), drip(AUTH[10:], 0.2)(conn, head)),
    "chunks": lambda conn, head: (conn.sendall(CHUNKED_HEAD), drip(chunked(AUTH[:400], 1), 0.05)(conn, head)),
}


def api(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url, retries=0, timeout=(5.0, 5.0))
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def ends_by_deadline(call: Any) -> ApiTimeoutError:
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError) as info:
        call()
    assert time.monotonic() - started < SLOW_ENOUGH
    assert "total timeout of 1s exceeded" in str(info.value)
    return info.value


@pytest.mark.parametrize("where", sorted(DRIPS))
def test_configuration_total_timeout_bounds_a_drip(where: str) -> None:
    with FaultServer(DRIPS[where]) as server:
        exc = ends_by_deadline(lambda: api(server.url, total_timeout=1).get_current_auth())
    assert "Configuration.total_timeout" in str(exc)


@pytest.mark.parametrize("timeout", [1, 1.0, urllib3.Timeout(total=1)], ids=["int", "float", "Timeout-total"])
def test_a_per_call_number_or_total_is_the_deadline(timeout: Any) -> None:
    with FaultServer(DRIPS["body"]) as server:
        exc = ends_by_deadline(lambda: api(server.url).get_current_auth(_request_timeout=timeout))
    assert "_request_timeout" in str(exc)


def test_a_float_configuration_timeout_is_the_deadline_too() -> None:
    with FaultServer(DRIPS["headers"]) as server:
        ends_by_deadline(lambda: api(server.url, timeout=1.0).get_current_auth())


def test_a_tuple_bounds_each_read_and_total_timeout_the_call() -> None:
    with FaultServer(DRIPS["chunks"]) as server:
        ends_by_deadline(lambda: api(server.url, total_timeout=1).get_current_auth(_request_timeout=(5, 5)))


def test_retry_pauses_do_not_run_past_the_deadline() -> None:
    busy = reply(response("503 Service Unavailable", b"", extra="Retry-After: 8\r\n"))
    with FaultServer(busy) as server:
        ends_by_deadline(lambda: api(server.url, total_timeout=1, retries=3).get_current_auth())
        assert server.count == 1  # the 8 s pause would end after the deadline: no second attempt


def test_retries_that_fit_still_happen() -> None:
    with FaultServer(reply(response("503 Service Unavailable", b"")), reply(response("200 OK", AUTH))) as server:
        assert api(server.url, total_timeout=30, retries=2).get_current_auth().role is not None
        assert server.count == 2


def test_connecting_is_bounded_by_the_deadline(blackhole: str) -> None:
    with pytest.raises(ApiTimeoutError) as info:
        api(blackhole, timeout=(30, 30), total_timeout=1, retries=3).get_current_auth()
    assert "timeout" in str(info.value)


def test_total_timeout_none_disables_the_deadline() -> None:
    small = response("200 OK", b'{"role":"member"}')  # about 90 bytes: 1.8 s at 0.02 s a byte
    with FaultServer(drip(small, 0.02)) as server:
        assert api(server.url, total_timeout=None).get_current_auth().role == "member"
        with pytest.raises(ApiTimeoutError):
            api(server.url, total_timeout=0.5).get_current_auth()


@pytest.mark.parametrize("value", [0, -1, "5", True])
def test_total_timeout_values_are_checked(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match=r"Configuration\.total_timeout"):
        swagger_client.Configuration().total_timeout = value


def test_scopes_nest_and_restore() -> None:
    assert current() is None
    with CallScope(10, None) as outer:
        with CallScope(0.0, None) as inner:
            assert current() is inner and inner.expired()
            with pytest.raises(DeadlineExceeded):
                inner.check()
        assert current() is outer and not outer.expired()
    assert current() is None
