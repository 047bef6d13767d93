"""Configuration mistakes fail at assignment or construction, before any traffic, without showing secrets."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
import urllib3

import swagger_client
from swagger_client.exceptions import ApiValueError
from test.fault_server import FaultServer


def test_a_host_with_credentials_is_refused_without_showing_them() -> None:
    with pytest.raises(ApiValueError, match="must not carry credentials") as info:
        swagger_client.Configuration(host="https://alice:pw-SECRET@cyclos.example.com/api")
    assert "pw-SECRET" not in str(info.value)
    with pytest.raises(ApiValueError) as info:
        swagger_client.Configuration(host="ftp://alice:pw-SECRET@cyclos.example.com/api")
    assert "pw-SECRET" not in str(info.value)
    assert swagger_client.Configuration(host="https://cyclos.example.com/api/@user").host.endswith("/@user")


def test_a_username_with_a_colon_is_refused() -> None:
    with pytest.raises(ApiValueError, match="must not contain ':'"):
        swagger_client.Configuration(username="alice:admin")
    configuration = swagger_client.Configuration()
    with pytest.raises(ApiValueError):
        configuration.username = "a:b"
    configuration.username = "alice@example.com"


@pytest.mark.parametrize("name", ["cert_file", "key_file", "ssl_ca_cert"])
def test_a_missing_certificate_file_is_reported_before_connecting(name: str, tmp_path: Path) -> None:
    with FaultServer() as server:
        configuration = swagger_client.Configuration(host=server.url)
        setattr(configuration, name, str(tmp_path / "missing.pem"))
        with pytest.raises(ApiValueError, match=r"Configuration\.%s: no such file" % name):
            swagger_client.ApiClient(configuration)
        assert server.count == 0


def test_assert_hostname_false_warns() -> None:
    configuration = swagger_client.Configuration(host="https://cyclos.example.com/api")
    configuration.assert_hostname = False
    with pytest.warns(urllib3.exceptions.InsecureRequestWarning, match="host name checking is disabled"):
        swagger_client.ApiClient(configuration)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        swagger_client.ApiClient(swagger_client.Configuration(host="https://cyclos.example.com/api"))


@pytest.mark.parametrize(
    "headers",
    [{"X-Proxy": "a\r\nb"}, {"X-Proxy": "a\x01b"}, {"Bad Name": "x"}, {"X\x00": "x"}],
)
def test_proxy_headers_are_checked(headers: Any) -> None:
    configuration = swagger_client.Configuration(host="http://cyclos.example.com/api")
    configuration.proxy = "http://127.0.0.1:3128"
    configuration.proxy_headers = headers
    with pytest.raises(ApiValueError, match=r"Configuration\.proxy_headers"):
        swagger_client.ApiClient(configuration)


def test_repr_and_debug_report_show_no_credentials() -> None:
    configuration = swagger_client.Configuration(host="https://cyclos.example.com/api", username="a", password="pw-1")
    configuration.proxy = "http://u:px-SECRET@127.0.0.1:3128"
    configuration.api_key["Session-Token"] = "tok-SECRET"
    text = repr(configuration) + configuration.to_debug_report()
    assert "pw-1" not in text and "px-SECRET" not in text and "tok-SECRET" not in text
    assert "total_timeout=300.0" in repr(configuration)


def test_new_limits_have_safe_defaults() -> None:
    configuration = swagger_client.Configuration()
    assert configuration.total_timeout == 300.0
    assert configuration.max_response_bytes == 32 * 1024 * 1024
    assert configuration.follow_redirects is False


@pytest.fixture
def default_configuration() -> Any:
    yield
    swagger_client.Configuration.set_default(None)


def test_set_default_makes_every_new_configuration_a_copy(default_configuration: Any) -> None:
    with FaultServer() as server:
        default = swagger_client.Configuration(host=server.url)
        default.api_key["Session-Token"] = "tok-default"
        swagger_client.Configuration.set_default(default)
        default.host = "https://changed.example.com/api"  # set_default kept a copy
        first, second = swagger_client.Configuration(), swagger_client.Configuration()
        assert first.host == server.url and first is not second
        first.api_key["Session-Token"] = "tok-first"
        assert second.api_key["Session-Token"] == "tok-default"  # no shared dictionaries
        swagger_client.AuthApi().get_current_auth(_preload_content=False)  # AuthApi() talks to the default host
        assert server.count == 1 and b"Session-Token: tok-default" in server.heads[0]
    assert swagger_client.Configuration(host="https://other.example.com/api").api_key == {}
    swagger_client.Configuration.set_default(None)
    assert swagger_client.Configuration().host == "https://dev.leftcoastfs.com/api"
    with pytest.raises(TypeError):
        swagger_client.Configuration.set_default("https://x")  # type: ignore[arg-type]


def test_a_misspelt_setting_fails_at_assignment() -> None:
    configuration = swagger_client.Configuration()
    with pytest.raises(AttributeError, match="no setting 'hots'; did you mean 'host'"):
        configuration.hots = "https://x"  # type: ignore[attr-defined]
    configuration.follow_redirects = True  # every documented setting is accepted
    configuration.temp_folder_path = "downloads"
