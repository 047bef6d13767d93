"""Step two of a call: credentials are added to the request.

One :class:`AuthBase` object per client applies them. The default,
:class:`ConfigurationAuth`, reads the configuration on every call and, for the
operation's security requirements (any one set, all schemes of a set), sends the
credentials of the first set it can satisfy, in the order session token, access
client token, Basic. The schemes themselves come from the spec
(:data:`swagger_client.spec_tables.SECURITY_SCHEMES`).

To plug in another scheme, subclass :class:`AuthBase` and override :meth:`AuthBase.apply`
(one request) or :meth:`AuthBase.auth_flow`, a generator that may answer a response
with another request: that is how a session logs in again when its token expires
(:class:`swagger_client.session.SessionAuth`). Pass it as ``ApiClient(auth=...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Generator, Mapping, Optional, Sequence, Set, Tuple

from swagger_client import spec_tables

if TYPE_CHECKING:
    from swagger_client.configuration import Configuration
    from swagger_client.request import Request

__all__ = ["AuthBase", "NoAuth", "ConfigurationAuth", "Scheme", "scheme", "credential_headers", "has_credential"]


class AuthBase(object):
    """Adds credentials to each request of a client (override :meth:`apply` or :meth:`auth_flow`)."""

    def apply(self, request: Request) -> None:
        """Add this auth's headers to ``request`` (in place)."""

    def auth_flow(self, request: Request) -> Generator[Request, Any, None]:
        """Yield the request to send; the response is sent back in.

        Yielding again sends another request (e.g. after logging in again); returning
        hands the last response to the caller. Runs on the thread that performs the
        call, for ``async_req=True`` calls too.
        """
        self.apply(request)
        yield request


class NoAuth(AuthBase):
    """Sends no credentials at all."""


class Scheme(object):
    """One security scheme of the spec, and how to read its value from a configuration."""

    __slots__ = ("header", "kind", "name")

    def __init__(self, name: str, kind: str, header: str) -> None:
        self.name = name
        self.kind = kind  # "apiKey" (a header carries the value) or "basic"
        self.header = header

    def credential(self, configuration: Configuration) -> Optional[str]:
        """The header value this scheme would send, or ``None`` when not configured."""
        if self.kind == "basic":
            return configuration.get_basic_auth_token()
        return configuration.get_api_key_with_prefix(self.header) or None

    def __repr__(self) -> str:
        return "Scheme(%r, %r, header=%r)" % (self.name, self.kind, self.header)


_SCHEMES: Dict[str, Scheme] = {
    name: Scheme(name, kind, header) for name, (kind, header) in spec_tables.SECURITY_SCHEMES.items()
}
#: Every header that carries a credential, lower case (a caller passing one in ``_headers`` wins).
_CREDENTIAL_HEADERS = frozenset(
    [s.header.lower() for s in _SCHEMES.values()] + [h.lower() for h in spec_tables.CREDENTIAL_HEADERS]
)


def scheme(name: str) -> Scheme:
    """The spec's security scheme called ``name``."""
    return _SCHEMES[name]


def has_credential(headers: Mapping[str, str]) -> bool:
    """Whether ``headers`` already carry a credential of one of the spec's schemes."""
    return any(name.lower() in _CREDENTIAL_HEADERS for name in headers)


def _rank(requirement: Sequence[str]) -> int:
    order = spec_tables.CREDENTIAL_ORDER
    return min((order.index(s) if s in order else len(order)) for s in requirement) if requirement else len(order)


_ANY_CONFIGURED: Tuple[Tuple[str, ...], ...] = tuple((name,) for name in spec_tables.CREDENTIAL_ORDER)
#: Each operation's requirement sets in the preferred order, sorted once.
_PREFERRED: Dict[Optional[Tuple[Tuple[str, ...], ...]], Tuple[Tuple[str, ...], ...]] = {}


def _preferred(security: Optional[Tuple[Tuple[str, ...], ...]]) -> Tuple[Tuple[str, ...], ...]:
    ordered = _PREFERRED.get(security)
    if ordered is None:
        ordered = _PREFERRED[security] = tuple(sorted(_ANY_CONFIGURED if security is None else security, key=_rank))
    return ordered


def credential_headers(configuration: Configuration, security: Optional[Tuple[Tuple[str, ...], ...]]) -> Dict[str, str]:
    """The headers of the first requirement set ``configuration`` satisfies.

    ``None`` (the spec lists no security): the one configured credential that comes
    first in the preferred order. ``()``: none (a guest call).
    """
    settings = _overridden_settings(configuration)
    for requirement in _preferred(security):
        found: Dict[str, str] = {}
        for name in requirement:
            header, value = _credential(configuration, settings, name)
            if not value:
                break
            found[header] = value
        else:
            if found:
                return found
    return {}


def _credential(configuration: Configuration, settings: Optional[Dict[str, Any]], name: str) -> Tuple[str, Any]:
    """``(header, value)`` of one scheme: from ``auth_settings()`` when a subclass overrides
    it, else read from the configuration (prefix and refresh hook included)."""
    if settings is not None:
        setting = settings.get(name) or {}
        return setting.get("key", ""), setting.get("value")
    known = _SCHEMES.get(name)
    return (known.header, known.credential(configuration)) if known is not None else ("", None)


def _overridden_settings(configuration: Configuration) -> Optional[Dict[str, Any]]:
    """``auth_settings()`` when a Configuration subclass changed it (swagger-codegen's hook)."""
    cls = type(configuration)
    if cls in _PLAIN_CONFIGURATIONS:
        return None
    from swagger_client.configuration import Configuration

    if cls.auth_settings is Configuration.auth_settings:
        _PLAIN_CONFIGURATIONS.add(cls)
        return None
    return configuration.auth_settings()


#: Configuration classes known not to override ``auth_settings``.
_PLAIN_CONFIGURATIONS: Set[type] = set()


class ConfigurationAuth(AuthBase):
    """The credentials of a :class:`~swagger_client.Configuration`, read on every call."""

    def __init__(self, configuration: Configuration) -> None:
        self.configuration = configuration

    def apply(self, request: Request) -> None:
        if has_credential(request.headers):
            return  # the caller passed one in _headers: it replaces the configured one
        operation = request.operation
        security = operation.security if operation is not None else None
        request.headers.update(credential_headers(self.configuration, security))
