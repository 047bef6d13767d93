"""HTTP transport over urllib3, and the one place where urllib3 errors become ours.

One call here is: build the :class:`~swagger_client.call_scope.CallScope` (deadline,
byte budget, the call's secrets), send through urllib3 without letting it follow
redirects, decide about a redirect (:mod:`swagger_client.redirects`), read the body
within the cap (:mod:`swagger_client.response_body`), and translate every failure
into the documented exception tree, with secret values scrubbed from the chained
urllib3 errors.

The exception classes live in :mod:`swagger_client.exceptions` and are re-exported
here because swagger-codegen users import ``ApiException`` from this module.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import ssl
import threading
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Type
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

from swagger_client import logs, redirects
from swagger_client.call_scope import BodyTooLarge, CallScope, DeadlineExceeded
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
    RedirectError,
    ResponseDecodeError,
    ResponseTooLarge,
    ServiceException,
    UnauthorizedException,
    UnprocessableEntityException,
)
from swagger_client.pools import build_pool_manager, proxy_headers_of
from swagger_client.redaction import (
    Scrubber,
    install_log_filters,
    redact_body,
    redact_headers,
    redact_url,
)
from swagger_client.response_body import BodyDecodeFailed, UnsupportedEncoding, read_body
from swagger_client.retries import build_retry

log = logging.getLogger(__name__)

install_log_filters()

#: What a broken server can make urllib3 or http.client raise while a response is read.
_READ_FAILURES = (HTTPError, OSError, ssl.SSLError, http.client.HTTPException, ValueError, OverflowError)


class RESTResponse(object):
    """A fully read response: ``status``, ``reason``, ``data`` and headers.

    ``data`` is the body decoded as UTF-8 text, as swagger-codegen's client gave it
    (bytes that are not UTF-8 become U+FFFD instead of raising).
    """

    __slots__ = ("data", "reason", "secrets", "status", "urllib3_response")

    def __init__(self, resp: Any, raw: Any = None, secrets: Optional[Scrubber] = None) -> None:
        self.urllib3_response = resp
        self.status: int = resp.status
        self.reason: str = resp.reason
        if raw is None:
            raw = resp.data
        self.data: str = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        #: The secret values of the request this answers, to scrub from messages (not shown).
        self.secrets = secrets

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
        self._proxy_headers = proxy_headers_of(configuration)
        self._retries_value: Any = UNSET
        self._retries: Any = None

    def _retry(self) -> Any:
        """The retry policy for ``Configuration.retries`` as it is now (read on every call)."""
        value = self.configuration.retries
        if value is not self._retries_value:
            self._retries, self._retries_value = build_retry(value), value
        return self._retries

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
        timeout, total, source = self._timeouts(_request_timeout)
        payload = _encode_body(body, headers, post_params)
        secrets = Scrubber(headers, payload, url, self._proxy_headers)
        debug = bool(self.configuration.debug)
        with CallScope(total, self.configuration.max_response_bytes, secrets, source, debug) as scope:
            if logs.wanted(log, debug):
                logs.debug(
                    log,
                    debug,
                    "Request %s %s headers=%s body=%s",
                    method,
                    redact_url(url),
                    redact_headers(headers),
                    redact_body(payload, json_only=True, secrets=secrets) if payload else "",
                )
            response = self._exchange(method, url, payload, headers, timeout, scope)
            if not _preload_content and response.status < 300:
                scope.release_readers()  # the caller streams it: no longer this call's limits
                return response
            result = RESTResponse(response, self._read(response, method, url, timeout, scope), secrets)
            if logs.wanted(log, debug):
                logs.debug(
                    log,
                    debug,
                    "Response %s %s for %s %s headers=%s body=%s",
                    result.status,
                    result.reason,
                    method,
                    redact_url(url),
                    redact_headers(result.getheaders()),
                    redact_body(result.data, secrets=secrets),
                )
        return result

    def _exchange(
        self, method: str, url: str, payload: Optional[bytes], headers: Dict[str, str], timeout: Any, scope: CallScope
    ) -> Any:
        """Send, and follow a redirect only where :mod:`swagger_client.redirects` allows it."""
        follow = bool(self.configuration.follow_redirects)
        hops = 0
        while True:
            response = self._urlopen(method, url, payload, headers, timeout, scope)
            if response.status not in redirects.REDIRECT_STATUSES:
                return response
            _discard(response)
            target = redirects.decide(method, url, response, follow, hops, scope.secrets)
            logs.debug(log, scope.debug, "Following a %d redirect of %s to the same origin", response.status, method)
            url, hops = target, hops + 1

    def _urlopen(
        self, method: str, url: str, payload: Optional[bytes], headers: Dict[str, str], timeout: Any, scope: CallScope
    ) -> Any:
        try:
            return self._pool().urlopen(
                method,
                url,
                body=payload,
                headers=headers,
                retries=self._retry(),  # always: urllib3 1.26 would otherwise use Retry.DEFAULT
                redirect=False,
                timeout=timeout,
                preload_content=False,
                decode_content=False,
                enforce_content_length=True,
            )
        except ApiException:
            raise
        except BaseException as exc:  # noqa: BLE001 -- _failure maps what is ours and returns the rest as is
            raise self._failure(exc, method, url, timeout, scope) from _scrubbed(exc, scope.secrets)

    def _read(self, response: Any, method: str, url: str, timeout: Any, scope: CallScope) -> bytes:
        try:
            return read_body(response, scope.max_bytes)
        except BaseException as exc:  # noqa: BLE001 -- every failure closes the connection first
            _discard(response)
            failure = self._failure(exc, method, url, timeout, scope, response)
            if isinstance(exc, (UnsupportedEncoding, BodyDecodeFailed, BodyTooLarge)):
                raise failure from None  # our own signals: the message says it all
            raise failure from _scrubbed(exc, scope.secrets)

    def _failure(
        self, exc: BaseException, method: str, url: str, timeout: Any, scope: CallScope, response: Any = None
    ) -> BaseException:
        """The documented exception for anything raised while sending, or reading ``response``."""
        where = "%s %s" % (method, _where(url))
        status = 0 if response is None else response.status
        headers = None if response is None else response.headers
        if isinstance(exc, (UnsupportedEncoding, BodyDecodeFailed)):
            return ResponseDecodeError(status, "%s: %s" % (where, exc), headers=headers, secrets=scope.secrets)
        if isinstance(exc, BodyTooLarge):
            return ResponseTooLarge(
                status=status,
                reason="%s: the response is larger than Configuration.max_response_bytes (%d bytes); not read"
                % (where, scope.max_bytes or 0),
                headers=headers,
                secrets=scope.secrets,
            )
        if isinstance(exc, DeadlineExceeded) or (isinstance(exc, (HTTPError, OSError)) and scope.expired()):
            return ApiTimeoutError(
                "%s: total timeout of %gs exceeded (%s)" % (where, scope.total or 0, scope.total_source),
                secrets=scope.secrets,
            )
        if isinstance(exc, HTTPError):
            return translate_error(exc, method, url, timeout, scope.secrets)
        if isinstance(exc, _READ_FAILURES):
            what = "connection broken while reading the response" if response is not None else "request failed"
            return ApiConnectionError("%s: %s (%s)" % (where, what, _malformed(exc)), secrets=scope.secrets)
        if isinstance(exc, RecursionError):
            return ApiConnectionError(
                "%s: the response could not be parsed (too deeply nested)" % where, secrets=scope.secrets
            )
        return exc  # KeyboardInterrupt, MemoryError, bugs: not ours to rename

    def _timeouts(self, value: Any) -> Tuple[urllib3.Timeout, Optional[float], str]:
        """The urllib3 timeout (each connect and read), the call's deadline in seconds, and its source."""
        per_call = value is not UNSET
        value = normalize_timeout(value, "_request_timeout") if per_call else self.configuration.timeout
        where = "_request_timeout" if per_call else "Configuration.timeout"
        total = self.configuration.total_timeout
        source = "Configuration.total_timeout"
        limit: Any = None
        if value is None:
            timeout = urllib3.Timeout(connect=None, read=None)
        elif isinstance(value, tuple):
            timeout = urllib3.Timeout(connect=value[0], read=value[1])
        elif isinstance(value, (int, float)):
            # A number bounds the whole call, and each connect and read within it.
            timeout, limit = urllib3.Timeout(connect=value, read=value), value
        else:
            timeout, limit = value, value.total
        if isinstance(limit, (int, float)) and (total is None or limit < total):
            total, source = limit, where
        return timeout, total, source

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


