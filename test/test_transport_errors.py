"""urllib3's failures as ours: the right class, a short message naming the request, no secrets."""

from __future__ import annotations

import urllib3
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ProtocolError, ReadTimeoutError

from swagger_client.exceptions import ApiConnectionError, ApiTimeoutError
from swagger_client.redaction import Scrubber
from swagger_client.transport_errors import scrubbed, translate_error, where

URL = "https://cyclos.example.com/api/auth?key=K-123"


def test_where_shows_neither_the_query_nor_credentials() -> None:
    assert where(URL) == "https://cyclos.example.com/api/auth"
    assert where("https://alice:pw@cyclos.example.com/api") == "https://cyclos.example.com/api"


def test_each_failure_has_its_class_and_words() -> None:
    refused = MaxRetryError(None, URL, NewConnectionError(None, "Failed to establish: [Errno 111] Connection refused"))
    error = translate_error(refused, "GET", URL)
    assert type(error) is ApiConnectionError and "GET https://cyclos.example.com/api/auth: could not connect" in str(
        error
    )
    connect = translate_error(ConnectTimeoutError(None, "timed out"), "GET", URL, urllib3.Timeout(connect=2, read=5))
    assert type(connect) is ApiTimeoutError and "connect timeout after 2s" in str(connect)
    read = translate_error(
        ReadTimeoutError(None, URL, "read timed out"), "POST", URL, urllib3.Timeout(connect=2, read=5)
    )
    assert type(read) is ApiTimeoutError and "read timeout after 5s" in str(read)
    broken = translate_error(ProtocolError("Connection aborted.", ConnectionResetError("Connection reset")), "GET", URL)
    assert "connection broken while reading the response (Connection reset)" in str(broken)
    assert "K-123" not in str(error) + str(connect) + str(read) + str(broken)


def test_chained_errors_lose_the_secrets_they_mention() -> None:
    inner = OSError("sent Authorization: Basic YWxpY2U6aHVudGVyMg== to the proxy")
    outer = MaxRetryError(None, URL, inner)
    outer.__cause__ = inner
    scrubbed(outer, Scrubber({"Authorization": "Basic YWxpY2U6aHVudGVyMg=="}, None, URL))
    text = repr(outer) + repr(inner) + str(outer.url)
    assert "YWxpY2U6aHVudGVyMg==" not in text and "hunter2" not in text and "K-123" not in text
