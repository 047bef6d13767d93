"""The per-spec tables the runtime reads agree with the spec they were generated from."""

from __future__ import annotations

import swagger_client
from swagger_client import spec_tables
from test.builders import spec


def test_security_schemes_and_order() -> None:
    assert spec_tables.SECURITY_SCHEMES == {
        "accessClient": ("apiKey", "Access-Client-Token"),
        "basic": ("basic", "Authorization"),
        "session": ("apiKey", "Session-Token"),
    }
    assert spec_tables.CREDENTIAL_ORDER == ("session", "accessClient", "basic")


def test_every_error_kind_and_error_model_exists() -> None:
    assert set(spec_tables.ERROR_KINDS) == set(spec().schemas["ErrorKind"].enum or [])
    for model in [*spec_tables.ERROR_KINDS.values(), *spec_tables.DEFAULT_ERROR_MODELS.values()]:
        assert hasattr(swagger_client.models, model)
    assert spec_tables.ERROR_KINDS["otp"] == "OtpError"


def test_secret_names_cover_passwords_tokens_and_keys() -> None:
    assert {
        "password",
        "newPassword",
        "sessionToken",
        "confirmationPassword",
        "key",
        "token",
    } <= spec_tables.SECRET_JSON_KEYS
    assert "confirmationPassword" in spec_tables.SECRET_HEADER_PARAMETERS
    assert "key" in spec_tables.SECRET_QUERY_PARAMETERS
