"""Step one of a call: an operation and the caller's arguments become a :class:`Request`.

Pure: nothing here reads the configuration or touches the network, so every
argument is checked (and every message names it) before anything is sent. The
encoding is Cyclos': path segments percent-encoded one by one (``'bob`` becomes
``%27bob``), lists in the query as repeated keys or comma-joined (the spec's
``explode``), booleans as ``true``/``false``, bodies as JSON, text, multipart or
url-encoded forms as the operation declares.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote, urlencode

from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.operation import Operation, Parameter, check_header_value

__all__ = ["Request", "build_request", "encode_json", "to_jsonable"]


class Request(object):
    """One HTTP request, ready to send: what the auth step and the transport work on.

    ``secrets`` are exact values it carries outside the usual places (a key in its
    path, a password in a form field): they are scrubbed from every message.
    """

    __slots__ = ("body", "headers", "method", "operation", "secrets", "url")

    def __init__(
        self,
        method: str,
        url: str,
        headers: Optional[Dict[str, str]] = None,
        body: Optional[bytes] = None,
        secrets: Tuple[str, ...] = (),
        operation: Optional[Operation] = None,
    ) -> None:
        self.method = method
        self.url = url
        self.headers: Dict[str, str] = headers if headers is not None else {}
        self.body = body
        self.secrets = secrets
        #: The operation this request performs (``None`` for a raw ``call_api``).
        self.operation = operation

    def __repr__(self) -> str:  # no headers, no body, no query: they carry credentials
        shown = self.url.split("?", 1)[0]
        for secret in self.secrets:
            for form in (quote(secret, safe=""), secret):
                if form:
                    shown = shown.replace(form, "***")
        return "<Request %s %s>" % (self.method, shown)


def build_request(
    op: Operation,
    args: Mapping[str, Any],
    host: str,
    validate: bool = True,
    safe_path_chars: str = "",
) -> Request:
    """Check ``args`` against ``op`` and encode them; raises before anything is sent."""
    path = op.path
    query: List[Tuple[str, str]] = []
    headers: Dict[str, str] = {"Accept": op.accept}
    cookies: List[str] = []
    fields: List[Tuple[str, Any]] = []
    secrets: List[str] = []
    body: Optional[bytes] = None
    for p in op.parameters:
        value = args.get(p.name)
        if value is None:
            if p.required:
                raise ApiValueError("Missing the required parameter `%s` when calling `%s`" % (p.name, op.name))
            continue
        where = "%s(%s=...)" % (op.name, p.name)
        location = p.location
        if location == "query":
            query.extend((p.wire, item) for item in _query_values(p, value, where, validate))
        elif location == "path":
            segment = _path_value(p, value, where, validate)
            path = path.replace("{%s}" % p.wire, quote(segment, safe=safe_path_chars))
        elif location == "header":
            headers[p.wire] = _header_value(p, value, where, op.name)
        elif location == "cookie":
            cookies.append("%s=%s" % (p.wire, quote(_scalar(p, p.type, value, where, validate), safe="")))
        elif location == "body":
            body = _body(op, p, value, where)
        else:  # form, file
            fields.append((p.wire, file_field(value, p, where) if location == "file" else _form_value(value, where)))
        if p.secret:
            secrets.append(value if isinstance(value, str) else str(value))
    if fields:
        body, content_type = _form_body(op, fields)
        headers["Content-Type"] = content_type
    elif body is not None and op.body_media:
        headers["Content-Type"] = op.body_media
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    url = host + path
    if query:
        url += "?" + urlencode(query)
    return Request(op.method, url, headers, body, tuple(secrets), op)


# -- scalars -------------------------------------------------------------------------


def _is_decimal(value: Any) -> bool:
    """``isinstance(value, decimal.Decimal)`` without importing decimal (a value can only
    be one once the caller imported it)."""
    module = sys.modules.get("decimal")
    return module is not None and isinstance(value, module.Decimal)


def _scalar(p: Parameter, type_name: str, value: Any, where: str, validate: bool) -> str:
    """One value as the text the server reads, checked against the parameter's type."""
    if type_name == "bool":
        if not isinstance(value, bool):
            raise ApiTypeError("%s must be a bool, not %s" % (where, type(value).__name__))
        return "true" if value else "false"
    if isinstance(value, bool):
        raise ApiTypeError("%s must be %s, not bool" % (where, _a(_shown_type(type_name))))
    if type_name == "int":
        if not isinstance(value, int):
            raise ApiTypeError("%s must be an int, not %s" % (where, type(value).__name__))
        return str(value)
    if type_name == "decimal":  # an amount: exact as text
        if isinstance(value, (str, int)) or _is_decimal(value):
            return str(value)
        if isinstance(value, float):
            return repr(value)
        raise ApiTypeError("%s must be a Decimal, an int or a numeric str, not %s" % (where, type(value).__name__))
    if type_name == "float":
        if not isinstance(value, (int, float)) and not _is_decimal(value):
            raise ApiTypeError("%s must be a number, not %s" % (where, type(value).__name__))
        return str(value)
    if type_name in ("datetime", "date") and isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if not isinstance(value, str):
        raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
    if p.enum and validate and value not in p.enum:
        raise ApiValueError("%s: %r is not allowed; use one of %s" % (where, value, ", ".join(p.enum)))
    return value


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _shown_type(type_name: str) -> str:
    return {
        "float": "number",
        "decimal": "Decimal",
        "datetime": "str or datetime",
        "date": "str or date",
    }.get(type_name, type_name)


