"""Generate models, ``AuthApi`` and their docs from the ``/auth`` part of ``spec/cyclos-4.11.5.yaml``.

    python codegen/generate.py           write every generated file
    python codegen/generate.py --check   exit 1 and name each stale, missing or
                                         orphaned file (nothing is written)

Generated regions inside README.md sit between ``<!-- generated:NAME -->`` and
``<!-- /generated:NAME -->`` markers; the rest of README.md is hand-written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from codegen.pyfmt import DOC_HEADER, GENERATED_HEADER  # noqa: E402
from codegen.render_api import (  # noqa: E402
    module_of,
    render_api_doc,
    render_api_init,
    render_api_module,
    render_api_table,
    render_endpoint_table,
)
from codegen.render_catalog import render_catalog  # noqa: E402
from codegen.render_models import (  # noqa: E402
    render_model,
    render_model_doc,
    render_model_list,
    render_models_init,
)
from codegen.render_stubs import render_api_stub  # noqa: E402
from codegen.render_tables import render_tables  # noqa: E402
from codegen.spec import OVERRIDES_PATH, Spec  # noqa: E402

SPEC_PATH = ROOT / "spec" / "cyclos-4.11.5.yaml"
#: The operations generated so far (the whole descriptor is the project's spec).
SPEC_PATHS = ""
MODELS_DIR = "swagger_client/models"
API_DIR = "swagger_client/api"
README = "README.md"


def generated_files(spec: Spec) -> Dict[str, str]:
    """Every generated file, by path relative to the repository root."""
    files: Dict[str, str] = {}
    for schema in spec.schemas.values():
        files["%s/%s.py" % (MODELS_DIR, schema.module)] = render_model(spec, schema)
        files["docs/%s.md" % schema.name] = render_model_doc(spec, schema)
    files["%s/__init__.py" % MODELS_DIR] = render_models_init(spec)
    for api_class, ops in spec.apis().items():
        files["%s/%s.py" % (API_DIR, module_of(api_class))] = render_api_module(spec, api_class, ops)
        files["%s/%s.pyi" % (API_DIR, module_of(api_class))] = render_api_stub(spec, api_class, ops)
        files["docs/%s.md" % api_class] = render_api_doc(spec, api_class, ops)
    files["%s/__init__.py" % API_DIR] = render_api_init(spec)
    files["swagger_client/spec_tables.py"] = render_tables(spec)
    files["swagger_client/testing/catalog.py"] = render_catalog(spec)
    files["docs/Endpoints.md"] = "# Every operation\n\n" + render_endpoint_table(spec) + "\n"
    files["docs/Models.md"] = "# Every model\n\n" + render_model_list(spec, "") + "\n"
    for rel in files:
        if rel.endswith(".md"):
            files[rel] = DOC_HEADER + "\n" + files[rel]
    return files


def readme_regions(spec: Spec) -> Dict[str, str]:
    return {
        "endpoints": render_api_table(spec),
        "models": "%d models, one page each: [docs/Models.md](docs/Models.md)." % len(spec.schemas),
    }


def fill_regions(text: str, regions: Dict[str, str]) -> str:
    for name, body in regions.items():
        pattern = re.compile(r"(<!-- generated:%s -->\n).*?(<!-- /generated:%s -->)" % (name, name), re.S)
        if not pattern.search(text):
            raise SystemExit("README.md lacks the <!-- generated:%s --> markers" % name)
        text = pattern.sub(lambda m, b=body: m.group(1) + b + "\n" + m.group(2), text)
    return text


def stale_files(root: Path, files: Dict[str, str]) -> List[str]:
    problems = []
    for rel, content in sorted(files.items()):
        path = root / rel
        if not path.exists():
            problems.append("missing: %s" % rel)
        elif path.read_text(encoding="utf-8") != content:
            problems.append("stale: %s" % rel)
    # A generated module or page whose schema or tag left the spec must go too.
    candidates = [
        *(root / MODELS_DIR).glob("*.py"),
        *(root / API_DIR).glob("*.py"),
        *(root / API_DIR).glob("*.pyi"),
        *(root / "docs").glob("*.md"),
    ]
    for path in sorted(candidates):
        rel = path.relative_to(root).as_posix()
        if rel not in files and path.read_text(encoding="utf-8").startswith((GENERATED_HEADER, DOC_HEADER)):
            problems.append("orphaned: %s" % rel)
    return problems


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 when stale")
    parser.add_argument("--spec", type=Path, default=SPEC_PATH, help="the OpenAPI document (default: %(default)s)")
    parser.add_argument(
        "--overrides", type=Path, default=OVERRIDES_PATH, help="the corrections file ('-': none; default: %(default)s)"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the tree to write into (default: this repository)")
    args = parser.parse_args(argv)
    overrides = None if str(args.overrides) == "-" else args.overrides
    spec = Spec(args.spec, SPEC_PATHS, overrides=overrides)
    files = generated_files(spec)
    root: Path = args.root
    readme_path = root / README
    if readme_path.exists():
        files[README] = fill_regions(readme_path.read_text(encoding="utf-8"), readme_regions(spec))
    if args.check:
        problems = stale_files(root, files)
        if problems:
            print("Generated code is out of date; run `python codegen/generate.py`:")
            for line in problems:
                print("  " + line)
            return 1
        print("Generated code is up to date (%d files)." % len(files))
        return 0
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    for line in stale_files(root, files):
        if line.startswith("orphaned: "):
            (root / line.split(": ", 1)[1]).unlink()
    print("Wrote %d generated files." % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
