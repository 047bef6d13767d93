"""One codec per swagger type string: decode server JSON, encode for the wire, check assignments."""

from __future__ import annotations

import datetime

import pytest

from swagger_client import model_codecs
from swagger_client.exceptions import ApiTypeError, ApiValueError, PropertyTypeError
from swagger_client.model_codecs import copy_json, kind_for, parse_datetime, same_instant


def test_a_type_string_is_parsed_once() -> None:
    assert kind_for("list[EntityReference]") is kind_for("list[EntityReference]")
    assert "list[EntityReference]" in model_codecs._KINDS


def test_decoding_names_where_a_value_does_not_fit() -> None:
    with pytest.raises(ApiTypeError, match=r"Auth\.role: expected str in the server data, got int"):
        kind_for("str").decode(5, "Auth.role", True)
    with pytest.raises(ApiTypeError, match="expected a JSON array"):
        kind_for("list[str]").decode("x", "A.b", True)
    with pytest.raises(ApiValueError, match="is not an ISO 8601 date-time"):
        kind_for("datetime").decode("yesterday", "A.when", True)
    assert kind_for("dict(str, list[int])").decode({"a": [1, None]}, "A.m", True) == {"a": [1, None]}


def test_checking_assignments() -> None:
    with pytest.raises(PropertyTypeError, match=r"A\.b must be int, not bool"):
        kind_for("int").check(True, "A.b")
    with pytest.raises(ValueError):  # PropertyTypeError is a ValueError too, as swagger-codegen raised
        kind_for("datetime").check("2026-01-01", "A.when")
    with pytest.raises(ApiValueError, match="must be one of"):
        kind_for("RoleEnum").check("superhero", "Auth.role")


def test_date_times_as_cyclos_sends_them() -> None:
    parsed = parse_datetime("2021-03-04T10:20:30.123-03:00")
    assert parsed.utcoffset() == datetime.timedelta(hours=-3) and parsed.microsecond == 123000
    assert parse_datetime("2022-01-01T00:00:00Z").tzinfo is not None
    assert same_instant("2022-01-01T00:00:00Z", datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc))
    assert kind_for("datetime").encode_like(parsed, "2021-03-04T10:20:30.123-03:00") == "2021-03-04T10:20:30.123-03:00"


def test_copy_json_is_deep() -> None:
    original = {"a": [{"b": 1}]}
    copied = copy_json(original)
    copied["a"][0]["b"] = 2
    assert original == {"a": [{"b": 1}]}
