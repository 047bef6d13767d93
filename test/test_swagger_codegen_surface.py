"""Code written for the swagger-codegen client, run the way its users write it.

The reference is the public generated client (swagger-codegen 2.4.19), summarised in
spec/swagger-codegen-4.11.5-surface.json: its enum constants, property names and
constructor order, and the habits of its users (``Configuration.set_default``,
``_ApiClient__deserialize``, ``except ValueError`` around assignments).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import swagger_client
from swagger_client import models
from swagger_client.testing import CyclosEmulator

SURFACE = json.loads(
    (Path(__file__).resolve().parent.parent / "spec" / "swagger-codegen-4.11.5-surface.json").read_text()
)
OURS = [m for m in SURFACE["models"] if hasattr(models, m["name"])]
ENUMS = [m for m in OURS if m["enum"]]
MODELS = [m for m in OURS if not m["enum"]]


def codegen_constant(value: str) -> str:
    """swagger-codegen's Python enum constant name (PythonClientCodegen.toEnumVarName)."""
    name = re.sub(r"\W+", "_", value).upper()
    return "_" + name if name[0].isdigit() else name


def test_the_surface_covers_every_model_of_this_client() -> None:
    assert len(OURS) == len(SURFACE["models"]) == 495 and len(ENUMS) == 106


@pytest.mark.parametrize("enum", ENUMS, ids=[m["name"] for m in ENUMS])
def test_every_enum_constant_has_its_swagger_codegen_name(enum: Dict[str, Any]) -> None:
    cls = getattr(models, enum["name"])
    for value in enum["enum"]:
        assert getattr(cls, codegen_constant(value)) == value


def test_the_underscored_names_stay_as_aliases() -> None:
    assert models.UnauthorizedErrorCode.LOGGEDOUT == models.UnauthorizedErrorCode.LOGGED_OUT == "loggedOut"
    assert models.PasswordStatusEnum.INDEFINITELYBLOCKED == "indefinitelyBlocked"


def sample(type_name: str) -> Any:
    if type_name == "str" or type_name in {m["name"] for m in ENUMS}:
        return "x"
    if type_name == "bool":
        return True
    if type_name == "BigDecimal":  # swagger-codegen's decimal; the descriptor sends decimals as strings
        return "12.50"
    if type_name in ("int", "float"):
        return 1
    if type_name == "datetime":
        return datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    if type_name == "date":
        return datetime.date(2026, 1, 1)
    if type_name.startswith("list["):
        return []
    if type_name.startswith("dict("):
        return {}
    if type_name == "object":
        return {"a": 1}
    return getattr(models, type_name)()


@pytest.mark.parametrize("model", MODELS, ids=[m["name"] for m in MODELS])
def test_properties_and_positional_order_are_swagger_codegens(model: Dict[str, Any]) -> None:
    cls = getattr(models, model["name"])
    properties: List[Dict[str, Any]] = model["properties"]
    values = []
    for p in properties:
        enum = getattr(models, p["type"], None)
        value = enum.allowed_values[0] if enum is not None and hasattr(enum, "allowed_values") else sample(p["type"])
        values.append(value)
    by_keyword = cls(**{p["python_name"]: v for p, v in zip(properties, values)})
    by_position = cls(*values)
    for p, value in zip(properties, values):
        assert getattr(by_keyword, p["python_name"]) == value
        assert getattr(by_position, p["python_name"]) == value, p["python_name"]
        assert p["python_name"] in by_keyword.to_dict()


def test_reserved_word_properties_have_both_spellings() -> None:
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    for transfer in (models.Transfer(_date=when), models.Transfer(date=when)):
        assert transfer._date == transfer.date == when
        assert transfer.to_dict()["_date"] == when and "date" not in transfer.to_dict()
        assert transfer.to_json_dict()["date"] == when.isoformat()
    transfer.date = None
    assert transfer._date is None
    assert models.Transaction.from_dict({"date": "2026-01-01T00:00:00Z"}).date == when