def _query_values(p: Parameter, value: Any, where: str, validate: bool) -> List[str]:
    if not p.type.startswith("list["):
        return [_scalar(p, p.type, value, where, validate)]
    item_type = p.type[5:-1]
    if isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, (set, frozenset)):
        items = sorted(value, key=str)
    elif isinstance(value, str):
        items = [value]  # one value for a list: fields="id" means fields=["id"]
    else:
        raise ApiTypeError("%s must be a list of %s, not %s" % (where, _shown_type(item_type), type(value).__name__))
    texts = []
    for item in items:
        if item is None:
            raise ApiTypeError("%s must be a list of %s; found None" % (where, _shown_type(item_type)))
        try:
            texts.append(_scalar(p, item_type, item, where, validate))
        except ApiTypeError:
            raise ApiTypeError(
                "%s must be a list of %s; found a %s" % (where, _shown_type(item_type), type(item).__name__)
            ) from None
    if p.explode or not texts:
        return texts
    return [",".join(texts)]


def _path_value(p: Parameter, value: Any, where: str, validate: bool) -> str:
    if p.type == "str" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # ids are digits: user=42 means "42"
    text = _scalar(p, p.type, value, where, validate)
    if not text:
        raise ApiValueError("%s must not be empty (it is part of the URL path)" % where)
    return text


def _header_value(p: Parameter, value: Any, where: str, op_name: str) -> str:
    if not isinstance(value, str):
        raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
    check_header_value(p.wire, value, "%s(%s)" % (op_name, p.name))
    return value


# -- bodies --------------------------------------------------------------------------


