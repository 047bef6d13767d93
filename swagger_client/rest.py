"""HTTP transport over urllib3, and the one place where urllib3 errors become ours.

The exception classes live in :mod:`swagger_client.exceptions` and are re-exported
here because swagger-codegen users import ``ApiException`` from this module.
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import threading
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlencode, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from swagger_client.configuration import UNSET, Configuration, normalize_timeout
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    ConflictException,
    ForbiddenException,
    NotFoundException,
    ResponseDecodeError,
    ServiceException,
    UnauthorizedException,
    UnprocessableEntityException,
)
from swagger_client.pools import build_pool_manager
from swagger_client.redaction import redact_body, redact_headers, redact_url

log = logging.getLogger(__name__)


class _MaskUrllib3Urls(logging.Filter):
    """urllib3 logs request lines with their query string; mask secret parameters there.

    The forgotten-password ``key`` travels in a URL, and an application that turns on
    DEBUG logging globally would otherwise write it to its logs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact_url(a) if isinstance(a, str) else a for a in record.args)
        return True


def _install_urllib3_log_filter() -> None:
    logger = logging.getLogger("urllib3.connectionpool")
    if not any(isinstance(f, _MaskUrllib3Urls) for f in logger.filters):
        logger.addFilter(_MaskUrllib3Urls())


_install_urllib3_log_filter()


class RESTResponse(object):
    """A fully read response: ``status``, ``reason``, ``data`` and headers.

    ``data`` is the body decoded as UTF-8 text, as swagger-codegen's client gave it
    (bytes that are not UTF-8 become U+FFFD instead of raising).
    """

    __slots__ = ("data", "reason", "status", "urllib3_response")

    def __init__(self, resp: Any) -> None:
        self.urllib3_response = resp
        self.status: int = resp.status
        self.reason: str = resp.reason
        raw = resp.data
        self.data: str = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw

    def getheaders(self) -> Any:
        """The response headers (case-insensitive mapping)."""
        return self.urllib3_response.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        return self.urllib3_response.headers.get(name, default)  # type: ignore[no-any-return]


_forks = [0]


def _count_fork() -> None:
    _forks[0] += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_count_fork)


def fork_generation() -> int:
    """How many times this process line has forked: changes in a child, costs no system call."""
    return _forks[0]


class RESTClientObject(object):
    """Sends requests for one configuration; safe to share between threads.

    After ``os.fork()`` the child builds its own pool on first use instead of
    sharing the parent's sockets.
    """

    def __init__(self, configuration: Configuration, pools_size: int = 4, maxsize: Optional[int] = None) -> None:
        self.configuration = configuration
        self._pools_size = pools_size
        self._maxsize = maxsize
        self._lock = threading.Lock()
        self._generation = fork_generation()
        self.pool_manager = build_pool_manager(configuration, pools_size, maxsize)

    def _pool(self) -> urllib3.PoolManager:
        if self._generation != fork_generation():
            with self._lock:
                if self._generation != fork_generation():
                    self.pool_manager = build_pool_manager(self.configuration, self._pools_size, self._maxsize)
                    self._generation = fork_generation()
        return self.pool_manager

    def close(self) -> None:
        """Close every pooled connection."""
        self.pool_manager.clear()

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
        timeout = self._timeout(_request_timeout)
        payload = _encode_body(body, headers, post_params)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "Request %s %s headers=%s body=%s",
                method,
                redact_url(url),
                redact_headers(headers),
                redact_body(payload, json_only=True) if payload else "",
            )
        try:
            response = self._pool().request(
                method,
                url,
                body=payload,
                headers=headers,
                timeout=timeout,
                preload_content=_preload_content,
                enforce_content_length=True,
            )
        except HTTPError as exc:
            raise translate_error(exc, method, url, timeout) from exc
        except (OSError, ssl.SSLError) as exc:  # raised outside urllib3's wrappers on some versions
            raise ApiConnectionError("%s %s: %s" % (method, _where(url), exc.__class__.__name__)) from exc
        if not _preload_content:
            return response
        result = RESTResponse(response)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "Response %s %s for %s %s headers=%s body=%s",
                result.status,
                result.reason,
                method,
                redact_url(url),
                redact_headers(result.getheaders()),
                redact_body(result.data),
            )
        return result

    def _timeout(self, value: Any) -> Any:
        if value is UNSET:
            value = self.configuration.timeout
        else:
            value = normalize_timeout(value, "_request_timeout")
        if value is None:
            return urllib3.Timeout(connect=None, read=None)
        if isinstance(value, tuple):
            return urllib3.Timeout(connect=value[0], read=value[1])
        if isinstance(value, (int, float)):
            return urllib3.Timeout(total=value)
        return value

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


