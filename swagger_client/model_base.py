"""The behaviour every generated model shares, written once.

A generated model is a table of :func:`field` declarations. This module turns that
table into the swagger-codegen surface users know (keyword constructor, properties,
``swagger_types``, ``attribute_map``, ``to_dict``, ``to_str``, ``==``) plus the things
the generator never did: inherited ``allOf`` properties, wire-exact round trips,
tolerance of newer servers, and secret-free reprs.

How values live in an instance:

* ``_raw`` is the JSON object the model was read from (``None`` for models built in
  code). It keeps unknown properties and exact wire values.
* Nothing is decoded until a property is first read: an answer the caller does not
  look into costs no more than ``json.loads``. The first read of any property decodes
  the whole object, nested objects included, into the instances' ``__dict__``, with a
  decoder compiled once per class (:func:`_compile_decoder`: straight-line code, no
  per-value type dispatch). Properties are non-data descriptors, so every later read
  is a plain attribute lookup.
* Assignments go through :meth:`Model.__setattr__`, which checks the value.

Input (server data) is tolerant: unknown properties are kept, unknown enum values
are kept as strings, ``null`` is accepted anywhere. Values of the wrong JSON type are
reported with :class:`~swagger_client.exceptions.ApiTypeError` naming the model and
property when they are read. Output (values assigned in code) is strict while client
side validation is on (the default).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar

from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.model_codecs import _Kind, _type_label, copy_json, kind_for, parse_datetime, resolve_type
from swagger_client.redaction import MASK

__all__ = ["Model", "EnumModel", "OneOf", "field", "parse_datetime", "resolve_type"]

M = TypeVar("M", bound="Model")


class Field:
    """One property of a model: Python name, wire name, swagger type and spec docstring.

    A non-data descriptor: once an object's properties are decoded they live in its
    ``__dict__`` and are read without calling back here. This runs only for a property
    not decoded yet (the object's first read) or whose server value is invalid (the
    read raises, naming the model and property).
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
        raw = values.get("_raw")
        if raw is None:
            return values.get(self.name)  # built in code: a property never set is None
        decoded = values.get("_m")
        if decoded is None:
            cls = obj.__class__
            fresh: Dict[str, Any] = {}
            (_DECODERS.get(cls) or _compile_decoder(cls))(raw, values.get("_validate", True), fresh)
            decoded = values.setdefault("_m", fresh)  # two threads at once: the first stored wins
            if decoded is fresh:
                values.update(fresh)
        if decoded is not True:
            try:
                return decoded[self.name]
            except KeyError:
                pass
        return self._decode_one(obj, values, raw)  # the server value is invalid: this raises

    def _decode_one(self, obj: Any, values: Dict[str, Any], raw: Dict[str, Any]) -> Any:
        value = raw.get(self.wire)
        if value is None:
            return None
        try:
            return self.kind.decode(value, self._where, values.get("_validate", True))
        except (ApiTypeError, ApiValueError) as exc:
            raise self._rename(exc, type(obj).__name__) from None

    def _rename(self, exc: Exception, class_name: str) -> Exception:
        """Name the class the caller used (``Account.id``), not the one declaring the field."""
        if class_name == self.owner:
            return exc
        return type(exc)(str(exc).replace(self._where, "%s.%s" % (class_name, self.name), 1))

    def peek(self, obj: Any) -> Any:
        """The value for display: decoded when possible, else a marker (never raises)."""
        try:
            return getattr(obj, self.name)
        except (ApiTypeError, ApiValueError):
            raw = obj.__dict__.get("_raw") or {}
            return InvalidValue(raw.get(self.wire))

    def assign(self, obj: Any, value: Any) -> None:
        """Set the property on ``obj``, checking the value while client side validation is on."""
        values = obj.__dict__
        if value is not None and values.get("_validate", True):
            self.kind.check(value, "%s.%s" % (type(obj).__name__, self.name))
        if values.get("_raw") is not None and "_m" not in values:
            _materialize(type(obj), values, values["_raw"])  # so decoding later cannot overwrite it
        values[self.name] = value

    def __repr__(self) -> str:
        return "<Field %s (%s) %s>" % (self.name, self.wire, self.type)


