"""The pipeline end to end, from a small spec through the generator to a real socket.

test/fixtures/pipeline-spec.yaml declares what the Cyclos descriptor needs beyond
``/auth``; the generator writes a client for it into a copy of the runtime, and a
child process calls every operation against a local server.
"""

from __future__ import annotations

import base64
import email.parser
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from test.recording_server import Canned, RecordingServer, json_reply

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def fixture_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime with a client generated from the fixture spec instead of Cyclos'."""
    tree = tmp_path_factory.mktemp("pipeline")
    for name in ("codegen", "swagger_client"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            str(tree / "codegen" / "generate.py"),
            "--spec",
            str(FIXTURES / "pipeline-spec.yaml"),
            "--overrides",
            "-",
            "--root",
            str(tree),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return tree


def test_the_fixture_client_is_generated_alone(fixture_tree: Path) -> None:
    apis = sorted(p.name for p in (fixture_tree / "swagger_client" / "api").glob("*.py"))
    models = sorted(p.name for p in (fixture_tree / "swagger_client" / "models").glob("*.py"))
    assert apis == ["__init__.py", "pets_api.py"]
    assert models == ["__init__.py", "animal.py", "cat.py", "dog.py", "kind.py", "pet.py", "problem.py"]


@pytest.fixture(scope="module")
def run(fixture_tree: Path) -> Dict[str, Any]:
    pet = {"id": "p1", "name": "Rex", "tags": ["a"], "kind": "dog"}
    with RecordingServer() as server:
        server.reply(
            json_reply(pet),
            json_reply(dict(pet, name="Rex by token")),
            json_reply({"code": "notHere", "message": "no such pet"}, status=418),
            Canned(201, "photo-7", {"Content-Type": "text/plain"}),
            Canned(200, b"\x89PNG\x00\xff", {"Content-Type": "image/png"}),
            json_reply({"kind": "dog", "good": True}),
            Canned(200, "a note \u00e9".encode(), {"Content-Type": "text/plain; charset=utf-8"}),
        )
        done = subprocess.run(
            [sys.executable, str(FIXTURES / "pipeline_client.py"), server.url],
            cwd=str(fixture_tree),
            env={"PYTHONPATH": str(fixture_tree), "PATH": ""},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)
        assert Path(results.pop("module")).is_relative_to(fixture_tree)  # not the installed package
        return {"results": results, "requests": list(server.requests)}


def test_path_parameters_are_templated_and_each_segment_percent_encoded(run: Dict[str, Any]) -> None:
    first = run["requests"][0]
    assert first.method == "GET"
    assert first.path == "/api/owners/%27bob/pets/p%2F1"
    assert first.query == [("fields", "a"), ("fields", "b"), ("tags", "x,y"), ("verbose", "true")]
    assert run["results"]["get_pet"] == {"type": "Pet", "name": "Rex", "tags": ["a"], "kind": "dog"}


def test_any_of_security_sends_the_set_that_is_configured(run: Dict[str, Any]) -> None:
    basic, token = run["requests"][0], run["requests"][1]
    assert basic.header("Authorization") == "Basic " + base64.b64encode(b"alice:pw").decode()
    assert basic.header("X-Token") is None
    assert token.header("X-Token") == "tok" and token.header("Authorization") is None
    assert run["results"]["get_pet_token"] == "Rex by token"


def test_an_undeclared_status_is_read_with_the_default_answer(run: Dict[str, Any]) -> None:
    assert run["results"]["default_error"] == {
        "class": "ApiException",
        "status": 418,
        "error": "Problem",
        "code": "notHere",
    }


def test_a_multipart_upload_answered_with_text(run: Dict[str, Any]) -> None:
    upload = run["requests"][3]
    assert upload.method == "POST" and upload.path == "/api/pets/p1/photo"
    content_type = upload.header("Content-Type")
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser().parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + upload.body
    )
    parts = {part.get_param("name", header="content-disposition"): part for part in message.get_payload()}
    assert parts["photo"].get_filename() == "cat.png"
    assert parts["photo"].get_content_type() == "image/png"
    assert parts["photo"].get_payload(decode=True) == b"\x89PNG-bytes"
    assert parts["caption"].get_payload() == "hi"
    assert upload.header("Accept") == "text/plain, application/json"
    assert run["results"]["upload"] == "photo-7"


def test_a_binary_answer_is_bytes(run: Dict[str, Any]) -> None:
    assert run["requests"][4].header("Accept") == "image/png, application/json"
    assert run["results"]["photo"] == {"type": "bytes", "hex": "89504e4700ff"}


def test_a_one_of_answer_is_the_model_its_discriminator_names(run: Dict[str, Any]) -> None:
    assert run["requests"][5].path == "/api/pets/p1/animal"
    assert run["results"]["animal"] == {"type": "Dog", "good": True}


def test_a_text_body_and_all_of_security(run: Dict[str, Any]) -> None:
    note = run["requests"][6]
    assert note.method == "PUT"
    assert note.header("Content-Type") == "text/plain"
    assert note.body == "a note \u00e9".encode()
    assert note.header("Authorization") and note.header("X-Token") == "tok"  # both schemes of the one set
    assert run["results"]["note"] == "a note \u00e9"
