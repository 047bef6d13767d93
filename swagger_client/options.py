"""The options of one call, read and checked once before it starts.

Every generated method accepts swagger-codegen's keywords (``async_req``,
``_return_http_data_only``, ``_preload_content``, ``_request_timeout``) and
``_headers``. :func:`call_options` checks them, and resolves the timeout against the
configuration, exactly once: the later steps only read the result.

What is read from the configuration on every call: ``host``, the credentials,
``channel``, ``timeout``, ``total_timeout``, ``max_response_bytes``,
``follow_redirects``, ``retries``, ``debug`` and ``client_side_validation``. The
transport settings (TLS, proxy, pool size) are compared on every call too, and the
connection pool is rebuilt on the next call after one changes (see
:mod:`swagger_client.pools`).
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple, Optional, Tuple

import urllib3

from swagger_client.configuration import UNSET, Configuration, normalize_timeout
from swagger_client.exceptions import ApiTypeError

__all__ = ["CallOptions", "call_options", "resolve_timeout", "CALL_KEYWORDS"]

CALL_KEYWORDS = frozenset({"async_req", "_return_http_data_only", "_preload_content", "_request_timeout", "_headers"})


class CallOptions(NamedTuple):
    """How one call runs (resolved from its keywords and the configuration)."""

    #: Each connect and each read.
    timeout: urllib3.Timeout
    #: Seconds the whole call may take (``None``: no deadline), and where that came from.
    total: Optional[float]
    total_source: str
    preload: bool = True
    data_only: bool = False
    headers: Optional[Mapping[str, str]] = None
    async_req: bool = False


def call_options(configuration: Configuration, kwargs: Mapping[str, Any], where: str) -> CallOptions:
    """Check a generated method's keywords; ``where`` names the method in messages."""
    if len(kwargs) == 1 and kwargs.get("_return_http_data_only") is True:
        return _plain_call(configuration)  # what nearly every call is: no keyword of its own
    for key in kwargs:
        if key not in CALL_KEYWORDS:
            raise ApiTypeError("Got an unexpected keyword argument '%s' to method %s" % (key, where))
    headers = kwargs.get("_headers")
    if headers is not None and not isinstance(headers, Mapping):
        raise ApiTypeError("%s(_headers=...) must be a dict, not %s" % (where, type(headers).__name__))
    timeout, total, source = resolve_timeout(
        configuration, kwargs.get("_request_timeout", UNSET), "%s(_request_timeout=...)" % where
    )
    return CallOptions(
        timeout,
        total,
        source,
        preload=bool(kwargs.get("_preload_content", True)),
        data_only=bool(kwargs.get("_return_http_data_only")),
        headers=headers,
        async_req=bool(kwargs.get("async_req")),
    )


def _plain_call(configuration: Configuration) -> CallOptions:
    """The options of a call without keywords, resolved once while the timeouts stay the same."""
    timeout, total, source = resolve_timeout(configuration)
    cached = configuration.__dict__.get("_plain_call")
    if cached is not None and cached.timeout is timeout and cached.total == total:
        plain: CallOptions = cached
        return plain
    plain = CallOptions(timeout, total, source, data_only=True)
    configuration.__dict__["_plain_call"] = plain
    return plain


def resolve_timeout(
    configuration: Configuration, value: Any = UNSET, where: str = "_request_timeout"
) -> Tuple[urllib3.Timeout, Optional[float], str]:
    """The urllib3 timeout (each connect and read), the call's deadline in seconds, and its source.

    A number bounds the whole call as well as each connect and read; so does a
    ``urllib3.Timeout`` with a ``total``. ``Configuration.total_timeout`` bounds every call.
    """
    per_call = value is not UNSET
    if not per_call:
        cached = configuration.__dict__.get("_resolved_timeout")
        if cached is not None and cached[0] is configuration.timeout and cached[1] == configuration.total_timeout:
            known: Tuple[urllib3.Timeout, Optional[float], str] = cached[2]
            return known  # the settings have not changed since it was resolved
    value = normalize_timeout(value, where) if per_call else configuration.timeout
    source_of_value = "_request_timeout" if per_call else "Configuration.timeout"
    total = configuration.total_timeout
    source = "Configuration.total_timeout"
    limit: Any = None
    if value is None:
        timeout = urllib3.Timeout(connect=None, read=None)
    elif isinstance(value, tuple):
        timeout = urllib3.Timeout(connect=value[0], read=value[1])
    elif isinstance(value, (int, float)):
        timeout, limit = urllib3.Timeout(connect=value, read=value), value
    else:
        timeout, limit = value, value.total
    if isinstance(limit, (int, float)) and (total is None or limit < total):
        total, source = limit, source_of_value
    if not per_call:
        resolved = (timeout, total, source)
        configuration.__dict__["_resolved_timeout"] = (configuration.timeout, configuration.total_timeout, resolved)
    return timeout, total, source
