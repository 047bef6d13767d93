"""Step three of a call, and the only I/O: send a :class:`~swagger_client.request.Request`.

:class:`Transport` is the interface (one method, :meth:`Transport.send`);
:class:`Urllib3Transport` is the one the client uses. One send is: open the
:class:`~swagger_client.call_scope.CallScope` (deadline, byte budget, the call's
secrets), send through urllib3 without letting it follow redirects, decide about a
redirect (:mod:`swagger_client.redirects`), read the body within the cap
(:mod:`swagger_client.response_body`), and turn every failure into the documented
exception tree (:mod:`swagger_client.transport_errors`). HTTP error statuses are
returned, not raised: :mod:`swagger_client.response` maps them.
"""

from __future__ import annotations

import http.client
import logging
import ssl
from typing import Any, Optional

from urllib3.exceptions import HTTPError

from swagger_client import logs, redirects
from swagger_client.call_scope import BodyTooLarge, CallScope, DeadlineExceeded
from swagger_client.configuration import UNSET, Configuration
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ResponseDecodeError,
    ResponseTooLarge,
)
from swagger_client.options import CallOptions
from swagger_client.pools import PoolKeeper
from swagger_client.redaction import Scrubber, install_log_filters, redact_body, redact_headers, redact_url
from swagger_client.request import Request
from swagger_client.response import RESTResponse
from swagger_client.response_body import BodyDecodeFailed, UnsupportedEncoding, read_body
from swagger_client.retries import build_retry
from swagger_client.transport_errors import discard, malformed, scrubbed, translate_error, where

__all__ = ["Transport", "Urllib3Transport"]

log = logging.getLogger("swagger_client.rest")  # the logger name swagger-codegen users configure

install_log_filters()

#: What a broken server can make urllib3 or http.client raise while a response is read.
_READ_FAILURES = (HTTPError, OSError, ssl.SSLError, http.client.HTTPException, ValueError, OverflowError)


