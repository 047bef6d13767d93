"""Header names and values are checked before anything is sent; messages never show the value."""

from __future__ import annotations

from typing import Any

import pytest

import swagger_client
from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.operation import check_header
from test.fault_server import FaultServer


@pytest.mark.parametrize("name", ["X\x00Bad", "X\r\nInjected", "Two Words", "", "Ümlaut", "a:b"])
def test_bad_header_names_are_refused_before_sending(name: str) -> None:
    with FaultServer() as server:
        api = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host=server.url)))
        with pytest.raises(ApiValueError, match="is not a valid header name"):
            api.get_current_auth(_headers={name: "x"})
        with pytest.raises(ApiValueError):
            api.api_client.set_default_header(name, "x")
        assert server.count == 0


@pytest.mark.parametrize("value", ["tok\x01", "tok\x7f", "tok\x0b", "tok\r\n", "tok\x00", "tok\u20ac"])
def test_control_characters_in_token_values_are_refused(value: str) -> None:
    with FaultServer() as server:
        configuration = swagger_client.Configuration(host=server.url)
        configuration.api_key["Session-Token"] = "SECRET-" + value
        with pytest.raises(ApiValueError, match="header Session-Token") as info:
            swagger_client.AuthApi(swagger_client.ApiClient(configuration)).get_current_auth()
        assert server.count == 0
    assert "SECRET" not in str(info.value)


def test_tabs_and_latin1_are_fine() -> None:
    check_header("X-Note", "a\tb \xe9", "test")


@pytest.mark.parametrize("name, value", [(1, "x"), ("X", 1), ("X", None)])
def test_header_types_are_checked(name: Any, value: Any) -> None:
    with pytest.raises(ApiTypeError):
        check_header(name, value, "test")
