"""What each operation puts on the wire, and how replies map to results and exceptions."""

from __future__ import annotations

import base64
import time
from typing import Iterator

import pytest
import urllib3

import swagger_client
from swagger_client import models
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    ConflictException,
    ForbiddenException,
    NotFoundException,
    ResponseDecodeError,
    ServiceException,
    UnauthorizedException,
    UnprocessableEntityException,
)
from test.builders import build
from test.recording_server import Canned, RecordingServer, json_reply


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as srv:
        yield srv


def api(server: RecordingServer, **attributes: object) -> swagger_client.AuthApi:
    configuration = swagger_client.Configuration(host=server.url)
    for name, value in attributes.items():
        setattr(configuration, name, value)
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def basic_header(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


# -- each operation on the wire ------------------------------------------------------------


def test_get_current_auth_sends_configured_credentials_and_repeated_fields(server: RecordingServer) -> None:
    server.reply(json_reply(build("Auth")))
    auth = api(server, username="alice", password="pw").get_current_auth(fields=["user.display", "role"])
    request = server.last
    assert (request.method, request.path) == ("GET", "/api/auth")
    assert request.query == [("fields", "user.display"), ("fields", "role")]
    assert request.header("Authorization") == basic_header("alice", "pw")
    assert request.header("Accept") == "application/json"
    assert request.body == b""
    assert isinstance(auth, models.Auth) and auth.to_json_dict() == build("Auth")


def test_login_query_parameters(server: RecordingServer) -> None:
    server.reply(json_reply({"sessionToken": "tok"}))
    auth = api(server, username="alice", password="pw").login(
        cookie=False, timeout_in_seconds=600, fields=["sessionToken"]
    )
    request = server.last
    assert (request.method, request.path) == ("POST", "/api/auth/session")
    assert request.query == [("fields", "sessionToken"), ("cookie", "false"), ("timeoutInSeconds", "600")]
    assert request.header("Authorization") == basic_header("alice", "pw")
    assert auth.session_token == "tok"


def test_logout_sends_only_the_session_token(server: RecordingServer) -> None:
    client = api(server, username="alice", password="pw")
    client.api_client.configuration.api_key["Session-Token"] = "tok"
    assert client.logout(cookie=True) is None
    request = server.last
    assert (request.method, request.path, request.query) == ("DELETE", "/api/auth/session", [("cookie", "true")])
    assert request.header("Session-Token") == "tok"
    assert request.header("Authorization") is None


def test_secondary_password_operations(server: RecordingServer) -> None:
    client = api(server)
    client.api_client.configuration.api_key["Session-Token"] = "tok"
    server.reply(json_reply(build("PasswordInput")), Canned(204))
    assert isinstance(client.get_secondary_password_input(), models.PasswordInput)
    assert server.last.path == "/api/auth/session/secondary-password"
    assert client.validate_secondary_password("12 34") is None
    request = server.last
    assert (request.method, request.body) == ("POST", b"12 34")
    assert request.header("Content-Type") == "text/plain"


def test_disconnect_current_client_sends_confirmation_password_header(server: RecordingServer) -> None:
    client = api(server)
    client.api_client.configuration.api_key["Access-Client-Token"] = "ac-token"
    assert client.disconnect_current_client(confirmation_password="pw") is None
    request = server.last
    assert (request.method, request.path) == ("DELETE", "/api/auth/access-client")
    assert request.header("confirmationPassword") == "pw"
    assert "confirmationPassword" in request.headers  # exact spelling, not Confirmation-Password
    assert request.header("Access-Client-Token") == "ac-token"


def test_new_otp(server: RecordingServer) -> None:
    server.reply(json_reply(["alice@example.com"]))
    assert api(server, username="a", password="b").new_otp("email") == ["alice@example.com"]
    assert (server.last.method, server.last.path, server.last.query) == ("POST", "/api/auth/otp", [("medium", "email")])


def test_forgotten_password_operations(server: RecordingServer) -> None:
    client = api(server)
    server.reply(Canned(204), json_reply({"generated": False, "securityQuestion": "Pet?"}), Canned(204))
    captcha = models.CaptchaResponse(challenge="c", response="r")
    assert client.forgotten_password_request(models.ForgottenPasswordRequest(user="alice", captcha=captcha)) is None
    assert server.last.path == "/api/auth/forgotten-password/request"
    assert server.last.header("Content-Type") == "application/json"
    assert server.last.body == b'{"user":"alice","captcha":{"challenge":"c","response":"r"}}'
    data = client.get_data_for_change_forgotten_password("the-key", fields=["securityQuestion"])
    assert server.last.query == [("fields", "securityQuestion"), ("key", "the-key")]
    assert (data.generated, data.security_question) == (False, "Pet?")
    change = models.ChangeForgottenPassword(
        key="k", new_password="n", new_password_confirmation="n", check_confirmation=True
    )
    assert client.change_forgotten_password(change) is None
    assert server.last.path == "/api/auth/forgotten-password"
    assert server.last.body == b'{"key":"k","newPassword":"n","checkConfirmation":true,"newPasswordConfirmation":"n"}'


def test_get_data_for_login_and_its_204(server: RecordingServer) -> None:
    server.reply(json_reply(build("DataForLogin")), Canned(204))
    client = api(server, channel="main")
    assert isinstance(client.get_data_for_login(), models.DataForLogin)
    assert server.last.header("Channel") == "main"
    assert client.get_data_for_login() is None


def test_with_http_info_returns_data_status_and_headers(server: RecordingServer) -> None:
    server.reply(json_reply(["x@y"], **{"X-Trace": "42"}))
    data, status, headers = api(server, username="a", password="b").new_otp_with_http_info("email")
    assert (data, status, headers["X-Trace"]) == (["x@y"], 200, "42")


# -- credentials ---------------------------------------------------------------------------


def test_one_credential_per_request_session_first(server: RecordingServer) -> None:
    client = api(server, username="alice", password="pw")
    client.api_client.configuration.api_key["Access-Client-Token"] = "ac"
    client.api_client.configuration.api_key["Session-Token"] = "tok"
    server.reply(json_reply({}), json_reply({}))
    client.get_current_auth()
    assert server.last.header("Session-Token") == "tok"
    assert server.last.header("Authorization") is None and server.last.header("Access-Client-Token") is None
    client.login()  # login accepts only Basic or an access client
    assert server.last.header("Authorization") is None and server.last.header("Access-Client-Token") == "ac"


def test_two_configurations_never_share_credentials(server: RecordingServer) -> None:
    first = swagger_client.Configuration(host=server.url)
    first.api_key["Session-Token"] = "first"
    second = swagger_client.Configuration(host=server.url)
    assert second.api_key == {} and second.api_key is not first.api_key
    assert first.api_key_prefix is not second.api_key_prefix
    server.reply(json_reply({}))
    swagger_client.AuthApi(swagger_client.ApiClient(second)).get_current_auth()
    assert server.last.header("Session-Token") is None
    copy = first.copy()
    copy.api_key["Session-Token"] = "changed"
    assert first.api_key["Session-Token"] == "first"


def test_per_call_headers_win_over_defaults(server: RecordingServer) -> None:
    client = swagger_client.ApiClient(
        swagger_client.Configuration(host=server.url), header_name="X-Team", header_value="default"
    )
    client.configuration.api_key["Session-Token"] = "configured"
    server.reply(json_reply({}))
    swagger_client.AuthApi(client).get_current_auth(_headers={"X-Team": "call", "Session-Token": "per-call"})
    assert server.last.header("X-Team") == "call"
    assert server.last.header("Session-Token") == "per-call"
    assert "swagger_client/" in (server.last.header("User-Agent") or "")


# -- arguments are checked before anything is sent ------------------------------------------


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda a: a.new_otp(None), ApiValueError, "Missing the required parameter `medium` when calling `new_otp`"),
        (
            lambda a: a.new_otp("pigeon"),
            ApiValueError,
            r"new_otp\(medium=...\): 'pigeon' is not allowed; use one of email, sms",
        ),
        (lambda a: a.login(colour="red"), ApiTypeError, "unexpected keyword argument 'colour' to method login"),
        (lambda a: a.login(cookie="yes"), ApiTypeError, r"login\(cookie=...\) must be a bool, not str"),
        (lambda a: a.login(timeout_in_seconds=True), ApiTypeError, "must be an int"),
        (lambda a: a.get_current_auth(fields=[1]), ApiTypeError, "must be a list of str"),
        (lambda a: a.validate_secondary_password(1234), ApiTypeError, "must be a str, not int"),
        (
            lambda a: a.change_forgotten_password(models.Auth()),
            ApiTypeError,
            "must be a ChangeForgottenPassword, not Auth",
        ),
        (
            lambda a: a.disconnect_current_client(confirmation_password="pw\r\nX-Injected: 1"),
            ApiValueError,
            "confirmationPassword contains a line break",
        ),
        (lambda a: a.get_current_auth(_request_timeout=-1), ApiValueError, "_request_timeout"),
        (lambda a: a.get_current_auth(_request_timeout="5"), ApiTypeError, "_request_timeout"),
    ],
)
def test_bad_arguments_raise_before_any_request(
    server: RecordingServer, call: object, error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        call(api(server))  # type: ignore[operator]
    assert server.requests == []


def test_header_injection_through_configuration_is_refused(server: RecordingServer) -> None:
    client = api(server, channel="main\r\nEvil: 1")
    with pytest.raises(ApiValueError, match="Channel"):
        client.get_current_auth()
    client.api_client.configuration.channel = None
    client.api_client.configuration.api_key["Session-Token"] = "tok\nX: y"
    with pytest.raises(ApiValueError, match="Session-Token"):
        client.get_current_auth()
    assert server.requests == []


def test_model_to_a_wrong_argument_position_is_a_python_type_error(server: RecordingServer) -> None:
    with pytest.raises(TypeError):
        api(server).login(["fields"])  # type: ignore[misc]


# -- error statuses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, body, exc_class, error_class, code",
    [
        (401, {"code": "loggedOut"}, UnauthorizedException, models.UnauthorizedError, "loggedOut"),
        (401, {"code": "blockedAccessClient"}, UnauthorizedException, models.UnauthorizedError, "blockedAccessClient"),
        (
            403,
            {"code": "invalidPassword", "passwordType": {"id": "-1"}},
            ForbiddenException,
            models.ForbiddenError,
            "invalidPassword",
        ),
        (404, {"entityType": "user", "key": "x"}, NotFoundException, models.NotFoundError, None),
        (409, {"code": "staleEntity"}, ConflictException, models.ConflictError, "staleEntity"),
        (
            422,
            {"code": "missingParameter", "name": "medium"},
            UnprocessableEntityException,
            models.InputError,
            "missingParameter",
        ),
        (
            500,
            {"exceptionType": "X", "kind": "otp", "code": "errorSendingSms"},
            ServiceException,
            models.OtpError,
            "errorSendingSms",
        ),
        (
            500,
            {
                "exceptionType": "X",
                "kind": "forgottenPassword",
                "code": "invalidSecurityAnswer",
                "keyInvalidated": True,
            },
            ServiceException,
            models.ForgottenPasswordError,
            "invalidSecurityAnswer",
        ),
        (500, {"exceptionType": "X", "kind": "general"}, ServiceException, models.Error, None),
    ],
)
def test_error_statuses_map_to_typed_exceptions(
    server: RecordingServer, status: int, body: dict, exc_class: type, error_class: type, code: object
) -> None:
    server.default = json_reply(body, status)
    with pytest.raises(exc_class) as info:
        api(server, username="a", password="b").new_otp("sms")
    exc = info.value
    assert isinstance(exc, ApiException)
    assert type(exc.error) is error_class
    assert exc.error.to_json_dict() == body
    assert exc.code == code
    assert exc.status == status and exc.body == server.default.payload().decode()  # text, as swagger-codegen gave it
    # swagger-codegen's layout, with the reason phrase and the Cyclos code on the first line
    headline = "(%d) %s" % (status, exc.reason) + (": %s" % code if code else "")
    assert str(exc).startswith("%s\nReason: %s\n" % (headline, exc.reason))


