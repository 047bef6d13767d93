"""Checked by mypy in CI, never run: the types users' code sees through the annotations."""

from typing import List, Optional, assert_type

import swagger_client
from swagger_client import models


def usage(api: swagger_client.AuthApi, configuration: swagger_client.Configuration) -> None:
    auth = api.get_current_auth(fields=["user"])
    assert_type(auth, models.Auth)
    assert_type(auth.user, Optional[models.User])
    if auth.user is not None:
        assert_type(auth.user.display, Optional[str])
    assert_type(auth.role, Optional[str])
    assert_type(auth.configuration, Optional[models.VersionedEntity])
    assert_type(api.login(timeout_in_seconds=60).session_token, Optional[str])
    assert_type(api.new_otp("email"), List[str])
    assert_type(api.logout(), None)
    assert_type(api.get_data_for_login(), Optional[models.DataForLogin])
    with swagger_client.open_session(configuration) as session:
        assert_type(session.auth, models.Auth)
        assert_type(session.auth_api, swagger_client.AuthApi)
    try:
        api.get_current_auth()
    except swagger_client.UnauthorizedException as e:
        assert_type(e.code, Optional[str])


def honest_return_types(api: swagger_client.AuthApi, users: swagger_client.UsersApi) -> None:
    from typing import Any, Mapping, Tuple

    import urllib3

    from swagger_client.async_calls import AsyncResult

    assert_type(api.get_current_auth(async_req=True), AsyncResult[models.Auth])
    assert_type(api.get_current_auth(async_req=True).get(timeout=5), models.Auth)
    assert_type(api.get_current_auth(_preload_content=False), urllib3.HTTPResponse)
    assert_type(api.get_current_auth_with_http_info(), Tuple[models.Auth, int, Mapping[str, str]])
    assert_type(users.search_users(keywords="bob", page_size=10), List[models.UserResult])
    flag: Any = True
    assert_type(api.get_current_auth(async_req=flag, _preload_content=flag), Any)


def typed_constructors() -> None:
    import datetime

    request = models.ForgottenPasswordRequest(user="alice", captcha=models.CaptchaResponse(challenge="c", response="r"))
    assert_type(request.user, Optional[str])
    assert_type(request.captcha, Optional[models.CaptchaResponse])
    payment = swagger_client.PerformPayment(subject="bob", amount="12.50", description="Lunch")
    assert_type(payment.amount, Optional[str])
    assert_type(models.Transaction(date=None).date, Optional[datetime.datetime])
    assert_type(models.Transaction(None, "T-1").transaction_number, Optional[str])
