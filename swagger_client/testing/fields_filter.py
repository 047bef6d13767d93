"""The ``fields`` query parameter: include/exclude filtering of response documents.

Grammar (4.11 text, with the 4.16 clarifications applied): an unprefixed name
includes, ``-name`` or ``!name`` excludes, dots go down into nested objects, arrays
are filtered element by element, unknown names are ignored, and including and
excluding the same field at one level is an error.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Set


class FieldsConflict(ValueError):
    """The same field is both included and excluded at one level."""


class FieldsTooDeep(ValueError):
    """A path with more segments than any Cyclos document has levels."""


#: Segments one ``fields`` path may have (no 4.11 document is nested deeper).
MAX_PATH_SEGMENTS = 32


class FieldsNode:
    """What to keep at one level of a document."""

    __slots__ = ("children", "excludes", "includes")

    def __init__(self) -> None:
        self.includes: Set[str] = set()
        self.excludes: Set[str] = set()
        self.children: Dict[str, FieldsNode] = {}

    def child(self, name: str) -> FieldsNode:
        return self.children.setdefault(name, FieldsNode())


def parse_fields(values: Iterable[str]) -> Optional[FieldsNode]:
    """Parse repeated and/or comma-separated ``fields`` values; ``None`` when empty."""
    root = FieldsNode()
    seen = False
    for value in values:
        for path in value.split(","):
            path = path.strip()
            if not path:
                continue
            seen = True
            segments = path.split(".")
            if len(segments) > MAX_PATH_SEGMENTS:
                raise FieldsTooDeep("field path %s... has more than %d segments" % (path[:40], MAX_PATH_SEGMENTS))
            _add_path(root, segments)
    if not seen:
        return None
    _check(root)
    return root


def _add_path(node: FieldsNode, segments: List[str], reach: bool = False) -> None:
    """Add one dotted path. ``c.-c1`` includes ``c`` and excludes ``c1`` inside it;
    ``-a.b`` (the UI's form) reaches into ``a``, without including it, to exclude ``b``."""
    head, rest = segments[0], segments[1:]
    excluded = head[:1] in ("-", "!")
    name = head[1:] if excluded else head
    if not rest:
        (node.excludes if excluded or reach else node.includes).add(name)
        return
    reach = reach or excluded
    if not reach:
        node.includes.add(name)  # `b.b1` includes b here
    _add_path(node.child(name), rest, reach)


def _check(node: FieldsNode) -> None:
    both = node.includes & node.excludes
    if both:
        raise FieldsConflict("field %s is both included and excluded" % sorted(both)[0])
    for child in node.children.values():
        _check(child)


def apply_fields(document: Any, node: Optional[FieldsNode]) -> Any:
    """``document`` with only the requested fields."""
    if node is None:
        return document
    if isinstance(document, list):
        return [apply_fields(item, node) for item in document]
    if not isinstance(document, dict):
        return document
    # Unknown names are ignored: includes that name nothing here filter nothing.
    includes = node.includes.intersection(document)
    result = {}
    for key, value in document.items():
        if includes and key not in includes:
            continue
        if key in node.excludes:
            continue
        result[key] = apply_fields(value, node.children.get(key))
    return result
