"""The .pyi stubs: every method with its four overloads, every keyword spelt out."""

from __future__ import annotations

import ast

from codegen.render_stubs import render_api_stub
from test.builders import spec


def test_each_method_has_its_overloads() -> None:
    ops = spec().apis()["AuthApi"]
    tree = ast.parse(render_api_stub(spec(), "AuthApi", ops))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    defs = [f for f in cls.body if isinstance(f, ast.FunctionDef)]
    login = [f for f in defs if f.name == "login"]
    assert len(login) == 4
    keywords = {a.arg for a in login[0].args.kwonlyargs}
    assert {"timeout_in_seconds", "async_req", "_preload_content", "_request_timeout", "_headers"} <= keywords
    assert ast.unparse(login[0].returns) == "Auth"  # type: ignore[arg-type]
    assert ast.unparse(login[1].returns) == "AsyncResult[Auth]"  # type: ignore[arg-type]
    assert "type: ignore" not in render_api_stub(spec(), "AuthApi", ops)
