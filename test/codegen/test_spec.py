"""The spec reader: names, allOf inheritance, parameters, bodies, answers and security."""

from __future__ import annotations

import pytest

from codegen.spec import Spec, constant_name, python_name, snake_case
from test.builders import spec


def op(name: str):  # type: ignore[no-untyped-def]
    return next(o for o in spec().operations if o.name == name)


def test_names_as_swagger_codegen_makes_them() -> None:
    assert snake_case("getDataForLogin") == "get_data_for_login"
    assert snake_case("URLPath") == "url_path"
    assert python_name("global") == "_global" and python_name("date") == "_date" and python_name("from") == "_from"
    assert constant_name("loggedOut") == "LOGGEDOUT" and constant_name("") == "EMPTY"


def test_all_of_is_inheritance_with_real_properties() -> None:
    auth = spec().schemas["Auth"]
    assert auth.parent == "BaseAuth"
    names = [p.name for p in spec().all_props(auth)]
    assert names[0] == "user" and "configuration" in names and "session_token" in names
    assert [s.name for s in spec().chain(auth)] == ["BaseAuth", "Auth"]


def test_the_whole_descriptor() -> None:
    assert len(spec().operations) == 278 and len(spec().schemas) == 495 and len(spec().apis()) == 34


def test_parameters_keep_locations_styles_and_secrets() -> None:
    search = op("search_users")
    by_name = {p.name: p for p in search.params}
    assert by_name["fields"].collection_format == "multi"
    assert any(p.collection_format == "csv" for p in search.params)
    assert by_name["include_group"].type == "bool"
    balances = op("get_user_balances_summary")
    assert [p.name for p in balances.signature if p.required] == ["account_type"]
    assert next(p for p in op("get_data_for_change_forgotten_password").params if p.name == "key").secret
    assert op("calculate_perform_payment_installments").signature[3].type == "decimal"


def test_bodies_json_text_and_multipart() -> None:
    assert op("perform_payment").body.name == "payment"  # x-codegen-request-body-name
    assert op("validate_secondary_password").body_content_type == "text/plain"  # overrides.yaml
    upload = op("upload_contact_info_image")
    assert upload.body_content_type == "multipart/form-data"
    assert [(p.name, p.location, p.required) for p in upload.params if p.location in ("form", "file")] == [
        ("image", "file", True)
    ]


def test_answers_by_media_and_security_sets() -> None:
    assert op("get_current_auth").answers[200].media == "json"
    assert op("upload_contact_info_image").answers[201].media == "text"
    assert op("get_raw_file_content").answers[200].media == "binary"
    assert op("login").security == [["basic"], ["accessClient"]]
    assert op("get_current_auth").security is None
    assert op("get_data_for_login").security == []  # a guest call (overrides.yaml)


def test_a_spec_without_the_cyclos_overrides(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "pipeline-spec.yaml"
    small = Spec(fixture, overrides=None)
    assert [o.name for o in small.operations] == ["get_pet", "upload_photo", "get_photo", "get_animal", "set_note"]
    assert small.operations[0].answers["default"].type == "Problem"
    assert small.operations[4].security == [["basic", "token"]]
    assert small.operations[3].deprecated
    animal = small.schemas["Animal"]
    assert animal.one_of == ["Cat", "Dog"] and animal.discriminator == ("kind", {"cat": "Cat", "dog": "Dog"})
    with pytest.raises(KeyError):
        small.schemas["Auth"]
