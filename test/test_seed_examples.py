"""The examples of the swagger-codegen client's AuthApi.md, run unchanged against the emulator.

Each function is the seed's example for one operation; only the host and the
credentials differ (and values such as the key come from the emulator's outbox).
"""

from __future__ import annotations

from pprint import pprint

import pytest

import swagger_client
from swagger_client.rest import ApiException
from swagger_client.testing import CyclosEmulator


@pytest.fixture
def emu() -> CyclosEmulator:
    with CyclosEmulator(confirmation_password_required=True, secondary_password_required=True) as emulator:
        emulator.add_user(
            "alice", "alice-password", email="alice@example.com", secondary_password="1234", mobile_phone="+59899123456"
        )
        yield emulator


def session_token(emu: CyclosEmulator) -> str:
    configuration = emu.configuration("alice", "alice-password")
    token = swagger_client.AuthApi(swagger_client.ApiClient(configuration)).login().session_token
    assert token
    return token


def test_seed_examples_for_all_eleven_operations(emu: CyclosEmulator, capsys: pytest.CaptureFixture) -> None:
    # login
    configuration = swagger_client.Configuration()
    configuration.host = emu.url
    configuration.username = "alice"
    configuration.password = "alice-password"
    api_instance = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
    fields = []  # list[str] | Select which fields to include on returned data.
    cookie = False  # bool | the seed shows `true`; the client should not use cookie mode
    timeout_in_seconds = 56  # int | The timeout in seconds for the created session.
    try:
        api_response = api_instance.login(fields=fields, cookie=cookie, timeout_in_seconds=timeout_in_seconds)
        pprint(api_response)
    except ApiException as e:
        print("Exception when calling AuthApi->login: %s\n" % e)
        raise
    token = api_response.session_token

    # get_secondary_password_input
    configuration = swagger_client.Configuration()
    configuration.host = emu.url
    configuration.api_key["Session-Token"] = token
    api_instance = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
    api_response = api_instance.get_secondary_password_input()
    pprint(api_response)
    assert api_response.internal_name == "pin"

    # validate_secondary_password
    password = "1234"  # str | The secondary access password
    api_instance.validate_secondary_password(password)

    # get_current_auth (the seed uses no credentials; configured ones are sent)
    fields = ["user", "pendingSecondaryPassword"]
    api_response = api_instance.get_current_auth(fields=fields)
    pprint(api_response)
    assert api_response.user.display == "alice" and api_response.pending_secondary_password is False

    # new_otp
    medium = "email"
    api_response = api_instance.new_otp(medium)
    pprint(api_response)
    assert api_response == ["alice@example.com"]

    # logout
    api_instance.logout(cookie=False)

    # get_data_for_login
    api_instance = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host=emu.url)))
    api_response = api_instance.get_data_for_login(fields=fields and [])
    assert api_response.forgot_password_mediums == ["email"]

    # forgotten_password_request
    params = swagger_client.ForgottenPasswordRequest(user="alice")
    api_instance.forgotten_password_request(params)
    key = emu.last_message("forgottenPasswordKey").value

    # get_data_for_change_forgotten_password
    api_response = api_instance.get_data_for_change_forgotten_password(key, fields=[])
    assert api_response.generated is False

    # change_forgotten_password
    params = swagger_client.ChangeForgottenPassword(
        key=key, new_password="n3w-pass", new_password_confirmation="n3w-pass", check_confirmation=True
    )
    api_instance.change_forgotten_password(params)

    # disconnect_current_client
    configuration = swagger_client.Configuration()
    configuration.host = emu.url
    configuration.api_key["Access-Client-Token"] = emu.add_access_client("alice")
    api_instance = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
    confirmation_password = "n3w-pass"
    api_instance.disconnect_current_client(confirmation_password=confirmation_password)

    out = capsys.readouterr().out
    assert token not in out  # pprint of the login result masks the session token


def test_logged_out_code_after_logout(emu: CyclosEmulator) -> None:
    configuration = swagger_client.Configuration(host=emu.url)
    configuration.api_key["Session-Token"] = session_token(emu)
    api_instance = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
    api_instance.get_secondary_password_input()
    api_instance.logout()
    with pytest.raises(swagger_client.UnauthorizedException) as info:
        api_instance.get_current_auth()
    assert info.value.code == "loggedOut"
    try:
        api_instance.logout()
    except ApiException as e:  # the generic handler still catches it
        assert e.status == 401
