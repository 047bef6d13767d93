"""The runtime's per-spec tables, derived from the spec and overrides.yaml."""

from __future__ import annotations

import ast

from codegen.render_tables import default_error_models, error_kinds, render_tables, security_schemes
from test.builders import spec


def test_tables_from_the_spec() -> None:
    assert security_schemes(spec())["basic"] == ("basic", "Authorization")
    kinds = error_kinds(spec())
    assert kinds["forgottenPassword"] == "ForgottenPasswordError" and kinds["general"] == "Error"
    assert default_error_models(spec()) == {
        401: "UnauthorizedError",
        403: "ForbiddenError",
        404: "NotFoundError",
        409: "ConflictError",
        422: "InputError",
    }


def test_the_module_parses() -> None:
    tree = ast.parse(render_tables(spec()))
    assigned = {t.target.id for t in tree.body if isinstance(t, ast.AnnAssign)}  # type: ignore[union-attr]
    assert {
        "SECURITY_SCHEMES",
        "CREDENTIAL_ORDER",
        "ERROR_KINDS",
        "DEFAULT_ERROR_MODELS",
        "SECRET_JSON_KEYS",
    } <= assigned
