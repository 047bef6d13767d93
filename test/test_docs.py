"""Every Python block of README.md and docs/ compiles, and runs against the emulator.

The README's blocks run in order, as a reader would paste them, with the host aimed
at the emulator. Each example of docs/AuthApi.md runs with only the host and the
credentials changed; the examples catch ApiException themselves, so what must not
happen is anything else escaping (a SyntaxError, a wrong keyword, a NameError).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import swagger_client
from swagger_client.testing import CyclosEmulator

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_HOST = '"https://cyclos.example.com/api"'
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def blocks(path: Path) -> List[Tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in BLOCK.finditer(text)]


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ALL_BLOCKS = [(path, line, code) for path in DOCUMENTS for line, code in blocks(path)]


@pytest.mark.parametrize(
    "path, line, code", ALL_BLOCKS, ids=["%s:%d" % (p.relative_to(ROOT), n) for p, n, _ in ALL_BLOCKS]
)
def test_every_python_block_compiles(path: Path, line: int, code: str) -> None:
    compile(code, "%s:%d" % (path.relative_to(ROOT), line), "exec")


@pytest.fixture
def emu() -> Iterator[CyclosEmulator]:
    with CyclosEmulator() as emulator:
        emulator.add_user("alice", "s3cret-pass", email="alice@example.com", name="Alice")
        yield emulator


def test_the_readme_blocks_run_in_order(emu: CyclosEmulator, capsys: pytest.CaptureFixture) -> None:
    namespace: Dict[str, Any] = {}
    for line, code in blocks(ROOT / "README.md"):
        exec(compile(code.replace(EXAMPLE_HOST, repr(emu.url)), "README.md:%d" % line, "exec"), namespace)
    namespace["test_login_and_logout"]()  # the block that shows a test, run as pytest would
    out = capsys.readouterr().out
    assert "Exception when calling" not in out  # the quick start's login worked
    assert "Alice" in out


def run_examples(emu: CyclosEmulator, capsys: pytest.CaptureFixture, page: str) -> List[str]:
    """Run each example of ``docs/<page>`` with only host and credentials changed; what each printed."""
    configuration = emu.configuration("alice", "s3cret-pass")
    token = swagger_client.AuthApi(swagger_client.ApiClient(configuration)).login().session_token
    access_client = emu.add_access_client("alice")
    credentials = {
        "'YOUR_USERNAME'": "'alice'",
        "'YOUR_PASSWORD'": "'s3cret-pass'",
        "'YOUR_SESSION_TOKEN'": repr(token),
        "'YOUR_ACCESS_CLIENT_TOKEN'": repr(access_client),
    }
    printed = []
    for line, code in blocks(ROOT / "docs" / page):
        code = code.replace(EXAMPLE_HOST, repr(emu.url))
        for placeholder, value in credentials.items():
            code = code.replace(placeholder, value)
        exec(compile(code, "docs/%s:%d" % (page, line), "exec"), {})
        printed.append(capsys.readouterr().out)
    return printed


def test_every_auth_api_example_runs(emu: CyclosEmulator, capsys: pytest.CaptureFixture) -> None:
    printed = run_examples(emu, capsys, "AuthApi.md")
    assert len(printed) == 11
    succeeded = sum("Exception when calling" not in out for out in printed)
    assert succeeded >= 4  # those that need no real key, OTP or body: login, get_current_auth...


API_PAGES = sorted(p.name for p in (ROOT / "docs").glob("*Api.md") if p.name != "AuthApi.md")


@pytest.mark.parametrize("page", API_PAGES)
def test_every_example_of_the_other_apis_succeeds_on_the_emulator(
    emu: CyclosEmulator, capsys: pytest.CaptureFixture, page: str
) -> None:
    printed = run_examples(emu, capsys, page)
    assert printed
    failed = [out for out in printed if "Exception when calling" in out]
    assert not failed, failed[0][:500]


def test_swagger_codegen_example_values_work_here(emu: CyclosEmulator) -> None:
    """What swagger-codegen's own examples pass: BigDecimal(), date-time strings, a file path."""
    api = swagger_client.PaymentsApi(swagger_client.ApiClient(emu.configuration("alice", "s3cret-pass")))
    installments = api.calculate_perform_payment_installments(
        "owner_example", "to_example", 56, swagger_client.BigDecimal(), first_date="2013-10-20T19:20:30+01:00"
    )
    assert isinstance(installments, list)
    assert emu.requests[-1].query["amount"] == ["0"]
    images = swagger_client.ImagesApi(swagger_client.ApiClient(emu.configuration("alice", "s3cret-pass")))
    before = len(emu.requests)
    with pytest.raises(swagger_client.ApiValueError, match=r"image=...\): no such file: '/path/to/file.txt'"):
        images.upload_contact_info_image("id_example", "/path/to/file.txt")  # nothing is sent
    assert len(emu.requests) == before
