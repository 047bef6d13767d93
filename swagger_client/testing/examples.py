"""Deterministic example documents for any schema of the spec (standard library only).

``example("UserDataForSearch")`` fills every property, inherited ones included: a
string is ``"<property>-example"``, a number 1 (or 1.5), a date-time a fixed instant,
an enum its first value, a list one item, a map one entry. A schema already being
filled higher up the tree is left out there, so self-referencing schemas end.
"""

from __future__ import annotations

import copy
import functools
from typing import Any, Dict, Tuple

from swagger_client.testing.catalog import ENUMS, OBJECTS

__all__ = ["example", "text_example", "binary_example", "EXAMPLE_DATETIME", "PNG_1X1"]

EXAMPLE_DATETIME = "2026-01-02T03:04:05.000Z"
EXAMPLE_DATE = "2026-01-02"
#: The smallest valid PNG (1x1, transparent): what a binary or image download answers.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def example(type_name: str) -> Any:
    """A fresh example value for a swagger type string (a copy: callers may change it)."""
    return copy.deepcopy(_example(type_name, ()))


@functools.cache
def _cached(type_name: str) -> Any:
    return _value(type_name, "value", ())


def _example(type_name: str, stack: Tuple[str, ...]) -> Any:
    return _cached(type_name) if not stack else _value(type_name, "value", stack)


def _value(type_name: str, label: str, stack: Tuple[str, ...]) -> Any:
    if type_name.startswith("list["):
        return [_value(type_name[5:-1], label, stack)]
    if type_name.startswith("dict("):
        inner = type_name[5:-1].split(",", 1)[1].strip()
        return {"key": _value(inner, label, stack)}
    simple = _SIMPLE.get(type_name)
    if simple is not None:
        return simple(label)
    if type_name in ENUMS:
        return ENUMS[type_name][0]
    return _object(type_name, stack)


def _object(name: str, stack: Tuple[str, ...]) -> Dict[str, Any]:
    stack = (*stack, name)
    document: Dict[str, Any] = {}
    for wire, type_name in OBJECTS[name]:
        if _innermost(type_name) in stack:
            continue
        document[wire] = _value(type_name, wire, stack)
    return document


def _innermost(type_name: str) -> str:
    while type_name.startswith(("list[", "dict(")):
        type_name = type_name[5:-1] if type_name.startswith("list[") else type_name[5:-1].split(",", 1)[1].strip()
    return type_name


_SIMPLE: Dict[str, Any] = {
    "str": lambda label: "%s-example" % label,
    "int": lambda label: 1,
    "float": lambda label: 1.5,
    "bool": lambda label: True,
    "datetime": lambda label: EXAMPLE_DATETIME,
    "date": lambda label: EXAMPLE_DATE,
    "object": lambda label: {},
}


def text_example(type_name: str) -> str:
    """The body of a ``text/plain`` answer: an enum's first value, else a short text."""
    if type_name in ENUMS:
        return ENUMS[type_name][0]
    return "text-example"


def binary_example() -> Tuple[bytes, str]:
    """The body and Content-Type of a file or image download."""
    return PNG_1X1, "image/png"
