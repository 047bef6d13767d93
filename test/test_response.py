"""Processing an answer is pure: a read response in, a value or the mapped exception out."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

import pytest
from urllib3._collections import HTTPHeaderDict  # urllib3.HTTPHeaderDict exists from 2.0 only

import swagger_client
from swagger_client.exceptions import ResponseDecodeError, ServiceException, UnauthorizedException
from swagger_client.operation import Operation, Response
from swagger_client.response import RESTResponse, error_for, process_response


class Raw:
    def __init__(self, status: int, body: bytes, content_type: Optional[str] = "application/json") -> None:
        self.status, self.reason = status, "R"
        self.headers = HTTPHeaderDict({"Content-Type": content_type} if content_type else {})
        self.data = body


def answer(status: int, body: Any, content_type: Optional[str] = "application/json") -> RESTResponse:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return RESTResponse(Raw(status, raw, content_type), raw)


def operation(**responses: Response) -> Operation:
    table: Dict[Any, Response] = {int(k[1:]) if k[1:].isdigit() else k: v for k, v in responses.items()}
    return Operation("op", "GET", "/x", (), table)


def test_json_text_binary_and_empty_answers() -> None:
    assert process_response(operation(s200=Response("EntityReference")), answer(200, {"id": "1"}))[0].id == "1"
    text = process_response(operation(s201=Response("str", "text")), answer(201, b"id-7", "text/plain"))
    assert text[0] == "id-7" and text[1] == 201
    png = process_response(operation(s200=Response("file", "binary")), answer(200, b"\x89PNG\xff", "image/png"))
    assert png[0] == b"\x89PNG\xff"
    assert process_response(operation(s204=Response(None, "none")), answer(204, b"", None))[0] is None


def test_a_body_that_is_not_what_was_declared_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a JSON body"):
        process_response(operation(s200=Response("EntityReference")), answer(200, b"<html>", "text/html"))
    with pytest.raises(ResponseDecodeError, match="empty body where EntityReference was expected"):
        process_response(operation(s200=Response("EntityReference")), answer(200, b""))


def test_error_models_by_status_default_and_kind() -> None:
    declared = operation(s200=Response("str"), s401=Response("UnauthorizedError"))
    unauthorized = error_for(declared, answer(401, {"code": "loggedOut"}))
    assert isinstance(unauthorized, UnauthorizedException) and unauthorized.code == "loggedOut"
    defaulted = error_for(operation(s200=Response("str"), default=Response("NotFoundError")), answer(418, {"key": "k"}))
    assert type(defaulted.error).__name__ == "NotFoundError"
    fallback = error_for(operation(s200=Response("str")), answer(403, {"code": "inaccessibleChannel"}))
    assert type(fallback.error).__name__ == "ForbiddenError"  # the spec's usual model for 403
    otp = error_for(operation(s200=Response("str")), answer(500, {"kind": "otp", "code": "sendingFailed"}))
    assert isinstance(otp, ServiceException) and isinstance(otp.error, swagger_client.OtpError)
    html = error_for(operation(s200=Response("str")), answer(502, b"<html>bad gateway</html>", "text/html"))
    assert html.error is None and html.status == 502
