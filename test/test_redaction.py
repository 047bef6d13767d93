"""Servers that echo the request, forge log lines or send huge error pages.

The client scrubs the exact secret values it sent from every message and log line
it produces, escapes control characters, and masks within the shown length.
"""

from __future__ import annotations

import base64
import logging
from typing import Any, List

import pytest

import swagger_client
from swagger_client import redaction
from swagger_client.exceptions import ApiException
from swagger_client.redaction import Scrubber, escape_controls, redact_body, redact_url
from test.fault_server import FaultServer, echo, reply, response

PASSWORD = "pw-SECRET-echo-1"
TOKEN = "tok-SECRET-echo-2"
ACCESS = "ac-SECRET-echo-3"
SECONDARY = "sp-SECRET-echo-4"
PROXY_PASSWORD = "px-SECRET-echo-5"
SECRETS = [
    PASSWORD,
    TOKEN,
    ACCESS,
    SECONDARY,
    PROXY_PASSWORD,
    base64.b64encode(("alice:" + PASSWORD).encode()).decode(),
    base64.b64encode(("proxyuser:" + PROXY_PASSWORD).encode()).decode(),
]


def api(url: str, **attributes: Any) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=url, username="alice", password=PASSWORD, retries=0)
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def shown(exc: BaseException, records: List[logging.LogRecord]) -> str:
    return "\n".join([str(exc), repr(exc), str(getattr(exc, "reason", ""))] + [r.getMessage() for r in records])


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_an_echoing_server_cannot_make_secrets_show(as_json: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with FaultServer(echo(as_json=as_json)) as server:
        client = api(server.url, debug=True)
        calls = [
            lambda: client.login(),
            lambda: client.get_current_auth(_headers={"Session-Token": TOKEN}),
            lambda: client.disconnect_current_client(
                confirmation_password=SECONDARY, _headers={"Access-Client-Token": ACCESS}
            ),
            lambda: client.validate_secondary_password(SECONDARY, _headers={"Session-Token": TOKEN}),
        ]
        for call in calls:
            with pytest.raises(ApiException) as info:
                call()
            text = shown(info.value, caplog.records)
            for secret in SECRETS:
                assert secret not in text
    assert PASSWORD not in info.value.body  # documented: body is raw ...
    assert SECONDARY in info.value.body  # ... and an echo puts the secret there


def test_a_proxy_that_echoes_cannot_show_its_credentials(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with FaultServer(echo()) as proxy:
        proxy_url = "http://proxyuser:%s@127.0.0.1:%d" % (PROXY_PASSWORD, proxy.port)
        with pytest.raises(ApiException) as info:
            api("http://cyclos.invalid/api", proxy=proxy_url, debug=True).get_current_auth()
        assert b"proxy-authorization: basic" in proxy.heads[0].lower()
    assert "Basic ***" in str(info.value) or "Proxy-Authorization" not in str(info.value)
    text = shown(info.value, caplog.records)
    for secret in SECRETS:
        assert secret not in text


def test_control_characters_cannot_forge_lines(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = b"oops\n2026-12-01 CRITICAL forged line\r\x1b[31mred\x1b[0m"
    raw = response("500 Internal Server Error", body, "text/plain").replace(b"Error", b"Error\x1b[2J", 1)
    with FaultServer(reply(raw)) as server, pytest.raises(ApiException) as info:
        api(server.url, debug=True).get_current_auth()
    text = str(info.value)
    assert "\x1b" not in text and "\r" not in text and "\nforged" not in text
    assert "oops\\n2026-12-01 CRITICAL forged line\\r\\x1b[31mred" in text
    for record in caplog.records:
        assert "\x1b" not in record.getMessage() and "\n2026-12-01" not in record.getMessage()


def test_masking_is_bounded_by_the_shown_length(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: List[int] = []
    original = redaction._mask_loose

    def counting(text: str) -> str:
        seen.append(len(text))
        return original(text)

    monkeypatch.setattr(redaction, "_mask_loose", counting)
    body = "<html>" + "x" * 20_000_000 + "sessionToken=tail</html>"
    exc = ApiException(status=500, reason="Internal Server Error", body=body)
    text = str(exc)
    assert text.endswith("... (19998030 more characters)\n")
    assert seen and max(seen) <= redaction.SHOWN_BODY_CHARACTERS + 1024
    assert len(redact_body(body.encode())) < 2100


def test_the_scrubber_knows_every_form_of_a_secret() -> None:
    token = base64.b64encode(b"alice:p@ss word").decode()
    scrubber = Scrubber({"Authorization": "Basic " + token, "Accept": "application/json"}, b"secondary-pw", None)
    for form in (token, "alice:p@ss word", "p@ss word", "p%40ss%20word", "p%40ss+word", "secondary-pw"):
        assert scrubber.scrub("<<%s>>" % form) == "<<***>>", form
    assert scrubber.scrub("application/json") == "application/json"  # non-secret headers stay
    url_scrubber = Scrubber({}, b'{"key":"K-123456","newPassword":"N-654321"}', "http://h/api?key=Q-999999")
    assert url_scrubber.scrub("K-123456 N-654321 Q-999999") == "*** *** ***"
    assert Scrubber({}, "abc", None).scrub("abc") == "abc"  # too short to scrub by value


def test_helpers_escape_and_mask_urls() -> None:
    assert escape_controls("a\nb\rc\x1bd\x7f\u2028") == "a\\nb\\rc\\x1bd\\x7f\\u2028"
    assert redact_url("https://user:pw@h/api?x=1&key=abc") == "https://***@h/api?x=1&key=***"
