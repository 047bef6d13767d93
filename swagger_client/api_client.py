"""``ApiClient``: runs every call through the four steps of the pipeline.

1. build the request (:func:`swagger_client.request.build_request`, pure);
2. apply auth (an :class:`~swagger_client.auth.AuthBase` object: the configuration's
   credentials by default, a session's token for a session);
3. send it (a :class:`~swagger_client.transport.Transport`: the only I/O);
4. process the response (:func:`swagger_client.response.process_response`, pure).

``call_api``, ``request``, ``deserialize`` and the ``__deserialize*`` helpers are
swagger-codegen's entry points, kept as thin wrappers over the same steps.

Safe to share between threads: per-call state lives in local variables; the only
shared mutable things are the default headers (set them before sharing).
"""

from __future__ import annotations

import datetime
import threading
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote, urlencode

from swagger_client import rest
from swagger_client.auth import AuthBase, ConfigurationAuth, credential_headers
from swagger_client.configuration import UNSET, Configuration
from swagger_client.exceptions import ApiException, ApiTypeError
from swagger_client.model_base import Model
from swagger_client.operation import Operation, Response, check_header
from swagger_client.options import CallOptions, call_options, resolve_timeout
from swagger_client.redaction import SECRET_HEADERS
from swagger_client.request import Request, build_request, encode_json, to_jsonable
from swagger_client.response import RESTResponse, decode_success, decode_value, process_response
from swagger_client.transport import Transport, Urllib3Transport
from swagger_client.version import __version__

if TYPE_CHECKING:
    from swagger_client.async_calls import CallPool


