"""Every operation beyond /auth on the emulator: routed, credential-checked, answered by the spec."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

import swagger_client
from swagger_client.testing import CyclosEmulator
from swagger_client.testing.catalog import OPERATIONS as CATALOG
from swagger_client.testing.examples import example
from test.builders import spec
from test.spec_validation import assert_valid
from test.test_contract import call_arguments

BEYOND_AUTH = sorted((op for op in spec().operations if op.tag != "Auth"), key=lambda o: (o.api_class, o.name))


@pytest.fixture(scope="module")
def shared() -> Iterator[CyclosEmulator]:
    with CyclosEmulator() as emu:
        emu.add_user("alice", "alice-password")
        yield emu


def api(emu: CyclosEmulator, name: str, **credentials: Any) -> Any:
    configuration = emu.configuration(**credentials) if credentials else emu.configuration("alice", "alice-password")
    return getattr(swagger_client, name)(swagger_client.ApiClient(configuration))


def test_the_catalog_has_every_operation() -> None:
    assert len(CATALOG) == 278


ANSWER_TYPES = sorted({a.type for op in spec().operations for a in op.answers.values() if a.media.startswith("json")})
PRIMITIVES = {"bool": bool, "int": int, "float": float, "str": str}


@pytest.mark.parametrize("type_name", ANSWER_TYPES)
def test_every_example_validates_against_the_spec(type_name: str) -> None:
    if type_name in PRIMITIVES:
        assert isinstance(example(type_name), PRIMITIVES[type_name])
    else:
        assert_valid(example(type_name), type_name)


@pytest.mark.parametrize("op", BEYOND_AUTH, ids=["%s.%s" % (o.api_class, o.name) for o in BEYOND_AUTH])
def test_every_operation_answers_its_declared_type(shared: CyclosEmulator, op: Any) -> None:
    positional, keywords = call_arguments(op)
    shared.clear_requests()
    result = getattr(api(shared, op.api_class), op.name)(*positional, **keywords)
    answer = op.answers[op.success_status]
    if answer.type is None or answer.media == "none":
        assert result is None
    elif answer.media == "binary":
        assert isinstance(result, bytes) and result.startswith(b"\x89PNG")
    elif answer.media == "text":
        assert isinstance(result, str) and result
    else:
        assert result is not None
    (recorded,) = shared.requests
    assert recorded.operation in (op.name, "%s_validation" % op.name) and recorded.status == op.success_status


def test_a_guest_on_an_operation_that_needs_a_user_is_refused(shared: CyclosEmulator) -> None:
    accounts = swagger_client.AccountsApi(swagger_client.ApiClient(shared.configuration()))
    with pytest.raises(swagger_client.UnauthorizedException) as info:
        accounts.list_accounts_by_owner("self")
    assert info.value.code == "missingAuthorization"


def test_wrong_credentials_and_stale_sessions_are_refused_as_on_auth(shared: CyclosEmulator) -> None:
    with pytest.raises(swagger_client.UnauthorizedException) as wrong:
        api(shared, "AccountsApi", username="alice", password="nope").list_accounts_by_owner("self")
    assert wrong.value.code == "login"
    configuration = shared.configuration()
    configuration.api_key["Session-Token"] = "not-a-session"
    with pytest.raises(swagger_client.UnauthorizedException) as stale:
        swagger_client.AccountsApi(swagger_client.ApiClient(configuration)).list_accounts_by_owner("self")
    assert stale.value.code == "loggedOut"


def test_a_session_from_login_works_on_every_api(shared: CyclosEmulator) -> None:
    with swagger_client.open_session(shared.configuration("alice", "alice-password")) as session:
        accounts = swagger_client.AccountsApi(session.api_client).list_accounts_by_owner("self")
    assert accounts and isinstance(accounts[0], swagger_client.AccountWithStatus)


def test_a_stubbed_payment_answers_what_the_test_said(shared: CyclosEmulator) -> None:
    shared.stub("perform_payment", body={"id": "tx-1", "transactionNumber": "T-0001", "amount": "12.50"}, times=1)
    payments = api(shared, "PaymentsApi")
    result = payments.perform_payment("self", swagger_client.PerformPayment(amount="12.50", subject="bob"))
    assert (result.id, result.transaction_number, result.amount) == ("tx-1", "T-0001", "12.50")
    assert [r.operation for r in shared.requests][-1] == "perform_payment"
    assert shared.requests[-1].json()["amount"] == "12.50"
