"""``swagger_client/testing/catalog.py``: every operation and schema as plain data.

The emulator stays standard-library only, so it cannot import the generated API
modules (they need urllib3); this module gives it what it needs of them to route
every operation and answer with an example: method, path, accepted credentials,
success status and answer, and each schema's properties (inherited ones included).
"""

from __future__ import annotations

from typing import List

from codegen.pyfmt import header, literal
from codegen.spec import Operation, Spec, snake_case


def emulator_name(op: Operation) -> str:
    """The operation's name in the emulator's journal and stubs: the method name, or for
    the two operations whose method name another API class uses too, the spec's own id."""
    return snake_case(op.operation_id)


def _security(op: Operation) -> str:
    if op.security is None:
        return "None"
    sets = ["(%s)" % "".join("%s, " % literal(s) for s in r).rstrip(" ") for r in op.security]
    return "(%s)" % "".join("%s, " % s for s in sets).rstrip(" ")


def render_catalog(spec: Spec) -> str:
    lines: List[str] = [
        header(),
        '"""Every operation and schema of the spec, as plain data for the emulator."""',
        "",
        "from typing import Dict, Optional, Tuple",
        "",
        "#: name -> (method, path, security, success status, answer type, answer media).",
        "#: ``security``: any one of the sets, each needing all of its schemes (None: none listed).",
        "OPERATIONS: Dict[str, Tuple[str, str, Optional[Tuple[Tuple[str, ...], ...]], int, Optional[str], str]] = {",
    ]
    names = set()
    for op in sorted(spec.operations, key=emulator_name):
        name = emulator_name(op)
        if name in names:
            raise ValueError("two operations are called %s in the emulator" % name)
        names.add(name)
        answer = op.answers[op.success_status]
        lines.append(
            "    %s: (%s, %s, %s, %d, %s, %s),"
            % (
                literal(name),
                literal(op.method),
                literal(op.path),
                _security(op),
                op.success_status,
                literal(answer.type) if answer.type else "None",
                literal(answer.media),
            )
        )
    lines += [
        "}",
        "",
        "#: object schema -> its properties as (wire name, type), inherited ones first.",
        "OBJECTS: Dict[str, Tuple[Tuple[str, str], ...]] = {",
    ]
    for name in sorted(spec.schemas):
        schema = spec.schemas[name]
        if schema.enum is None:
            props = "".join("(%s, %s), " % (literal(p.wire), literal(p.type)) for p in spec.all_props(schema))
            lines.append("    %s: (%s)," % (literal(name), props.rstrip(" ")))
    lines += ["}", "", "#: enum schema -> its values.", "ENUMS: Dict[str, Tuple[str, ...]] = {"]
    for name in sorted(spec.schemas):
        schema = spec.schemas[name]
        if schema.enum is not None:
            values = "".join("%s, " % literal(v) for v in schema.enum)
            lines.append("    %s: (%s)," % (literal(name), values.rstrip(" ")))
    lines += ["}", ""]
    return "\n".join(lines)