def encode_json(value: Any) -> bytes:
    """A JSON body: compact, UTF-8, decimals as numbers, no NaN (the server refuses it)."""
    return json.dumps(to_jsonable(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def to_jsonable(value: Any) -> Any:
    """A JSON-ready value: models by wire name, dates as ISO 8601, amounts as numbers.

    Anything else JSON cannot carry is refused here, by type, before it is sent.
    (``ApiClient.sanitize_for_serialization`` is this, under swagger-codegen's name.)
    """
    if value is None or isinstance(value, (str, bool, int, float, bytes)):
        return value
    from swagger_client.model_base import Model

    if isinstance(value, Model):
        return value.to_json_dict()
    if _is_decimal(value):  # amounts: exact when integral, else the nearest float
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    raise ApiTypeError("cannot serialize a %s" % type(value).__name__)


def _body(op: Operation, p: Parameter, value: Any, where: str) -> bytes:
    media = (op.body_media or "application/json").lower()
    if media.startswith("text/"):
        if not isinstance(value, str):
            raise ApiTypeError("%s must be a str, not %s" % (where, type(value).__name__))
        return value.encode("utf-8")
    _check_body_type(p, value, where)
    try:
        return encode_json(value)
    except ApiTypeError as exc:  # something inside a dict JSON cannot carry
        raise ApiTypeError("%s: %s" % (where, exc)) from None
    except (ValueError, TypeError) as exc:  # NaN or infinity; bytes
        raise ApiValueError("%s cannot be sent as JSON: %s" % (where, exc)) from None


def _check_body_type(p: Parameter, value: Any, where: str) -> None:
    from swagger_client.model_base import Model
    from swagger_client.model_codecs import resolve_type

    type_name = p.type
    if type_name.startswith("list["):
        if not isinstance(value, (list, tuple)):
            raise ApiTypeError("%s must be a list, not %s" % (where, type(value).__name__))
        return
    if type_name in ("str", "int", "float", "bool", "object") or type_name.startswith("dict("):
        return
    expected = resolve_type(type_name)
    from swagger_client.model_base import OneOf

    if isinstance(expected, type) and issubclass(expected, OneOf):
        choices = tuple(resolve_type(name) for name in expected.choices)
        if isinstance(value, (dict, *choices)):
            return
        raise ApiTypeError(
            "%s must be one of %s (or a dict), not %s" % (where, ", ".join(expected.choices), type(value).__name__)
        )
    if not isinstance(expected, type) or not issubclass(expected, Model):
        if not isinstance(value, str):
            raise ApiTypeError("%s must be a %s (str), not %s" % (where, type_name, type(value).__name__))
        return
    if isinstance(value, (expected, dict)):
        return
    if isinstance(value, Model):
        raise ApiTypeError("%s must be a %s, not %s" % (where, type_name, type(value).__name__))
    raise ApiTypeError(
        "%s must be a %s (or a dict with its JSON names), not %s" % (where, type_name, type(value).__name__)
    )


def _form_value(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) or _is_decimal(value):
        return str(value)
    from swagger_client.model_base import Model

    if isinstance(value, (Model, dict, list)):
        return encode_json(value).decode("utf-8")  # e.g. RunOperation params, sent as JSON text
    raise ApiTypeError("%s must be a str (or a model, sent as JSON), not %s" % (where, type(value).__name__))


def file_field(value: Any, p: Parameter, where: str) -> Tuple[str, bytes, str]:
    """A file field: bytes, an open binary file, a path (as swagger-codegen took), or a
    ``(filename, content[, content_type])`` tuple."""
    filename: Optional[str] = None
    mime: Optional[str] = None
    content: Any = value
    if isinstance(value, tuple):
        if len(value) not in (2, 3) or not isinstance(value[0], str):
            raise ApiTypeError("%s: a tuple must be (filename, content) or (filename, content, content_type)" % where)
        filename, content = value[0], value[1]
        mime = value[2] if len(value) == 3 else None
    if isinstance(content, (str, os.PathLike)) and not isinstance(value, tuple):
        path = os.fspath(content)
        if not os.path.isfile(path):
            raise ApiValueError("%s: no such file: %r" % (where, path))
        with open(path, "rb") as handle:
            content = handle.read()
        filename = os.path.basename(path)
    elif hasattr(content, "read"):
        name = getattr(content, "name", None)
        content = content.read()
        if filename is None and isinstance(name, str):
            filename = os.path.basename(name)
    if isinstance(content, str):
        content = content.encode("utf-8")
    if not isinstance(content, (bytes, bytearray, memoryview)):
        raise ApiTypeError(
            "%s must be bytes, a binary file, a path or a (filename, content) tuple, not %s"
            % (where, type(value).__name__)
        )
    if mime is None:
        import mimetypes

        mime = mimetypes.guess_type(filename or "")[0] or "application/octet-stream"
    return (filename or p.wire, bytes(content), mime)


def _form_body(op: Operation, fields: List[Tuple[str, Any]]) -> Tuple[bytes, str]:
    media = (op.body_media or "multipart/form-data").lower()
    if media.startswith("application/x-www-form-urlencoded"):
        return urlencode([(k, v) for k, v in fields if isinstance(v, str)]).encode("utf-8"), media
    from urllib3.filepost import encode_multipart_formdata

    body, content_type = encode_multipart_formdata(fields)
    return body, content_type
