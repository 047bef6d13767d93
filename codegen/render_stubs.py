"""``swagger_client/api/*.pyi``: each API class as type checkers and IDEs should see it.

The runtime methods take swagger-codegen's keywords through ``**kwargs``; the stubs
spell every keyword out, and give each method overloads for what it really returns:
the declared type, an :class:`~swagger_client.async_calls.AsyncResult` of it with
``async_req=True``, the raw urllib3 response with ``_preload_content=False``, and
``(data, status, headers)`` from ``*_with_http_info``. A misspelt keyword is then a
type error in the caller's code, as it is a ``TypeError`` at run time.
"""

from __future__ import annotations

from typing import List, Set

from codegen.pyfmt import header, typing_order
from codegen.render_api import constant, param_annotation, return_annotation
from codegen.spec import Operation, Spec

#: swagger-codegen's keywords, typed; ``async_req`` and ``_preload_content`` vary per overload.
_COMMON = [
    "_return_http_data_only: bool = ...",
    "_request_timeout: TimeoutValue = ...",
    "_headers: Optional[Mapping[str, str]] = ...",
]

#: (async_req, _preload_content, what the data becomes)
_VARIANTS = [
    ("Literal[False] = ...", "Literal[True] = ...", "{data}"),
    ("Literal[True]", "Literal[True] = ...", "AsyncResult[{data}]"),
    ("Literal[False] = ...", "Literal[False]", "urllib3.HTTPResponse"),
    ("bool = ...", "bool = ...", "Any"),
]


def _parameters(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> List[str]:
    parts = ["self"]
    for p in op.signature:
        if p.required:
            parts.append("%s: %s" % (p.name, param_annotation(spec, p, referenced, typing_names)))
    parts.append("*")
    for p in op.signature:
        if not p.required:
            parts.append("%s: Optional[%s] = ..." % (p.name, param_annotation(spec, p, referenced, typing_names)))
    return parts


def _method(name: str, parts: List[str], async_req: str, preload: str, returns: str) -> List[str]:
    params = [*parts, "async_req: %s" % async_req, "_preload_content: %s" % preload, *_COMMON]
    return [
        "    @overload",
        "    def %s(" % name,
        *("        %s," % p for p in params),
        "    ) -> %s: ..." % returns,
    ]


def render_api_stub(spec: Spec, api_class: str, ops: List[Operation]) -> str:
    referenced: Set[str] = set()
    typing_names: Set[str] = {"Any", "Literal", "Mapping", "Optional", "Tuple", "overload"}
    body: List[str] = []
    for op in ops:
        parts = _parameters(spec, op, referenced, typing_names)
        data = return_annotation(spec, op, referenced, typing_names)
        info = "Tuple[%s, int, Mapping[str, str]]" % data
        for name, result in ((op.name, data), (op.name + "_with_http_info", info)):
            for async_req, preload, shape in _VARIANTS:
                body += _method(name, parts, async_req, preload, shape.format(data=result))
    models = sorted(referenced - {"datetime", "Decimal"})
    lines = [header(), ""]
    if "datetime" in referenced:
        lines.append("import datetime")
    if "Decimal" in referenced:
        lines.append("from decimal import Decimal")
    lines += [
        "from typing import %s" % ", ".join(typing_order(typing_names)),
        "",
        "import urllib3",
        "",
        "from swagger_client.api_client import ApiClient",
        "from swagger_client.async_calls import AsyncResult",
        "from swagger_client.configuration import TimeoutValue",
    ]
    lines += ["from swagger_client.models.%s import %s" % (spec.schemas[n].module, n) for n in models]
    lines.append("from swagger_client.operation import Operation as _Operation")
    lines.append("")
    lines += ["%s: _Operation" % constant(op) for op in ops]
    lines += [
        "",
        "class %s:" % api_class,
        "    api_client: ApiClient",
        "    def __init__(self, api_client: Optional[ApiClient] = None) -> None: ...",
        "    def __enter__(self) -> %s: ..." % api_class,
        "    def __exit__(self, *exc_info: Any) -> None: ...",
        *body,
        "",
    ]
    return "\n".join(lines)
