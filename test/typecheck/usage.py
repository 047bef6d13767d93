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