def test_non_json_error_bodies_leave_error_empty(server: RecordingServer) -> None:
    server.reply(Canned(502, "<html><body>Bad gateway</body></html>", {"Content-Type": "text/html"}))
    with pytest.raises(ServiceException) as info:
        api(server, retries=0).get_current_auth()
    assert info.value.error is None and info.value.code is None and info.value.status == 502
    assert "Bad gateway" in info.value.body


def test_unmapped_status_is_a_plain_api_exception(server: RecordingServer) -> None:
    server.reply(json_reply({"x": 1}, 418))
    with pytest.raises(ApiException) as info:
        api(server).get_current_auth()
    assert type(info.value) is ApiException and info.value.status == 418


# -- success bodies that are not what the operation declares --------------------------------


@pytest.mark.parametrize(
    "canned, reason",
    [
        (Canned(200, b'{"user": ', {"Content-Type": "application/json"}), "invalid JSON where Auth was expected"),
        (Canned(200, b"", {"Content-Type": "application/json"}), "empty body where Auth was expected"),
        (Canned(200, b"[1, 2]", {"Content-Type": "application/json"}), "unexpected body shape for Auth"),
        (
            Canned(200, b"<html>login</html>", {"Content-Type": "text/html"}),
            "expected a JSON body \\(Auth\\), got Content-Type text/html",
        ),
    ],
)
def test_undecodable_success_bodies_raise_response_decode_error(
    server: RecordingServer, canned: Canned, reason: str
) -> None:
    server.reply(canned)
    with pytest.raises(ResponseDecodeError, match=reason) as info:
        api(server).get_current_auth()
    assert info.value.status == 200 and info.value.body == canned.payload().decode()


