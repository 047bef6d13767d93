"""What an operation is: the description the generator writes for each one.

An :class:`Operation` is plain data, generated from the spec (``swagger_client/api/*``):
where its parameters go, what body it takes, what it answers for each status and
which credentials it accepts. :mod:`swagger_client.request` turns one, with the
caller's arguments, into a request; :mod:`swagger_client.response` turns the answer
into a value or an exception. Nothing here does I/O.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Mapping, NamedTuple, Optional, Tuple, Union

from swagger_client.exceptions import ApiTypeError, ApiValueError

__all__ = [
    "Parameter",
    "Response",
    "Operation",
    "check_header",
    "check_header_value",
    "LOCATIONS",
    "MEDIA_KINDS",
]

#: Where a parameter travels. ``body`` is the whole request body; ``form`` and
#: ``file`` are fields of a multipart (or url-encoded) body.
LOCATIONS = frozenset({"path", "query", "header", "cookie", "body", "form", "file"})
#: How a response body is read: parsed JSON, text, raw bytes, or none expected.
MEDIA_KINDS = frozenset({"json", "text", "binary", "none"})


class Parameter(NamedTuple):
    """One operation parameter: Python name, wire name, location and swagger type.

    ``explode`` applies to a list in the query: repeated keys (``fields=a&fields=b``,
    swagger-codegen's ``multi``) when true, one comma-joined value (``csv``) when false.
    ``secret`` marks values that must never show (a key in a path, a password header).
    """

    name: str
    wire: str
    location: str
    type: str
    required: bool = False
    enum: Optional[Tuple[str, ...]] = None
    explode: bool = True
    secret: bool = False


class Response(NamedTuple):
    """What one status answers: the swagger type of its body and how to read it."""

    type: Optional[str]
    media: str = "json"


#: The key of the response used for any status the operation does not list.
DEFAULT = "default"


class Operation(NamedTuple):
    """One operation of the spec.

    ``security`` lists the credential sets the operation accepts: any one of the
    tuples, each needing all of its schemes (OpenAPI's any-of of all-of). ``None``
    means the spec lists none (any configured credential is sent); ``()`` means
    the operation is called as a guest.
    """

    name: str
    method: str
    path: str
    parameters: Tuple[Parameter, ...]
    responses: Mapping[Union[int, str], Response]
    security: Optional[Tuple[Tuple[str, ...], ...]] = None
    body_media: Optional[str] = None
    accept: str = "application/json"
    deprecated: bool = False

    @property
    def success_status(self) -> int:
        return min(s for s in self.responses if isinstance(s, int) and s < 300)

    @property
    def return_type(self) -> Optional[str]:
        return self.responses[self.success_status].type

    def response_for(self, status: int) -> Optional[Response]:
        """The declared answer for ``status``: its own entry, else ``default``."""
        found = self.responses.get(status)
        return found if found is not None else self.responses.get(DEFAULT)

    @property
    def schemes(self) -> Optional[Tuple[str, ...]]:
        """Every scheme named by any requirement set, in order (``None``: none listed)."""
        if self.security is None:
            return None
        seen: Dict[str, None] = {}
        for requirement in self.security:
            for scheme in requirement:
                seen.setdefault(scheme, None)
        return tuple(seen)


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