class ApiClient(object):
    """Sends calls for one :class:`Configuration` (swagger-codegen compatible).

    :param configuration: settings; a fresh default ``Configuration()`` when omitted.
    :param header_name: a default header to send on every call...
    :param header_value: ...with this value.
    :param cookie: a ``Cookie`` header value to send on every call.
    :param auth: what adds credentials to each request (default: the
        configuration's, see :class:`~swagger_client.auth.ConfigurationAuth`).
    :param transport: what sends the requests (default: urllib3,
        :class:`~swagger_client.transport.Urllib3Transport`).

    Use it as a context manager, or call :meth:`close`, to release connections and
    the ``async_req`` worker threads.
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
        *,
        auth: Optional[AuthBase] = None,
        transport: Optional[Transport] = None,
    ) -> None:
        if configuration is not None and not isinstance(configuration, Configuration):
            raise ApiTypeError(
                "ApiClient() takes a swagger_client.Configuration, not %s" % type(configuration).__name__
            )
        if auth is not None and not isinstance(auth, AuthBase):
            raise ApiTypeError("ApiClient(auth=...) takes a swagger_client.auth.AuthBase, not %s" % type(auth).__name__)
        if transport is not None and not isinstance(transport, Transport):
            raise ApiTypeError(
                "ApiClient(transport=...) takes a swagger_client.transport.Transport, not %s" % type(transport).__name__
            )
        self.configuration = configuration if configuration is not None else Configuration()
        self.transport: Transport = transport if transport is not None else Urllib3Transport(self.configuration)
        self.auth: AuthBase = auth if auth is not None else ConfigurationAuth(self.configuration)
        self.rest_client = rest.RESTClientObject(self.configuration, transport=self.transport)
        self.default_headers: Dict[str, str] = {}
        if header_name is not None:
            self.set_default_header(header_name, header_value or "")
        self.cookie = cookie
        self.user_agent = "swagger_client/%s (python; Cyclos 4.11.5)" % __version__
        self._calls: Optional[CallPool] = None  # started on the first async_req call
        self._calls_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        """Release pooled connections and the ``async_req`` workers (never blocks on calls)."""
        with self._calls_lock:
            calls, self._calls = self._calls, None
        if calls is not None:
            calls.close()  # calls still running finish on their own, bounded by their timeouts
        self.transport.close()

    @property
    def pool(self) -> CallPool:
        """The worker threads behind ``async_req=True``, started on first use.

        As many as ``Configuration.connection_pool_maxsize`` (no more calls at once
        than connections); a forked child starts its own.
        """
        with self._calls_lock:
            if self._calls is None:
                from swagger_client.async_calls import CallPool

                self._calls = CallPool(self.configuration.connection_pool_maxsize)
            return self._calls

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

    def _client_headers(self, request: Request, extra: Optional[Mapping[str, str]]) -> None:
        """Default headers under the operation's, the caller's ``_headers`` over both."""
        headers = dict(self.default_headers)
        if self.configuration.channel:
            headers["Channel"] = self.configuration.channel
        if self.cookie:
            headers["Cookie"] = self.cookie
        headers.update(request.headers)
        if extra:
            headers.update(extra)
        request.headers = headers

    # -- the pipeline --------------------------------------------------------------------

    def call_operation(self, operation: Operation, args: Mapping[str, Any], kwargs: Mapping[str, Any]) -> Any:
        """Run one generated operation: check, build, (auth, send, process) now or on a worker."""
        configuration = self.configuration
        options = call_options(configuration, kwargs, operation.name)
        request = build_request(
            operation,
            args,
            configuration.host,
            configuration.client_side_validation,
            configuration.safe_chars_for_path_param,
        )
        self._client_headers(request, options.headers)
        if options.async_req:
            return self.pool.submit(self._perform, request, options)
        return self._perform(request, options)

    def _perform(self, request: Request, options: CallOptions) -> Any:
        response = self.send(request, options)
        if not isinstance(response, RESTResponse):
            return response  # a success to stream (errors come back read, within the size cap)
        assert request.operation is not None
        data, status, headers = process_response(request.operation, response, self.configuration.client_side_validation)
        return data if options.data_only else (data, status, headers)

    def send(self, request: Request, options: CallOptions) -> Any:
        """Apply auth and send: the auth flow may answer a response with another request."""
        auth = self.auth
        if type(auth).auth_flow is AuthBase.auth_flow:  # a one-request auth: no flow to run
            auth.apply(request)
            _check_headers(request.headers)
            return self.transport.send(request, options)
        flow = auth.auth_flow(request)
        outgoing = next(flow)
        while True:
            _check_headers(outgoing.headers)
            response = self.transport.send(outgoing, options)
            try:
                outgoing = flow.send(response)
            except StopIteration:
                return response

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
        """swagger-codegen's generic entry point: any path, the same pipeline.

        ``auth_settings`` names the schemes the endpoint accepts; one configured
        credential among them is sent (none when omitted, as swagger-codegen did).
        """
        path = resource_path
        for name, value in (path_params or {}).items():
            path = path.replace("{%s}" % name, quote(str(value), safe=self.configuration.safe_chars_for_path_param))
        operation = Operation(
            name=resource_path,
            method=method.upper(),
            path=resource_path,
            parameters=(),
            responses={200: Response(response_type, "binary" if response_type == "file" else "json")},
            security=tuple((name,) for name in auth_settings or ()),
        )
        url = self.configuration.host + path
        query = self.parameters_to_tuples(query_params or [], collection_formats)
        if query:
            url += "?" + urlencode(query)
        headers = {k: str(v) for k, v in (header_params or {}).items()}
        headers.setdefault("Accept", "application/json")
        payload: Optional[bytes] = None
        if files or post_params:
            payload = self._form(post_params, files, headers)
        elif body is not None:
            payload = encode_json(body)
            headers.setdefault("Content-Type", "application/json")
        request = Request(operation.method, url, headers, payload, (), operation)
        self._client_headers(request, None)
        timeout, total, source = resolve_timeout(self.configuration, _request_timeout, "call_api(_request_timeout=...)")
        options = CallOptions(timeout, total, source, preload=_preload_content, data_only=bool(_return_http_data_only))
        if async_req:
            return self.pool.submit(self._perform, request, options)
        return self._perform(request, options)

    @staticmethod
    def _form(post_params: Any, files: Any, headers: Dict[str, str]) -> bytes:
        """A ``call_api`` form: url-encoded, or multipart when it carries files."""
        pairs = list(post_params.items() if isinstance(post_params, Mapping) else post_params or [])
        pairs = [(k, v) for k, v in pairs if v is not None]
        if not files:
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            return urlencode(pairs).encode("utf-8")
        from urllib3.filepost import encode_multipart_formdata

        from swagger_client.operation import Parameter
        from swagger_client.request import file_field

        fields: List[Tuple[str, Any]] = list(pairs)
        for name, value in files.items():
            for item in value if isinstance(value, list) else [value]:
                fields.append((name, file_field(item, Parameter(name, name, "file", "file"), "call_api(files=...)")))
        payload, content_type = encode_multipart_formdata(fields)
        headers["Content-Type"] = content_type
        return payload

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
        return to_jsonable(obj)

    def deserialize(self, response: Any, response_type: Optional[str]) -> Any:
        """Decode a response body into ``response_type`` (swagger-codegen compatible)."""
        if response_type == "file":
            return response.data
        return decode_success(response, Response(response_type), self.configuration.client_side_validation)

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
            headers.update(credential_headers(self.configuration, tuple((name,) for name in auth_settings)))


def _check_headers(headers: Mapping[str, str]) -> None:
    """Every header can carry a value HTTP cannot (a credential with a line break set in
    code, a bad ``_headers`` value): refuse it before anything is sent."""
    for name, value in headers.items():
        if _KNOWN_GOOD.get(name) == value:
            continue
        check_header(name, value, "request")
        if name.lower() not in SECRET_HEADERS:  # never keep a credential here
            if len(_KNOWN_GOOD) > 256:
                _KNOWN_GOOD.clear()
            _KNOWN_GOOD[name] = value


#: Non-secret header values already checked (Accept, User-Agent, Channel...), by name.
_KNOWN_GOOD: Dict[str, str] = {}


__all__ = ["ApiClient", "decode_value"]
