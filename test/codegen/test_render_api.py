"""API modules and pages: each operation as data, a method with swagger-codegen's signature."""

from __future__ import annotations

import ast

from codegen.render_api import render_api_doc, render_api_module, render_operation_constant
from test.builders import spec


def test_an_operation_constant_says_everything_the_runtime_needs() -> None:
    op = next(o for o in spec().operations if o.name == "upload_contact_info_image")
    source = render_operation_constant(op)
    tree = ast.parse(source)
    assert isinstance(tree.body[0], ast.Assign)
    assert '"multipart/form-data"' in source and '_Parameter("image", "image", "file", "file", required=True)' in source
    assert '201: _Response("str", "text")' in source
    assert 'accept="text/plain, application/json"' in source


def test_every_module_parses_and_every_page_has_each_operation() -> None:
    for api_class, ops in spec().apis().items():
        tree = ast.parse(render_api_module(spec(), api_class, ops))
        classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
        assert [c.name for c in classes] == [api_class]
        methods = {f.name for f in classes[0].body if isinstance(f, ast.FunctionDef)}
        assert {o.name for o in ops} | {o.name + "_with_http_info" for o in ops} <= methods
        page = render_api_doc(spec(), api_class, ops)
        assert all("# **%s**" % o.name in page for o in ops)
