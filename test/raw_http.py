"""Plain urllib3 requests to the emulator, each reply checked against the spec."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple, Union
from urllib.parse import urlencode

import urllib3

from test.builders import spec
from test.spec_validation import assert_valid

#: Error schema by status when an operation does not declare that status.
FALLBACK_SCHEMAS = {
    401: "UnauthorizedError",
    403: "ForbiddenError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "InputError",
    405: "Error",
    500: "Error",
}


@dataclass
class RawReply:
    status: int
    headers: Any
    data: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.data) if self.data else None


def basic(username: str, password: str) -> Dict[str, str]:
    token = base64.b64encode(("%s:%s" % (username, password)).encode()).decode()
    return {"Authorization": "Basic " + token}


class RawClient:
    """Sends requests below the emulator's ``/api`` and validates every JSON reply."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=5, read=10))

    def __call__(
        self,
        method: str,
        path: str,
        *,
        headers: Optional[Dict[str, str]] = None,
        query: Union[List[Tuple[str, str]], Dict[str, str], None] = None,
        body: Any = None,
        validate: bool = True,
    ) -> RawReply:
        url = self.base_url + path
        if query:
            url += "?" + urlencode(query)
        headers = dict(headers or {})
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            headers.setdefault("Content-Type", "application/json")
        response = self.pool.request(method, url, headers=headers, body=body)
        reply = RawReply(response.status, response.headers, response.data)
        if validate:
            check_reply(method, path, reply)
        return reply

    def close(self) -> None:
        self.pool.clear()


def declared_schema(method: str, path: str, status: int) -> Optional[str]:
    for op in spec().operations:
        if op.method == method and op.path == path:
            if status in op.answers:
                return op.answers[status].type
            break
    return FALLBACK_SCHEMAS.get(status)


def check_reply(method: str, path: str, reply: RawReply) -> None:
    """JSON bodies match the declared schema; empty bodies are where the spec has none."""
    schema = declared_schema(method, path, reply.status)
    if not reply.data:
        assert schema is None, "%s %s -> %d has an empty body, expected %s" % (method, path, reply.status, schema)
        return
    assert "application/json" in reply.headers.get("Content-Type", ""), reply.headers
    assert schema is not None, "%s %s -> %d: undeclared body %r" % (method, path, reply.status, reply.data[:200])
    document = reply.json
    if schema == "ForgottenPasswordError" or (
        schema == "Error" and isinstance(document, dict) and document.get("kind") == "otp"
    ):
        schema = {"forgottenPassword": "ForgottenPasswordError", "otp": "OtpError"}.get(document.get("kind"), schema)
    if schema == "list[str]":
        assert isinstance(document, list) and all(isinstance(x, str) for x in document), document
        return
    assert_valid(document, schema)
