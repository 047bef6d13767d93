"""swagger-codegen's ``rest`` module: ``RESTClientObject`` and the exception names.

``RESTClientObject.request`` (and its per-verb helpers ``GET``, ``POST``...) is a
thin wrapper: it encodes a raw request the way swagger-codegen's did and hands it
to the client's :class:`~swagger_client.transport.Transport`, so raw requests get
the same deadline, size cap, redirect and retry rules, and secret scrubbing.

The exception classes live in :mod:`swagger_client.exceptions` and are re-exported
here because swagger-codegen users import ``ApiException`` from this module.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlencode

import urllib3

from swagger_client.configuration import UNSET, Configuration
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    ConflictException,
    ForbiddenException,
    NotFoundException,
    RedirectError,
    ResponseDecodeError,
    ResponseTooLarge,
    ServiceException,
    UnauthorizedException,
    UnprocessableEntityException,
)
from swagger_client.options import CallOptions, resolve_timeout
from swagger_client.pools import build_pool_manager
from swagger_client.request import Request
from swagger_client.response import RESTResponse
from swagger_client.transport import Transport, Urllib3Transport
from swagger_client.transport_errors import translate_error


class RESTClientObject(object):
    """Sends raw requests for one configuration; safe to share between threads.

    :param transport: the transport to send through (the ``ApiClient``'s own, so
        both share one connection pool); a new urllib3 one when omitted.
    """

    def __init__(
        self,
        configuration: Configuration,
        pools_size: int = 4,
        maxsize: Optional[int] = None,
        transport: Optional[Transport] = None,
    ) -> None:
        self.configuration = configuration
        self.transport = transport if transport is not None else Urllib3Transport(configuration, pools_size, maxsize)

    @property
    def pool_manager(self) -> urllib3.PoolManager:
        """The urllib3 pool manager in use now (rebuilt after a transport setting changes)."""
        if not isinstance(self.transport, Urllib3Transport):
            raise AttributeError("this client's transport (%s) has no urllib3 pool" % type(self.transport).__name__)
        return self.transport.pools.manager

    def close(self) -> None:
        """Close every pooled connection."""
        self.transport.close()

    def request(
        self,
        method: str,
        url: str,
        query_params: Optional[Sequence[Tuple[str, Any]]] = None,
        headers: Optional[Dict[str, str]] = None,
        body: Any = None,
        post_params: Any = None,
        _preload_content: bool = True,
        _request_timeout: Any = UNSET,
    ) -> Any:
        """Send one request; return a :class:`RESTResponse` (or the raw urllib3 response).

        Raises :class:`ApiConnectionError`/:class:`ApiTimeoutError` when no response
        arrives. HTTP error statuses are returned, not raised: the caller maps them.
        """
        method = method.upper()
        headers = dict(headers or {})
        if query_params:
            url += ("&" if "?" in url else "?") + urlencode(list(query_params))
        timeout, total, source = resolve_timeout(self.configuration, _request_timeout)
        payload = _encode_body(body, headers, post_params)
        options = CallOptions(timeout, total, source, preload=_preload_content)
        return self.transport.send(Request(method, url, headers, payload), options)

    # swagger-codegen's per-verb helpers (``rest_client.GET(url, ...)``), kept for compatibility.
    def _verb(method: str) -> Any:  # type: ignore[misc]  # runs at class creation, not a method
        def call(
            self: RESTClientObject,
            url: str,
            headers: Any = None,
            query_params: Any = None,
            post_params: Any = None,
            body: Any = None,
            _preload_content: bool = True,
            _request_timeout: Any = UNSET,
        ) -> Any:
            return self.request(
                method,
                url,
                query_params=query_params,
                headers=headers,
                post_params=post_params,
                body=body,
                _preload_content=_preload_content,
                _request_timeout=_request_timeout,
            )

        call.__name__ = call.__qualname__ = method
        call.__doc__ = "Send a %s request (see :meth:`request`)." % method
        return call

    GET = _verb("GET")
    HEAD = _verb("HEAD")
    OPTIONS = _verb("OPTIONS")
    DELETE = _verb("DELETE")
    POST = _verb("POST")
    PUT = _verb("PUT")
    PATCH = _verb("PATCH")
    del _verb


def _encode_body(body: Any, headers: Dict[str, str], post_params: Any) -> Optional[bytes]:
    if post_params:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urlencode(list(post_params.items() if isinstance(post_params, Mapping) else post_params)).encode("utf-8")
    if body is None:
        return None
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        return body.encode("utf-8")
    headers.setdefault("Content-Type", "application/json")
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


__all__ = [
    "RESTClientObject",
    "RESTResponse",
    "build_pool_manager",
    "translate_error",
    "ApiException",
    "ApiConnectionError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "UnprocessableEntityException",
    "ServiceException",
    "ResponseDecodeError",
    "RedirectError",
    "ResponseTooLarge",
]
