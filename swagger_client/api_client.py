"""``ApiClient``: credentials, headers, (de)serialization and error mapping for every call.

Safe to share between threads: per-request state lives in local variables; the only
shared mutable things are the default headers (set them before sharing) and the
lazily created ``async_req`` thread pool.
"""

from __future__ import annotations

import datetime
import json
import os
import threading
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type

from swagger_client import rest
from swagger_client.configuration import UNSET, Configuration, normalize_timeout
from swagger_client.exceptions import (
    ApiException,
    ApiTypeError,
    ResponseDecodeError,
    exception_for_status,
)
from swagger_client.model_base import Model
from swagger_client.model_codecs import kind_for, resolve_type
from swagger_client.operation import Operation, build_request, check_header
from swagger_client.version import __version__

__all__ = ["ApiClient"]

_CALL_KEYWORDS = frozenset({"async_req", "_return_http_data_only", "_preload_content", "_request_timeout", "_headers"})
_CREDENTIAL_ORDER = ("session", "accessClient", "basic")
_CREDENTIAL_HEADERS = frozenset({"authorization", "session-token", "session-prefix", "access-client-token"})
_DEFAULT_ERROR_MODELS = {
    401: "UnauthorizedError",
    403: "ForbiddenError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "InputError",
}
_ERROR_KINDS = {"otp": "OtpError", "forgottenPassword": "ForgottenPasswordError"}


