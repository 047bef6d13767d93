"""AuthApi's own surface: what it accepts at construction, and its context manager."""

from __future__ import annotations

import pytest

import swagger_client
from swagger_client.exceptions import ApiTypeError
from swagger_client.testing import CyclosEmulator


def test_a_configuration_instead_of_an_api_client_fails_at_construction() -> None:
    with pytest.raises(ApiTypeError, match=r"AuthApi\(\) takes an ApiClient, not Configuration"):
        swagger_client.AuthApi(swagger_client.Configuration())  # type: ignore[arg-type]
    with pytest.raises(ApiTypeError, match=r"ApiClient\(\) takes a swagger_client.Configuration, not str"):
        swagger_client.ApiClient("https://cyclos.example.com/api")  # type: ignore[arg-type]


def test_auth_api_is_a_context_manager(emulator: CyclosEmulator) -> None:
    with swagger_client.AuthApi(swagger_client.ApiClient(emulator.configuration("alice", "alice-password"))) as api:
        assert api.get_current_auth().user.display == "Alice"
        pools = api.api_client.rest_client.pool_manager.pools
        assert len(pools) == 1
    assert len(pools) == 0  # connections released on exit