def _materialize(cls: Any, values: Dict[str, Any], raw: Dict[str, Any]) -> None:
    """Decode every property of an object read from the server into its ``__dict__``.

    ``_m`` marks it decoded: the dict of what was decoded for an object decoded on its
    own (two threads decoding at once agree on that one), ``True`` for a nested object
    decoded in place with its parent. (:meth:`Field.__get__` has this inlined.)
    """
    fresh: Dict[str, Any] = {}
    (_DECODERS.get(cls) or _compile_decoder(cls))(raw, values.get("_validate", True), fresh)
    if values.setdefault("_m", fresh) is fresh:
        values.update(fresh)


#: A compiled decoder: ``decode(raw, validate, into)`` stores each valid property in ``into``.
Decoder = Callable[[Dict[str, Any], bool, Dict[str, Any]], None]
#: Each model class's compiled decoder (see _compile_decoder).
_DECODERS: Dict[type, Decoder] = {}


def _decoded_models(cls: Any, items: Any, where: str, validate: bool) -> Any:
    """A JSON array of objects as decoded models (one loop: the hot path of big answers)."""
    if items.__class__ is not list:
        raise ApiTypeError("%s: expected a JSON array in the server data, got %s" % (where, _type_label(items)))
    new = object.__new__
    decode = _DECODERS.get(cls) or _compile_decoder(cls)
    result: List[Any] = []
    append = result.append
    for item in items:
        if item is None:
            append(None)
            continue
        if item.__class__ is not dict:
            raise ApiTypeError(
                "%s: expected a JSON object (%s) in the server data, got %s" % (where, cls.__name__, _type_label(item))
            )
        obj = new(cls)
        values = obj.__dict__
        values["_raw"] = item
        if not validate:
            values["_validate"] = False
        values["_m"] = True
        decode(item, validate, values)
        append(obj)
    return result


def _new_model(cls: Any, data: Dict[str, Any], validate: bool) -> Any:
    obj = object.__new__(cls)
    values = obj.__dict__
    values["_raw"] = data
    if not validate:
        values["_validate"] = False
    return obj


#: How the compiled decoder accepts a value of each primitive type (anything else is invalid).
_EXACT_CLASSES = {"str": "v.__class__ is str", "int": "v.__class__ is int", "bool": "v.__class__ is bool"}
_EXACT_CLASSES["float"] = "v.__class__ is float or v.__class__ is int"


def _is_model_list(type_name: str) -> bool:
    if not type_name.startswith("list["):
        return False
    model = kind_for(type_name[5:-1]).model
    return model is not None and not issubclass(model, EnumModel)


def _decoder_on_first_call(scope: Dict[str, Any], key: str, cls: Any) -> Decoder:
    """Stands in for a nested class's decoder in a decoder's globals until first used
    (classes refer to each other, and to themselves), then puts the real one there."""

    def first_call(raw: Dict[str, Any], validate: bool, into: Dict[str, Any]) -> None:
        decoder = _DECODERS.get(cls) or _compile_decoder(cls)
        scope[key] = decoder
        decoder(raw, validate, into)

    return first_call


def _is_simple(f: Field) -> bool:
    """A property decoded by a type check alone (a primitive, an enum or free-form)."""
    model = f.kind.model
    return f.type in _EXACT_CLASSES or f.type == "object" or (model is not None and issubclass(model, EnumModel))


#: Most properties a nested object may bring (its own nested ones included) to be decoded
#: inline in its parent's decoder, without a call.
_INLINE_BUDGET = 40


def _inline_size(cls: Any, stack: Tuple[Any, ...]) -> Optional[int]:
    """How many properties inlining ``cls`` would emit, or ``None`` when it cannot be inlined
    (it would be inlined into itself a second time, or is too big). A self-referencing
    class (a ``User`` with a ``user``) is inlined one level deep, then called."""
    if stack.count(cls) >= 2:
        return None
    size = 0
    for f in cls._model_fields:
        model = f.kind.model
        if _is_simple(f) or model is None:
            size += 1
            continue
        inner = _inline_size(model, (*stack, cls))
        if inner is None:
            return None
        size += 1 + inner
    return size if size <= _INLINE_BUDGET else None


