"""Mistakes mypy --strict must catch in users' code (test/test_typing.py runs mypy on this
file). Each line that must fail ends with ``# error: <code>``; nothing here silences
mypy, and every other line must pass."""

import swagger_client
from swagger_client import models


def mistakes(api: swagger_client.AuthApi, payments: swagger_client.PaymentsApi) -> None:
    models.ForgottenPasswordRequest(usr="alice")  # error: call-arg
    models.ForgottenPasswordRequest(user=42)  # error: arg-type
    api.get_current_auth(fieldz=["user"])  # error: call-overload
    api.new_otp(medium=1)  # error: call-overload
    payments.perform_payment("self", "not a payment")  # error: call-overload
    auth = api.get_current_auth()
    auth.role = 5  # error: assignment
    auth.rolee = "member"  # error: attr-defined
    len(api.get_current_auth(async_req=True))  # error: arg-type
    models.Transaction(date="yesterday")  # error: arg-type
