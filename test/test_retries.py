"""The retry policy: safe for authentication, bounded, and what each setting means."""

from __future__ import annotations

import pytest
from urllib3.util.retry import Retry

from swagger_client.exceptions import ApiTypeError
from swagger_client.retries import DEFAULT_RETRIES, IDEMPOTENT_METHODS, SECRET_REDIRECT_HEADERS, SafeRetry, build_retry


def test_the_default_retries_only_what_cannot_have_reached_the_server_twice() -> None:
    policy = build_retry(None)
    assert isinstance(policy, SafeRetry) and policy.total == DEFAULT_RETRIES
    assert {"GET", "HEAD", "OPTIONS"} == IDEMPOTENT_METHODS
    assert not policy.is_retry("POST", 503) and policy.is_retry("GET", 503)
    assert not policy.is_retry("GET", 413)


def test_zero_an_int_and_a_urllib3_retry() -> None:
    assert build_retry(0).total == 0
    assert build_retry(5).total == 5
    custom = Retry(total=2)
    assert build_retry(custom) is custom or build_retry(custom).total == 2
    with pytest.raises(ApiTypeError):
        build_retry("three")


def test_credential_headers_are_dropped_on_a_redirect_to_another_host() -> None:
    assert {"Authorization", "Session-Token", "Access-Client-Token", "confirmationPassword"} <= SECRET_REDIRECT_HEADERS
