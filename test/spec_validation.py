"""Validate JSON documents against the spec's schemas with jsonschema."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema

from test.builders import spec


@functools.cache
def validator(schema_name: str) -> Any:
    components = spec().doc["components"]
    root = {"$ref": "#/components/schemas/%s" % schema_name, "components": components}
    return jsonschema.Draft4Validator(root)


def assert_valid(document: Any, schema_name: str) -> None:
    """Fail with every violation when ``document`` does not match ``schema_name``."""
    if schema_name.startswith("list["):
        assert isinstance(document, list), document
        for item in document:
            assert_valid(item, schema_name[5:-1])
        return
    if schema_name == "str":
        assert isinstance(document, str), document
        return
    errors = sorted(validator(schema_name).iter_errors(document), key=str)
    assert not errors, "%s: %s" % (schema_name, "; ".join(e.message for e in errors[:5]))
    unknown = unknown_properties(document, schema_name)
    assert not unknown, "%s has properties the spec does not define: %s" % (schema_name, unknown)


def unknown_properties(document: Any, schema_name: str, path: str = "") -> list:
    """Wire names in ``document`` that the schema (and its allOf parents) do not declare."""
    s = spec()
    schema = s.schemas.get(schema_name)
    if schema is None or schema.enum is not None or not isinstance(document, dict):
        return []
    props = {p.wire: p.type for p in s.all_props(schema)}
    found = []
    for key, value in document.items():
        if key not in props:
            found.append(path + key)
            continue
        inner = props[key]
        values = [value]
        while inner.startswith(("list[", "dict(")):
            if inner.startswith("list["):
                inner = inner[5:-1]
                values = [v for vs in values if isinstance(vs, list) for v in vs]
            else:
                inner = inner[5:-1].split(",", 1)[1].strip()
                values = [v for vs in values if isinstance(vs, dict) for v in vs.values()]
        for v in values:
            found.extend(unknown_properties(v, inner, path + key + "."))
    return found
