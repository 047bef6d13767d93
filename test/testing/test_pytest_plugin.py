"""The pytest plugin, used as a user's suite uses it (run by pytester in a child pytest)."""

from __future__ import annotations

from typing import Any

SUITE = """
import pytest
import swagger_client

pytest_plugins = ["swagger_client.testing.pytest_plugin"]


def api(emu):
    return swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration("alice", "alice-password")))


@pytest.mark.parametrize("n", range(200))
def test_many(shared_cyclos_emulator, n):
    emu = shared_cyclos_emulator
    assert emu.requests == [] and emu.session_count == 0   # nothing left from the test before
    if n % 3 == 0:
        emu.stub("get_current_auth", status=503, body={"kind": "general"})   # left behind on purpose
    else:
        api(emu).login()
        assert api(emu).get_current_auth().user.display == "Alice"


@pytest.mark.cyclos_emulator(secondary_password_required=True)
def test_marker_settings_apply_to_the_shared_emulator(shared_cyclos_emulator):
    with pytest.raises(swagger_client.UnauthorizedException) as info:
        api(shared_cyclos_emulator).login()
    assert info.value.error.missing_secondary_password is not None


def test_and_the_next_reset_undoes_them(shared_cyclos_emulator):
    assert api(shared_cyclos_emulator).login().pending_secondary_password is False


def test_the_per_test_fixture(cyclos_emulator):
    assert api(cyclos_emulator).login().session_token
"""


def test_two_hundred_tests_share_one_reset_emulator(pytester: Any) -> None:
    pytester.makepyfile(test_user_suite=SUITE)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=203)
