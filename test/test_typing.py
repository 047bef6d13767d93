"""What type checkers see: mypy --strict accepts test/typecheck/usage.py and reports exactly
the mistakes marked in test/typecheck/mistakes.py (typed constructors, typed properties,
overloaded operations with every keyword spelt out)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import urllib3

api = pytest.importorskip("mypy.api")  # a test dependency on Python 3.10 and newer
pytestmark = pytest.mark.skipif(
    urllib3.__version__.startswith("1."),
    reason="urllib3 1.26 ships no type information (the stubs name urllib3.HTTPResponse); checked on the 2.x lines",
)

TYPECHECK = Path(__file__).resolve().parent / "typecheck"
ROOT = TYPECHECK.parent.parent
MARK = re.compile(r"#\s*error:\s*([\w-]+)")
REPORTED = re.compile(r"^[^:]+:(\d+): error: .*\[([\w-]+)\]$")


def mypy(path: Path) -> Tuple[int, str]:
    out, err, status = api.run(
        ["--strict", "--python-version", "3.11", "--no-incremental", "--cache-dir", "/dev/null", str(path)]
    )
    return status, out + err


def expected_errors(path: Path) -> Dict[int, str]:
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = MARK.search(line)
        if match:
            found[number] = match.group(1)
    return found


def reported_errors(output: str) -> Dict[int, List[str]]:
    found: Dict[int, List[str]] = {}
    for line in output.splitlines():
        match = REPORTED.match(line)
        if match:
            found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def test_correct_usage_type_checks() -> None:
    status, output = mypy(TYPECHECK / "usage.py")
    assert status == 0, output


def test_each_marked_mistake_is_reported_and_nothing_else() -> None:
    path = TYPECHECK / "mistakes.py"
    assert "type: " + "ignore" not in path.read_text()
    expected = expected_errors(path)
    assert len(expected) >= 3
    status, output = mypy(path)
    reported = reported_errors(output)
    assert status == 1, output
    for line, code in expected.items():
        assert code in reported.get(line, []), "line %d: expected [%s], mypy said %s\n%s" % (
            line,
            code,
            reported.get(line),
            output,
        )
    assert set(reported) == set(expected), output


def test_no_type_ignore_in_generated_code() -> None:
    generated = [*(ROOT / "swagger_client" / "api").glob("*.py*"), *(ROOT / "swagger_client" / "models").glob("*.py")]
    offenders = [p.name for p in generated if "type: ignore" in p.read_text()]
    assert len(generated) > 500 and not offenders, offenders
