"""Model modules: fields in spec order, typed constructors in swagger-codegen's positional order."""

from __future__ import annotations

import ast

from codegen.render_models import positional, render_model
from test.builders import spec


def test_positional_order_is_own_properties_then_inherited() -> None:
    auth = spec().schemas["Auth"]
    order = [p.name for p in positional(spec(), auth)]
    assert order[0] == "configuration" and order[1] == "user"


def test_every_model_module_parses_with_its_typed_constructor() -> None:
    for schema in spec().schemas.values():
        tree = ast.parse(render_model(spec(), schema))
        if schema.enum is None and spec().all_props(schema):
            source = render_model(spec(), schema)
            assert "def __init__(" in source and "_configuration: Any = None" in source
        assert tree.body


def test_enums_have_swagger_codegen_constants_and_old_aliases() -> None:
    source = render_model(spec(), spec().schemas["UnauthorizedErrorCode"])
    assert 'LOGGEDOUT = "loggedOut"' in source and "LOGGED_OUT = LOGGEDOUT" in source
