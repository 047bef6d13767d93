"""Property-based tests: random arguments and random JSON only ever raise documented exceptions."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import swagger_client
from swagger_client import models
from swagger_client.exceptions import ApiException, ApiTypeError, ApiValueError
from test.builders import object_schema_names
from test.recording_server import Canned, RecordingServer

DOCUMENTED = (ApiException, ApiTypeError, ApiValueError)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=4),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    st.builds(models.Auth),
    st.builds(models.ChangeForgottenPassword, key=st.text(max_size=5)),
)

OPERATIONS = {
    "change_forgotten_password": ["params"],
    "disconnect_current_client": ["confirmation_password"],
    "forgotten_password_request": ["params"],
    "get_current_auth": ["fields"],
    "get_data_for_change_forgotten_password": ["key", "fields"],
    "get_data_for_login": ["fields"],
    "get_secondary_password_input": [],
    "login": ["fields", "cookie", "timeout_in_seconds"],
    "logout": ["cookie"],
    "new_otp": ["medium"],
    "validate_secondary_password": ["password"],
}
REQUIRED = {
    "change_forgotten_password": "params",
    "forgotten_password_request": "params",
    "get_data_for_change_forgotten_password": "key",
    "new_otp": "medium",
    "validate_secondary_password": "password",
}

replies = st.sampled_from(
    [
        Canned(200, b'{"role":"member"}', {"Content-Type": "application/json"}),
        Canned(200, b"[]", {"Content-Type": "application/json"}),
        Canned(200, b"not json", {"Content-Type": "application/json"}),
        Canned(204),
        Canned(401, b'{"code":"login"}', {"Content-Type": "application/json"}),
        Canned(500, b"<html/>", {"Content-Type": "text/html"}),
        Canned(422, b'{"code": 5}', {"Content-Type": "application/json"}),
    ]
)


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def api(server: RecordingServer) -> Iterator[swagger_client.AuthApi]:
    configuration = swagger_client.Configuration(host=server.url, username="u", password="p", retries=0, timeout=5)
    with swagger_client.ApiClient(configuration) as client:
        yield swagger_client.AuthApi(client)


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    operation=st.sampled_from(sorted(OPERATIONS)),
    values=st.data(),
    reply=replies,
    extra=st.one_of(st.none(), st.text(min_size=1, max_size=8)),
)
def test_random_arguments_to_every_operation(
    server: RecordingServer, api: swagger_client.AuthApi, operation: str, values: Any, reply: Canned, extra: Any
) -> None:
    server.default = reply
    kwargs = {name: values.draw(anything, label=name) for name in OPERATIONS[operation]}
    if extra is not None and extra.isidentifier():
        kwargs[extra] = 1
    required = REQUIRED.get(operation)
    args = [kwargs.pop(required)] if required else []
    try:
        result = getattr(api, operation)(*args, **kwargs)
    except DOCUMENTED:
        return
    # A call that went through returned the declared type (or None for empty replies).
    assert result is None or isinstance(
        result, (models.Auth, models.DataForLogin, models.PasswordInput, models.DataForChangeForgottenPassword, list)
    )


@settings(max_examples=400, deadline=None, derandomize=True)
@given(name=st.sampled_from(object_schema_names()), data=st.dictionaries(st.text(max_size=25), json_values, max_size=8))
def test_random_json_into_every_model(name: str, data: Any) -> None:
    cls = getattr(models, name)
    # Mix in real property names so decoding is exercised, not only unknown keys.
    for wire in list(cls._by_wire)[:3]:
        if wire not in data and data:
            data[wire] = next(iter(data.values()))
    instance = cls.from_dict(json.loads(json.dumps(data)))
    try:
        instance.validate()
        instance.to_dict()
    except (ApiTypeError, ApiValueError):
        pass
    # Whatever the content, these never fail and never lose data.
    repr(instance)
    assert instance.to_json_dict() == json.loads(json.dumps(data))