def _simple_lines(f: Field, raw: str, value: str, into: str, indent: str) -> List[str]:
    name, wire = repr(f.name), repr(f.wire)
    lines = ["%s%s = %s[%s] if %s in %s else None" % (indent, value, raw, wire, wire, raw)]  # faster than get()
    if f.type == "object":
        lines.append("%s%s[%s] = %s" % (indent, into, name, value))
    else:
        test = _EXACT_CLASSES.get(f.type, "v.__class__ is str").replace("v.", value + ".")
        lines.append("%sif %s or %s is None: %s[%s] = %s" % (indent, test, value, into, name, value))
    return lines


class _Emitter(object):
    """Writes the source of one class's decoder; nested objects of small classes inline."""

    def __init__(self) -> None:
        self.scope: Dict[str, Any] = {
            "ApiTypeError": ApiTypeError,
            "ApiValueError": ApiValueError,
            "new": object.__new__,
            "models": _decoded_models,
            "datetime": parse_datetime,
        }
        self._names = 0

    def name(self, value: Any) -> str:
        self._names += 1
        key = "X%d" % self._names
        self.scope[key] = value
        return key

    def fields(self, cls: Any, raw: str, into: str, depth: int, stack: Tuple[Any, ...]) -> List[str]:
        indent = "    " * (depth + 1)
        v = "v%d" % depth
        lines: List[str] = []
        for f in cls._model_fields:
            name, wire = repr(f.name), repr(f.wire)
            where = "%s.%s" % (cls.__name__, f.name)
            model = f.kind.model
            if _is_simple(f):
                lines += _simple_lines(f, raw, v, into, indent)
                continue
            lines.append("%s%s = %s[%s] if %s in %s else None" % (indent, v, raw, wire, wire, raw))
            lines.append("%sif %s is None: %s[%s] = None" % (indent, v, into, name))
            if model is not None:
                o, od = "o%d" % depth, "od%d" % depth
                lines += [  # the nested object, decoded now, in place
                    "%selif %s.__class__ is dict:" % (indent, v),
                    "%s    %s = new(%s)" % (indent, o, self.name(model)),
                    "%s    %s = %s.__dict__" % (indent, od, o),
                    "%s    %s['_raw'] = %s" % (indent, od, v),
                    "%s    if not validate: %s['_validate'] = False" % (indent, od),
                    "%s    %s['_m'] = True" % (indent, od),
                ]
                if _inline_size(model, (*stack, cls)) is not None:
                    lines += self.fields(model, v, od, depth + 1, (*stack, cls))
                else:
                    key = "D%d" % (self._names + 1)
                    self.name(None)
                    self.scope[key] = _decoder_on_first_call(self.scope, key, model)
                    lines.append("%s    %s(%s, validate, %s)" % (indent, key, v, od))
                lines.append("%s    %s[%s] = %s" % (indent, into, name, o))
            elif f.type == "datetime":
                lines += [
                    "%selif %s.__class__ is str:" % (indent, v),
                    "%s    try: %s[%s] = datetime(%s)" % (indent, into, name, v),
                    "%s    except (ValueError, OverflowError): pass" % indent,
                ]
            elif _is_model_list(f.type):
                item = self.name(kind_for(f.type[5:-1]).model)
                lines += [
                    "%selse:" % indent,
                    "%s    try: %s[%s] = models(%s, %s, %r, validate)" % (indent, into, name, item, v, where),
                    "%s    except ApiTypeError: pass" % indent,
                ]
            else:  # date, other lists and maps: the type's own decoder
                decode = self.name(f.kind.decode)
                lines += [
                    "%selse:" % indent,
                    "%s    try: %s[%s] = %s(%s, %r, validate)" % (indent, into, name, decode, v, where),
                    "%s    except (ApiTypeError, ApiValueError): pass" % indent,
                ]
        return lines


def _compile_decoder(cls: Any) -> Decoder:
    """The per-class decoder: straight-line code, one block per property, built once.

    Nested objects of small classes are decoded inline (no call), others by their own
    class's decoder. Values of the wrong type are left out of the result, so reading
    them goes through :meth:`Field.__get__` and raises with the model and property named.
    """
    emitter = _Emitter()
    lines = ["def decode(raw, validate, m):", *emitter.fields(cls, "raw", "m", 0, ())]
    if len(lines) == 1:
        lines.append("    pass")  # a schema without properties
    exec(compile("\n".join(lines), "<decoder of %s>" % cls.__name__, "exec"), emitter.scope)
    decoder: Decoder = emitter.scope["decode"]
    _DECODERS[cls] = decoder
    return decoder


