"""The tests mirror the source tree: each module has its own test module at the same path.

``swagger_client/x.py`` is tested by ``test/test_x.py``, ``swagger_client/testing/x.py``
by ``test/testing/test_x.py``, ``codegen/x.py`` by ``test/codegen/test_x.py``. The
generated ``api/`` and ``models/`` packages are tested as a whole (the swagger-codegen
surface, the contract tests, the model round trips); the exceptions below say where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent

#: Source modules whose tests live under another name, and why.
ELSEWHERE: Dict[str, str] = {
    "swagger_client/__init__.py": "test/test_swagger_codegen_surface.py",  # the lazy exports
    "swagger_client/version.py": "test/test_swagger_codegen_surface.py",  # one constant
    "swagger_client/testing/__init__.py": "test/testing/test_emulator.py",
    "swagger_client/testing/__main__.py": "test/testing/test_main.py",
    "swagger_client/testing/operations.py": "test/testing/test_emulator.py",  # the stateful /auth emulation
    "codegen/__init__.py": "test/codegen/test_generate.py",
}


def expected_test(source: Path) -> str:
    rel = source.relative_to(ROOT).as_posix()
    if rel in ELSEWHERE:
        return ELSEWHERE[rel]
    parts = rel.split("/")
    if parts[0] == "swagger_client":
        parts = parts[1:]
    return "/".join(["test", *parts[:-1], "test_" + parts[-1]])


def sources() -> List[Path]:
    found = [*ROOT.glob("swagger_client/*.py"), *ROOT.glob("swagger_client/testing/*.py"), *ROOT.glob("codegen/*.py")]
    return sorted(found)


def test_every_source_module_has_its_test_module() -> None:
    missing = [
        "%s -> %s" % (s.relative_to(ROOT), expected_test(s))
        for s in sources()
        if not (ROOT / expected_test(s)).exists()
    ]
    assert len(sources()) > 50 and not missing, missing


def test_the_package_test_folders_hold_only_mirrors() -> None:
    """A test module under test/codegen/ or test/testing/ is named after a module there."""
    expected = {expected_test(s) for s in sources()}
    stray = [
        p.relative_to(ROOT).as_posix()
        for folder in ("codegen", "testing")
        for p in (ROOT / "test" / folder).glob("test_*.py")
        if p.relative_to(ROOT).as_posix() not in expected
    ]
    assert not stray, stray
