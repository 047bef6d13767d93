"""How a failure to get an answer reads: urllib3's errors as ours, with secrets scrubbed.

Used by the transport only. :func:`translate_error` maps a urllib3 failure to
:class:`~swagger_client.exceptions.ApiConnectionError` or
:class:`~swagger_client.exceptions.ApiTimeoutError` with a message that names the
request (method and ``scheme://host/path``, never the query) and the cause in a few
words; :func:`scrubbed` removes the call's secret values from the chained urllib3
errors that ``traceback`` would print.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple, Type
from urllib.parse import urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from swagger_client.exceptions import ApiConnectionError, ApiTimeoutError
from swagger_client.redaction import Scrubber, redact_url

__all__ = ["translate_error", "scrubbed", "where", "discard", "malformed"]


def where(url: str) -> str:
    """``host:port/path`` of a URL without its query (which may carry a key)."""
    parts = urlsplit(url)
    return "%s://%s%s" % (parts.scheme, parts.netloc.rsplit("@", 1)[-1], parts.path)


def discard(response: Any) -> None:
    """Close a response that will not be read (to the end) and give its connection slot back."""
    try:
        response.close()
        response.release_conn()
    except Exception:  # noqa: BLE001 -- closing a broken connection may fail again; nothing is lost
        pass


def malformed(exc: BaseException) -> str:
    if isinstance(exc, OverflowError) or (isinstance(exc, ValueError) and "chunk" in str(exc).lower()):
        return "malformed chunked body"
    if isinstance(exc, ValueError):
        return "malformed response"
    return type(exc).__name__


def scrubbed(exc: BaseException, secrets: Optional[Scrubber]) -> BaseException:
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
    target = "%s %s" % (method, where(url))
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
