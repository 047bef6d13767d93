"""Read the OpenAPI document into the few plain objects the renderers need."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

# Names swagger-codegen's Python generator escapes with a leading underscore (Python
# keywords plus print, exec, self and property); kept identical so code written
# against it keeps working (`_global`, `_from`, `_self`).
#: Names swagger-codegen's Python generator prefixes with ``_`` (keywords, its own names, types).
RESERVED = set(keyword.kwlist) | {"self", "property", "print", "exec"} | {"float", "int", "str", "date", "datetime"}
#: Of those, the ones earlier releases of this client left unprefixed: kept as aliases.
ALIASED = {"float", "int", "str", "date", "datetime"}

#: The corrections the generator applies to the descriptor (see that file).
OVERRIDES_PATH = Path(__file__).resolve().parent / "overrides.yaml"

# Names the model base uses internally; a spec property must never take one.
INTERNAL_NAMES = {
    "_raw",
    "_validate",
    "_model_fields",
    "_positional",
    "_by_name",
    "_by_wire",
    "swagger_types",
    "attribute_map",
}


def snake_case(name: str) -> str:
    """camelCase -> snake_case the way swagger-codegen does it."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", s)
    return s.replace("-", "_").lower()


def python_name(wire: str) -> str:
    name = snake_case(wire)
    return "_" + name if name in RESERVED else name


def module_name(schema_name: str) -> str:
    return snake_case(schema_name)


def constant_name(value: str) -> str:
    """An enum constant as swagger-codegen 2.4 names it: ``loggedOut`` -> ``LOGGEDOUT``."""
    if not value:
        return "EMPTY"
    name = re.sub(r"\W+", "_", value).upper()
    return "_" + name if name[0].isdigit() else name


def alias_constant_name(value: str) -> str:
    """The underscored name earlier releases of this client used: ``loggedOut`` -> ``LOGGED_OUT``."""
    name = snake_case(value).upper()
    name = re.sub(r"\W", "_", name)
    return "_" + name if name[0].isdigit() else name


def clean_doc(text: Optional[str]) -> str:
    """A spec text as one line per paragraph or list item (the descriptor hard-wraps its texts)."""
    text = (text or "").strip().replace("&#58;", ":")
    text = re.sub(r"[ \t]+\n", "\n", text)
    # A single line break inside a paragraph is a wrap; blank lines and list items stay.
    return re.sub(r"(?<=\S)\n(?![ \t]*(?:\n|[*-][ \t]|\d+\.[ \t]))[ \t]*", " ", text)


@dataclass
class Prop:
    wire: str
    name: str
    type: str  # swagger-codegen type string: str, int, list[X], dict(str, X), Model
    doc: str
    secret: bool
    #: The name earlier releases of this client used, when swagger-codegen's differs.
    alias: Optional[str] = None


@dataclass
class Schema:
    name: str
    doc: str
    parent: Optional[str] = None
    props: List[Prop] = field(default_factory=list)
    enum: Optional[List[str]] = None
    enum_docs: Dict[str, str] = field(default_factory=dict)

    @property
    def module(self) -> str:
        return module_name(self.name)


@dataclass
class Param:
    wire: str
    name: str
    location: str  # query, header, body
    type: str
    required: bool
    doc: str
    enum: Optional[List[str]] = None


@dataclass
class Operation:
    operation_id: str
    name: str
    method: str
    path: str
    summary: str
    doc: str
    params: List[Param]
    body: Optional[Param]
    body_content_type: Optional[str]
    auth: Optional[List[str]]
    success_status: int
    return_type: Optional[str]
    responses: Dict[int, Optional[str]]
    response_docs: Dict[int, str]
    #: The corrections of overrides.yaml applied to this operation.
    fixes: Dict[str, Any] = field(default_factory=dict)


