"""A spec-driven mock Cyclos server for the contract tests.

Every request is validated against ``spec/cyclos-4.11.5.yaml`` by openapi-core (a
third-party validator: parameters, styles, bodies, content types, security), and
answered with the operation's success answer, fully populated from the spec
(:func:`test.builders.value`). The answer is validated too, so what the client
decodes is known to be spec-shaped. Each exchange is kept in :attr:`SpecMock.calls`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Tuple

from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from codegen.spec import Operation, load
from test.builders import SPEC_PATH, spec, value

logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one INFO line per request otherwise

#: What a binary or image download answers (a 1x1 PNG).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Call:
    """One exchange: the operation matched, what openapi-core found wrong, what was answered."""

    operation: Optional[str]
    method: str
    path: str
    request_errors: List[str] = field(default_factory=list)
    response_errors: List[str] = field(default_factory=list)
    answer: Any = None  # the JSON document, text or bytes answered
    headers: Dict[str, str] = field(default_factory=dict)
    query: List[Tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


def corrected(document: Dict[str, Any]) -> Dict[str, Any]:
    """The descriptor with codegen/overrides.yaml's content-type corrections applied: the
    client deliberately sends what the server reads (each correction says why)."""
    for item in document["paths"].values():
        for o in item.values():
            fix = spec().operation_fixes.get(o.get("operationId", ""), {}).get("content_type")
            if fix and "requestBody" in o:
                content = o["requestBody"]["content"]
                content[fix] = content.pop(next(iter(content)))
    return document


def _routes() -> List[Tuple[str, int, Pattern[str], Operation]]:
    routes = []
    for op in spec().operations:
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.path))
        literals = sum(1 for s in op.path.split("/") if s and not s.startswith("{"))
        routes.append((op.method, literals, re.compile("/api" + pattern + r"\Z"), op))
    routes.sort(key=lambda r: -r[1])
    return routes


def _describe(error: BaseException) -> str:
    text = "%s: %s" % (type(error).__name__, error)
    cause = error.__cause__
    while cause is not None:
        text += " <- " + str(cause)[:300]
        cause = cause.__cause__
    return text


def _errors(validate: Any, *args: Any) -> List[str]:
    """What openapi-core's ``validate_*`` reports for ``args`` (nothing when valid)."""
    try:
        validate(*args)
    except Exception as error:
        return [_describe(error)]
    return []


class SpecMock:
    """``with SpecMock() as mock:`` serves on ``mock.url`` (the API base, ending in ``/api``)."""

    def __init__(self) -> None:
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        port = self._server.server_port
        self.url = "http://127.0.0.1:%d/api" % port
        document = corrected(load(SPEC_PATH))
        document["servers"] = [{"url": self.url}]
        self.openapi = OpenAPI.from_dict(document)
        self.routes = _routes()
        self.calls: List[Call] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SpecMock:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def operation(self, method: str, path: str) -> Optional[Operation]:
        for route_method, _, pattern, op in self.routes:
            if route_method == method and pattern.match(path):
                return op
        return None

    @property
    def last(self) -> Call:
        return self.calls[-1]

    def _app(self, environ: Dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        op = self.operation(request.method, request.path)
        call = Call(
            op.name if op else None,
            request.method,
            request.path,
            headers=dict(request.headers),
            query=list(request.args.items(multi=True)),
            body=request.get_data(),
        )
        call.request_errors = _errors(self.openapi.validate_request, WerkzeugOpenAPIRequest(request))
        if op is None:
            response = Response(json.dumps({"code": "unknown operation"}), 404, content_type="application/json")
        elif call.request_errors:
            response = Response(json.dumps({"errors": call.request_errors}), 400, content_type="application/json")
        else:
            response = self._answer(op, call)
            call.response_errors = _errors(
                self.openapi.validate_response, WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response)
            )
        with self._lock:
            self.calls.append(call)
        return response(environ, start_response)

    def _answer(self, op: Operation, call: Call) -> Response:
        status = op.success_status
        answer = op.answers[status]
        if answer.type is None or answer.media == "none":
            return Response(b"", status)
        if answer.media == "binary":
            binary = [t for t in answer.content_types if not t.startswith("text/")]
            content_type = "application/octet-stream" if "application/octet-stream" in binary else binary[0]
            call.answer = PNG
            return Response(PNG, status, content_type=content_type)
        if answer.media == "text":
            schema = spec().schemas.get(answer.type)
            call.answer = schema.enum[0] if schema is not None and schema.enum else "text-answer"
            return Response(call.answer.encode("utf-8"), status, content_type=answer.content_types[0])
        call.answer = value(answer.type)
        return Response(json.dumps(call.answer), status, content_type="application/json")


def spec_path() -> Path:
    return SPEC_PATH
