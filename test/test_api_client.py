"""ApiClient: the four steps in order, and swagger-codegen's entry points over the same pipeline."""

from __future__ import annotations

import datetime
import json

import pytest

import swagger_client
from test.recording_server import Canned, RecordingServer, json_reply


@pytest.fixture
def server() -> RecordingServer:
    with RecordingServer() as recording:
        yield recording


def client_for(server: RecordingServer, **credentials: str) -> swagger_client.ApiClient:
    configuration = swagger_client.Configuration(host=server.url, **credentials)
    return swagger_client.ApiClient(configuration)


def test_call_api_templates_the_path_and_sends_the_named_credential(server: RecordingServer) -> None:
    server.reply(json_reply({"id": "1", "display": "Alice"}))
    client = client_for(server, username="alice", password="pw")
    user = client.call_api(
        "/users/{user}",
        "GET",
        path_params={"user": "'0123"},
        query_params=[("fields", ["id", "display"]), ("flag", True)],
        collection_formats={"fields": "multi"},
        response_type="User",
        auth_settings=["basic"],
        _return_http_data_only=True,
    )
    assert user.display == "Alice"
    assert server.last.path == "/api/users/%270123"
    assert server.last.query == [("fields", "id"), ("fields", "display"), ("flag", "true")]
    assert server.last.header("Authorization").startswith("Basic ")


def test_call_api_without_auth_settings_is_a_guest_call_and_serializes_bodies(server: RecordingServer) -> None:
    server.reply(Canned(204))
    client = client_for(server, username="alice", password="pw")
    body = {
        "when": datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc),
        "ref": swagger_client.EntityReference(id="1"),
    }
    assert client.call_api("/things", "POST", body=body, _return_http_data_only=True) is None
    assert server.last.header("Authorization") is None
    assert json.loads(server.last.body) == {"when": "2026-01-02T00:00:00+00:00", "ref": {"id": "1"}}


def test_call_api_uploads_files_as_multipart(server: RecordingServer) -> None:
    server.reply(Canned(201, "image-1", {"Content-Type": "text/plain"}))
    client = client_for(server)
    client.call_api("/images", "POST", post_params={"name": "avatar"}, files={"image": ("a.png", b"\x89PNG")})
    assert server.last.header("Content-Type").startswith("multipart/form-data; boundary=")
    assert b"\x89PNG" in server.last.body and b'name="name"' in server.last.body


def test_the_swagger_codegen_helpers() -> None:
    client = swagger_client.ApiClient()
    assert client.parameters_to_tuples({"a": [1, 2], "b": True}, {"a": "csv"}) == [("a", "1,2"), ("b", "true")]
    assert client.select_header_accept(["text/plain", "application/json"]) == "application/json"
    assert client.select_header_content_type(["multipart/form-data"]) == "multipart/form-data"
    assert client.sanitize_for_serialization([datetime.date(2026, 1, 2), None]) == ["2026-01-02", None]
    headers: dict = {}
    client.configuration.api_key["Session-Token"] = "tok"
    client.update_params_for_auth(headers, [], ["session"])
    assert headers == {"Session-Token": "tok"}
    data = client._ApiClient__deserialize({"id": "7"}, "EntityReference")  # type: ignore[attr-defined]
    assert data.id == "7"


def test_close_releases_connections_and_workers(server: RecordingServer) -> None:
    server.default = json_reply(["a@b"])
    with client_for(server, username="a", password="b") as client:
        api = swagger_client.AuthApi(client)
        assert api.new_otp("email", async_req=True).get(timeout=10) == ["a@b"]
        pool = client.pool
    with pytest.raises(RuntimeError):
        pool.submit(print)