def test_list_result_with_wrong_items(server: RecordingServer) -> None:
    server.reply(json_reply([1, 2]))
    with pytest.raises(ResponseDecodeError, match="list\\[str\\]"):
        api(server, username="a", password="b").new_otp("email")


# -- transport ------------------------------------------------------------------------------


def test_connection_refused_is_an_api_connection_error(refused_url: str) -> None:
    configuration = swagger_client.Configuration(host=refused_url, retries=0)
    configuration.password = "hunter2"
    configuration.username = "alice"
    with pytest.raises(ApiConnectionError) as info:
        swagger_client.AuthApi(swagger_client.ApiClient(configuration)).get_current_auth()
    exc = info.value
    assert exc.status == 0 and isinstance(exc, ApiException)
    assert "could not connect" in str(exc) and "Connection refused" in str(exc)
    assert isinstance(exc.__cause__, urllib3.exceptions.HTTPError)
    assert "hunter2" not in str(exc)


@pytest.mark.parametrize("timeout", [0.3, (2.0, 0.3), urllib3.Timeout(connect=2.0, read=0.3)])
def test_float_tuple_and_timeout_objects_are_honoured(server: RecordingServer, timeout: object) -> None:
    server.default = Canned(200, b"{}", {"Content-Type": "application/json"}, delay=30.0)
    started = time.monotonic()
    # A number is also the call's total: whichever bound fires, the call ends as a timeout.
    with pytest.raises(ApiTimeoutError, match=r"read timeout|total timeout of 0\.3s exceeded"):
        api(server, retries=0).get_current_auth(_request_timeout=timeout)
    # The raise itself shows the bound fired before the 30 s answer; the clock only guards a hang.
    assert time.monotonic() - started < 10


