"""The generator's --check: passes on the committed tree, names every stale file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / "codegen" / "generate.py"), "--check"], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of everything the generator reads and writes."""
    for name in ("codegen", "spec", "swagger_client", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    return tmp_path


def test_committed_output_is_up_to_date() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hand_edit_of_a_generated_model_fails_the_check(tree: Path) -> None:
    path = tree / "swagger_client" / "models" / "auth.py"
    path.write_text(path.read_text() + "\n# tweak\n")
    result = run_check(tree)
    assert result.returncode == 1
    assert "stale: swagger_client/models/auth.py" in result.stdout


def test_missing_doc_and_orphaned_module_are_named(tree: Path) -> None:
    (tree / "docs" / "Auth.md").unlink()
    orphan = tree / "swagger_client" / "models" / "gone_model.py"
    orphan.write_text((tree / "swagger_client" / "models" / "entity.py").read_text())
    result = run_check(tree)
    assert result.returncode == 1
    assert "missing: docs/Auth.md" in result.stdout
    assert "orphaned: swagger_client/models/gone_model.py" in result.stdout


def test_readme_generated_region_is_checked(tree: Path) -> None:
    readme = tree / "README.md"
    text = readme.read_text()
    assert "[docs/AuthApi.md](docs/AuthApi.md)" in text
    readme.write_text(text.replace("[docs/AuthApi.md](docs/AuthApi.md)", "[docs/AuthApi.md](elsewhere)"))
    result = run_check(tree)
    assert result.returncode == 1
    assert "stale: README.md" in result.stdout


def test_generate_repairs_what_check_reports(tree: Path) -> None:
    path = tree / "swagger_client" / "api" / "auth_api.py"
    path.write_text("broken")
    subprocess.run(
        [sys.executable, str(tree / "codegen" / "generate.py")], check=True, capture_output=True, timeout=120
    )
    assert run_check(tree).returncode == 0
