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
     |    +-- ApiConnectionError             status 0: the request could not be completed
     |         +-- ApiTimeoutError           status 0: connect or read timed out
     +-- TypeError
     |    +-- ApiTypeError                   bad argument type / unexpected keyword (nothing sent)
     +-- ValueError
          +-- ApiValueError                  missing or invalid argument value (nothing sent)

``except ApiException`` catches every failure of a call that reached for the network.
Bad arguments are programming errors and stay ``TypeError``/``ValueError`` subclasses,
raised before any byte is sent.

This module imports nothing heavy so that models can use it without loading urllib3.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

__all__ = [
    "OpenApiException",
    "ApiTypeError",
    "ApiValueError",
    "ApiKeyError",
    "ApiException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "UnprocessableEntityException",
    "ServiceException",
    "ResponseDecodeError",
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
    ) -> None:
        super().__init__(status, reason)
        if http_resp is not None:
            self.status = http_resp.status
            self.reason = http_resp.reason
            self.body = http_resp.data
            self.headers = http_resp.getheaders()
        else:
            self.status = status
            self.reason = reason
            self.body = body
            self.headers = headers
        self.error = error

    @property
    def code(self) -> Optional[str]:
        """The Cyclos error code (``"login"``, ``"loggedOut"``...), or ``None``."""
        code = getattr(self.error, "code", None)
        return code if isinstance(code, str) else None

    def __str__(self) -> str:
        """Same shape as swagger-codegen's message, so log parsers keep working."""
        error_message = f"({self.status})\nReason: {self.reason}\n"
        if self.headers:
            error_message += f"HTTP response headers: {_safe_headers(self.headers)}\n"
        if self.body:
            error_message += f"HTTP response body: {_safe_body(self.body)}\n"
        return error_message

    def __reduce__(self) -> Any:
        # Keep exceptions picklable (they cross process pools and multiprocessing queues).
        state = dict(self.__dict__)
        return (_rebuild_exception, (type(self), state))


def _rebuild_exception(cls: type[ApiException], state: Dict[str, Any]) -> ApiException:
    exc = cls.__new__(cls)
    Exception.__init__(exc, state.get("status"), state.get("reason"))
    exc.__dict__.update(state)
    return exc


def _safe_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    from swagger_client.redaction import redact_headers

    return redact_headers(headers)


def _safe_body(body: Any) -> str:
    from swagger_client.redaction import redact_body

    return redact_body(body)


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


class ApiConnectionError(ApiException):
    """The request could not be completed: refused, reset, DNS, TLS or proxy failure.

    ``status`` is 0 and the underlying urllib3 error is the ``__cause__``.
    """

    def __init__(self, reason: str, *, headers: Optional[Mapping[str, str]] = None) -> None:
        super().__init__(status=0, reason=reason, headers=headers)

    def __str__(self) -> str:
        return f"(0)\nReason: {self.reason}\n"


class ApiTimeoutError(ApiConnectionError):
    """The connect or read timeout expired (the message says which)."""


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