class Spec:
    """The parsed contract: schemas by name and operations in document order."""

    def __init__(self, path: Path, paths: str = "", overrides: Optional[Path] = OVERRIDES_PATH) -> None:
        """:param paths: keep only the operations under this path prefix, and the schemas they reach.
        :param overrides: the corrections file (``None``: the descriptor as it is).
        """
        self.path = path
        self.doc: Dict[str, Any] = load(path)
        if paths:
            self.doc = only_paths(self.doc, paths)
        fixes = load(overrides) if overrides is not None else {}
        self.operation_fixes: Dict[str, Dict[str, Any]] = fixes.get("operations") or {}
        self.secret_properties = {
            (schema, wire) for schema, wires in (fixes.get("secret_properties") or {}).items() for wire in wires
        }
        raw = self.doc["components"]["schemas"]
        self.schemas: Dict[str, Schema] = {name: self._schema(name, s) for name, s in raw.items()}
        self.operations: List[Operation] = self._operations()
        self.base_url: str = self.doc["servers"][0]["url"]
        self.security_schemes: Dict[str, Any] = self.doc["components"]["securitySchemes"]
        self._check_names()

    # -- schemas ---------------------------------------------------------------------

    def _schema(self, name: str, s: Dict[str, Any]) -> Schema:
        doc = clean_doc(s.get("description"))
        if "enum" in s:
            return Schema(name, doc, enum=list(s["enum"]), enum_docs=_enum_docs(doc))
        parent = None
        props: Dict[str, Any] = {}
        parts = s.get("allOf", [s])
        for part in parts:
            if "$ref" in part:
                if parent is not None:
                    raise ValueError("%s: more than one allOf parent" % name)
                parent = ref_name(part["$ref"])
            else:
                props.update(part.get("properties", {}))
                doc = doc or clean_doc(part.get("description"))
        result = Schema(name, doc, parent=parent)
        for wire, p in props.items():
            result.props.append(
                Prop(
                    wire=wire,
                    name=python_name(wire),
                    type=self.type_of(p),
                    doc=clean_doc(p.get("description")),
                    secret=(name, wire) in self.secret_properties,
                    alias=snake_case(wire) if snake_case(wire) in ALIASED else None,
                )
            )
        return result

    def type_of(self, p: Dict[str, Any]) -> str:
        if "$ref" in p:
            return ref_name(p["$ref"])
        if "allOf" in p and len(p["allOf"]) == 1:
            return self.type_of(p["allOf"][0])
        t = p.get("type")
        if t == "array":
            return "list[%s]" % self.type_of(p["items"])
        if t == "object":
            extra = p.get("additionalProperties")
            if isinstance(extra, dict):
                return "dict(str, %s)" % self.type_of(extra)
            return "object"
        if t == "string":
            return {"date-time": "datetime", "date": "date"}.get(p.get("format", ""), "str")
        return {"integer": "int", "boolean": "bool", "number": "float"}.get(t or "", "object")

    def chain(self, schema: Schema) -> List[Schema]:
        """The schema and its allOf ancestors, root first."""
        chain = [schema]
        while chain[0].parent:
            chain.insert(0, self.schemas[chain[0].parent])
        return chain

    def all_props(self, schema: Schema) -> List[Prop]:
        return [p for s in self.chain(schema) for p in s.props]

    def _check_names(self) -> None:
        for schema in self.schemas.values():
            for p in schema.props:
                if p.name in INTERNAL_NAMES:
                    raise ValueError("%s.%s collides with a model internal name" % (schema.name, p.wire))

    # -- operations ------------------------------------------------------------------

    def _param(self, p: Dict[str, Any]) -> Param:
        if "$ref" in p:
            p = self.doc["components"]["parameters"][ref_name(p["$ref"])]
        schema = p.get("schema", {})
        type_name = self.type_of(schema)
        enum = None
        if type_name in self.schemas and self.schemas[type_name].enum:
            enum = self.schemas[type_name].enum
        return Param(
            wire=p["name"],
            name=python_name(p["name"]),
            location=p["in"],
            type=type_name,
            required=bool(p.get("required")),
            doc=clean_doc(p.get("description")),
            enum=enum,
        )

    def _operations(self) -> List[Operation]:
        ops = []
        for path, item in self.doc["paths"].items():
            for method, o in item.items():
                fixes = self.operation_fixes.get(o["operationId"], {})
                params = [self._param(p) for p in o.get("parameters", [])]
                body = None
                content_type = None
                if "requestBody" in o:
                    rb = o["requestBody"]
                    content_type, media = next(iter(rb["content"].items()))
                    content_type = fixes.get("content_type", content_type)
                    body_type = self.type_of(media["schema"])
                    name = "params" if body_type in self.schemas else "password"
                    body = Param(
                        "body", name, "body", body_type, bool(rb.get("required")), clean_doc(rb.get("description"))
                    )
                responses: Dict[int, Optional[str]] = {}
                docs: Dict[int, str] = {}
                for status, r in o["responses"].items():
                    content = r.get("content", {}).get("application/json")
                    responses[int(status)] = self.type_of(content["schema"]) if content else None
                    docs[int(status)] = clean_doc(r.get("description"))
                success = min(s for s in responses if s < 300)
                ops.append(
                    Operation(
                        operation_id=o["operationId"],
                        name=snake_case(o["operationId"]),
                        method=method.upper(),
                        path=path,
                        summary=clean_doc(o.get("summary")),
                        doc=_corrected(clean_doc(o.get("description")), fixes),
                        params=params,
                        body=body,
                        body_content_type=content_type,
                        auth=[] if fixes.get("guest") else _security(o),
                        success_status=success,
                        return_type=responses[success],
                        responses=responses,
                        response_docs=docs,
                        fixes=fixes,
                    )
                )
        return ops


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _security(o: Dict[str, Any]) -> Optional[List[str]]:
    return [next(iter(s)) for s in o["security"]] if "security" in o else None


def _corrected(text: str, fixes: Dict[str, Any]) -> str:
    for old, new in fixes.get("replace", []):
        if old not in text:
            raise ValueError("overrides.yaml: %r is not in the text it corrects" % old)
        text = text.replace(old, new)
    return text


def load(path: Path) -> Dict[str, Any]:
    """The YAML document at ``path`` (libyaml's loader when PyYAML has it: the full spec is 1.3 MB)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # type: ignore[no-any-return]


def only_paths(doc: Dict[str, Any], prefix: str) -> Dict[str, Any]:
    """``doc`` with the paths under ``prefix`` only, and the components their references reach."""
    paths = {p: item for p, item in doc["paths"].items() if p == prefix or p.startswith(prefix + "/")}
    components = doc["components"]
    kept: Dict[str, Dict[str, Any]] = {kind: {} for kind in ("schemas", "parameters")}
    todo: List[Any] = [paths]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/"):
                _, _, kind, name = ref.split("/", 3)
                if kind in kept and name not in kept[kind]:
                    kept[kind][name] = components[kind][name]
                    todo.append(components[kind][name])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    result = dict(doc)
    result["paths"] = paths
    result["components"] = dict(components)
    for kind, found in kept.items():  # document order, as the whole spec has them
        result["components"][kind] = {n: v for n, v in components.get(kind, {}).items() if n in found}
    return result


def _enum_docs(doc: str) -> Dict[str, str]:
    """The ``* value: text`` (or ``- `value`: text``) lines of an enum description, by value."""
    found = re.finditer(r"^[ \t]*[-*] `?([^`:\s]+)`?: (.*)$", doc, re.M)
    return {m.group(1): m.group(2).strip() for m in found}
