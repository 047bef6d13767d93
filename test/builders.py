"""Fully populated JSON documents for any schema of the spec (tests and benchmarks).

``build("Auth")`` fills every property of the whole tree, inherited ones included,
with arrays of three items; a schema that contains itself is followed once.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List

from codegen.spec import Spec

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "cyclos-4.11.5.yaml"

DATETIME_SAMPLES = ["2021-03-04T10:20:30.123-03:00", "2022-01-01T00:00:00Z", "2023-06-15T12:00:00+02:00"]


@functools.lru_cache(maxsize=1)
def spec() -> Spec:
    return Spec(SPEC_PATH)


def build(schema_name: str, array_size: int = 3) -> Dict[str, Any]:
    """A JSON object for ``schema_name`` with every property set."""
    return _object(schema_name, array_size, stack=(), seed=0)


def _object(schema_name: str, size: int, stack: tuple, seed: int) -> Dict[str, Any]:
    s = spec()
    schema = s.schemas[schema_name]
    result: Dict[str, Any] = {}
    for prop in s.all_props(schema):
        if _recursion(prop.type, (*stack, schema_name)):
            continue
        result[prop.wire] = _value(prop.type, "%s.%s" % (schema_name, prop.wire), size, (*stack, schema_name), seed)
    return result


def _recursion(type_name: str, stack: tuple) -> bool:
    """True when following ``type_name`` would enter a schema a second time."""
    inner = type_name
    while inner.startswith(("list[", "dict(")):
        inner = inner[5:-1] if inner.startswith("list[") else inner[5:-1].split(",", 1)[1].strip()
    return stack.count(inner) >= 2


def _value(type_name: str, label: str, size: int, stack: tuple, seed: int) -> Any:
    s = spec()
    if type_name.startswith("list["):
        inner = type_name[5:-1]
        return [_value(inner, label, size, stack, seed + i) for i in range(size)]
    if type_name.startswith("dict("):
        inner = type_name[5:-1].split(",", 1)[1].strip()
        return {"key%d" % i: _value(inner, label, size, stack, seed + i) for i in range(2)}
    if type_name == "str":
        return "%s-%d" % (label, seed) if not label.endswith(("amount", "Values")) else "%d.50" % (seed + 1)
    if type_name == "int":
        return seed + 1
    if type_name == "bool":
        return seed % 2 == 0
    if type_name == "float":
        return seed + 0.5
    if type_name == "datetime":
        return DATETIME_SAMPLES[seed % len(DATETIME_SAMPLES)]
    if type_name == "date":
        return "2021-03-04"
    if type_name == "object":
        return {"free": "form"}
    schema = s.schemas[type_name]
    if schema.enum is not None:
        return schema.enum[seed % len(schema.enum)]
    return _object(type_name, size, stack, seed)


def value(type_name: str, array_size: int = 3) -> Any:
    """A JSON value for any swagger type string (``Auth``, ``list[Account]``, ``str``...)."""
    return _value(type_name, "value", array_size, (), 0)


def all_schema_names() -> List[str]:
    return sorted(spec().schemas)


def object_schema_names() -> List[str]:
    return sorted(n for n, sc in spec().schemas.items() if sc.enum is None)