class Transport(object):
    """Sends requests. Subclass it to send them some other way; pass ``ApiClient(transport=...)``."""

    def send(self, request: Request, options: CallOptions) -> Any:
        """Send ``request``; return a read :class:`~swagger_client.response.RESTResponse`, or,
        with ``options.preload`` false and a success status, the unread response to stream."""
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (the transport may still be used afterwards)."""


class Urllib3Transport(Transport):
    """HTTP over urllib3 for one configuration; safe to share between threads."""

    def __init__(self, configuration: Configuration, pools_size: int = 4, maxsize: Optional[int] = None) -> None:
        self.configuration = configuration
        self.pools = PoolKeeper(configuration, pools_size, maxsize)
        self._retries_value: Any = UNSET
        self._retries: Any = None

    def close(self) -> None:
        self.pools.clear()

    def _retry(self) -> Any:
        """The retry policy for ``Configuration.retries`` as it is now (read on every call)."""
        value = self.configuration.retries
        if value is not self._retries_value:
            self._retries, self._retries_value = build_retry(value), value
        return self._retries

    def send(self, request: Request, options: CallOptions) -> Any:
        configuration = self.configuration
        manager, proxy_headers = self.pools.current()
        method, url, headers, payload = request.method, request.url, request.headers, request.body
        secrets = Scrubber(headers, payload, url, proxy_headers, request.secrets)
        debug = bool(configuration.debug)
        logging_it = logs.wanted(log, debug)
        with CallScope(options.total, configuration.max_response_bytes, secrets, options.total_source, debug) as scope:
            if logging_it:
                logs.debug(
                    log,
                    debug,
                    "Request %s %s headers=%s body=%s",
                    method,
                    redact_url(secrets.scrub(url)),
                    redact_headers(headers),
                    redact_body(payload, json_only=True, secrets=secrets) if payload else "",
                )
            response = self._exchange(manager, request, options, scope)
            if not options.preload and response.status < 300:
                scope.release_readers()  # the caller streams it: no longer this call's limits
                return response
            result = RESTResponse(response, self._read(response, request, options, scope), secrets)
            if logging_it:
                logs.debug(
                    log,
                    debug,
                    "Response %s %s for %s %s headers=%s body=%s",
                    result.status,
                    result.reason,
                    method,
                    redact_url(secrets.scrub(url)),
                    redact_headers(result.getheaders()),
                    redact_body(result.data, secrets=secrets),
                )
        return result

    def _exchange(self, manager: Any, request: Request, options: CallOptions, scope: CallScope) -> Any:
        """Send, and follow a redirect only where :mod:`swagger_client.redirects` allows it."""
        follow = bool(self.configuration.follow_redirects)
        url, hops = request.url, 0
        while True:
            response = self._urlopen(manager, request, url, options, scope)
            if response.status not in redirects.REDIRECT_STATUSES:
                return response
            discard(response)
            target = redirects.decide(request.method, url, response, follow, hops, scope.secrets)
            logs.debug(
                log, scope.debug, "Following a %d redirect of %s to the same origin", response.status, request.method
            )
            url, hops = target, hops + 1

    def _urlopen(self, manager: Any, request: Request, url: str, options: CallOptions, scope: CallScope) -> Any:
        try:
            return manager.urlopen(
                request.method,
                url,
                body=request.body,
                headers=request.headers,
                retries=self._retry(),  # always: urllib3 1.26 would otherwise use Retry.DEFAULT
                redirect=False,
                timeout=options.timeout,
                preload_content=False,
                decode_content=False,
                enforce_content_length=True,
            )
        except ApiException:
            raise
        except BaseException as exc:  # noqa: BLE001 -- _failure maps what is ours and returns the rest as is
            raise self._failure(exc, request.method, url, options, scope) from scrubbed(exc, scope.secrets)

    def _read(self, response: Any, request: Request, options: CallOptions, scope: CallScope) -> bytes:
        try:
            return read_body(response, scope.max_bytes)
        except BaseException as exc:  # noqa: BLE001 -- every failure closes the connection first
            discard(response)
            failure = self._failure(exc, request.method, request.url, options, scope, response)
            if isinstance(exc, (UnsupportedEncoding, BodyDecodeFailed, BodyTooLarge)):
                raise failure from None  # our own signals: the message says it all
            raise failure from scrubbed(exc, scope.secrets)

    def _failure(
        self, exc: BaseException, method: str, url: str, options: CallOptions, scope: CallScope, response: Any = None
    ) -> BaseException:
        """The documented exception for anything raised while sending, or reading ``response``."""
        target = "%s %s" % (method, where(url))
        status = 0 if response is None else response.status
        headers = None if response is None else response.headers
        if isinstance(exc, (UnsupportedEncoding, BodyDecodeFailed)):
            return ResponseDecodeError(status, "%s: %s" % (target, exc), headers=headers, secrets=scope.secrets)
        if isinstance(exc, BodyTooLarge):
            return ResponseTooLarge(
                status=status,
                reason="%s: the response is larger than Configuration.max_response_bytes (%d bytes); not read"
                % (target, scope.max_bytes or 0),
                headers=headers,
                secrets=scope.secrets,
            )
        if isinstance(exc, DeadlineExceeded) or (isinstance(exc, (HTTPError, OSError)) and scope.expired()):
            return ApiTimeoutError(
                "%s: total timeout of %gs exceeded (%s)" % (target, scope.total or 0, scope.total_source),
                secrets=scope.secrets,
            )
        if isinstance(exc, HTTPError):
            return translate_error(exc, method, url, options.timeout, scope.secrets)
        if isinstance(exc, _READ_FAILURES):
            what = "connection broken while reading the response" if response is not None else "request failed"
            return ApiConnectionError("%s: %s (%s)" % (target, what, malformed(exc)), secrets=scope.secrets)
        if isinstance(exc, RecursionError):
            return ApiConnectionError(
                "%s: the response could not be parsed (too deeply nested)" % target, secrets=scope.secrets
            )
        return exc  # KeyboardInterrupt, MemoryError, bugs: not ours to rename