def _where(url: str) -> str:
    """``host:port/path`` of a URL without its query (which may carry a key)."""
    parts = urlsplit(url)
    return "%s://%s%s" % (parts.scheme, parts.netloc.rsplit("@", 1)[-1], parts.path)


def _timeout_seconds(timeout: Any, which: str) -> str:
    value = getattr(timeout, "_" + which, None) if isinstance(timeout, urllib3.Timeout) else None
    if value is None and isinstance(timeout, urllib3.Timeout):
        value = timeout.total
    return "" if value is None or not isinstance(value, (int, float)) else " after %gs" % value


def translate_error(exc: BaseException, method: str, url: str, timeout: Any = None) -> ApiConnectionError:
    """Map a urllib3 failure to :class:`ApiConnectionError` or :class:`ApiTimeoutError`."""
    reason: BaseException = exc
    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        reason = exc.reason
    target = "%s %s" % (method, _where(url))
    # NewConnectionError subclasses ConnectTimeoutError in urllib3, so it is tested first.
    if isinstance(reason, NewConnectionError) and "timed out" not in str(reason):
        return ApiConnectionError("%s: could not connect (%s)" % (target, _os_reason(reason)))
    if isinstance(reason, ConnectTimeoutError):
        return ApiTimeoutError("%s: connect timeout%s" % (target, _timeout_seconds(timeout, "connect")))
    if isinstance(reason, ReadTimeoutError):
        return ApiTimeoutError(
            "%s: read timeout%s (the server accepted the request but did not answer in time)"
            % (target, _timeout_seconds(timeout, "read"))
        )
    if isinstance(reason, SSLError):
        return ApiConnectionError("%s: TLS error: %s" % (target, _describe_tls(reason)))
    if isinstance(reason, ProxyError):
        return ApiConnectionError("%s: proxy error: %s" % (target, redact_url(_first_line(reason))))
    if isinstance(reason, ProtocolError):
        return ApiConnectionError(
            "%s: connection broken while reading the response (%s)" % (target, _os_reason(reason))
        )
    return ApiConnectionError("%s: %s (%s)" % (target, type(reason).__name__, redact_url(_first_line(reason))))


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _os_reason(exc: BaseException) -> str:
    for arg in getattr(exc, "args", ()):
        if isinstance(arg, BaseException):
            return _os_reason(arg)
    text = str(exc)
    for known in ("Connection refused", "Connection reset", "IncompleteRead", "Name or service not known", "timed out"):
        if known.lower() in text.lower():
            return (
                known
                if known != "IncompleteRead"
                else "response ended before Content-Length bytes: " + redact_url(_last_part(text))
            )
    return redact_url(text.split(": ", 1)[-1]) or type(exc).__name__


def _last_part(text: str) -> str:
    return text.rsplit("IncompleteRead", 1)[-1].strip(" ()")


def _describe_tls(exc: BaseException) -> str:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        if "hostname" in text.lower() or "match" in text.lower():
            return "certificate does not match the host name (%s)" % _ssl_detail(text)
        return "certificate verification failed (%s)" % _ssl_detail(text)
    if "doesn't match" in text or "hostname" in text.lower():
        return "certificate does not match the host name (%s)" % _ssl_detail(text)
    return _ssl_detail(text)


def _ssl_detail(text: str) -> str:
    start = text.find("certificate verify failed")
    if start >= 0:
        return text[start:].split(")", 1)[0].rstrip("'\"") + ")"
    return text.splitlines()[0][-200:]


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
]