def test_configuration_timeout_is_the_default(server: RecordingServer) -> None:
    server.default = Canned(200, b"{}", {"Content-Type": "application/json"}, delay=30.0)
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError, match=r"read timeout after 0\.3s|total timeout of 0\.3s"):
        api(server, retries=0, timeout=0.3).get_current_auth()
    assert time.monotonic() - started < 10  # the 30 s answer was not waited for


def test_default_timeout_is_connect_10_read_60() -> None:
    timeout = swagger_client.Configuration().timeout
    assert isinstance(timeout, urllib3.Timeout)
    assert (timeout.connect_timeout, timeout.read_timeout) == (10.0, 60.0)


# -- async_req and lifecycle ------------------------------------------------------------------


def test_async_req_returns_a_result_and_close_releases_the_pool(server: RecordingServer) -> None:
    server.default = json_reply(["a@b"])
    client = api(server, username="a", password="b")
    results = [client.new_otp("email", async_req=True) for _ in range(5)]
    assert [r.get(timeout=10) for r in results] == [["a@b"]] * 5
    assert all(r.ready() and r.successful() for r in results)
    pool = client.api_client.pool
    client.api_client.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(print)


def test_async_req_errors_surface_on_get(server: RecordingServer) -> None:
    server.default = json_reply({"code": "loggedOut"}, 401)
    with swagger_client.ApiClient(swagger_client.Configuration(host=server.url)) as client:
        result = swagger_client.AuthApi(client).get_current_auth(async_req=True)
        with pytest.raises(UnauthorizedException):
            result.get(timeout=10)


def test_preload_content_false_returns_the_raw_response(server: RecordingServer) -> None:
    server.reply(json_reply({"role": "member"}))
    raw = api(server).get_current_auth(_preload_content=False)
    assert raw.status == 200 and b"member" in raw.data


