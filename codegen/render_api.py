"""The ``AuthApi`` module and its documentation page, from the spec's operations."""

from __future__ import annotations

from typing import Dict, List, Set

from codegen.pyfmt import annotation, docstring, header, literal, typing_order
from codegen.render_models import doc_type, table_text, template
from codegen.spec import Answer, Operation, Param, Spec, snake_case

# Deliberate deviations from the 4.11.5 descriptor, each explained where it is used.
# The descriptor declares the secondary password as a JSON string, but every later
# descriptor and every official client send the bare value as text/plain, and the
# server reads the raw body (see the behaviour notes, section 2.6).

_KEYWORDS_DOC = """:param bool async_req: run in a worker thread and return a pool result
        :param bool _return_http_data_only: return only the data (ignored: always true here)
        :param bool _preload_content: if false, return the raw urllib3 response
        :param _request_timeout: seconds as a float, a ``(connect, read)`` tuple or a
            ``urllib3.Timeout``; overrides ``Configuration.timeout`` for this call
        :param dict _headers: extra headers for this call; they win over default headers"""


def content_type(op: Operation) -> str:
    return op.body_content_type or ""


def constant(op: Operation) -> str:
    return op.name.upper()


def module_of(api_class: str) -> str:
    return snake_case(api_class)


def _param_tuple(p: Param) -> str:
    args = [literal(p.name), literal(p.wire), literal(p.location), literal(p.type)]
    if p.required:
        args.append("required=True")
    if p.enum:
        args.append("enum=(%s,)" % ", ".join(literal(v) for v in p.enum))
    if not p.explode and p.type.startswith("list["):
        args.append("explode=False")
    if p.secret:
        args.append("secret=True")
    return "_Parameter(%s)" % ", ".join(args)


def _response(answer: Answer) -> str:
    if answer.type is None:
        return "_Response(None, %s)" % literal(answer.media)
    if answer.media == "json":
        return "_Response(%s)" % literal(answer.type)
    return "_Response(%s, %s)" % (literal(answer.type), literal(answer.media))


def _security(op: Operation) -> str:
    if op.security is None:
        return "    security=None,  # the spec lists none: any configured credential is sent"
    if not op.security:
        return "    security=(),  # called as a guest (codegen/overrides.yaml); _headers may still carry one"
    sets = ["(%s)" % "".join("%s, " % literal(s) for s in requirement).rstrip(" ") for requirement in op.security]
    return "    security=(%s)," % "".join("%s, " % x for x in sets).rstrip(" ")


def render_operation_constant(op: Operation) -> str:
    params = [_param_tuple(p) for p in op.params]
    lines = [
        "%s = _Operation(" % constant(op),
        "    name=%s," % literal(op.name),
        "    method=%s," % literal(op.method),
        "    path=%s," % literal(op.path),
        "    parameters=(%s)," % ("".join("\n        %s," % p for p in params) + "\n    " if params else ""),
        "    responses={%s},"
        % ", ".join(
            "%s: %s" % (literal(s) if isinstance(s, str) else "%d" % s, _response(a))
            for s, a in sorted(op.answers.items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))
        ),
        _security(op),
    ]
    if op.body_content_type:
        lines.append("    body_media=%s," % literal(op.body_content_type))
    if op.accept != "application/json":
        lines.append("    accept=%s," % literal(op.accept))
    if op.deprecated:
        lines.append("    deprecated=True,")
    lines.append(")")
    return "\n".join(lines)


def _annotation(spec: Spec, type_name: str, referenced: Set[str], typing_names: Set[str]) -> str:
    if type_name == "file":
        return "bytes"
    if type_name == "decimal":
        typing_names.add("Union")
        referenced.add("Decimal")
        return "Union[Decimal, int, float, str]"
    if type_name == "list[decimal]":
        typing_names.update({"Union", "List"})
        referenced.add("Decimal")
        return "List[Union[Decimal, int, float, str]]"
    return annotation(spec, type_name, referenced, typing_names)


def param_annotation(spec: Spec, p: Param, referenced: Set[str], typing_names: Set[str]) -> str:
    if p.location == "file":
        typing_names.add("Any")
        return "Any"  # bytes, a binary file, a path, or a (filename, content) tuple
    ann = _annotation(spec, p.type, referenced, typing_names)
    if p.location == "body" and p.type in spec.schemas and spec.schemas[p.type].enum is None:
        typing_names.update({"Union", "Dict", "Any"})
        return "Union[%s, Dict[str, Any]]" % ann
    return ann


