"""Read every declared property of a document, recursively: as models, or as the raw dicts.

Both walks follow the same plan, built once from the spec: for each schema, its
declared properties (inherited ones included) as ``(python name, wire name, nested
schema, shape)``. :func:`walk_model` reads them with ``getattr``, :func:`walk_dict`
with ``dict.get``; the deser_full_* and call_full_* rows time one against the other,
so the difference is what the models cost when the caller reads everything.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from test.builders import spec

#: schema -> [(python name, wire name, nested object schema or None, "one" | "list" | "map")]
Plan = Dict[str, List[Tuple[str, str, Optional[str], str]]]


def _step(type_name: str) -> Tuple[Optional[str], str]:
    shape = "list" if type_name.startswith("list[") else "map" if type_name.startswith("dict(") else "one"
    while type_name.startswith(("list[", "dict(")):
        type_name = type_name[5:-1] if type_name.startswith("list[") else type_name[5:-1].split(",", 1)[1].strip()
    schema = spec().schemas.get(type_name)
    return (type_name if schema is not None and schema.enum is None else None), shape


def plan() -> Plan:
    s = spec()
    return {
        name: [(p.name, p.wire, *_step(p.type)) for p in s.all_props(schema)]
        for name, schema in s.schemas.items()
        if schema.enum is None
    }


def walk_model(obj: Any, schema: str, plan: Plan) -> int:
    """Read every declared property of ``obj`` and of everything below it; the values read."""
    count = 0
    for name, _, nested, shape in plan[schema]:
        value = getattr(obj, name)
        count += 1
        if nested is not None and value is not None:
            if shape == "list":
                for item in value:
                    count += walk_model(item, nested, plan)
            elif shape == "map":
                for item in value.values():
                    count += walk_model(item, nested, plan)
            else:
                count += walk_model(value, nested, plan)
    return count


def walk_dict(document: Dict[str, Any], schema: str, plan: Plan) -> int:
    """The same walk over the JSON dicts."""
    count = 0
    for _, wire, nested, shape in plan[schema]:
        value = document.get(wire)
        count += 1
        if nested is not None and value is not None:
            if shape == "list":
                for item in value:
                    count += walk_dict(item, nested, plan)
            elif shape == "map":
                for item in value.values():
                    count += walk_dict(item, nested, plan)
            else:
                count += walk_dict(value, nested, plan)
    return count