def _discard(response: Any) -> None:
    """Close a response that will not be read (to the end) and give its connection slot back."""
    try:
        response.close()
        response.release_conn()
    except Exception:  # noqa: BLE001 -- closing a broken connection may fail again; nothing is lost
        pass


def _malformed(exc: BaseException) -> str:
    if isinstance(exc, OverflowError) or (isinstance(exc, ValueError) and "chunk" in str(exc).lower()):
        return "malformed chunked body"
    if isinstance(exc, ValueError):
        return "malformed response"
    return type(exc).__name__


def _scrubbed(exc: BaseException, secrets: Optional[Scrubber]) -> BaseException:
    """``exc`` with secrets removed from the messages of it and of every error chained to it.

    It becomes the ``__cause__`` of the exception raised to the caller, so
    ``traceback.format_exc()`` prints these messages (urllib3's name the URL).
    """
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 32:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        args = []
        for arg in item.args:
            if isinstance(arg, str):
                arg = redact_url(secrets.scrub(arg) if secrets is not None else arg)
            elif isinstance(arg, BaseException):
                todo.append(arg)
            args.append(arg)
        try:
            item.args = tuple(args)
        except (AttributeError, TypeError):
            pass
        url = getattr(item, "url", None)
        if isinstance(url, str):
            try:
                item.url = redact_url(secrets.scrub(url) if secrets is not None else url)  # type: ignore[attr-defined]
            except (AttributeError, TypeError):
                pass
        for linked in (getattr(item, "reason", None), item.__cause__, item.__context__):
            if isinstance(linked, BaseException):
                todo.append(linked)
    return exc


