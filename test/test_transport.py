"""The send step: the only I/O, pluggable, and always built from the configuration as it is now."""

from __future__ import annotations

from typing import Any, List

import pytest

import swagger_client
from swagger_client.options import CallOptions
from swagger_client.request import Request
from swagger_client.testing import CyclosEmulator
from swagger_client.transport import Urllib3Transport
from test.fault_server import FaultServer


class RecordingTransport(Urllib3Transport):
    """A transport that adds one thing (a log of what went out) to the urllib3 one."""

    def __init__(self, configuration: swagger_client.Configuration) -> None:
        super().__init__(configuration)
        self.sent: List[str] = []

    def send(self, request: Request, options: CallOptions) -> Any:
        self.sent.append("%s %s" % (request.method, request.url.split("?", 1)[0]))
        return super().send(request, options)


def test_a_custom_transport_is_one_class(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    transport = RecordingTransport(configuration)
    api = swagger_client.AuthApi(swagger_client.ApiClient(configuration, transport=transport))
    assert api.get_current_auth().user.display == "Alice"
    assert transport.sent == ["GET %s/auth" % emulator.url]
    # swagger-codegen's raw entry points go through the same transport
    api.api_client.request("GET", emulator.url + "/auth", headers={"Accept": "application/json"})
    assert len(transport.sent) == 2


def pool_of(client: swagger_client.ApiClient) -> Any:
    return client.rest_client.pool_manager


def test_a_changed_pool_size_takes_effect_on_the_next_call(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with swagger_client.ApiClient(configuration) as client:
        api = swagger_client.AuthApi(client)
        api.get_current_auth()
        before = pool_of(client)
        configuration.connection_pool_maxsize = 3
        api.get_current_auth()
        after = pool_of(client)
        assert after is not before
        assert after.connection_pool_kw["maxsize"] == 3
        api.get_current_auth()
        assert pool_of(client) is after  # unchanged settings: the same pool


def test_a_bad_transport_setting_fails_the_next_call_before_sending() -> None:
    with FaultServer() as server:
        configuration = swagger_client.Configuration(host=server.url)
        api = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
        configuration.cert_file = "/nonexistent/client.pem"
        with pytest.raises(swagger_client.ApiValueError, match="cert_file: no such file"):
            api.get_current_auth()
        assert server.count == 0


def test_turning_verification_off_later_warns_and_applies(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    with swagger_client.ApiClient(configuration) as client:
        first = pool_of(client)
        configuration.verify_ssl = False
        with pytest.warns(Warning, match="verification is disabled"):
            swagger_client.AuthApi(client).get_current_auth()
        assert pool_of(client) is not first


def test_a_secret_in_the_path_never_reaches_the_log(emulator: CyclosEmulator, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    configuration = emulator.configuration("alice", "alice-password")
    configuration.debug = True
    validation = swagger_client.ValidationApi(swagger_client.ApiClient(configuration))
    validation.validate_email_change("VALIDATION-KEY-8642")
    assert emulator.requests[-1].path.endswith("/VALIDATION-KEY-8642")  # it was sent...
    assert "VALIDATION-KEY-8642" not in caplog.text  # ...and never logged, by us or by urllib3
    assert "/validate/email-change/***" in caplog.text