def field(wire: str, type_name: str, doc: str = "", secret: bool = False) -> Any:
    """Declare a model property; typed ``Any`` so annotations such as ``Optional[str]`` hold."""
    return Field(wire, type_name, doc, secret)


class Alias:
    """A second Python name for a field: swagger-codegen says ``Transaction._date``, earlier
    releases of this client said ``date``; both read and write the same value, and both
    are constructor keywords (``to_dict()`` uses the field's own name)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.__doc__ = "Alias of ``%s``." % target

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        cls = owner if owner is not None else type(obj)
        target = cls._by_name[self.target]
        return target if obj is None else getattr(obj, target.name)

    def __set__(self, obj: Any, value: Any) -> None:
        type(obj)._by_name[self.target].assign(obj, value)


def alias(target: str) -> Any:
    """Declare another name for the field ``target``; typed ``Any`` like :func:`field`."""
    return Alias(target)


class Model:
    """Base of every generated object model (see the module docstring)."""

    #: swagger-codegen compatible tables, including inherited ``allOf`` properties.
    swagger_types: ClassVar[Dict[str, str]] = {}
    attribute_map: ClassVar[Dict[str, str]] = {}
    #: swagger-codegen's polymorphism hook; no schema of this spec has a discriminator.
    discriminator: ClassVar[Optional[Dict[str, str]]] = None
    _model_fields: ClassVar[Tuple[Field, ...]] = ()
    _positional: ClassVar[Tuple[Field, ...]] = ()
    _by_name: ClassVar[Dict[str, Field]] = {}
    _by_wire: ClassVar[Dict[str, Field]] = {}
    #: How swagger_client.model_codecs builds this type's codec.
    codec_role: ClassVar[str] = "model"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inherited = list(cls._model_fields)
        own = [v for v in cls.__dict__.values() if isinstance(v, Field)]
        kept = tuple(f for f in inherited if f.name not in {o.name for o in own})
        fields = kept + tuple(own)
        cls._model_fields = fields
        # Positional arguments: own properties first, as swagger-codegen's constructors
        # (which had no inherited ones) take them, then the inherited ones.
        cls._positional = tuple(own) + tuple(f for f in cls._positional if f in kept)
        cls._by_name = {f.name: f for f in fields}
        for name, value in list(vars(cls).items()):
            if isinstance(value, Alias):
                cls._by_name[name] = cls._by_name[value.target]
        cls._by_wire = {f.wire: f for f in fields}
        cls.swagger_types = {f.name: f.type for f in fields}
        cls.attribute_map = {f.name: f.wire for f in fields}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Build a model from Python-named values; positional values follow swagger-codegen's order."""
        configuration = kwargs.pop("_configuration", None)
        values = self.__dict__
        values["_raw"] = None
        if configuration is not None and not getattr(configuration, "client_side_validation", True):
            values["_validate"] = False
        cls = type(self)
        if len(args) > len(cls._positional):
            raise ApiTypeError(
                "%s() takes at most %d positional arguments (%d given)"
                % (cls.__name__, len(cls._positional), len(args))
            )
        positional = set()
        for f, value in zip(cls._positional, args):
            f.assign(self, value)
            positional.add(f.name)
        for name, value in kwargs.items():
            named = cls._by_name.get(name)
            if named is None:
                raise ApiTypeError("%s() got an unexpected keyword argument '%s'" % (cls.__name__, name))
            if name in positional:
                raise ApiTypeError("%s() got multiple values for argument '%s'" % (cls.__name__, name))
            named.assign(self, value)

    # -- reading server data -------------------------------------------------------

    @classmethod
    def _from_wire(cls: Type[M], data: Dict[str, Any], validate: bool = True) -> M:
        obj: M = _new_model(cls, data, validate)
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
        for f in type(self)._model_fields:
            value = getattr(self, f.name)
            _validate_nested(value)
        return self

    # -- writing -------------------------------------------------------------------

    def to_json_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict with wire names; round-trips exactly what the server sent."""
        values = self.__dict__
        raw = values.get("_raw")
        result: Dict[str, Any] = {}
        for f in type(self)._model_fields:
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
                result[f.wire] = copy_json(raw[f.wire])
        if raw:
            known = type(self)._by_wire
            for key, value in raw.items():
                if key not in known:
                    result[key] = copy_json(value)
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
        for f in type(self)._model_fields:
            result[f.name] = _to_python(getattr(self, f.name))
        for key, value in self.additional_properties.items():
            result[key] = copy_json(value)
        return result

    def to_str(self) -> str:
        """Pretty-printed properties, with secret values masked."""
        import pprint  # only for display; keeps the import of the package light

        return pprint.pformat(self._masked_dict())

    def _masked_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = {}
        for f in type(self)._model_fields:
            value = f.peek(self)
            result[f.name] = MASK if (f.secret and value is not None) else _to_masked(value)
        from swagger_client.redaction import redact_json

        for key, value in self.additional_properties.items():
            result[key] = redact_json(value)
        return result

    def __repr__(self) -> str:
        """One line: the class and a few identifying properties (``to_str()`` has the whole tree)."""
        shown = []
        for f in sorted(type(self)._model_fields, key=_identifying_first):
            value = f.peek(self)
            if value is None or isinstance(value, (Model, list, dict)):
                continue
            shown.append("%s=%s" % (f.name, MASK if f.secret else _short(value)))
            if len(shown) == 3:
                break
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    if not TYPE_CHECKING:  # hidden from type checkers, which flag a misspelt property themselves

        def __setattr__(self, name: str, value: Any) -> None:
            cls = type(self)
            target = cls._by_name.get(name)
            if target is not None:
                target.assign(self, value)
                return
            # A misspelt property (auth.rolee = ...) would otherwise be set and never sent.
            if not name.startswith("_") and not hasattr(cls, name):
                import difflib

                close = difflib.get_close_matches(name, list(cls._by_name), n=1)
                hint = "; did you mean %r?" % close[0] if close else ""
                raise AttributeError("%s has no property %r%s" % (cls.__name__, name, hint))
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, Model)
        return self.to_json_dict() == other.to_json_dict()

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # mutable, like swagger-codegen models


#: Properties that say which entity a model is, shown first by ``repr``.
_IDENTIFYING = ("id", "internal_name", "display", "name", "code", "kind", "role", "status", "number")


def _identifying_first(f: Field) -> int:
    return _IDENTIFYING.index(f.name) if f.name in _IDENTIFYING else len(_IDENTIFYING)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


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


class OneOf(object):
    """Base of a generated ``oneOf`` schema: it names the models a value may be.

    A value is decoded as the model its discriminator names; without one (or with a
    value the mapping does not know), as the first choice that declares every property
    the value has, else the first choice. Values are instances of the chosen model.
    """

    choices: ClassVar[Tuple[str, ...]] = ()
    discriminator: ClassVar[Optional[Tuple[str, Dict[str, str]]]] = None
    #: How swagger_client.model_codecs builds this type's codec.
    codec_role: ClassVar[str] = "one_of"

    @classmethod
    def choose(cls, data: Dict[str, Any]) -> Any:
        """The model class for the JSON object ``data``."""
        if cls.discriminator is not None:
            prop, mapping = cls.discriminator
            value = data.get(prop)
            name = mapping.get(value) if isinstance(value, str) else None
            if name is not None:
                return resolve_type(name)
        for name in cls.choices:
            model = resolve_type(name)
            if set(data) <= set(model._by_wire):
                return model
        return resolve_type(cls.choices[0])


class EnumModel(str):
    """Base of the generated enum classes.

    Values travel as plain strings; the class lists the allowed ones as constants
    and in ``allowed_values``. ``RoleEnum("superAdmin")`` is accepted (a newer server
    may send it); :meth:`is_known` tells whether this spec version lists the value.
    """

    allowed_values: ClassVar[Tuple[str, ...]] = ()
    swagger_types: ClassVar[Dict[str, str]] = {}
    attribute_map: ClassVar[Dict[str, str]] = {}
    #: How swagger_client.model_codecs builds this type's codec.
    codec_role: ClassVar[str] = "enum"

    @classmethod
    def is_known(cls, value: str) -> bool:
        """Whether ``value`` is one of the values this spec version lists."""
        return value in cls.allowed_values

    def to_dict(self) -> str:
        return str(self)

    def to_str(self) -> str:
        return str(self)