def test_invalid_assignments_are_value_errors() -> None:
    auth = models.Auth()
    for bad in (5, "notARole"):
        with pytest.raises(ValueError):
            auth.role = bad
    with pytest.raises(ValueError):
        auth.user = "not a User"
    with pytest.raises(TypeError):  # and still a TypeError, as this client raised before
        auth.role = 5
    with pytest.raises(ValueError):
        models.Auth(expired_password="yes")


def test_private_deserialize_helpers_turn_dicts_into_models() -> None:
    client = swagger_client.ApiClient()
    data = client._ApiClient__deserialize(  # type: ignore[attr-defined]
        {"principalTypes": [{"internalName": "username", "name": "Login name"}]}, "DataForLogin"
    )
    assert isinstance(data, models.DataForLogin) and data.principal_types[0].internal_name == "username"
    assert [r.id for r in client._ApiClient__deserialize([{"id": "1"}], "list[EntityReference]")] == ["1"]  # type: ignore[attr-defined]
    assert client._ApiClient__deserialize({"a": {"id": "2"}}, "dict(str, EntityReference)")["a"].id == "2"  # type: ignore[attr-defined]
    assert client._ApiClient__deserialize("7", "int") == 7  # type: ignore[attr-defined]
    assert client._ApiClient__deserialize("2026-01-02", "date") == datetime.date(2026, 1, 2)  # type: ignore[attr-defined]
    assert client._ApiClient__deserialize({"id": "3"}, models.EntityReference).id == "3"  # type: ignore[attr-defined]
    with pytest.raises(swagger_client.ApiException, match="Failed to parse `soon` as datetime object"):
        client._ApiClient__deserialize("soon", "datetime")  # type: ignore[attr-defined]


@pytest.fixture
def default_host(emulator: CyclosEmulator) -> Iterator[CyclosEmulator]:
    configuration = swagger_client.Configuration()
    configuration.host = emulator.url
    configuration.username = "alice"
    configuration.password = "alice-password"
    swagger_client.Configuration.set_default(configuration)
    yield emulator
    swagger_client.Configuration.set_default(None)


def test_the_seed_examples_first_line_reaches_the_default_host(default_host: CyclosEmulator) -> None:
    api_instance = swagger_client.AuthApi()
    assert api_instance.get_current_auth().user.display == "Alice"


def test_get_data_for_login_is_a_guest_call_even_with_credentials(emulator: CyclosEmulator) -> None:
    api = swagger_client.AuthApi(swagger_client.ApiClient(emulator.configuration("alice", "alice-password")))
    data = api.get_data_for_login()
    assert data is not None and data.principal_types
    basic = swagger_client.Configuration(username="alice", password="alice-password").get_basic_auth_token()
    assert api.get_data_for_login(_headers={"Authorization": basic or ""}) is None  # an explicit credential is sent


# -- every operation ---------------------------------------------------------------------------

OPERATIONS = SURFACE["operations"]


def _operation_id(op: Dict[str, Any]) -> str:
    return "%s.%s" % (op["api_class"], op["method_name"])


def test_the_surface_covers_every_operation_and_api_class() -> None:
    assert len(OPERATIONS) == 278
    assert len({op["api_class"] for op in OPERATIONS}) == 34
    assert sorted(swagger_client.api.__all__) == sorted({op["api_class"] for op in OPERATIONS})


@pytest.mark.parametrize("op", OPERATIONS, ids=[_operation_id(op) for op in OPERATIONS])
def test_every_operation_has_swagger_codegens_method_and_parameters(op: Dict[str, Any]) -> None:
    import inspect

    cls = getattr(swagger_client, op["api_class"])
    method = getattr(cls, op["method_name"])
    assert callable(getattr(cls, op["method_name"] + "_with_http_info"))
    parameters = list(inspect.signature(method).parameters.values())[1:]
    positional = [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    keywords = [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY]
    assert positional == [p["python_name"] for p in op["params"] if p["required"]]
    assert keywords == [p["python_name"] for p in op["params"] if not p["required"]]
    assert parameters[-1].kind is inspect.Parameter.VAR_KEYWORD  # async_req, _preload_content...
