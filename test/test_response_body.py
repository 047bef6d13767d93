"""The size cap over real sockets: huge, endless and compressed bodies stop at max_response_bytes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Any

import pytest

import swagger_client
from swagger_client.exceptions import ResponseDecodeError, ResponseTooLarge, ServiceException
from test.builders import build
from test.fault_server import FaultServer, endless, gzip_bomb, reply, response

AUTH = json.dumps(build("Auth")).encode()
MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parent.parent


def api(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url, retries=0, timeout=(5.0, 10.0))
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def encoded(body: bytes, encoding: str, status: str = "200 OK") -> bytes:
    return response(status, body, extra="Content-Encoding: %s\r\n" % encoding)


def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n"
    with FaultServer(endless(head)) as server, pytest.raises(ResponseTooLarge) as info:
        api(server.url).get_current_auth()
    assert info.value.status == 200 and "max_response_bytes (33554432 bytes)" in str(info.value)


def test_an_endless_chunked_body_stops_at_the_cap() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    with FaultServer(endless(head, b"10000\r\n" + b"x" * 0x10000 + b"\r\n")) as server, pytest.raises(ResponseTooLarge):
        api(server.url, max_response_bytes=2 * MIB).get_current_auth()


def test_a_body_at_the_cap_is_read() -> None:
    with FaultServer(reply(response("200 OK", AUTH))) as server:
        assert api(server.url, max_response_bytes=len(AUTH)).get_current_auth().to_json_dict() == build("Auth")
        with pytest.raises(ResponseTooLarge):
            api(server.url, max_response_bytes=len(AUTH) - 1).get_current_auth()


def test_a_gzip_bomb_stops_at_the_decoded_cap() -> None:
    with FaultServer(reply(encoded(gzip_bomb(layers=2), "gzip, gzip"))) as server, pytest.raises(ResponseTooLarge):
        api(server.url).get_current_auth()


def test_an_error_body_is_capped_too() -> None:
    with FaultServer(reply(encoded(gzip_bomb(layers=2), "gzip, gzip", "500 Internal Server Error"))) as server:
        with pytest.raises(ResponseTooLarge):
            api(server.url, max_response_bytes=MIB).get_current_auth()


def test_a_retried_answer_is_capped_while_it_is_drained() -> None:
    head = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 1000000000\r\n\r\n"
    with FaultServer(endless(head)) as server, pytest.raises(ResponseTooLarge):
        api(server.url, max_response_bytes=MIB, retries=2).get_current_auth()


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("gzip", gzip.compress(AUTH)),
        ("x-gzip", gzip.compress(AUTH)),
        ("deflate", zlib.compress(AUTH)),
        ("identity", AUTH),
        ("gzip, gzip", gzip.compress(gzip.compress(AUTH))),
    ],
)
def test_gzip_and_deflate_are_decoded_within_the_cap(encoding: str, data: bytes) -> None:
    with FaultServer(reply(encoded(data, encoding))) as server:
        assert api(server.url).get_current_auth().to_json_dict() == build("Auth")


def test_unrequested_encodings_are_refused_clearly() -> None:
    with FaultServer(reply(encoded(b"\x1b\x00\x00", "br"))) as server:
        with pytest.raises(ResponseDecodeError, match="Content-Encoding br, which the client did not ask for"):
            api(server.url).get_current_auth()
    with FaultServer(reply(encoded(b"not gzip at all", "gzip", "503 Service Unavailable"))) as server:
        with pytest.raises(ResponseDecodeError, match="not valid gzip data"):
            api(server.url).get_current_auth()
    with FaultServer(reply(encoded(gzip.compress(b'{"code":"x"}'), "gzip", "503 Service Unavailable"))) as server:
        with pytest.raises(ServiceException):
            api(server.url).get_current_auth()


@pytest.mark.parametrize("value", [0, -5, 1.5, "1", True])
def test_max_response_bytes_values_are_checked(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match=r"Configuration\.max_response_bytes"):
        swagger_client.Configuration().max_response_bytes = value


CHILD = """
import resource, sys
sys.path.insert(0, {root!r})
import swagger_client
from swagger_client.exceptions import ResponseTooLarge

def vm_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024

api = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host=sys.argv[1], retries=0)))
limit = vm_bytes() + 200 * 1024 * 1024  # the 32 MiB cap fits; a 1 GiB body does not
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
try:
    api.get_current_auth()
except ResponseTooLarge:
    print("capped")
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmSize from /proc")
@pytest.mark.parametrize("behaviour", ["bomb", "endless"])
def test_memory_stays_bounded_by_the_cap(behaviour: str) -> None:
    if behaviour == "bomb":
        script = reply(encoded(gzip_bomb(layers=2), "gzip, gzip"))
    else:
        script = endless(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
    with FaultServer(script) as server:
        child = subprocess.run(
            [sys.executable, "-c", CHILD.format(root=str(ROOT)), server.url],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert child.stdout.strip() == "capped", textwrap.shorten(child.stderr, 400)