def test_swagger_codegen_verb_helpers_on_the_rest_client(server: RecordingServer) -> None:
    server.reply(json_reply({"ok": True}), Canned(200))
    rest_client = swagger_client.ApiClient(swagger_client.Configuration(host=server.url)).rest_client
    response = rest_client.GET(server.url + "/auth", query_params=[("fields", "a")])
    assert response.status == 200 and response.data == '{"ok": true}'
    assert (server.last.method, server.last.query) == ("GET", [("fields", "a")])
    rest_client.POST(server.url + "/auth/session", body={"x": 1})
    assert (server.last.method, server.last.body) == ("POST", b'{"x":1}')


def test_call_api_for_endpoints_outside_auth_api(server: RecordingServer) -> None:
    client = swagger_client.ApiClient(swagger_client.Configuration(host=server.url, username="a", password="b"))
    server.reply(json_reply({"id": "7", "name": "n"}), Canned(200), Canned(200))
    data, status, _ = client.call_api(
        "/users/{user}/thing",
        "GET",
        path_params={"user": "al ice"},
        query_params=[("fields", ["a", "b"])],
        collection_formats={"fields": "multi"},
        response_type="EntityReference",
        auth_settings=["basic"],
    )
    assert (data.id, data.name, status) == ("7", "n", 200)
    assert server.last.path == "/api/users/al%20ice/thing"
    assert server.last.query == [("fields", "a"), ("fields", "b")]
    assert server.last.header("Authorization") == basic_header("a", "b")
    client.call_api("/form", "POST", post_params={"x": "1", "y": "2"}, auth_settings=[])
    assert server.last.body == b"x=1&y=2"
    assert server.last.header("Content-Type") == "application/x-www-form-urlencoded"
    assert server.last.header("Authorization") is None
    client.call_api(
        "/json", "POST", body=models.EntityReference(id="1", internal_name="i"), _return_http_data_only=True
    )
    assert server.last.body == b'{"id":"1","internalName":"i"}'


@pytest.mark.parametrize("value", [0, -1, (1, "x"), "10", True])
def test_bad_configuration_timeouts_are_refused_when_set(value: object) -> None:
    configuration = swagger_client.Configuration()
    with pytest.raises((TypeError, ValueError), match=r"Configuration\.timeout"):
        configuration.timeout = value  # type: ignore[assignment]


def test_swagger_codegen_api_client_helpers() -> None:
    import datetime

    client = swagger_client.ApiClient()
    value = {
        "when": datetime.datetime(2021, 3, 4, 10, 20, 30, tzinfo=datetime.timezone.utc),
        "refs": (models.EntityReference(id="1", internal_name="i"), None),
        "n": 1,
    }
    assert client.sanitize_for_serialization(value) == {
        "when": "2021-03-04T10:20:30+00:00",
        "refs": [{"id": "1", "internalName": "i"}, None],
        "n": 1,
    }
    assert client.select_header_accept(["text/plain", "application/json"]) == "application/json"
    assert client.select_header_accept(["text/plain", "text/html"]) == "text/plain, text/html"
    assert client.select_header_accept([]) is None
    assert client.select_header_content_type([]) == "application/json"
    assert client.select_header_content_type(["text/plain"]) == "text/plain"
    assert client.parameters_to_tuples({"a": ["x", "y"], "b": True}, {"a": "csv"}) == [("a", "x,y"), ("b", "true")]
    client.set_default_header("X-Team", "blue")
    assert client.default_headers["X-Team"] == "blue"
    with pytest.raises(ApiValueError, match="X-Bad"):
        client.set_default_header("X-Bad", "a\r\nb")
    client.user_agent = "my-service/2.0"
    assert client.user_agent == "my-service/2.0"
    with swagger_client.ApiClient() as managed:
        assert isinstance(managed.configuration, swagger_client.Configuration)
        assert managed.configuration is not client.configuration


@pytest.mark.parametrize("host", ["cyclos.example.com/api", "ftp://cyclos.example.com/api", ""])
def test_a_host_without_an_http_scheme_is_refused(host: str) -> None:
    with pytest.raises(ApiValueError, match=r"Configuration\.host must start with https://"):
        swagger_client.Configuration(host=host)
    configuration = swagger_client.Configuration()
    with pytest.raises(ApiValueError):
        configuration.host = host


def test_a_trailing_slash_on_the_host_is_harmless(server: RecordingServer) -> None:
    server.reply(json_reply({}))
    configuration = swagger_client.Configuration(host=server.url + "/")
    assert configuration.host == server.url
    swagger_client.AuthApi(swagger_client.ApiClient(configuration)).get_current_auth()
    assert server.last.path == "/api/auth"
