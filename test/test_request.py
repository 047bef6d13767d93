"""Building a request is pure: checked arguments in, an encoded Request out, nothing sent."""

from __future__ import annotations

import datetime
import decimal
import email.parser
import json

import pytest

import swagger_client
from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.operation import Operation, Parameter, Response
from swagger_client.request import build_request, encode_json

HOST = "https://cyclos.example.com/api"


def op(*parameters: Parameter, body_media: str = "", method: str = "GET", path: str = "/x") -> Operation:
    return Operation("op", method, path, parameters, {200: Response("str")}, body_media=body_media or None)


def test_each_path_segment_is_templated_and_percent_encoded() -> None:
    o = op(
        Parameter("owner", "owner", "path", "str", True),
        Parameter("id", "id", "path", "str", True),
        path="/{owner}/x/{id}",
    )
    request = build_request(o, {"owner": "'0123", "id": "a/b c"}, HOST)
    assert request.url == HOST + "/%270123/x/a%2Fb%20c"
    assert build_request(o, {"owner": "self", "id": 42}, HOST).url == HOST + "/self/x/42"  # ids may be ints


def test_an_empty_or_missing_path_parameter_is_refused() -> None:
    o = op(Parameter("user", "user", "path", "str", True), path="/users/{user}")
    with pytest.raises(ApiValueError, match=r"op\(user=...\) must not be empty"):
        build_request(o, {"user": ""}, HOST)
    with pytest.raises(ApiValueError, match="Missing the required parameter `user`"):
        build_request(o, {}, HOST)


def test_query_lists_repeat_or_join_and_booleans_are_lowercase() -> None:
    o = op(
        Parameter("fields", "fields", "query", "list[str]"),
        Parameter("groups", "groups", "query", "list[str]", explode=False),
        Parameter("flag", "flag", "query", "bool"),
        Parameter("amount", "amount", "query", "decimal"),
        Parameter("since", "since", "query", "datetime"),
    )
    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    args = {
        "fields": ["a", "b"],
        "groups": ["g1", "g2"],
        "flag": True,
        "amount": decimal.Decimal("12.50"),
        "since": when,
    }
    url = build_request(o, args, HOST).url
    assert url.split("?")[1] == (
        "fields=a&fields=b&groups=g1%2Cg2&flag=true&amount=12.50&since=2026-01-02T03%3A04%3A05%2B00%3A00"
    )


@pytest.mark.parametrize(
    "parameter, value, message",
    [
        (Parameter("n", "n", "query", "int"), "5", "must be an int, not str"),
        (Parameter("n", "n", "query", "int"), True, "must be an int, not bool"),
        (Parameter("b", "b", "query", "bool"), "true", "must be a bool"),
        (Parameter("e", "e", "query", "str", enum=("a", "b")), "c", "'c' is not allowed; use one of a, b"),
        (Parameter("f", "f", "query", "list[str]"), [1], "must be a list of str; found a int"),
        (Parameter("d", "d", "query", "decimal"), object(), "must be a Decimal"),
    ],
)
def test_bad_values_name_the_parameter(parameter: Parameter, value: object, message: str) -> None:
    with pytest.raises((ApiTypeError, ApiValueError), match=message) as info:
        build_request(op(parameter), {parameter.name: value}, HOST)
    assert "op(%s=...)" % parameter.name in str(info.value)


def test_headers_cookies_and_secrets() -> None:
    o = op(
        Parameter("confirmation_password", "confirmationPassword", "header", "str", secret=True),
        Parameter("theme", "theme", "cookie", "str"),
        Parameter("key", "key", "path", "str", True, secret=True),
        path="/validate/{key}",
    )
    request = build_request(o, {"confirmation_password": "pw-1234", "theme": "dark mode", "key": "K-99"}, HOST)
    assert request.headers["confirmationPassword"] == "pw-1234"
    assert request.headers["Cookie"] == "theme=dark%20mode"
    assert set(request.secrets) == {"pw-1234", "K-99"}
    assert "pw-1234" not in repr(request) and "K-99" not in repr(request)
    with pytest.raises(ApiValueError, match="line break"):
        build_request(o, {"confirmation_password": "a\r\nX: y", "key": "k"}, HOST)


def test_json_text_and_multipart_bodies() -> None:
    body = Parameter("params", "body", "body", "CaptchaResponse", True)
    json_op = op(body, body_media="application/json", method="POST")
    request = build_request(json_op, {"params": swagger_client.CaptchaResponse(challenge="c", response="r")}, HOST)
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.body or b"") == {"challenge": "c", "response": "r"}
    with pytest.raises(ApiTypeError, match="must be a CaptchaResponse"):
        build_request(json_op, {"params": swagger_client.Auth()}, HOST)
    text_op = op(Parameter("password", "body", "body", "str", True), body_media="text/plain", method="POST")
    assert build_request(text_op, {"password": "1234"}, HOST).body == b"1234"
    upload = op(
        Parameter("image", "image", "file", "file", True),
        Parameter("name", "name", "form", "str"),
        body_media="multipart/form-data",
        method="POST",
    )
    request = build_request(upload, {"image": ("a.png", b"\x89PNG", "image/png"), "name": "avatar"}, HOST)
    content_type = request.headers["Content-Type"]
    message = email.parser.BytesParser().parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + (request.body or b"")
    )
    parts = {p.get_param("name", header="content-disposition"): p for p in message.get_payload()}
    assert parts["image"].get_payload(decode=True) == b"\x89PNG" and parts["name"].get_payload() == "avatar"
    with pytest.raises(ApiValueError, match=r"op\(image=...\): no such file: '/nonexistent/a.png'"):
        build_request(upload, {"image": "/nonexistent/a.png"}, HOST)


def test_a_body_less_post_has_no_body_nor_content_type() -> None:
    request = build_request(op(method="POST"), {}, HOST)
    assert request.body is None and "Content-Type" not in request.headers


def test_json_encoding_keeps_amounts_exact_and_refuses_nan() -> None:
    assert encode_json({"a": decimal.Decimal("12"), "b": decimal.Decimal("0.1")}) == b'{"a":12,"b":0.1}'
    with pytest.raises(ValueError):
        encode_json({"x": float("nan")})
