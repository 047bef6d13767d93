"""Step four of a call: a read response becomes a value or an exception.

Pure: :func:`process_response` looks only at the response and the operation's
declared answers. A success is decoded by its media kind (JSON into the declared
model, text as ``str``, anything binary as ``bytes``); an error status becomes the
exception for that status (:func:`~swagger_client.exceptions.exception_for_status`)
with the Cyclos error model parsed into ``.error``, chosen by the status, the
operation's ``default`` answer, and for 500s the body's ``kind``.
"""

from __future__ import annotations

import json
from typing import Any, Optional, Tuple, Type

from swagger_client import spec_tables
from swagger_client.exceptions import ApiException, ResponseDecodeError, exception_for_status
from swagger_client.model_codecs import kind_for, resolve_type
from swagger_client.operation import Operation, Response

__all__ = ["RESTResponse", "process_response", "decode_value", "error_for"]


class RESTResponse(object):
    """A fully read response: ``status``, ``reason``, ``data`` and headers.

    ``data`` is the body decoded as UTF-8 text, as swagger-codegen's client gave it
    (bytes that are not UTF-8 become U+FFFD instead of raising); ``content`` is the
    body as received.
    """

    __slots__ = ("_data", "content", "reason", "secrets", "status", "urllib3_response")

    def __init__(self, resp: Any, raw: Any = None, secrets: Any = None) -> None:
        self.urllib3_response = resp
        self.status: int = resp.status
        self.reason: str = resp.reason
        if raw is None:
            raw = resp.data
        self.content: bytes = raw if isinstance(raw, bytes) else (raw or "").encode("utf-8")
        self._data: Optional[str] = raw if isinstance(raw, str) else None
        #: The secret values of the request this answers, to scrub from messages (not shown).
        self.secrets = secrets

    @property
    def data(self) -> str:
        if self._data is None:
            self._data = self.content.decode("utf-8", "replace")
        return self._data

    def getheaders(self) -> Any:
        """The response headers (case-insensitive mapping)."""
        return self.urllib3_response.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        value: Optional[str] = self.urllib3_response.headers.get(name, default)
        return value


def decode_value(data: Any, type_name: str, validate: bool = True) -> Any:
    """Decode a JSON value into ``type_name`` (a model, a ``list[...]`` or a primitive)."""
    if data is None:
        return None
    return kind_for(type_name).decode(data, type_name, validate)


def process_response(operation: Operation, response: RESTResponse, validate: bool = True) -> Tuple[Any, int, Any]:
    """``(data, status, headers)`` for a success; raises the mapped exception for an error."""
    status = response.status
    if status >= 300:
        raise error_for(operation, response)
    declared = operation.responses.get(status) or operation.responses[operation.success_status]
    return decode_success(response, declared, validate), status, response.getheaders()


def decode_success(response: RESTResponse, declared: Response, validate: bool = True) -> Any:
    """The body of a success, read the way the operation declares it."""
    type_name = declared.type
    if type_name is None or declared.media == "none":
        return None
    if declared.media == "binary" or type_name == "file":
        return response.content
    content_type = (response.getheader("Content-Type") or "").lower()
    if declared.media == "text" and "json" not in content_type:
        return response.data
    return _decode_json(response, type_name, content_type, validate)


def _decode_json(response: RESTResponse, type_name: str, content_type: str, validate: bool) -> Any:
    body = response.data
    status = response.status

    def failure(problem: str) -> ResponseDecodeError:
        return ResponseDecodeError(status, problem, body=body, headers=response.getheaders(), secrets=response.secrets)

    if not body:
        raise failure("empty body where %s was expected" % type_name)
    if content_type and "json" not in content_type:
        raise failure("expected a JSON body (%s), got Content-Type %s" % (type_name, content_type.split(";")[0][:80]))
    try:
        data = json.loads(body)
    except RecursionError:
        raise failure("JSON nested too deeply where %s was expected" % type_name) from None
    except ValueError as exc:
        raise failure("invalid JSON where %s was expected: %s" % (type_name, exc)) from None
    try:
        return decode_value(data, type_name, validate)
    except RecursionError:
        raise failure("JSON nested too deeply for %s" % type_name) from None
    except (TypeError, ValueError) as exc:
        raise failure("unexpected body shape for %s: %s" % (type_name, exc)) from None


def _error_type(operation: Optional[Operation], status: int) -> Optional[str]:
    declared = operation.response_for(status) if operation is not None else None
    if declared is not None and declared.type:
        return declared.type
    return spec_tables.DEFAULT_ERROR_MODELS.get(status) or ("Error" if status >= 500 else None)


def error_for(operation: Optional[Operation], response: Any) -> ApiException:
    """The exception for an error response, with ``.error`` parsed when it is JSON."""
    status = response.status
    cls: Type[ApiException] = exception_for_status(status)
    error_type = _error_type(operation, status)
    error = None
    if error_type and response.data:
        try:
            data = json.loads(response.data)
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict):
            if status >= 500:
                # 500 bodies say what they are in `kind`; the declared type is a fallback.
                kind = data.get("kind")
                if isinstance(kind, str):
                    error_type = spec_tables.ERROR_KINDS.get(kind, "Error")
            try:
                model = resolve_type(error_type)
                error = model._from_wire(data) if hasattr(model, "_from_wire") else None
            except (RecursionError, KeyError, AttributeError, ImportError):
                error = None
    return cls(
        status=status,
        reason=response.reason,
        body=response.data,
        headers=response.getheaders(),
        error=error,
        secrets=getattr(response, "secrets", None),
    )
