"""Generated models: completeness, inheritance, round trips, tolerance and strictness."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import pytest

import swagger_client
from swagger_client import models
from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.model_base import EnumModel, Model
from test.builders import all_schema_names, build, object_schema_names, spec


def test_every_schema_is_a_class_exported_from_both_packages() -> None:
    names = all_schema_names()
    assert len(names) == 495
    assert sorted(models.__all__) == names
    for name in names:
        cls = getattr(models, name)
        assert getattr(swagger_client, name) is cls
        assert issubclass(cls, (Model, EnumModel))


@pytest.mark.parametrize("name", object_schema_names())
def test_swagger_types_cover_the_whole_allof_chain(name: str) -> None:
    s = spec()
    cls = getattr(models, name)
    expected = {p.name: p.type for p in s.all_props(s.schemas[name])}
    assert cls.swagger_types == expected
    assert cls.attribute_map == {p.name: p.wire for p in s.all_props(s.schemas[name])}


def test_entity_reference_has_inherited_properties() -> None:
    ref = models.EntityReference(id="1", name="n", internal_name="i")
    assert ref.to_dict() == {"id": "1", "name": "n", "internal_name": "i"}
    assert isinstance(ref, models.InternalNamedEntity)
    assert isinstance(ref, models.NamedEntity)
    assert isinstance(ref, models.Entity)
    assert ref.to_json_dict() == {"id": "1", "name": "n", "internalName": "i"}


def test_auth_exposes_every_base_auth_property_plus_configuration() -> None:
    base = set(models.BaseAuth.swagger_types)
    assert {"user", "role", "permissions", "session_token", "_global", "principal"} <= base
    assert set(models.Auth.swagger_types) == base | {"configuration"}
    assert issubclass(models.Auth, models.BaseAuth)
    auth = models.Auth(configuration=models.VersionedEntity(id="-2", version=12))
    assert auth.configuration.version == 12


def test_inheritance_of_user_and_error_models() -> None:
    assert issubclass(models.User, models.Entity)
    assert issubclass(models.OtpError, models.Error)
    assert issubclass(models.ForgottenPasswordError, models.Error)
    err = models.OtpError.from_dict(
        {"exceptionType": "X", "kind": "otp", "code": "errorSendingSms", "smsStatus": "timeout"}
    )
    assert (err.exception_type, err.kind, err.code, err.sms_status) == ("X", "otp", "errorSendingSms", "timeout")


def test_python_keywords_are_escaped_like_swagger_codegen() -> None:
    assert models.BaseAuth.attribute_map["_global"] == "global"
    assert models.TransferType.attribute_map["_from"] == "from"
    assert models.PaymentsPermissions.attribute_map["_self"] == "self"
    assert models.Auth.from_dict({"global": True})._global is True


def test_fully_populated_auth_round_trips_without_loss() -> None:
    document = build("Auth")
    auth = models.Auth.from_dict(copy.deepcopy(document))
    assert auth.to_json_dict() == document
    # Reading every property (decoding the whole tree) must not change the output.
    auth.validate()
    assert auth.to_json_dict() == document
    assert json.loads(auth.to_json()) == document
    assert models.Auth.from_json(json.dumps(document)) == auth


@pytest.mark.parametrize("name", object_schema_names())
def test_every_object_schema_round_trips(name: str) -> None:
    document = build(name)
    cls = getattr(models, name)
    instance = cls.from_dict(copy.deepcopy(document)).validate()
    assert instance.to_json_dict() == document
    assert instance.additional_properties == {}


def test_deep_reads_of_a_populated_auth() -> None:
    auth = models.Auth.from_dict(build("Auth"))
    assert isinstance(auth.user, models.User)
    assert isinstance(auth.user.image, models.Image)
    assert isinstance(auth.permissions.banking.accounts[0], models.AccountPermissions)
    assert isinstance(auth.permissions.banking.accounts[0].account.currency, models.Currency)
    assert auth.permissions.banking.accounts[0].account.currency.internal_name.startswith("Currency.internalName")
    assert isinstance(auth.permissions.banking.payment_requests, models.PaymentRequestsPermissions)
    assert isinstance(auth.permissions.banking.payment_requests, models.PaymentRequestPermissions)


def test_unknown_enum_value_and_extra_property_are_kept_and_written_back() -> None:
    body = {"role": "superAdmin", "newThing": 1, "user": {"id": "7", "display": "A", "nickname": "al"}}
    auth = models.Auth.from_dict(body)
    assert auth.role == "superAdmin"
    assert not models.RoleEnum.is_known(auth.role)
    assert auth.additional_properties == {"newThing": 1}
    assert auth.user.additional_properties == {"nickname": "al"}
    assert auth.to_json_dict() == body
    assert auth.to_dict()["newThing"] == 1


def test_nulls_are_accepted_anywhere() -> None:
    body = {"user": None, "role": None, "permissions": {"banking": {"accounts": [None, {"visible": None}]}}}
    auth = models.Auth.from_dict(body)
    assert auth.user is None and auth.role is None
    assert auth.permissions.banking.accounts[0] is None
    assert auth.permissions.banking.accounts[1].visible is None
    assert auth.to_json_dict() == body


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021-03-04T10:20:30Z", datetime.datetime(2021, 3, 4, 10, 20, 30, tzinfo=datetime.timezone.utc)),
        (
            "2021-03-04T10:20:30.123-03:00",
            datetime.datetime(2021, 3, 4, 10, 20, 30, 123000, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))),
        ),
        (
            "2021-03-04T10:20:30+02:00",
            datetime.datetime(2021, 3, 4, 10, 20, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        ),
    ],
)
def test_datetimes_become_aware_datetime_objects(text: str, expected: datetime.datetime) -> None:
    transfer = models.Transfer.from_dict({"date": text})
    assert transfer.date == expected
    assert transfer.to_json_dict() == {"date": text}


def test_wrong_types_in_server_data_are_reported_with_model_and_property() -> None:
    auth = models.Auth.from_dict({"user": "not-an-object", "expiredPassword": "yes"})
    with pytest.raises(ApiTypeError, match=r"Auth\.user: expected a JSON object \(User\).*got str"):
        auth.user
    with pytest.raises(ApiTypeError, match=r"Auth\.expired_password: expected bool.*got str"):
        auth.expired_password
    with pytest.raises(ApiTypeError, match=r"Auth\.user"):
        auth.validate()
    with pytest.raises(ApiValueError, match=r"Transfer\._date: 'soon' is not an ISO 8601 date-time"):
        models.Transfer.from_dict({"date": "soon"}).date


def test_output_is_strict_while_client_side_validation_is_on() -> None:
    auth = models.Auth()
    with pytest.raises(ApiValueError, match=r"Auth\.role.*superAdmin.*administrator"):
        auth.role = "superAdmin"
    with pytest.raises(ApiTypeError, match=r"Auth\.expired_password must be bool, not str"):
        auth.expired_password = "no"
    with pytest.raises(ApiTypeError, match=r"Auth\.user must be a User, not dict"):
        auth.user = {"id": "1"}
    with pytest.raises(ApiTypeError, match=r"EntityReference\(\) got an unexpected keyword argument 'nmae'"):
        models.EntityReference(nmae="x")
    auth.role = models.RoleEnum.MEMBER
    assert auth.role == "member"


def test_validation_can_be_turned_off_per_configuration() -> None:
    configuration = swagger_client.Configuration()
    configuration.client_side_validation = False
    auth = models.Auth(role="superAdmin", _configuration=configuration)
    auth.role = "anotherRole"
    assert auth.to_json_dict() == {"role": "anotherRole"}


def test_enum_classes_expose_constants_and_accept_plain_strings() -> None:
    assert models.SendMediumEnum.EMAIL == "email"
    assert models.SendMediumEnum.allowed_values == ("email", "sms")
    assert models.UnauthorizedErrorCode.LOGGED_OUT == "loggedOut"
    assert models.RoleEnum("superAdmin") == "superAdmin"
    assert models.OutboundSmsStatusEnum.GATEWAY_UREACHABLE == "gatewayUreachable"


def test_positional_construction_follows_swagger_codegen_order() -> None:
    # swagger-codegen's constructors take a model's own properties, in its order; the
    # inherited ones (which it lacked) follow, nearest parent first.
    assert models.Account("123").number == "123"
    assert models.InternalNamedEntity("internal").internal_name == "internal"
    ref = models.EntityReference("internal", "Name", "1")
    assert (ref.id, ref.name, ref.internal_name) == ("1", "Name", "internal")
    error = models.UnauthorizedError("login", "active", "reset")
    assert (error.code, error.user_status, error.password_status) == ("login", "active", "reset")
    tickets = models.TicketsPermissions(True, True, True, True, False)
    assert (tickets.accept, tickets.approve) == (True, False)
    with pytest.raises(ApiTypeError, match="multiple values"):
        models.EntityReference("1", internal_name="2")


def test_secrets_are_masked_in_repr_but_kept_in_data() -> None:
    auth = models.Auth(session_token="tok-SECRET-123", principal="alice")
    change = models.ChangeForgottenPassword(key="KEY-SECRET", new_password="pw-SECRET", security_answer="Rex-SECRET")
    for text in (repr(auth), auth.to_str(), repr(change), str(change)):
        assert "SECRET" not in text
    assert "alice" in repr(auth)
    assert auth.to_dict()["session_token"] == "tok-SECRET-123"
    assert change.to_json_dict()["newPassword"] == "pw-SECRET"


def test_equality_pickling_and_copy() -> None:
    a = models.Auth.from_dict(build("Auth"))
    b = models.Auth.from_dict(build("Auth"))
    assert a == b and not (a != b)  # noqa: SIM202 - __ne__ is under test
    b.role = "broker"
    assert a != b
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a
    assert models.EntityReference(id="1") != models.NamedEntity(id="1")


def test_mutating_a_decoded_tree_is_reflected_in_the_output() -> None:
    auth = models.Auth.from_dict({"user": {"id": "1", "display": "Old"}})
    auth.user.display = "New"
    auth.permissions = models.Permissions(users=models.UsersPermissions(search=True))
    assert auth.to_json_dict() == {"user": {"id": "1", "display": "New"}, "permissions": {"users": {"search": True}}}


def test_a_property_named_configuration_does_not_collide() -> None:
    auth = models.Auth.from_dict({"configuration": {"id": "-2", "version": 12}})
    assert auth.configuration.id == "-2"
    assert auth.to_dict()["configuration"] == {"id": "-2", "version": 12}


def test_repr_never_fails_on_bad_server_data() -> None:
    account = models.Account.from_dict({"id": ["not", "a", "string"], "number": "123"})
    text = repr(account)
    assert "<invalid list>" in text and "'123'" in text
    with pytest.raises(ApiTypeError, match=r"^Account\.id: expected str"):
        account.id


def test_help_shows_the_spec_descriptions() -> None:
    import pydoc

    text = pydoc.render_doc(models.Auth, renderer=pydoc.plaintext)
    assert "The current configuration version" in text
    assert models.BaseAuth.session_token.__doc__.startswith("A token that must be passed")
    assert "Logs-in the currently authenticated user" in (swagger_client.AuthApi.login.__doc__ or "")


def test_every_public_name_resolves() -> None:
    for name in swagger_client.__all__:
        assert getattr(swagger_client, name) is not None, name
    assert set(models.__all__) <= set(dir(swagger_client))
    with pytest.raises(AttributeError):
        swagger_client.NoSuchThing


def test_threads_reading_one_model_share_the_decoded_objects() -> None:
    import threading

    document = build("Auth")
    for _ in range(50):
        auth = models.Auth.from_dict(document)
        barrier = threading.Barrier(4)
        seen = []

        def read(target: models.Auth = auth, wait: threading.Barrier = barrier, out: list = seen) -> None:
            wait.wait()
            out.append(target.permissions)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(p is seen[0] for p in seen)


def test_a_misspelt_property_fails_at_assignment() -> None:
    auth = models.Auth()
    with pytest.raises(AttributeError, match="Auth has no property 'rolee'; did you mean 'role'"):
        auth.rolee = "member"  # type: ignore[attr-defined]
    auth.role = "member"
    models.Transfer().date = None  # aliases are properties too


def test_repr_is_one_line_and_to_str_is_the_tree() -> None:
    auth = models.Auth.from_dict(build("Auth"))
    text = repr(auth)
    assert "\n" not in text and text.startswith("Auth(") and len(text) < 200
    assert repr(models.EntityReference(id="7", name="Seven")) == "EntityReference(id='7', name='Seven')"
    assert (
        repr(models.BaseAuth(session_token="tok-SECRET", role="member")) == "BaseAuth(role='member', session_token=***)"
    )
    assert len(auth.to_str().splitlines()) > 50 and "tok-SECRET" not in repr(auth)


def test_help_shows_properties_not_internals() -> None:
    import pydoc

    text = pydoc.render_doc(models.Auth, renderer=pydoc.plaintext)
    assert "session_token" in text and "permissions" in text
    for internal in ("_by_name", "_model_fields", "_positional", "_by_wire"):
        assert internal not in text
