"""The behaviour every generated model shares, written once.

A generated model is a table of :func:`field` declarations. This module turns that
table into the swagger-codegen surface users know (keyword constructor, properties,
``swagger_types``, ``attribute_map``, ``to_dict``, ``to_str``, ``==``) plus the things
the generator never did: inherited ``allOf`` properties, wire-exact round trips,
tolerance of newer servers, and secret-free reprs.

How values live in an instance:

* ``_raw`` is the JSON object the model was read from (``None`` for models built in
  code). It keeps unknown properties and exact wire values.
* A field is decoded from ``_raw`` the first time it is read and cached in the
  instance ``__dict__`` under its Python name. Reading a large response therefore
  costs no more than ``json.loads`` until the caller looks inside it.

Input (server data) is tolerant: unknown properties are kept, unknown enum values
are kept as strings, ``null`` is accepted anywhere. Values of the wrong JSON type are
reported with :class:`~swagger_client.exceptions.ApiTypeError` naming the model and
property when they are read. Output (values assigned in code) is strict while client
side validation is on (the default).
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar

from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.redaction import MASK

__all__ = ["Model", "EnumModel", "field", "parse_datetime", "resolve_type"]

M = TypeVar("M", bound="Model")

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
            self.encode_like = lambda v, raw: raw if _same_instant(raw, v) else self.encode(v)
            self.check = _datetime_checker(_dt.datetime)
        elif t == "date":
            self.decode = _decode_date
            self.encode = lambda v: v.isoformat() if isinstance(v, _dt.date) else v
            self.check = _datetime_checker(_dt.date)
        else:
            cls = resolve_type(t)
            self.model = cls
            if issubclass(cls, EnumModel):
                self.decode = _primitive_decoder(t, (str,), False)
                self.encode = _identity
                self.check = _enum_checker(cls)
            else:
                self.decode = lambda v, where, validate: _decode_model(cls, v, where, validate)
                self.encode = lambda v: v.to_json_dict() if isinstance(v, Model) else v
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


def _primitive_decoder(t: str, accepted: Tuple[type, ...], reject_bool: bool) -> Callable[..., Any]:
    def decode(value: Any, where: str, validate: bool) -> Any:
        if isinstance(value, accepted) and not (reject_bool and isinstance(value, bool)):
            return value
        raise ApiTypeError("%s: expected %s in the server data, got %s" % (where, t, _type_label(value)))

    return decode


def _primitive_checker(t: str, accepted: Tuple[type, ...], reject_bool: bool) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, accepted) or (reject_bool and isinstance(value, bool)):
            raise ApiTypeError("%s must be %s, not %s" % (where, t, _type_label(value)))

    return check


def _datetime_checker(expected: type) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, expected):
            raise ApiTypeError(
                "%s must be a %s.%s, not %s" % (where, expected.__module__, expected.__name__, _type_label(value))
            )

    return check


def _enum_checker(cls: type) -> Callable[[Any, str], None]:
    allowed = cls.allowed_values  # type: ignore[attr-defined]

    def check(value: Any, where: str) -> None:
        if not isinstance(value, str):
            raise ApiTypeError("%s must be a str (one of %s), not %s" % (where, list(allowed), _type_label(value)))
        if value not in allowed:
            raise ApiValueError("Invalid value for %s (%r), must be one of %s" % (where, value, list(allowed)))

    return check


def _model_checker(cls: type) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, cls):
            raise ApiTypeError("%s must be a %s, not %s" % (where, cls.__name__, _type_label(value)))

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
        raise ApiTypeError("%s must be a list, not %s" % (where, _type_label(value)))
    for item in value:
        if item is not None:
            inner.check(item, where + "[]")


def _check_dict(value: Any, inner: _Kind, where: str) -> None:
    if not isinstance(value, dict):
        raise ApiTypeError("%s must be a dict, not %s" % (where, _type_label(value)))
    for item in value.values():
        if item is not None:
            inner.check(item, where + "{}")


def _copy_json(value: Any) -> Any:
    """A deep copy of a JSON value (faster than ``copy.deepcopy``)."""
    if isinstance(value, dict):
        return {k: _copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_json(v) for v in value]
    return value


class Field:
    """One property of a model: Python name, wire name, swagger type and spec docstring.

    It is a data descriptor: reading decodes lazily from the wire data, writing checks
    the value while client side validation is on.
    """

    def __init__(self, wire: str, type_name: str, doc: str = "", secret: bool = False) -> None:
        self.wire = wire
        self.type = type_name
        self.secret = secret
        self.doc = doc
        self.__doc__ = doc  # shown by help() on the model class
        self.name = ""
        self.owner = ""
        self._kind: Optional[_Kind] = None
        self._where = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.owner = owner.__name__
        self._where = "%s.%s" % (owner.__name__, name)

    @property
    def kind(self) -> _Kind:
        kind = self._kind
        if kind is None:
            kind = self._kind = kind_for(self.type)
        return kind

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        values = obj.__dict__
        try:
            return values[self.name]
        except KeyError:
            pass
        raw = values.get("_raw")
        value = None if raw is None else raw.get(self.wire)
        if value is not None:
            try:
                value = self.kind.decode(value, self._where, values.get("_validate", True))
            except (ApiTypeError, ApiValueError) as exc:
                raise self._rename(exc, type(obj).__name__) from None
        # setdefault: two threads decoding at once still share one object.
        return values.setdefault(self.name, value)

    def _rename(self, exc: Exception, class_name: str) -> Exception:
        """Name the class the caller used (``Account.id``), not the one declaring the field."""
        if class_name == self.owner:
            return exc
        return type(exc)(str(exc).replace(self._where, "%s.%s" % (class_name, self.name), 1))

    def peek(self, obj: Any) -> Any:
        """The value for display: decoded when possible, else a marker (never raises)."""
        try:
            return self.__get__(obj)
        except (ApiTypeError, ApiValueError):
            raw = obj.__dict__.get("_raw") or {}
            return InvalidValue(raw.get(self.wire))

    def __set__(self, obj: Any, value: Any) -> None:
        if value is not None and obj.__dict__.get("_validate", True):
            self.kind.check(value, "%s.%s" % (type(obj).__name__, self.name))
        obj.__dict__[self.name] = value

    def __repr__(self) -> str:
        return "<Field %s (%s) %s>" % (self.name, self.wire, self.type)


def field(wire: str, type_name: str, doc: str = "", secret: bool = False) -> Any:
    """Declare a model property; typed ``Any`` so annotations such as ``Optional[str]`` hold."""
    return Field(wire, type_name, doc, secret)


class Model:
    """Base of every generated object model (see the module docstring)."""

    #: swagger-codegen compatible tables, including inherited ``allOf`` properties.
    swagger_types: ClassVar[Dict[str, str]] = {}
    attribute_map: ClassVar[Dict[str, str]] = {}
    _fields: ClassVar[Tuple[Field, ...]] = ()
    _by_name: ClassVar[Dict[str, Field]] = {}
    _by_wire: ClassVar[Dict[str, Field]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inherited = list(cls._fields)
        own = [v for v in cls.__dict__.values() if isinstance(v, Field)]
        fields = tuple(f for f in inherited if f.name not in {o.name for o in own}) + tuple(own)
        cls._fields = fields
        cls._by_name = {f.name: f for f in fields}
        cls._by_wire = {f.wire: f for f in fields}
        cls.swagger_types = {f.name: f.type for f in fields}
        cls.attribute_map = {f.name: f.wire for f in fields}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Build a model from Python-named values; positional values follow field order."""
        configuration = kwargs.pop("_configuration", None)
        values = self.__dict__
        values["_raw"] = None
        if configuration is not None and not getattr(configuration, "client_side_validation", True):
            values["_validate"] = False
        cls = type(self)
        if len(args) > len(cls._fields):
            raise ApiTypeError(
                "%s() takes at most %d positional arguments (%d given)" % (cls.__name__, len(cls._fields), len(args))
            )
        positional = set()
        for f, value in zip(cls._fields, args):
            f.__set__(self, value)
            positional.add(f.name)
        for name, value in kwargs.items():
            named = cls._by_name.get(name)
            if named is None:
                raise ApiTypeError("%s() got an unexpected keyword argument '%s'" % (cls.__name__, name))
            if name in positional:
                raise ApiTypeError("%s() got multiple values for argument '%s'" % (cls.__name__, name))
            named.__set__(self, value)

    # -- reading server data -------------------------------------------------------

    @classmethod
    def _from_wire(cls: Type[M], data: Dict[str, Any], validate: bool = True) -> M:
        obj = cls.__new__(cls)
        values = obj.__dict__
        values["_raw"] = data
        if not validate:
            values["_validate"] = False
        return obj

    @classmethod
    def from_dict(cls: Type[M], data: Optional[Dict[str, Any]]) -> Optional[M]:
        """Build a model from a JSON object with wire (camelCase) names, as the server sends it."""
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ApiTypeError("%s.from_dict() needs a dict, not %s" % (cls.__name__, _type_label(data)))
        return cls._from_wire(data)

    @classmethod
    def from_json(cls: Type[M], text: str) -> Optional[M]:
        """Build a model from a JSON document (``str`` or ``bytes``)."""
        return cls.from_dict(json.loads(text))

    @property
    def additional_properties(self) -> Dict[str, Any]:
        """Properties the server sent that this version of the spec does not know (wire names)."""
        raw = self.__dict__.get("_raw")
        if not raw:
            return {}
        known = type(self)._by_wire
        return {k: v for k, v in raw.items() if k not in known}

    def validate(self: M) -> M:
        """Decode every property of the whole tree now, raising on any value of the wrong type."""
        for f in type(self)._fields:
            value = f.__get__(self)
            _validate_nested(value)
        return self

    # -- writing -------------------------------------------------------------------

    def to_json_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict with wire names; round-trips exactly what the server sent."""
        values = self.__dict__
        raw = values.get("_raw")
        result: Dict[str, Any] = {}
        for f in type(self)._fields:
            name = f.name
            if name in values:
                value = values[name]
                if value is None:
                    if raw is not None and f.wire in raw:
                        result[f.wire] = None
                elif raw is not None:
                    result[f.wire] = f.kind.encode_like(value, raw.get(f.wire))
                else:
                    result[f.wire] = f.kind.encode(value)
            elif raw is not None and f.wire in raw:
                result[f.wire] = _copy_json(raw[f.wire])
        if raw:
            known = type(self)._by_wire
            for key, value in raw.items():
                if key not in known:
                    result[key] = _copy_json(value)
        return result

    def to_json(self) -> str:
        """The model as a JSON document with wire names."""
        return json.dumps(self.to_json_dict())

    def to_dict(self) -> Dict[str, Any]:
        """Python-named dict of every property (swagger-codegen compatible).

        Nested models and lists are converted too; unknown server properties are
        appended under their wire names so no data is lost.
        """
        result: Dict[str, Any] = {}
        for f in type(self)._fields:
            result[f.name] = _to_python(f.__get__(self))
        for key, value in self.additional_properties.items():
            result[key] = _copy_json(value)
        return result

    def to_str(self) -> str:
        """Pretty-printed properties, with secret values masked."""
        import pprint  # only for display; keeps the import of the package light

        return pprint.pformat(self._masked_dict())

    def _masked_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = {}
        for f in type(self)._fields:
            value = f.peek(self)
            result[f.name] = MASK if (f.secret and value is not None) else _to_masked(value)
        from swagger_client.redaction import redact_json

        for key, value in self.additional_properties.items():
            result[key] = redact_json(value)
        return result

    def __repr__(self) -> str:
        return self.to_str()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, Model)
        return self.to_json_dict() == other.to_json_dict()

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # mutable, like swagger-codegen models

    def __getstate__(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)


def _same_instant(raw_value: Any, value: Any) -> bool:
    if not isinstance(raw_value, str):
        return False
    try:
        return bool(parse_datetime(raw_value) == value)
    except (ValueError, OverflowError):
        return False


def _to_python(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_python(v) for k, v in value.items()}
    return value


def _to_masked(value: Any) -> Any:
    if isinstance(value, Model):
        return value._masked_dict()
    if isinstance(value, list):
        return [_to_masked(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_masked(v) for k, v in value.items()}
    return value


def _validate_nested(value: Any) -> None:
    if isinstance(value, Model):
        value.validate()
    elif isinstance(value, list):
        for v in value:
            _validate_nested(v)
    elif isinstance(value, dict):
        for v in value.values():
            _validate_nested(v)


class InvalidValue(object):
    """Shown by ``repr()`` in place of server data that does not fit its property."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def __repr__(self) -> str:
        return "<invalid %s>" % _type_label(self.raw)


class EnumModel(str):
    """Base of the generated enum classes.

    Values travel as plain strings; the class lists the allowed ones as constants
    and in ``allowed_values``. ``RoleEnum("superAdmin")`` is accepted (a newer server
    may send it); :meth:`is_known` tells whether this spec version lists the value.
    """

    allowed_values: ClassVar[Tuple[str, ...]] = ()
    swagger_types: ClassVar[Dict[str, str]] = {}
    attribute_map: ClassVar[Dict[str, str]] = {}

    @classmethod
    def is_known(cls, value: str) -> bool:
        """Whether ``value`` is one of the values this spec version lists."""
        return value in cls.allowed_values

    def to_dict(self) -> str:
        return str(self)

    def to_str(self) -> str:
        return str(self)
