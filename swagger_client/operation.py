"""What an operation is, and how its arguments become a request.

The generated ``AuthApi`` declares each operation as an :class:`Operation`; this
module checks the arguments against it (before anything is sent) and encodes them
the way Cyclos expects: ``fields`` as repeated keys, booleans as ``true``/``false``,
header parameters under their exact spelling, bodies as JSON or plain text.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from swagger_client.exceptions import ApiTypeError, ApiValueError

__all__ = ["Parameter", "Operation", "RequestParts", "build_request", "check_header", "check_header_value"]


class Parameter(NamedTuple):
    """One operation parameter: Python name, wire name, location and swagger type."""

    name: str
    wire: str
    location: str  # "query", "header" or "body"
    type: str
    required: bool = False
    enum: Optional[Tuple[str, ...]] = None


class Operation(NamedTuple):
    """One operation of the spec."""

    name: str
    method: str
    path: str
    parameters: Tuple[Parameter, ...]
    success_status: int
    responses: Dict[int, Optional[str]]
    auth: Optional[Tuple[str, ...]]  # None: the spec lists no security, send what is configured
    body: Optional[Parameter] = None
    content_type: Optional[str] = None

    @property
    def return_type(self) -> Optional[str]:
        return self.responses.get(self.success_status)


class RequestParts(NamedTuple):
    query: List[Tuple[str, str]]
    headers: Dict[str, str]
    body: Any


_UNSENDABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]")
#: RFC 9110 field names are tokens.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")


def check_header_value(name: str, value: str, where: str) -> None:
    """Refuse values HTTP cannot carry: control characters (CR/LF: header injection), non ISO-8859-1.

    The message names the header, never the value (it may be a credential).
    """
    bad = _UNSENDABLE.search(value)
    if bad is None:
        return
    char = bad.group()
    if char in "\r\n\x00":
        raise ApiValueError("%s: the value for header %s contains a line break or NUL character" % (where, name))
    if ord(char) < 0x100:
        raise ApiValueError(
            "%s: the value for header %s contains the control character %r, which HTTP headers cannot carry"
            % (where, name, char)
        )
    raise ApiValueError(
        "%s: the value for header %s has characters outside ISO-8859-1, which HTTP headers cannot carry" % (where, name)
    )


def check_header(name: Any, value: Any, where: str) -> None:
    """Refuse a header whose name is not an HTTP token or whose value HTTP cannot carry."""
    if not isinstance(name, str):
        raise ApiTypeError("%s: header names must be str, not %s" % (where, type(name).__name__))
    if _TOKEN.match(name) is None:
        raise ApiValueError(
            "%s: %r is not a valid header name (letters, digits and !#$%%&'*+-.^_`|~ only)" % (where, name)
        )
    if not isinstance(value, str):
        raise ApiTypeError("%s: header %s must be a str, not %s" % (where, name, type(value).__name__))
    check_header_value(name, value, where)


def build_request(op: Operation, args: Dict[str, Any], validate: bool = True) -> RequestParts:
    """Check ``args`` against ``op`` and encode them; raises before anything is sent."""
    query: List[Tuple[str, str]] = []
    headers: Dict[str, str] = {"Accept": "application/json"}
    body: Any = None
    params = op.parameters + ((op.body,) if op.body else ())
    for p in params:
        value = args.get(p.name)
        if value is None:
            if p.required:
                raise ApiValueError("Missing the required parameter `%s` when calling `%s`" % (p.name, op.name))
            continue
        where = "%s(%s=...)" % (op.name, p.name)
        if p.location == "query":
            for item in _query_values(p, value, where, validate):
                query.append((p.wire, item))
        elif p.location == "header":
            if not isinstance(value, str):
                raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
            check_header_value(p.wire, value, op.name + "(" + p.name + ")")
            headers[p.wire] = value
        else:
            body = _body_value(op, p, value, where)
    if op.body is not None and op.content_type:
        headers["Content-Type"] = op.content_type
    return RequestParts(query, headers, body)


def _query_values(p: Parameter, value: Any, where: str, validate: bool) -> List[str]:
    if p.type.startswith("list["):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise ApiTypeError("%s must be a list of str, not %s" % (where, type(value).__name__))
        for item in items:
            if not isinstance(item, str):
                raise ApiTypeError("%s must be a list of str; found a %s" % (where, type(item).__name__))
        return list(items)
    if p.type == "bool":
        if not isinstance(value, bool):
            raise ApiTypeError("%s must be a bool, not %s" % (where, type(value).__name__))
        return ["true" if value else "false"]
    if p.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ApiTypeError("%s must be an int, not %s" % (where, type(value).__name__))
        return [str(value)]
    if not isinstance(value, str):
        raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
    if p.enum and validate and value not in p.enum:
        raise ApiValueError("%s: %r is not allowed; use one of %s" % (where, value, ", ".join(p.enum)))
    return [value]


def _body_value(op: Operation, p: Parameter, value: Any, where: str) -> Any:
    if p.type == "str":
        if not isinstance(value, str):
            raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
        return value
    from swagger_client.model_base import Model, resolve_type

    expected = resolve_type(p.type)
    if isinstance(value, expected):
        return value.to_json_dict()
    if isinstance(value, dict):
        return value
    if isinstance(value, Model):
        raise ApiTypeError("%s must be a %s, not %s" % (where, p.type, type(value).__name__))
    raise ApiTypeError(
        "%s must be a %s (or a dict with its JSON names), not %s" % (where, p.type, type(value).__name__)
    )
