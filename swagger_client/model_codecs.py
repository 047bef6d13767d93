"""Per-type codecs for model values: decode server JSON, encode for the wire, check assignments.

A swagger type string (``str``, ``datetime``, ``list[User]``, ``dict(str, list[str])``,
a model or enum name) maps to one :class:`_Kind`, built once and cached by
:func:`kind_for`, so no value is ever decoded by parsing its type again.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, List, Optional, Tuple

from swagger_client.exceptions import ApiTypeError, ApiValueError, PropertyTypeError

__all__ = ["kind_for", "parse_datetime", "parse_date", "resolve_type", "copy_json", "same_instant"]

_PRIMITIVES: Dict[str, Tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (float, int),
    "bool": (bool,),
    "object": (object,),
}


def parse_datetime(text: str) -> _dt.datetime:
    """Parse an ISO 8601 date-time as Cyclos sends it (``Z``, offsets, milliseconds)."""
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        # Python < 3.11 does not read "Z" or some fractions; dateutil is loaded only then.
        from dateutil.parser import isoparse

        return isoparse(text)


def parse_date(text: str) -> _dt.date:
    """Parse an ISO 8601 date."""
    return _dt.date.fromisoformat(text[:10])


def resolve_type(type_name: str) -> Any:
    """The model or enum class named ``type_name`` (loaded on first use)."""
    import importlib

    return getattr(importlib.import_module("swagger_client.models"), type_name)


def _type_label(value: Any) -> str:
    return type(value).__name__


class _Kind:
    """Decoder, encoder and checker for one swagger type string, built once per type."""

    __slots__ = ("check", "decode", "encode", "encode_like", "model", "type_name")

    decode: Callable[[Any, str, bool], Any]
    encode: Callable[[Any], Any]
    encode_like: Callable[[Any, Any], Any]
    check: Callable[[Any, str], None]

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self.model: Optional[type] = None
        self.encode_like = lambda value, raw: self.encode(value)
        self._build(type_name)

    def _build(self, t: str) -> None:
        if t.startswith("list["):
            inner = kind_for(t[5:-1])
            self.decode = lambda v, where, validate: _decode_list(v, inner, where, validate)
            self.encode = lambda v: [None if x is None else inner.encode(x) for x in v]
            self.encode_like = lambda v, raw: _encode_list_like(v, raw, inner)
            self.check = lambda v, where: _check_list(v, inner, where)
        elif t.startswith("dict("):
            inner = kind_for(t[5:-1].split(",", 1)[1].strip())
            self.decode = lambda v, where, validate: _decode_dict(v, inner, where, validate)
            self.encode = lambda v: {k: (None if x is None else inner.encode(x)) for k, x in v.items()}
            self.encode_like = lambda v, raw: _encode_dict_like(v, raw, inner)
            self.check = lambda v, where: _check_dict(v, inner, where)
        elif t in _PRIMITIVES:
            accepted = _PRIMITIVES[t]
            reject_bool = t in ("int", "float")
            self.decode = _primitive_decoder(t, accepted, reject_bool)
            self.encode = _identity
            self.check = _primitive_checker(t, accepted, reject_bool)
        elif t == "datetime":
            self.decode = _decode_datetime
            self.encode = lambda v: v.isoformat() if isinstance(v, _dt.datetime) else v
            # Keep the server's spelling ("Z", milliseconds) of an unchanged instant.
            self.encode_like = lambda v, raw: raw if same_instant(raw, v) else self.encode(v)
            self.check = _datetime_checker(_dt.datetime)
        elif t == "date":
            self.decode = _decode_date
            self.encode = lambda v: v.isoformat() if isinstance(v, _dt.date) else v
            self.check = _datetime_checker(_dt.date)
        else:
            cls = resolve_type(t)
            self.model = cls
            role = getattr(cls, "codec_role", None)  # set by model_base's three base classes
            if role == "one_of":
                self.model = None  # values are instances of the chosen models, not of this class
                choices = tuple(resolve_type(name) for name in cls.choices)
                self.decode = lambda v, where, validate: _decode_model(
                    cls.choose(v) if isinstance(v, dict) else choices[0], v, where, validate
                )
                self.encode = _encode_model
                self.check = _model_checker(choices)
            elif role == "enum":
                self.decode = _primitive_decoder(t, (str,), False)
                self.encode = _identity
                self.check = _enum_checker(cls)
            else:
                self.decode = lambda v, where, validate: _decode_model(cls, v, where, validate)
                self.encode = _encode_model
                self.check = _model_checker(cls)


_KINDS: Dict[str, _Kind] = {}


def kind_for(type_name: str) -> _Kind:
    """The cached :class:`_Kind` for a swagger type string."""
    kind = _KINDS.get(type_name)
    if kind is None:
        kind = _KINDS.setdefault(type_name, _Kind(type_name))
    return kind


def _identity(value: Any) -> Any:
    return value


def _encode_model(value: Any) -> Any:
    """A model as its JSON object (a dict given in its place passes as it is)."""
    to_json = getattr(value, "to_json_dict", None)
    return to_json() if to_json is not None else value


def _primitive_decoder(t: str, accepted: Tuple[type, ...], reject_bool: bool) -> Callable[..., Any]:
    def decode(value: Any, where: str, validate: bool) -> Any:
        if isinstance(value, accepted) and not (reject_bool and isinstance(value, bool)):
            return value
        raise ApiTypeError("%s: expected %s in the server data, got %s" % (where, t, _type_label(value)))

    return decode


def _primitive_checker(t: str, accepted: Tuple[type, ...], reject_bool: bool) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, accepted) or (reject_bool and isinstance(value, bool)):
            raise PropertyTypeError("%s must be %s, not %s" % (where, t, _type_label(value)))

    return check


def _datetime_checker(expected: type) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, expected):
            raise PropertyTypeError(
                "%s must be a %s.%s, not %s" % (where, expected.__module__, expected.__name__, _type_label(value))
            )

    return check


def _enum_checker(cls: type) -> Callable[[Any, str], None]:
    allowed = cls.allowed_values  # type: ignore[attr-defined]

    def check(value: Any, where: str) -> None:
        if not isinstance(value, str):
            raise PropertyTypeError("%s must be a str (one of %s), not %s" % (where, list(allowed), _type_label(value)))
        if value not in allowed:
            raise ApiValueError("Invalid value for %s (%r), must be one of %s" % (where, value, list(allowed)))

    return check


def _model_checker(cls: Any) -> Callable[[Any, str], None]:
    names = " or ".join(c.__name__ for c in cls) if isinstance(cls, tuple) else cls.__name__

    def check(value: Any, where: str) -> None:
        if not isinstance(value, cls):
            raise PropertyTypeError("%s must be a %s, not %s" % (where, names, _type_label(value)))

    return check


def _decode_datetime(value: Any, where: str, validate: bool) -> Any:
    if not isinstance(value, str):
        raise ApiTypeError("%s: expected a date-time string in the server data, got %s" % (where, _type_label(value)))
    try:
        return parse_datetime(value)
    except (ValueError, OverflowError):
        raise ApiValueError("%s: %r is not an ISO 8601 date-time" % (where, value)) from None


def _decode_date(value: Any, where: str, validate: bool) -> Any:
    if not isinstance(value, str):
        raise ApiTypeError("%s: expected a date string in the server data, got %s" % (where, _type_label(value)))
    try:
        return parse_date(value)
    except ValueError:
        raise ApiValueError("%s: %r is not an ISO 8601 date" % (where, value)) from None


def _decode_list(value: Any, inner: _Kind, where: str, validate: bool) -> List[Any]:
    if not isinstance(value, list):
        raise ApiTypeError("%s: expected a JSON array in the server data, got %s" % (where, _type_label(value)))
    decode = inner.decode
    return [None if x is None else decode(x, where, validate) for x in value]


def _decode_dict(value: Any, inner: _Kind, where: str, validate: bool) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise ApiTypeError("%s: expected a JSON object in the server data, got %s" % (where, _type_label(value)))
    decode = inner.decode
    return {k: (None if x is None else decode(x, where, validate)) for k, x in value.items()}


def _decode_model(cls: Any, value: Any, where: str, validate: bool) -> Any:
    if not isinstance(value, dict):
        raise ApiTypeError(
            "%s: expected a JSON object (%s) in the server data, got %s" % (where, cls.__name__, _type_label(value))
        )
    return cls._from_wire(value, validate)


def _encode_list_like(value: List[Any], raw: Any, inner: _Kind) -> List[Any]:
    if not isinstance(raw, list) or len(raw) != len(value):
        return [None if x is None else inner.encode(x) for x in value]
    return [None if x is None else inner.encode_like(x, r) for x, r in zip(value, raw)]


def _encode_dict_like(value: Dict[str, Any], raw: Any, inner: _Kind) -> Dict[str, Any]:
    if not isinstance(raw, dict):
        return {k: (None if x is None else inner.encode(x)) for k, x in value.items()}
    return {k: (None if x is None else inner.encode_like(x, raw.get(k))) for k, x in value.items()}


def _check_list(value: Any, inner: _Kind, where: str) -> None:
    if not isinstance(value, list):
        raise PropertyTypeError("%s must be a list, not %s" % (where, _type_label(value)))
    for item in value:
        if item is not None:
            inner.check(item, where + "[]")


def _check_dict(value: Any, inner: _Kind, where: str) -> None:
    if not isinstance(value, dict):
        raise PropertyTypeError("%s must be a dict, not %s" % (where, _type_label(value)))
    for item in value.values():
        if item is not None:
            inner.check(item, where + "{}")


def copy_json(value: Any) -> Any:
    """A deep copy of a JSON value (faster than ``copy.deepcopy``)."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


def same_instant(raw_value: Any, value: Any) -> bool:
    if not isinstance(raw_value, str):
        return False
    try:
        return bool(parse_datetime(raw_value) == value)
    except (ValueError, OverflowError):
        return False
