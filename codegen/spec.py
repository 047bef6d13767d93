"""Read the OpenAPI document into the few plain objects the renderers need."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

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
    "codec_role",
    "_m",
    "_decoder",
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
    #: ``oneOf``: the schemas a value may be, and the discriminating property with its
    #: value -> schema mapping (``None``: the first choice the value fits).
    one_of: Optional[List[str]] = None
    discriminator: Optional[Tuple[str, Dict[str, str]]] = None

    @property
    def module(self) -> str:
        return module_name(self.name)


@dataclass
class Param:
    wire: str
    name: str
    location: str  # path, query, header, cookie, body, form, file
    type: str
    required: bool
    doc: str
    enum: Optional[List[str]] = None
    #: A list in the query: repeated keys (True, swagger-codegen's ``multi``) or comma-joined.
    explode: bool = True
    secret: bool = False

    @property
    def collection_format(self) -> Optional[str]:
        if not self.type.startswith("list[") or self.location != "query":
            return None
        return "multi" if self.explode else "csv"


@dataclass
class Answer:
    """What one status answers: a swagger type and how the body is read."""

    type: Optional[str]
    media: str  # json, text, binary, json+binary, none
    doc: str
    content_types: List[str] = field(default_factory=list)


@dataclass
class Operation:
    operation_id: str
    name: str
    tag: str
    method: str
    path: str
    summary: str
    doc: str
    #: Every parameter in spec order (the body, or its form fields, last).
    params: List[Param]
    body_content_type: Optional[str]
    #: Requirement sets (any one; all schemes of a set), None when the spec lists none.
    security: Optional[List[List[str]]]
    answers: Dict[Any, Answer]  # status (int) or "default"
    deprecated: bool = False
    #: The corrections of overrides.yaml applied to this operation.
    fixes: Dict[str, Any] = field(default_factory=dict)

    @property
    def success_status(self) -> int:
        return min(s for s in self.answers if isinstance(s, int) and s < 300)

    @property
    def return_type(self) -> Optional[str]:
        return self.answers[self.success_status].type

    @property
    def signature(self) -> List[Param]:
        """The parameters in swagger-codegen's method order: required first, each group in spec order."""
        return sorted(self.params, key=lambda p: not p.required)

    @property
    def api_class(self) -> str:
        return self.tag.replace(" ", "") + "Api"

    @property
    def auth(self) -> Optional[List[str]]:
        """Every scheme any requirement set names, in order (None: none listed)."""
        if self.security is None:
            return None
        return list(dict.fromkeys(s for requirement in self.security for s in requirement))

    @property
    def body(self) -> Optional[Param]:
        return next((p for p in self.params if p.location == "body"), None)

    @property
    def accept(self) -> str:
        types: List[str] = []
        for status, answer in sorted(self.answers.items(), key=lambda kv: str(kv[0])):
            if isinstance(status, int) and status < 300:
                types.extend(t for t in answer.content_types if t not in types)
        if "application/json" not in types:
            types.append("application/json")  # error answers
        return ", ".join(types)


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
        self.overrides: Dict[str, Any] = fixes
        self.secret_properties = {
            (schema, wire) for schema, wires in (fixes.get("secret_properties") or {}).items() for wire in wires
        }
        self.secret_names = set(fixes.get("secret_names") or [])
        self.secret_parameters = set(fixes.get("secret_parameters") or [])
        raw = self.doc["components"]["schemas"]
        self.schemas: Dict[str, Schema] = {name: self._schema(name, s) for name, s in raw.items()}
        self.operations: List[Operation] = self._operations()
        self.base_url: str = self.doc["servers"][0]["url"]
        self.security_schemes: Dict[str, Any] = self.doc["components"]["securitySchemes"]
        self.tag_docs: Dict[str, str] = {t["name"]: clean_doc(t.get("description")) for t in self.doc.get("tags", [])}
        self._check_names()

    # -- schemas ---------------------------------------------------------------------

    def _schema(self, name: str, s: Dict[str, Any]) -> Schema:
        doc = clean_doc(s.get("description"))
        if "enum" in s:
            return Schema(name, doc, enum=list(s["enum"]), enum_docs=_enum_docs(doc))
        if "oneOf" in s:
            choices = [ref_name(c["$ref"]) for c in s["oneOf"]]
            found = s.get("discriminator")
            discriminator = None
            if found:
                mapping = {k: ref_name(v) for k, v in (found.get("mapping") or {}).items()}
                discriminator = (found["propertyName"], mapping or {c: c for c in choices})
            return Schema(name, doc, one_of=choices, discriminator=discriminator)
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
                    secret=(name, wire) in self.secret_properties or wire in self.secret_names,
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
        if _is_decimal(schema):
            type_name = "decimal"
        elif schema.get("type") == "array" and _is_decimal(schema.get("items", {})):
            type_name = "list[decimal]"
        enum = self._enum_of(schema)
        return Param(
            wire=p["name"],
            name=python_name(p["name"]),
            location=p["in"],
            type=type_name,
            required=bool(p.get("required")),
            doc=clean_doc(p.get("description")),
            enum=enum,
            explode=p.get("explode", True) is not False,
            secret=p["name"] in self.secret_parameters,
        )

    def _enum_of(self, schema: Dict[str, Any]) -> Optional[List[str]]:
        if schema.get("type") == "array":
            schema = schema.get("items", {})
        if "enum" in schema:
            return list(schema["enum"])
        name = self.type_of(schema)
        if name in self.schemas and self.schemas[name].enum:
            return self.schemas[name].enum
        return None

    def _body_params(self, o: Dict[str, Any], fixes: Dict[str, Any]) -> Tuple[List[Param], Optional[str]]:
        rb = o.get("requestBody")
        if rb is None:
            return [], None
        content_type, media = next(iter(rb["content"].items()))
        content_type = fixes.get("content_type", content_type)
        schema = media.get("schema", {})
        if content_type.startswith(("multipart/", "application/x-www-form-urlencoded")):
            required = set(schema.get("required", []))
            params = []
            for wire, prop in schema.get("properties", {}).items():
                binary = prop.get("format") == "binary"
                params.append(
                    Param(
                        wire=wire,
                        name=python_name(wire),
                        location="file" if binary else "form",
                        type="file" if binary else self.type_of(prop),
                        required=wire in required,
                        doc=clean_doc(prop.get("description")),
                    )
                )
            return params, content_type
        name = rb.get("x-codegen-request-body-name", "body")
        body = Param(
            wire="body",
            name=python_name(name),
            location="body",
            type=self.type_of(schema),
            required=bool(rb.get("required")),
            doc=clean_doc(rb.get("description")),
            enum=self._enum_of(schema),
        )
        return [body], content_type

    def _answer(self, r: Dict[str, Any]) -> Answer:
        content = r.get("content") or {}
        doc = clean_doc(r.get("description"))
        types = list(content)
        if not content:
            return Answer(None, "none", doc)
        if "application/json" in content:
            type_name = self.type_of(content["application/json"].get("schema", {}))
            media = "json+binary" if len(content) > 1 else "json"
            return Answer(type_name, media, doc, types)
        if all(t.startswith("text/") for t in types):
            schema = next(iter(content.values())).get("schema", {})
            type_name = self.type_of(schema) if schema.get("format") != "binary" else "str"
            return Answer(type_name if type_name != "object" else "str", "text", doc, types)
        return Answer("file", "binary", doc, types)

    def _operations(self) -> List[Operation]:
        ops = []
        for path, item in self.doc["paths"].items():
            for method, o in item.items():
                if method == "parameters":
                    continue
                operation_id = o.get("x-operation-name", o["operationId"])
                fixes = self.operation_fixes.get(o["operationId"], {})
                params = [self._param(p) for p in o.get("parameters", [])]
                body_params, content_type = self._body_params(o, fixes)
                params += body_params
                answers = {_status(code): self._answer(r) for code, r in o["responses"].items()}
                ops.append(
                    Operation(
                        operation_id=o["operationId"],
                        name=snake_case(operation_id),
                        tag=(o.get("tags") or ["Default"])[0],
                        method=method.upper(),
                        path=path,
                        summary=clean_doc(o.get("summary")),
                        doc=_corrected(clean_doc(o.get("description")), fixes),
                        params=params,
                        body_content_type=content_type,
                        security=[] if fixes.get("guest") else _security(o),
                        answers=answers,
                        deprecated=bool(o.get("deprecated")),
                        fixes=fixes,
                    )
                )
        return ops

    def apis(self) -> Dict[str, List[Operation]]:
        """The operations of each API class, by class name (sorted), each sorted by name."""
        found: Dict[str, List[Operation]] = {}
        for op in self.operations:
            found.setdefault(op.api_class, []).append(op)
        return {name: sorted(ops, key=lambda o: o.name) for name, ops in sorted(found.items())}


def _is_decimal(schema: Dict[str, Any]) -> bool:
    """A ``format: number`` string: an amount, exact as text (swagger-codegen's BigDecimal)."""
    return schema.get("type") == "string" and schema.get("format") == "number"


def _status(code: Any) -> Any:
    return "default" if str(code) == "default" else int(code)


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _security(o: Dict[str, Any]) -> Optional[List[List[str]]]:
    """Any one of the requirement sets, each needing all its schemes; None when absent."""
    return [list(requirement) for requirement in o["security"]] if "security" in o else None


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
