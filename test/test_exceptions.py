"""What an exception shows: swagger-codegen's layout, the Cyclos code first, secrets masked, messages kept."""

from __future__ import annotations

import json
import pickle

import swagger_client
from swagger_client.exceptions import ApiConnectionError, UnauthorizedException, UnprocessableEntityException
from test.fault_server import FaultServer, reply, response


def test_the_first_line_names_status_reason_and_code() -> None:
    body = json.dumps({"code": "login", "passwordStatus": "active"}).encode()
    with FaultServer(reply(response("401 Unauthorized", body))) as server:
        api = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host=server.url)))
        try:
            api.get_current_auth()
        except UnauthorizedException as exc:
            lines = str(exc).splitlines()
    assert lines[0] == "(401) Unauthorized: login"
    assert lines[1] == "Reason: Unauthorized" and lines[2].startswith("HTTP response headers: ")


def test_without_a_code_or_a_response() -> None:
    assert str(UnauthorizedException(status=401, reason="Unauthorized")).splitlines()[0] == "(401) Unauthorized"
    assert str(ApiConnectionError("GET x: could not connect")) == "(0)\nReason: GET x: could not connect\n"


def test_property_error_messages_are_shown_and_secret_values_masked() -> None:
    body = {
        "code": "validation",
        "propertyErrors": {"key": ["The key is invalid"], "newPassword": ["Too short"]},
        "key": "K-SECRET-1",
    }
    exc = UnprocessableEntityException(status=422, reason="Unprocessable Entity", body=json.dumps(body))
    text = str(exc)
    assert '"propertyErrors": {"key": ["The key is invalid"], "newPassword": ["Too short"]}' in text
    assert "K-SECRET-1" not in text and '"key": "***"' in text


def test_exceptions_survive_pickling_with_their_message() -> None:
    exc = UnauthorizedException(status=401, reason="Unauthorized", body='{"code":"loggedOut"}')
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is UnauthorizedException and str(again) == str(exc)