def _timeout_seconds(timeout: Any, which: str) -> str:
    value = getattr(timeout, "_" + which, None) if isinstance(timeout, urllib3.Timeout) else None
    if value is None and isinstance(timeout, urllib3.Timeout):
        value = timeout.total
    return "" if value is None or not isinstance(value, (int, float)) else " after %gs" % value


def translate_error(
    exc: BaseException, method: str, url: str, timeout: Any = None, secrets: Optional[Scrubber] = None
) -> ApiConnectionError:
    """Map a urllib3 failure to :class:`ApiConnectionError` or :class:`ApiTimeoutError`."""
    cls, reason = _translate(exc, method, url, timeout)
    return cls(reason, secrets=secrets)


def _translate(exc: BaseException, method: str, url: str, timeout: Any) -> Tuple[Type[ApiConnectionError], str]:
    """The exception class and message for a urllib3 failure."""
    reason: BaseException = exc
    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        reason = exc.reason
    target = "%s %s" % (method, _where(url))
    # NewConnectionError subclasses ConnectTimeoutError in urllib3, so it is tested first.
    if isinstance(reason, NewConnectionError) and "timed out" not in str(reason):
        return ApiConnectionError, ("%s: could not connect (%s)" % (target, _os_reason(reason)))
    if isinstance(reason, ConnectTimeoutError):
        return ApiTimeoutError, ("%s: connect timeout%s" % (target, _timeout_seconds(timeout, "connect")))
    if isinstance(reason, ReadTimeoutError):
        return ApiTimeoutError, (
            "%s: read timeout%s (the server accepted the request but did not answer in time)"
            % (target, _timeout_seconds(timeout, "read"))
        )
    if isinstance(reason, SSLError):
        return ApiConnectionError, ("%s: TLS error: %s" % (target, _describe_tls(reason)))
    if isinstance(reason, ProxyError):
        return ApiConnectionError, ("%s: proxy error: %s" % (target, redact_url(_first_line(reason))))
    if isinstance(reason, ProtocolError):
        return ApiConnectionError, (
            "%s: connection broken while reading the response (%s)" % (target, _os_reason(reason))
        )
    return ApiConnectionError, ("%s: %s (%s)" % (target, type(reason).__name__, redact_url(_first_line(reason))))


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
    "RedirectError",
    "ResponseTooLarge",
]
