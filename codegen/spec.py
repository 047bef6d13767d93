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
RESERVED = set(keyword.kwlist) | {"self", "property", "print", "exec"}

# Properties whose values are secrets: masked in reprs and logs.
SECRET_PROPERTIES = {
    ("BaseAuth", "sessionToken"),
    ("ChangeForgottenPassword", "key"),
    ("ChangeForgottenPassword", "securityAnswer"),
    ("ChangeForgottenPassword", "newPassword"),
    ("ChangeForgottenPassword", "newPasswordConfirmation"),
    ("CaptchaResponse", "response"),
}

# Names the model base uses internally; a spec property must never take one.
INTERNAL_NAMES = {"_raw", "_validate", "_fields", "_by_name", "_by_wire", "swagger_types", "attribute_map"}


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
    name = snake_case(value).upper()
    name = re.sub(r"\W", "_", name)
    return "_" + name if name[0].isdigit() else name


def clean_doc(text: Optional[str]) -> str:
    text = (text or "").strip().replace("&#58;", ":")
    return re.sub(r"[ \t]+\n", "\n", text)


@dataclass
class Prop:
    wire: str
    name: str
    type: str  # swagger-codegen type string: str, int, list[X], dict(str, X), Model
    doc: str
    secret: bool


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


class Spec:
    """The parsed contract: schemas by name and operations in document order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc: Dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
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
                    secret=(name, wire) in SECRET_PROPERTIES,
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
                params = [self._param(p) for p in o.get("parameters", [])]
                body = None
                content_type = None
                if "requestBody" in o:
                    rb = o["requestBody"]
                    content_type, media = next(iter(rb["content"].items()))
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
                        doc=clean_doc(o.get("description")),
                        params=params,
                        body=body,
                        body_content_type=content_type,
                        auth=[next(iter(s)) for s in o["security"]] if "security" in o else None,
                        success_status=success,
                        return_type=responses[success],
                        responses=responses,
                        response_docs=docs,
                    )
                )
        return ops


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _enum_docs(doc: str) -> Dict[str, str]:
    """`- `value`: text` lines of an enum description, by value."""
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^- `([^`]+)`: (.*)$", doc, re.M)}
