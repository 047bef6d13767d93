"""Every operation of the API against a mock that validates each request with openapi-core.

For each of the 278 operations the generated method is called with arguments built
from the spec (every parameter, the body fully populated), against
:class:`test.spec_mock.SpecMock`; the request must pass openapi-core's validation
(path, query styles, headers, body and content type, security) and the answer must
decode into the declared type with every declared property, inherited ones
included, equal to the JSON the mock sent.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import swagger_client
from codegen.spec import Operation, Param
from swagger_client.model_base import Model
from swagger_client.model_codecs import resolve_type
from test.builders import spec, value
from test.spec_mock import SpecMock

OPERATIONS = sorted(spec().operations, key=lambda o: (o.api_class, o.name))


@pytest.fixture(scope="module")
def mock() -> Iterator[SpecMock]:
    with SpecMock() as server:
        yield server


@pytest.fixture(scope="module")
def client(mock: SpecMock) -> Iterator[swagger_client.ApiClient]:
    configuration = swagger_client.Configuration(host=mock.url, username="alice", password="alice-password")
    configuration.api_key["Session-Token"] = "session-token"
    configuration.api_key["Access-Client-Token"] = "access-client-token"
    with swagger_client.ApiClient(configuration) as api_client:
        yield api_client


def argument(p: Param) -> Any:
    """A value the spec accepts for ``p``: its first enum value, or one of its type."""
    if p.location == "file":
        return ("upload.png", b"\x89PNG file content", "image/png")
    if p.location == "body" and p.type in spec().schemas and spec().schemas[p.type].enum is None:
        return resolve_type(p.type)._from_wire(value(p.type))
    if p.enum:
        return [p.enum[0]] if p.type.startswith("list[") else p.enum[0]
    samples: Dict[str, Any] = {
        "str": "%s-1" % p.wire,
        "int": 2,
        "float": 1.5,
        "bool": True,
        "datetime": datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
        "date": datetime.date(2026, 1, 2),
    }
    if p.type.startswith("list["):
        inner = p.type[5:-1]
        return [samples.get(inner, "a"), samples.get(inner, "b")] if inner != "bool" else [True]
    return samples.get(p.type, "%s-1" % p.wire)


def call_arguments(op: Operation) -> Tuple[List[Any], Dict[str, Any]]:
    positional = [argument(p) for p in op.signature if p.required]
    keywords = {p.name: argument(p) for p in op.signature if not p.required}
    return positional, keywords


def assert_same(decoded: Any, raw: Any, type_name: str, where: str) -> None:
    """Every declared property of ``decoded`` equals the raw JSON, recursively."""
    if raw is None:
        assert decoded is None, where
        return
    if type_name.startswith("list["):
        assert isinstance(decoded, list) and len(decoded) == len(raw), where
        for i, (d, r) in enumerate(zip(decoded, raw)):
            assert_same(d, r, type_name[5:-1], "%s[%d]" % (where, i))
        return
    if type_name.startswith("dict("):
        inner = type_name[5:-1].split(",", 1)[1].strip()
        assert isinstance(decoded, dict) and sorted(decoded) == sorted(raw), where
        for key in raw:
            assert_same(decoded[key], raw[key], inner, "%s[%r]" % (where, key))
        return
    schema = spec().schemas.get(type_name)
    if schema is not None and schema.enum is None:
        assert isinstance(decoded, Model) and type(decoded).__name__ == type_name, where
        for prop in spec().all_props(schema):
            if prop.wire in raw:
                assert_same(getattr(decoded, prop.name), raw[prop.wire], prop.type, "%s.%s" % (where, prop.name))
        return
    if type_name == "datetime":
        assert isinstance(decoded, datetime.datetime), where
        return
    if type_name == "date":
        assert isinstance(decoded, datetime.date), where
        return
    assert decoded == raw, "%s: %r != %r" % (where, decoded, raw)


def test_every_operation_is_covered() -> None:
    assert len(OPERATIONS) == 278
    assert len({op.api_class for op in OPERATIONS}) == 34


@pytest.mark.parametrize("op", OPERATIONS, ids=["%s.%s" % (o.api_class, o.name) for o in OPERATIONS])
def test_operation_against_the_validating_mock(op: Operation, mock: SpecMock, client: swagger_client.ApiClient) -> None:
    api = getattr(swagger_client, op.api_class)(client)
    positional, keywords = call_arguments(op)
    result = getattr(api, op.name)(*positional, **keywords)
    call = mock.last
    assert call.operation == op.name, "%s reached %s %s" % (op.name, call.method, call.path)
    assert not call.request_errors, "%s: the request does not match the spec: %s" % (op.name, call.request_errors)
    assert not call.response_errors, "the mock's own answer is invalid: %s" % call.response_errors
    booleans = {p.wire for p in op.params if p.location == "query" and p.type in ("bool", "list[bool]")}
    assert all(v in ("true", "false") for k, v in call.query if k in booleans), call.query
    if not any(p.location in ("body", "form", "file") for p in op.params):
        assert call.body == b"" and "Content-Type" not in call.headers, "a body-less operation sent a body"
    answer = op.answers[op.success_status]
    for content_type in answer.content_types:
        assert content_type in call.headers["Accept"], "Accept %r lacks %s" % (call.headers["Accept"], content_type)
    if answer.type is None or answer.media == "none":
        assert result is None
    elif answer.media in ("binary", "text"):
        assert result == call.answer
    else:
        assert_same(result, call.answer, answer.type, op.name)
