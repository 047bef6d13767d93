"""Every error the client raises, in one tree.

::

    Exception
     +-- ApiException(status, reason, body, headers)      server or transport problem
     |    +-- UnauthorizedException          401  .error: UnauthorizedError
     |    +-- ForbiddenException             403  .error: ForbiddenError
     |    +-- NotFoundException              404  .error: NotFoundError
     |    +-- ConflictException              409  .error: ConflictError
     |    +-- UnprocessableEntityException   422  .error: InputError
     |    +-- ServiceException               5xx  .error: Error / OtpError / ForgottenPasswordError
     |    +-- ResponseDecodeError            2xx whose body is not what the operation declares
     |    +-- RedirectError                  3xx: a redirect the client did not follow
     |    +-- ResponseTooLarge               the response went over Configuration.max_response_bytes
     |    +-- ApiConnectionError             status 0: the request could not be completed
     |         +-- ApiTimeoutError           status 0: connect or read timed out
     +-- TypeError
     |    +-- ApiTypeError                   bad argument type / unexpected keyword (nothing sent)
     |         +-- PropertyTypeError         wrong type set on a model property (also a ValueError)
     +-- ValueError
          +-- ApiValueError                  missing or invalid argument value (nothing sent)

``except ApiException`` catches every failure of a call that reached for the network;
the urllib3 or socket error behind a transport failure is its ``__cause__`` (with
secret values scrubbed from its message). Bad arguments are programming errors and
stay ``TypeError``/``ValueError`` subclasses, raised before any byte is sent.

This module imports nothing heavy so that models can use it without loading urllib3.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

__all__ = [
    "OpenApiException",
    "ApiTypeError",
    "ApiValueError",
    "PropertyTypeError",
    "ApiKeyError",
    "ApiException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "UnprocessableEntityException",
    "ServiceException",
    "ResponseDecodeError",
    "RedirectError",
    "ResponseTooLarge",
    "ApiConnectionError",
    "ApiTimeoutError",
    "exception_for_status",
]


class OpenApiException(Exception):
    """Base of the argument errors, kept for code written against openapi-generator clients."""


class ApiTypeError(OpenApiException, TypeError):
    """An argument or model value has the wrong type. Raised before anything is sent."""


class ApiValueError(OpenApiException, ValueError):
    """An argument or model value is missing or not allowed. Raised before anything is sent."""


class PropertyTypeError(ApiTypeError, ValueError):
    """A model property was given a value of the wrong type.

    A ``TypeError`` (which it is) and a ``ValueError`` (what swagger-codegen's models
    raised for every invalid assignment), so ``except ValueError`` keeps working.
    """


class ApiKeyError(OpenApiException, KeyError):
    """A lookup by key failed (kept for openapi-generator compatibility)."""


class ApiException(OpenApiException):
    """A call failed on the server or on the way to it.

    ``status`` is the HTTP status (0 when no response was received), ``reason`` the
    HTTP reason phrase or a short description, ``body`` the response body (text, as
    swagger-codegen's client gave it) and
    ``headers`` the response headers. ``error`` is the body parsed into the spec's
    error model for that status (``None`` when the body is not JSON) and ``code`` the
    Cyclos error code when there is one.

    ``str(exc)``, ``repr(exc)`` and ``reason`` are safe to log: secrets are masked by
    name and, for errors the client raises, the exact secret values the call sent
    are scrubbed too (a server that echoes the request cannot make them leak);
    control characters are escaped. ``body`` and ``headers`` are what the server
    sent, untouched: an echoing server can put secrets there, so do not log them raw.
    """

    def __init__(
        self,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        http_resp: Any = None,
        *,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        error: Any = None,
        secrets: Any = None,
    ) -> None:
        if http_resp is not None:
            status = http_resp.status
            reason = http_resp.reason
            body = http_resp.data
            headers = http_resp.getheaders()
        self.status = status
        self.reason = _clean(reason, secrets)
        self.body = body
        self.headers = headers
        self.error = error
        super().__init__(status, self.reason)
        #: The message, rendered once when the call's secrets are known (they are not kept).
        self._message: Optional[str] = None if secrets is None else self._render(secrets)

    @property
    def code(self) -> Optional[str]:
        """The Cyclos error code (``"login"``, ``"loggedOut"``...), or ``None``."""
        code = getattr(self.error, "code", None)
        return code if isinstance(code, str) else None

    def __str__(self) -> str:
        """Same shape as swagger-codegen's message, so log parsers keep working."""
        message = self.__dict__.get("_message")
        return message if message is not None else self._render(None)

    def _render(self, secrets: Any) -> str:
        # swagger-codegen's layout, with the reason and the Cyclos code on the first line.
        error_message = f"{self._headline()}\nReason: {self.reason}\n"
        if self.headers:
            error_message += f"HTTP response headers: {_safe_headers(self.headers, secrets)}\n"
        if self.body:
            error_message += f"HTTP response body: {_safe_body(self.body, secrets)}\n"
        return error_message

    def _headline(self) -> str:
        """``(401) Unauthorized: login``: status, reason phrase and Cyclos code."""
        line = "(%s)" % self.status
        if self.status and isinstance(self.reason, str) and len(self.reason) <= 60:
            line += " " + self.reason
        code = self.code
        return line + (": " + _clean(code, None)[:80] if code else "")

    def __reduce__(self) -> Any:
        # Keep exceptions picklable (they cross process pools and multiprocessing queues).
        state = dict(self.__dict__)
        return (_rebuild_exception, (type(self), state))


def _rebuild_exception(cls: type[ApiException], state: Dict[str, Any]) -> ApiException:
    exc = cls.__new__(cls)
    Exception.__init__(exc, state.get("status"), state.get("reason"))
    exc.__dict__.update(state)
    return exc


def _clean(reason: Any, secrets: Any) -> Any:
    if not isinstance(reason, str):
        return reason
    from swagger_client.redaction import clean_text

    return clean_text(reason, secrets, limit=500)


def _safe_headers(headers: Mapping[str, str], secrets: Any) -> Dict[str, str]:
    from swagger_client.redaction import clean_text, redact_headers

    try:
        items = redact_headers(headers)
    except (AttributeError, TypeError):
        return {}
    return {clean_text(str(k), secrets, 200): clean_text(str(v), secrets, 500) for k, v in list(items.items())[:100]}


def _safe_body(body: Any, secrets: Any) -> str:
    from swagger_client.redaction import redact_body

    return redact_body(body, secrets=secrets)


class UnauthorizedException(ApiException):
    """401: missing, wrong or expired credentials (``code`` says which)."""


class ForbiddenException(ApiException):
    """403: the authenticated user may not do this (``code`` says why)."""


class NotFoundException(ApiException):
    """404: an entity or key was not found (``error.entity_type``, ``error.key``)."""


class ConflictException(ApiException):
    """409: the entity changed or cannot be removed."""


class UnprocessableEntityException(ApiException):
    """422: input validation failed (``error`` is an ``InputError``)."""


class ServiceException(ApiException):
    """5xx: the server failed (``error.kind`` tells the kind of failure)."""


class ResponseDecodeError(ApiException):
    """A successful response whose body is not what the operation declares.

    ``body`` keeps the body received (text).
    """


class RedirectError(ApiException):
    """3xx: the server answered with a redirect, which the client did not follow.

    Redirects are not followed by default (they could carry credentials or a body
    elsewhere). ``location`` is the target's origin (``scheme://host:port``) or
    ``None``; the message never shows the target's path or query. With
    ``Configuration.follow_redirects = True`` same-origin ``GET`` redirects are
    followed; any other one still raises this.
    """

    def __init__(
        self,
        status: int,
        reason: str,
        *,
        location: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        secrets: Any = None,
    ) -> None:
        self.location = location
        super().__init__(status=status, reason=reason, headers=headers, secrets=secrets)

    def _render(self, secrets: Any) -> str:
        # No headers: Location would show the target's path and query.
        return f"{self._headline()}\nReason: {self.reason}\n"


class ResponseTooLarge(ApiException):
    """The response was larger than ``Configuration.max_response_bytes`` (on the wire or decoded).

    Reading stopped at the cap and the connection was closed; ``body`` is ``None``.
    """


class ApiConnectionError(ApiException):
    """The request could not be completed: refused, reset, DNS, TLS, proxy or protocol failure.

    ``status`` is 0 and the underlying urllib3 error is the ``__cause__``.
    """

    def __init__(self, reason: str, *, headers: Optional[Mapping[str, str]] = None, secrets: Any = None) -> None:
        super().__init__(status=0, reason=reason, headers=headers, secrets=secrets)

    def _render(self, secrets: Any) -> str:
        return f"(0)\nReason: {self.reason}\n"


class ApiTimeoutError(ApiConnectionError):
    """A connect, read or total timeout expired (the message says which)."""


_BY_STATUS = {
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    409: ConflictException,
    422: UnprocessableEntityException,
}


def exception_for_status(status: int) -> type:
    """The exception class for an HTTP error status (one mapping for every operation)."""
    if 500 <= status <= 599:
        return ServiceException
    return _BY_STATUS.get(status, ApiException)
