"""A call's keywords are checked, and its timeouts resolved, once, before anything is sent."""

from __future__ import annotations

import pytest
import urllib3

import swagger_client
from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.options import call_options, resolve_timeout


def test_an_unknown_keyword_is_a_type_error_naming_it() -> None:
    configuration = swagger_client.Configuration()
    with pytest.raises(TypeError, match="unexpected keyword argument 'fieldz' to method get_current_auth"):
        call_options(configuration, {"fieldz": ["x"]}, "get_current_auth")
    with pytest.raises(ApiTypeError, match=r"get_current_auth\(_headers=...\) must be a dict"):
        call_options(configuration, {"_headers": "X-A: b"}, "get_current_auth")


def test_keywords_become_options() -> None:
    options = call_options(
        swagger_client.Configuration(),
        {"async_req": True, "_preload_content": False, "_request_timeout": 5, "_headers": {"X-A": "b"}},
        "op",
    )
    assert options.async_req and not options.preload and options.headers == {"X-A": "b"}
    assert (options.timeout.connect_timeout, options.timeout.read_timeout, options.total) == (5, 5, 5)
    assert options.total_source == "_request_timeout"


def test_the_default_timeouts_follow_the_configuration_as_it_changes() -> None:
    configuration = swagger_client.Configuration()
    first = call_options(configuration, {"_return_http_data_only": True}, "op")
    assert first is call_options(configuration, {"_return_http_data_only": True}, "op")  # resolved once
    assert (first.total, first.total_source) == (300.0, "Configuration.total_timeout")
    configuration.timeout = (1.0, 2.0)
    configuration.total_timeout = 30
    changed = call_options(configuration, {"_return_http_data_only": True}, "op")
    assert (changed.timeout.connect_timeout, changed.timeout.read_timeout, changed.total) == (1.0, 2.0, 30)


def test_a_timeout_object_with_a_total_bounds_the_call() -> None:
    configuration = swagger_client.Configuration()
    timeout, total, source = resolve_timeout(configuration, urllib3.Timeout(total=7, connect=1))
    assert isinstance(timeout, urllib3.Timeout) and total == 7 and source == "_request_timeout"
    with pytest.raises(ApiValueError, match=r"op\(_request_timeout=...\) must be positive"):
        call_options(configuration, {"_request_timeout": -1}, "op")
