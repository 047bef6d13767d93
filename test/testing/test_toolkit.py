"""The emulator as a test server: stubs and faults, the request journal, reset and seeding.

Written the way README tells a user to write them: the client against the emulator.
"""

from __future__ import annotations

import threading
from typing import Iterator

import pytest

import swagger_client
from swagger_client.exceptions import ApiConnectionError, ServiceException, UnauthorizedException
from swagger_client.testing import CyclosEmulator


@pytest.fixture
def emu() -> Iterator[CyclosEmulator]:
    with CyclosEmulator() as emulator:
        emulator.add_user("alice", "alice-password", email="alice@example.com", name="Alice")
        yield emulator


def api(emu: CyclosEmulator, **attributes: object) -> swagger_client.AuthApi:
    return swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration("alice", "alice-password", **attributes)))


def test_a_503_once_is_retried_by_the_client(emu: CyclosEmulator) -> None:
    stub = emu.stub("get_current_auth", status=503, times=1)
    assert api(emu).get_current_auth().user.display == "Alice"
    assert stub.remaining == 0
    assert [r.status for r in emu.requests] == [503, 200]


def test_a_dropped_login_is_a_connection_error_and_not_resent(emu: CyclosEmulator) -> None:
    emu.stub("login", disconnect=True)
    with pytest.raises(ApiConnectionError):
        api(emu).login()
    assert [(r.operation, r.status) for r in emu.requests] == [("login", None)]


def test_stub_bodies_headers_and_undeclared_statuses(emu: CyclosEmulator) -> None:
    emu.stub("get_current_auth", status=401, body={"code": "loggedOut"}, times=1)
    with pytest.raises(UnauthorizedException) as info:
        api(emu).get_current_auth()
    assert info.value.code == "loggedOut"
    emu.stub("*", status=418, body=b"<html>teapot</html>", headers={"Content-Type": "text/html"}, times=1)
    with pytest.raises(swagger_client.ApiException) as teapot:
        api(emu, retries=0).get_data_for_login()
    assert teapot.value.status == 418 and "teapot" in teapot.value.body
    assert api(emu).get_current_auth().user.display == "Alice"  # both stubs used up


def test_the_newest_stub_wins_and_cancel_stops_it(emu: CyclosEmulator) -> None:
    old = emu.stub("get_current_auth", status=500)
    emu.stub("get_current_auth", status=200, body={"role": "administrator"}, times=1)
    assert api(emu).get_current_auth().role == "administrator"
    with pytest.raises(ServiceException):
        api(emu, retries=0).get_current_auth()
    old.cancel()
    assert api(emu).get_current_auth().role == "member"


def test_a_delay_makes_the_client_time_out(emu: CyclosEmulator) -> None:
    emu.stub("get_current_auth", delay=3, times=1)
    with pytest.raises(swagger_client.ApiTimeoutError):
        api(emu, retries=0).get_current_auth(_request_timeout=0.5)


def test_bad_stubs_are_refused_clearly(emu: CyclosEmulator) -> None:
    with pytest.raises(ValueError, match="unknown operation 'getCurrentAuth'"):
        emu.stub("getCurrentAuth")
    with pytest.raises(ValueError, match="times"):
        emu.stub("login", times=0)
    with pytest.raises(ValueError, match="status"):
        emu.stub("login", status=1000)
    with pytest.raises(TypeError, match="body"):
        emu.stub("login", body="text")  # type: ignore[arg-type]


def test_the_journal_shows_what_was_sent(emu: CyclosEmulator) -> None:
    client = api(emu, channel="main")
    client.login(timeout_in_seconds=60)
    first = emu.requests[0]
    assert (first.operation, first.method, first.path, first.status) == ("login", "POST", "/api/auth/session", 200)
    assert first.query == {"timeoutInSeconds": ["60"]}
    assert first.header("channel") == "main" and first.header("Authorization").startswith("Basic ")
    client.new_otp("email")
    assert [r.operation for r in emu.requests] == ["login", "new_otp"]
    emu.clear_requests()
    assert emu.requests == []


def test_the_journal_is_thread_safe(emu: CyclosEmulator) -> None:
    client = api(emu)
    threads = [threading.Thread(target=lambda: [client.get_data_for_login() for _ in range(10)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(emu.requests) == 80 and all(r.status == 200 for r in emu.requests)


def test_reset_starts_over_without_restarting(emu: CyclosEmulator) -> None:
    url = emu.url
    api(emu).login()
    emu.stub("*", status=500)
    emu.advance_time(3600)
    emu.reset()
    assert emu.url == url and emu.requests == [] and emu.session_count == 0 and emu.outbox == []
    with pytest.raises(UnauthorizedException):  # alice went too: the constructor built no users
        api(emu).login()
    emu.add_user("alice", "alice-password")
    assert api(emu).login().session_token  # and no stub is left


def test_a_seed_makes_tokens_and_keys_repeatable() -> None:
    def run() -> tuple:
        with CyclosEmulator(seed=42) as emu:
            emu.add_user("alice", "alice-password", email="alice@example.com")
            token = api(emu).login().session_token
            guest = swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration()))
            guest.forgotten_password_request(swagger_client.ForgottenPasswordRequest(user="alice"))
            key = emu.last_message("forgottenPasswordKey", "alice").value
            emu.reset()
            emu.add_user("alice", "alice-password")
            again = api(emu).login().session_token
            return token, key, again

    first, second = run(), run()
    assert first == second and first[0] == first[2]
    with CyclosEmulator() as emu:
        emu.add_user("alice", "alice-password")
        assert api(emu).login().session_token != first[0]


def test_the_journal_keeps_the_newest_requests_only() -> None:
    with CyclosEmulator(journal_size=3) as emu:
        guest = swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration()))
        for _ in range(5):
            guest.get_data_for_login()
        guest.get_current_auth()
        assert [r.operation for r in emu.requests] == ["get_data_for_login", "get_data_for_login", "get_current_auth"]
    with CyclosEmulator(journal_size=0) as emu:
        swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration())).get_current_auth()
        assert emu.requests == []
    with pytest.raises(ValueError, match="journal_size"):
        CyclosEmulator(journal_size=-1)


def test_stub_success_statuses_are_the_specs_and_the_emulator_needs_no_third_party_module() -> None:
    import subprocess
    import sys

    from swagger_client.api import auth_api
    from swagger_client.testing.server import ROUTES, SUCCESS_STATUS

    assert {name: getattr(auth_api, name.upper()).success_status for name in ROUTES.values()} == SUCCESS_STATUS
    code = (
        "import sys\n"
        "from swagger_client.testing import CyclosEmulator\n"
        "with CyclosEmulator(sms_failure='gatewayUreachable') as emu:\n"
        "    emu.add_user('a', 'a-password', role='member')\n"
        "    emu.stub('login'); emu.reset()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('urllib3', 'dateutil', 'certifi', 'six')))\n"
    )
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "[]", child.stderr[-500:]