def _signature(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> List[str]:
    required = [p for p in op.signature if p.required]
    optional = [p for p in op.signature if not p.required]
    parts = ["self"]
    for p in required:
        parts.append("%s: %s" % (p.name, param_annotation(spec, p, referenced, typing_names)))
    if optional:
        parts.append("*")
        for p in optional:
            typing_names.add("Optional")
            parts.append("%s: Optional[%s] = None" % (p.name, param_annotation(spec, p, referenced, typing_names)))
    parts.append("**kwargs: Any")
    return parts


def return_annotation(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> str:
    if not op.return_type:
        return "None"
    returns = _annotation(spec, op.return_type, referenced, typing_names)
    if any(isinstance(s, int) and s < 300 and a.type is None for s, a in op.answers.items()):
        returns = "Optional[%s]" % returns  # e.g. data-for-login answers 204 when authenticated
    return returns


def render_method(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> str:
    parts = _signature(spec, op, referenced, typing_names)
    returns = return_annotation(spec, op, referenced, typing_names)
    param_docs = []
    for p in op.signature:
        text = " ".join(p.doc.split()) if p.doc else p.name
        param_docs.append(":param %s %s: %s%s" % (p.type, p.name, text, " (required)" if p.required else ""))
    doc = "%s\n\n%s%s\n\n%s\n%s\n:return: %s" % (
        op.summary or op.name,
        ".. deprecated:: the spec marks this operation as deprecated.\n\n" if op.deprecated else "",
        op.doc or op.summary or op.name,
        "\n".join(param_docs) + ("\n" if param_docs else ""),
        _KEYWORDS_DOC.replace("\n        ", "\n"),
        "bytes" if op.return_type == "file" else (op.return_type or "None"),
    )
    call_args = ", ".join(p.name for p in op.signature if p.required)
    call_kwargs = ", ".join("%s=%s" % (p.name, p.name) for p in op.signature if not p.required)
    forwarded = ", ".join(a for a in (call_args, call_kwargs, "**kwargs") if a)
    mapping = ", ".join("%s: %s" % (literal(p.name), p.name) for p in op.signature)
    signature = ",\n        ".join(parts)
    return "\n".join(
        [
            "    def %s(\n        %s,\n    ) -> %s:" % (op.name, signature, returns),
            "        %s" % docstring(doc, 8),
            '        kwargs["_return_http_data_only"] = True',
            "        return self.%s_with_http_info(%s)" % (op.name, forwarded),
            "",
            "    def %s_with_http_info(\n        %s,\n    ) -> Any:" % (op.name, signature),
            '        """Like :meth:`%s`, but returns ``(data, status, headers)``."""' % op.name,
            "        return self.api_client.call_operation(%s, {%s}, kwargs)" % (constant(op), mapping),
        ]
    )


def render_api_module(spec: Spec, api_class: str, ops: List[Operation]) -> str:
    referenced: Set[str] = set()
    typing_names: Set[str] = {"Any", "Optional"}
    methods = "\n\n".join(render_method(spec, op, referenced, typing_names) for op in ops)
    models = sorted(referenced - {"datetime", "Decimal"})
    type_imports = "\n".join(
        (["    from decimal import Decimal", ""] if "Decimal" in referenced else [])
        + [reexport_line(spec.schemas[n].module, n) for n in models]
    )
    tag = ops[0].tag
    operation_names = ["Operation as _Operation"]
    if any(op.params for op in ops):
        operation_names.append("Parameter as _Parameter")
    operation_names.append("Response as _Response")
    return template("api.py.tmpl").substitute(
        header=header(),
        api_class=api_class,
        tag_doc=docstring(
            "``%s``: the %s operations of Cyclos 4.11.5 (tag ``%s``).\n\n%s"
            % (api_class, len(ops), tag, spec.tag_docs.get(tag, "") or ""),
            0,
        ),
        datetime_import="import datetime\n" if "datetime" in referenced else "",
        typing=", ".join(typing_order(typing_names | {"TYPE_CHECKING"})),
        operation_imports="\n".join("from swagger_client.operation import %s" % n for n in operation_names),
        type_imports=type_imports or "    pass",
        operations="\n\n".join(render_operation_constant(op) for op in ops),
        methods=methods,
    )


def reexport_line(module: str, name: str) -> str:
    line = "    from swagger_client.models.%s import %s" % (module, name)
    if len(line) <= 120:
        return line
    return "    from swagger_client.models.%s import (\n        %s,\n    )" % (module, name)


def render_api_init(spec: Spec) -> str:
    apis = spec.apis()
    modules = "\n".join("    %s: %s," % (literal(name), literal(module_of(name))) for name in apis)
    names = "\n".join("    %s," % literal(name) for name in apis)
    imports = "\n".join(
        "    from swagger_client.api.%s import %s as %s" % (module_of(n), n, n) for n in sorted(apis, key=module_of)
    )
    return template("api_init.py.tmpl").substitute(
        header=header(), modules=modules, all_names=names, type_imports=imports
    )


# -- documentation ------------------------------------------------------------------

_AUTH_NOTE = {
    None: "None required. Credentials set in `Configuration` are still sent (one kind per request: "
    "session token, else access client token, else Basic), so a logged-in caller sees its own data.",
}


def _example(spec: Spec, op: Operation, api_class: str) -> str:
    lines = [
        "```python",
        "import swagger_client",
        "from swagger_client.rest import ApiException",
        "from pprint import pprint",
        "",
        "configuration = swagger_client.Configuration()",
        'configuration.host = "https://cyclos.example.com/api"',
    ]
    auth = op.auth or []
    if "basic" in auth:
        lines += ["configuration.username = 'YOUR_USERNAME'", "configuration.password = 'YOUR_PASSWORD'"]
    elif "session" in auth:
        lines += ["configuration.api_key['Session-Token'] = 'YOUR_SESSION_TOKEN'"]
    elif "accessClient" in auth:
        lines += ["configuration.api_key['Access-Client-Token'] = 'YOUR_ACCESS_CLIENT_TOKEN'"]
    lines += ["", "api_instance = swagger_client.%s(swagger_client.ApiClient(configuration))" % api_class]
    call = []
    for p in op.signature:
        if p.location == "file":
            value = "('photo.png', b'<the file content>', 'image/png')  # bytes, a binary file, a path..."
        elif p.type in ("decimal", "list[decimal]"):
            value = "swagger_client.BigDecimal('12.50')" if p.type == "decimal" else "[swagger_client.BigDecimal('1')]"
        elif p.type in ("datetime", "list[datetime]"):
            value = "'2013-10-20T19:20:30+01:00'" if p.type == "datetime" else "['2013-10-20T19:20:30+01:00']"
        elif p.type == "date":
            value = "'2013-10-20'"
        elif p.type in spec.schemas and spec.schemas[p.type].enum is None:
            value = "swagger_client.%s()  # %s" % (p.type, p.type)
        elif p.enum:
            value = "[%s]" % literal(p.enum[0]) if p.type.startswith("list[") else literal(p.enum[0])
        elif p.type in ("list[int]", "list[float]"):
            value = "[56]"
        elif p.type.startswith("list["):
            value = "[%s]" % literal("%s_example" % p.name)
        elif p.type == "bool":
            value = "False"
        elif p.type == "int":
            value = "600" if p.name == "timeout_in_seconds" else "56"
        elif p.type == "float":
            value = "3.4"

        else:
            value = literal("%s_example" % p.name)
        lines.append("%s = %s" % (p.name, value))
        call.append(p.name if p.required else "%s=%s" % (p.name, p.name))
    call.sort(key=lambda argument: "=" in argument)  # required (positional) arguments first
    lines += ["", "try:", "    # " + op.summary.splitlines()[0]]
    invoke = "api_instance.%s(%s)" % (op.name, ", ".join(call))
    if op.return_type:
        lines += ["    api_response = " + invoke, "    pprint(api_response)"]
    else:
        lines += ["    " + invoke]
    lines += [
        "except ApiException as e:",
        '    print("Exception when calling %s->%s: %%s\\n" %% e)' % (api_class, op.name),
        "```",
    ]
    return "\n".join(lines)


def render_api_doc(spec: Spec, api_class: str, ops: List[Operation]) -> str:
    out = [
        "# swagger_client.%s" % api_class,
        "",
        "All URIs are relative to *%s* (`Configuration.host`)." % spec.base_url,
        "",
        endpoint_rows(api_class, ops, "%s.md" % api_class, header_row=True),
        "",
    ]
    for op in ops:
        required = [p for p in op.signature if p.required]
        optional = [p for p in op.signature if not p.required]
        sig = ", ".join([p.name for p in required] + ["%s=%s" % (p.name, p.name) for p in optional])
        out += [
            "# **%s**" % op.name,
            "> %s%s(%s)" % ((op.return_type + " ") if op.return_type else "", op.name, sig),
            "",
            op.summary,
            "",
            op.doc,
            "",
            "### Example",
            _example(spec, op, api_class),
            "",
            "### Parameters",
        ]
        params = op.signature
        if op.deprecated:
            out += ["**Deprecated** in the spec.", ""]
        if params:
            out += [
                "",
                "Name | Type | Description  | Notes",
                "------------- | ------------- | ------------- | -------------",
            ]
            for p in params:
                notes = "" if p.required else "[optional]"
                if p.location == "header":
                    notes = (notes + " sent as header `%s`" % p.wire).strip()
                if p.enum:
                    notes = (notes + " one of: %s" % ", ".join("`%s`" % v for v in p.enum)).strip()
                if p.location == "path":
                    notes = (notes + " path segment, percent-encoded").strip()
                if p.location == "file":
                    notes = (notes + " file: bytes, a binary file, a path or `(filename, content)`").strip()
                if p.collection_format == "multi":
                    notes = (notes + " sent as repeated `%s=` keys" % p.wire).strip()
                elif p.collection_format == "csv":
                    notes = (notes + " sent comma-separated").strip()
                out.append(" **%s** | %s| %s | %s" % (p.name, doc_type(spec, p.type), table_text(p.doc), notes))
        else:
            out.append("This endpoint does not need any parameter.")
        out += ["", "### Return type", ""]
        if op.return_type == "file":
            out.append("**bytes** (the file's content; stream it with `_preload_content=False`)")
        else:
            out.append(doc_type(spec, op.return_type) if op.return_type else "void (empty response body)")
        out += ["", "### Authorization", ""]
        if op.auth is None:
            out.append(_AUTH_NOTE[None])
        elif not op.auth:
            out.append(
                "None: called as a guest, even when the configuration holds credentials (an authenticated "
                "request answers 204 without a body). A credential passed in `_headers` is sent."
            )
        else:
            out.append(
                " or ".join(
                    " and ".join("[%s](../README.md#%s)" % (a, a.lower()) for a in r) for r in op.security or []
                )
            )
        out += ["", "### Errors", "", "Status | Exception | `.error`", "------------- | ------------- | -------------"]
        for status, answer in sorted(op.answers.items(), key=lambda kv: (isinstance(kv[0], str), kv[0])):
            if isinstance(status, int) and status < 300:
                continue
            out.append(
                "%s | `%s` | %s"
                % (
                    status,
                    exception_name(status) if isinstance(status, int) else "by status",
                    doc_type(spec, answer.type) if answer.type else "-",
                )
            )
        out += [
            "",
            "### HTTP request headers",
            "",
            " - **Content-Type**: %s" % (content_type(op) or "Not defined"),
            " - **Accept**: %s" % op.accept,
        ]
        if "content_type" in op.fixes:
            out += [
                "",
                "Note: the 4.11.5 descriptor declares `application/json` here; the client sends the bare "
                "password as `text/plain`, as the server and every later descriptor expect.",
            ]
        out += [
            "",
            "[[Back to top]](#) [[Back to API list]](../README.md#documentation-for-api-endpoints) "
            "[[Back to Model list]](../README.md#documentation-for-models) [[Back to README]](../README.md)",
            "",
        ]
    return "\n".join(out)


def exception_name(status: int) -> str:
    names: Dict[int, str] = {
        401: "UnauthorizedException",
        403: "ForbiddenException",
        404: "NotFoundException",
        409: "ConflictException",
        422: "UnprocessableEntityException",
    }
    return "ServiceException" if status >= 500 else names.get(status, "ApiException")


def endpoint_rows(api_class: str, ops: List[Operation], link: str, header_row: bool = False) -> str:
    rows = (
        ["Class | Method | HTTP request | Description", "------------ | ------------- | ------------- | -------------"]
        if header_row
        else []
    )
    for op in ops:
        rows.append(
            "*%s* | [**%s**](%s#%s) | **%s** %s | %s"
            % (api_class, op.name, link, op.name, op.method, op.path, table_text(op.summary))
        )
    return "\n".join(rows)


def render_endpoint_table(spec: Spec) -> str:
    """Every operation of every API class, as README lists them."""
    parts = [
        "Class | Method | HTTP request | Description",
        "------------ | ------------- | ------------- | -------------",
    ]
    for api_class, ops in spec.apis().items():
        parts.append(endpoint_rows(api_class, ops, "docs/%s.md" % api_class))
    return "\n".join(parts)


def render_api_table(spec: Spec) -> str:
    """The API classes, as README lists them."""
    rows = ["Class | Operations | Documentation", "------------ | ------------- | -------------"]
    for api_class, ops in spec.apis().items():
        rows.append("`%s` | %d | [docs/%s.md](docs/%s.md)" % (api_class, len(ops), api_class, api_class))
    rows.append("")
    rows.append("All %d operations in one table: [docs/Endpoints.md](docs/Endpoints.md)." % len(spec.operations))
    return "\n".join(rows)