class ApiClient(object):
    """Sends calls for one :class:`Configuration` (swagger-codegen compatible).

    :param configuration: settings; a fresh default ``Configuration()`` when omitted.
    :param header_name: a default header to send on every call...
    :param header_value: ...with this value.
    :param cookie: a ``Cookie`` header value to send on every call.

    Use it as a context manager, or call :meth:`close`, to release connections and
    the ``async_req`` thread pool.
    """

    PRIMITIVE_TYPES = (float, bool, bytes, str, int)
    NATIVE_TYPES_MAPPING = {
        "int": int,
        "long": int,
        "float": float,
        "str": str,
        "bool": bool,
        "date": datetime.date,
        "datetime": datetime.datetime,
        "object": object,
    }

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
    ) -> None:
        if configuration is not None and not isinstance(configuration, Configuration):
            raise ApiTypeError(
                "ApiClient() takes a swagger_client.Configuration, not %s" % type(configuration).__name__
            )
        self.configuration = configuration if configuration is not None else Configuration()
        self.rest_client = rest.RESTClientObject(self.configuration)
        self.default_headers: Dict[str, str] = {}
        if header_name is not None:
            self.set_default_header(header_name, header_value or "")
        self.cookie = cookie
        self.user_agent = "swagger_client/%s (python; Cyclos 4.11.5 auth)" % __version__
        self._pool: Any = None
        self._pool_lock = threading.Lock()
        self._pool_pid = 0

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        """Release pooled connections and the ``async_req`` thread pool (never blocks on calls)."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None and self._pool_pid == os.getpid():
            # No join: calls still running finish on their own (bounded by their timeouts)
            # in daemon threads, so close() and interpreter exit never wait on the network.
            pool.close()
        self.rest_client.close()

    @property
    def pool(self) -> Any:
        """The thread pool behind ``async_req=True``, created on first use.

        A forked child gets its own: the parent's worker threads do not exist there.
        """
        with self._pool_lock:
            if self._pool is None or self._pool_pid != os.getpid():
                from multiprocessing.pool import ThreadPool

                self._pool = ThreadPool(4)
                self._pool_pid = os.getpid()
            return self._pool

    # -- headers -----------------------------------------------------------------------

    @property
    def user_agent(self) -> str:
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send ``header_name: header_value`` on every call (per-call ``_headers`` win)."""
        check_header(header_name, header_value, "set_default_header")
        self.default_headers[header_name] = header_value

    def _credential(self, allowed: Optional[Sequence[str]]) -> Dict[str, str]:
        """The one credential to send: session, else access client, else Basic."""
        configuration = self.configuration
        if type(configuration).auth_settings is Configuration.auth_settings:
            return configuration.credential_header(allowed)
        settings = configuration.auth_settings()  # a subclass changed the schemes: honour it
        for name in _CREDENTIAL_ORDER:
            if allowed is not None and name not in allowed:
                continue
            setting = settings[name]
            if setting["value"]:
                return {setting["key"]: setting["value"]}
        return {}

    def _headers(
        self, operation_headers: Dict[str, str], auth: Optional[Sequence[str]], extra: Optional[Mapping[str, str]]
    ) -> Dict[str, str]:
        headers = dict(self.default_headers)
        if self.configuration.channel:
            headers["Channel"] = self.configuration.channel
        if self.cookie:
            headers["Cookie"] = self.cookie
        caller_credential = extra is not None and any(k.lower() in _CREDENTIAL_HEADERS for k in extra)
        if not caller_credential:
            headers.update(self._credential(auth))
        headers.update(operation_headers)
        if extra:
            headers.update(extra)
        for name, value in headers.items():
            check_header(name, value, "request")
        return headers

    # -- calls -------------------------------------------------------------------------

    def call_operation(self, operation: Operation, args: Dict[str, Any], kwargs: Dict[str, Any]) -> Any:
        """Run one generated operation: check arguments, send, map the response."""
        unexpected = set(kwargs) - _CALL_KEYWORDS
        if unexpected:
            raise ApiTypeError(
                "Got an unexpected keyword argument '%s' to method %s" % (sorted(unexpected)[0], operation.name)
            )
        extra_headers = kwargs.get("_headers")
        if extra_headers is not None and not isinstance(extra_headers, Mapping):
            raise ApiTypeError(
                "%s(_headers=...) must be a dict, not %s" % (operation.name, type(extra_headers).__name__)
            )
        timeout = kwargs.get("_request_timeout", UNSET)
        if timeout is not UNSET:
            timeout = normalize_timeout(timeout, "%s(_request_timeout=...)" % operation.name)
        parts = build_request(operation, args, self.configuration.client_side_validation)
        headers = self._headers(parts.headers, operation.auth, extra_headers)
        call = (
            operation,
            parts.query,
            headers,
            parts.body,
            bool(kwargs.get("_return_http_data_only")),
            kwargs.get("_preload_content", True),
            timeout,
        )
        if kwargs.get("async_req"):
            return self.pool.apply_async(self._send, call)
        return self._send(*call)

    def _send(
        self,
        operation: Operation,
        query: List[Tuple[str, str]],
        headers: Dict[str, str],
        body: Any,
        data_only: bool,
        preload: bool,
        timeout: Any,
    ) -> Any:
        url = self.configuration.host + operation.path
        response = self.rest_client.request(
            operation.method,
            url,
            query_params=query,
            headers=headers,
            body=body,
            _preload_content=preload,
            _request_timeout=timeout,
        )
        if not preload and not isinstance(response, rest.RESTResponse):
            return response  # a success to stream (errors come back read, within the size cap)
        if response.status >= 300:
            raise self._error(response, operation.responses)
        declared = (
            operation.responses.get(response.status)
            if response.status in operation.responses
            else operation.return_type
        )
        data = self._decode_success(response, declared)
        if data_only:
            return data
        return data, response.status, response.getheaders()

    def call_api(
        self,
        resource_path: str,
        method: str,
        path_params: Optional[Dict[str, Any]] = None,
        query_params: Optional[List[Tuple[str, Any]]] = None,
        header_params: Optional[Dict[str, Any]] = None,
        body: Any = None,
        post_params: Any = None,
        files: Any = None,
        response_type: Optional[str] = None,
        auth_settings: Optional[Sequence[str]] = None,
        async_req: Optional[bool] = None,
        _return_http_data_only: Optional[bool] = None,
        collection_formats: Optional[Dict[str, str]] = None,
        _preload_content: bool = True,
        _request_timeout: Any = UNSET,
    ) -> Any:
        """swagger-codegen's generic entry point, for endpoints outside ``AuthApi``.

        ``auth_settings`` names the schemes the endpoint accepts; one configured
        credential among them is sent.
        """
        if files:
            raise ApiTypeError("call_api(files=...) is not supported: no Cyclos /auth operation uploads files")
        path = resource_path
        for name, value in (path_params or {}).items():
            from urllib.parse import quote

            path = path.replace("{%s}" % name, quote(str(value), safe=self.configuration.safe_chars_for_path_param))
        query = self.parameters_to_tuples(query_params or [], collection_formats)
        operation = Operation(
            name=resource_path,
            method=method.upper(),
            path=path,
            parameters=(),
            success_status=200,
            responses={200: response_type},
            auth=tuple(auth_settings or ()),
        )
        op_headers = {k: str(v) for k, v in (header_params or {}).items()}
        op_headers.setdefault("Accept", "application/json")
        headers = self._headers(op_headers, operation.auth, None)
        serialized = self.sanitize_for_serialization(body) if body is not None else None
        if post_params:
            from urllib.parse import urlencode

            pairs = post_params.items() if isinstance(post_params, Mapping) else post_params
            serialized = urlencode([(k, v) for k, v in pairs if v is not None]).encode("utf-8")
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if _request_timeout is not UNSET:
            _request_timeout = normalize_timeout(_request_timeout, "call_api(_request_timeout=...)")
        args = (operation, query, headers, serialized, bool(_return_http_data_only), _preload_content, _request_timeout)
        if async_req:
            return self.pool.apply_async(self._send, args)
        return self._send(*args)

    def request(
        self,
        method: str,
        url: str,
        query_params: Any = None,
        headers: Any = None,
        post_params: Any = None,
        body: Any = None,
        _preload_content: bool = True,
        _request_timeout: Any = UNSET,
    ) -> Any:
        """Send a raw request through the REST client (swagger-codegen compatible)."""
        return self.rest_client.request(
            method,
            url,
            query_params=query_params,
            headers=headers,
            post_params=post_params,
            body=body,
            _preload_content=_preload_content,
            _request_timeout=_request_timeout,
        )

    # -- serialization -----------------------------------------------------------------

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """A JSON-ready value: models by wire name, datetimes as ISO 8601 strings."""
        if obj is None or isinstance(obj, self.PRIMITIVE_TYPES):
            return obj
        if isinstance(obj, Model):
            return obj.to_json_dict()
        if isinstance(obj, (list, tuple)):
            return [self.sanitize_for_serialization(v) for v in obj]
        if isinstance(obj, (datetime.datetime, datetime.date)):
            return obj.isoformat()
        if isinstance(obj, dict):
            return {k: self.sanitize_for_serialization(v) for k, v in obj.items()}
        raise ApiTypeError("cannot serialize a %s" % type(obj).__name__)

    def deserialize(self, response: Any, response_type: Optional[str]) -> Any:
        """Decode a response body into ``response_type`` (swagger-codegen compatible)."""
        if response_type == "file":
            return response.data
        return self._decode_success(response, response_type)

    # swagger-codegen's private helpers, used in the wild as ``client._ApiClient__deserialize(data,
    # "DataForLogin")`` to turn a dict into a model. Kept as compatibility aliases (the double
    # underscore gives them exactly those mangled names); new code should use Model.from_dict.

    def __deserialize(self, data: Any, klass: Any) -> Any:
        if data is None:
            return None
        if isinstance(klass, str):
            if klass.startswith(("list[", "dict(")) or klass not in self.NATIVE_TYPES_MAPPING:
                return decode_value(data, klass, self.configuration.client_side_validation)
            klass = self.NATIVE_TYPES_MAPPING[klass]
        if klass in self.PRIMITIVE_TYPES:
            return self.__deserialize_primitive(data, klass)
        if klass is object:
            return self.__deserialize_object(data)
        if klass is datetime.date:
            return self.__deserialize_date(data)
        if klass is datetime.datetime:
            return self.__deserialize_datatime(data)
        return self.__deserialize_model(data, klass)

    def __deserialize_primitive(self, data: Any, klass: Any) -> Any:
        try:
            return klass(data)
        except UnicodeEncodeError:
            return str(data)
        except TypeError:
            return data

    def __deserialize_object(self, value: Any) -> Any:
        return value

    def __deserialize_date(self, string: Any) -> Any:
        from dateutil.parser import parse

        try:
            return parse(string).date()
        except (ValueError, TypeError, OverflowError):
            raise ApiException(status=0, reason="Failed to parse `%s` as date object" % (string,)) from None

    def __deserialize_datatime(self, string: Any) -> Any:  # sic: swagger-codegen's spelling
        from dateutil.parser import parse

        try:
            return parse(string)
        except (ValueError, TypeError, OverflowError):
            raise ApiException(status=0, reason="Failed to parse `%s` as datetime object" % (string,)) from None

    def __deserialize_model(self, data: Any, klass: Any) -> Any:
        if isinstance(klass, type) and issubclass(klass, Model):
            if not isinstance(data, dict):
                raise ApiTypeError("%s expects a dict, not %s" % (klass.__name__, type(data).__name__))
            return klass._from_wire(data, self.configuration.client_side_validation)
        return decode_value(data, getattr(klass, "__name__", str(klass)), self.configuration.client_side_validation)

    def parameters_to_tuples(self, params: Any, collection_formats: Optional[Dict[str, str]]) -> List[Tuple[str, Any]]:
        """Expand list values by collection format (``multi`` repeats the key)."""
        result: List[Tuple[str, Any]] = []
        formats = collection_formats or {}
        items = params.items() if isinstance(params, dict) else params
        delimiters = {"ssv": " ", "tsv": "\t", "pipes": "|", "csv": ","}
        for key, value in items:
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            if key in formats and isinstance(value, (list, tuple)):
                fmt = formats[key]
                if fmt == "multi":
                    result.extend((key, v) for v in value)
                else:
                    result.append((key, delimiters.get(fmt, ",").join(str(v) for v in value)))
            else:
                result.append((key, value))
        return result

    def select_header_accept(self, accepts: Sequence[str]) -> Optional[str]:
        """``application/json`` when offered, else all of ``accepts`` joined."""
        if not accepts:
            return None
        lowered = [a.lower() for a in accepts]
        return "application/json" if "application/json" in lowered else ", ".join(accepts)

    def select_header_content_type(self, content_types: Sequence[str]) -> str:
        """``application/json`` when offered (or nothing is), else the first one."""
        if not content_types:
            return "application/json"
        lowered = [c.lower() for c in content_types]
        return "application/json" if "application/json" in lowered or "*/*" in lowered else content_types[0]

    def update_params_for_auth(
        self, headers: Dict[str, str], querys: Any, auth_settings: Optional[Sequence[str]]
    ) -> None:
        """Add the one configured credential among ``auth_settings`` to ``headers``."""
        if auth_settings:
            headers.update(self._credential(auth_settings))

    # -- responses ---------------------------------------------------------------------

    def _decode_success(self, response: Any, response_type: Optional[str]) -> Any:
        if response_type is None:
            return None
        body = response.data
        status = response.status
        secrets = getattr(response, "secrets", None)

        def failure(problem: str) -> ResponseDecodeError:
            return ResponseDecodeError(status, problem, body=body, headers=response.getheaders(), secrets=secrets)

        if not body:
            raise failure("empty body where %s was expected" % response_type)
        content_type = (response.getheader("Content-Type") or "").lower()
        if content_type and "json" not in content_type:
            raise failure(
                "expected a JSON body (%s), got Content-Type %s" % (response_type, content_type.split(";")[0][:80])
            )
        try:
            data = json.loads(body)
        except RecursionError:
            raise failure("JSON nested too deeply where %s was expected" % response_type) from None
        except ValueError as exc:
            raise failure("invalid JSON where %s was expected: %s" % (response_type, exc)) from None
        try:
            return decode_value(data, response_type, self.configuration.client_side_validation)
        except RecursionError:
            raise failure("JSON nested too deeply for %s" % response_type) from None
        except (TypeError, ValueError) as exc:
            raise failure("unexpected body shape for %s: %s" % (response_type, exc)) from None

    def _error(self, response: Any, responses: Mapping[int, Optional[str]]) -> ApiException:
        """The exception for an error response, with ``.error`` parsed when it is JSON."""
        status = response.status
        cls: Type[ApiException] = exception_for_status(status)
        error_type = responses.get(status) or _DEFAULT_ERROR_MODELS.get(status) or ("Error" if status >= 500 else None)
        error = None
        if error_type and response.data:
            try:
                data = json.loads(response.data)
            except (ValueError, RecursionError):
                data = None
            if isinstance(data, dict):
                if error_type == "Error" or error_type in _ERROR_KINDS.values():
                    # 500 bodies say what they are in `kind`; the declared type is a fallback.
                    kind = data.get("kind")
                    if isinstance(kind, str):
                        error_type = _ERROR_KINDS.get(kind, "Error")
                try:
                    error = resolve_type(error_type)._from_wire(data)
                except RecursionError:
                    error = None
        return cls(
            status=status,
            reason=response.reason,
            body=response.data,
            headers=response.getheaders(),
            error=error,
            secrets=getattr(response, "secrets", None),
        )


def decode_value(data: Any, type_name: str, validate: bool = True) -> Any:
    """Decode a JSON value into ``type_name`` (a model, a ``list[...]`` or a primitive)."""
    if data is None:
        return None
    return kind_for(type_name).decode(data, type_name, validate)
