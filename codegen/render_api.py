"""The ``AuthApi`` module and its documentation page, from the spec's operations."""

from __future__ import annotations

from typing import Dict, List, Set

from codegen.pyfmt import annotation, docstring, header, literal, typing_order
from codegen.render_models import doc_type, table_text, template
from codegen.spec import Operation, Param, Spec

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


def _param_tuple(p: Param) -> str:
    args = [literal(p.name), literal(p.wire), literal(p.location), literal(p.type)]
    if p.required:
        args.append("required=True")
    if p.enum:
        args.append("enum=(%s,)" % ", ".join(literal(v) for v in p.enum))
    return "Parameter(%s)" % ", ".join(args)


def render_operation_constant(op: Operation) -> str:
    params = [_param_tuple(p) for p in op.params]
    lines = [
        "%s = Operation(" % constant(op),
        "    name=%s," % literal(op.name),
        "    method=%s," % literal(op.method),
        "    path=%s," % literal(op.path),
        "    parameters=(%s)," % ("".join("\n        %s," % p for p in params) + "\n    " if params else ""),
    ]
    if op.body:
        lines.append("    body=%s," % _param_tuple(op.body))
        lines.append("    content_type=%s," % literal(content_type(op)))
    if op.auth is None:
        lines.append("    auth=None,  # no security listed: any configured credential is sent")
    elif not op.auth:
        lines.append("    auth=(),  # called as a guest (codegen/overrides.yaml); _headers may still carry one")
    else:
        lines.append("    auth=(%s)," % "".join("%s, " % literal(a) for a in op.auth).rstrip(" "))
    lines.append("    success_status=%d," % op.success_status)
    lines.append(
        "    responses={%s},"
        % ", ".join("%d: %s" % (s, literal(t) if t else "None") for s, t in sorted(op.responses.items()))
    )
    lines.append(")")
    return "\n".join(lines)


def _signature(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> List[str]:
    required = [p for p in ([op.body] if op.body else []) + op.params if p.required]
    optional = [p for p in op.params if not p.required]
    parts = ["self"]
    for p in required:
        parts.append("%s: %s" % (p.name, annotation(spec, p.type, referenced, typing_names)))
    if optional:
        parts.append("*")
        for p in optional:
            typing_names.add("Optional")
            parts.append("%s: Optional[%s] = None" % (p.name, annotation(spec, p.type, referenced, typing_names)))
    parts.append("**kwargs: Any")
    return parts


def render_method(spec: Spec, op: Operation, referenced: Set[str], typing_names: Set[str]) -> str:
    parts = _signature(spec, op, referenced, typing_names)
    all_params = ([op.body] if op.body else []) + op.params
    returns = annotation(spec, op.return_type, referenced, typing_names) if op.return_type else "None"
    if op.return_type and any(s < 300 and t is None for s, t in op.responses.items()):
        returns = "Optional[%s]" % returns  # e.g. data-for-login answers 204 when authenticated
    param_docs = []
    for p in all_params:
        text = " ".join(p.doc.split()) if p.doc else p.name
        param_docs.append(":param %s %s: %s%s" % (p.type, p.name, text, " (required)" if p.required else ""))
    doc = "%s\n\n%s\n\n%s\n%s\n:return: %s" % (
        op.summary,
        op.doc,
        "\n".join(param_docs) + ("\n" if param_docs else ""),
        _KEYWORDS_DOC.replace("\n        ", "\n"),
        op.return_type or "None",
    )
    call_args = ", ".join(p.name for p in all_params if p.required)
    call_kwargs = ", ".join("%s=%s" % (p.name, p.name) for p in all_params if not p.required)
    forwarded = ", ".join(a for a in (call_args, call_kwargs, "**kwargs") if a)
    mapping = ", ".join("%s: %s" % (literal(p.name), p.name) for p in all_params)
    signature = ",\n        ".join(parts)
    return "\n".join(
        [
            "    def %s(\n        %s,\n    ) -> %s:" % (op.name, signature, returns),
            "        %s" % docstring(doc, 8),
            '        kwargs["_return_http_data_only"] = True',
            "        return self.%s_with_http_info(%s)  # type: ignore[no-any-return]" % (op.name, forwarded),
            "",
            "    def %s_with_http_info(\n        %s,\n    ) -> Any:" % (op.name, signature),
            '        """Like :meth:`%s`, but returns ``(data, status, headers)``."""' % op.name,
            "        return self.api_client.call_operation(%s, {%s}, kwargs)" % (constant(op), mapping),
        ]
    )


def render_api_module(spec: Spec) -> str:
    ops = sorted(spec.operations, key=lambda o: o.name)
    referenced: Set[str] = set()
    typing_names: Set[str] = {"Any", "Optional"}
    methods = "\n\n".join(render_method(spec, op, referenced, typing_names) for op in ops)
    models = sorted(referenced - {"datetime"})
    type_imports = "\n".join(
        "    from swagger_client.models.%s import %s" % (spec.schemas[n].module, n) for n in models
    )
    return template("api.py.tmpl").substitute(
        header=header(),
        typing=", ".join(typing_order(typing_names | {"TYPE_CHECKING"})),
        type_imports=type_imports or "    pass",
        operations="\n\n".join(render_operation_constant(op) for op in ops),
        methods=methods,
    )


# -- documentation ------------------------------------------------------------------

_AUTH_NOTE = {
    None: "None required. Credentials set in `Configuration` are still sent (one kind per request: "
    "session token, else access client token, else Basic), so a logged-in caller sees its own data.",
}


def _example(spec: Spec, op: Operation) -> str:
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
    lines += ["", "api_instance = swagger_client.AuthApi(swagger_client.ApiClient(configuration))"]
    call = []
    for p in ([op.body] if op.body else []) + op.params:
        if p.type in spec.schemas and spec.schemas[p.type].enum is None:
            value = "swagger_client.%s()  # %s" % (p.type, p.type)
        elif p.enum:
            value = literal(p.enum[0])
        elif p.type == "list[str]":
            value = "['fields_example']"
        elif p.type == "bool":
            value = "False"
        elif p.type == "int":
            value = "600"
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
        '    print("Exception when calling AuthApi->%s: %%s\\n" %% e)' % op.name,
        "```",
    ]
    return "\n".join(lines)


def render_api_doc(spec: Spec) -> str:
    ops = sorted(spec.operations, key=lambda o: o.name)
    out = [
        "# swagger_client.AuthApi",
        "",
        "All URIs are relative to *%s* (`Configuration.host`)." % spec.base_url,
        "",
        render_endpoint_table(spec, link_prefix="AuthApi.md"),
        "",
    ]
    for op in ops:
        required = [p for p in ([op.body] if op.body else []) + op.params if p.required]
        optional = [p for p in op.params if not p.required]
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
            _example(spec, op),
            "",
            "### Parameters",
        ]
        params = ([op.body] if op.body else []) + op.params
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
                if p.type == "list[str]":
                    notes = (notes + " sent as repeated `%s=` keys" % p.wire).strip()
                out.append(" **%s** | %s| %s | %s" % (p.name, doc_type(spec, p.type), table_text(p.doc), notes))
        else:
            out.append("This endpoint does not need any parameter.")
        out += ["", "### Return type", ""]
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
            out.append(", ".join("[%s](../README.md#%s)" % (a, a.lower()) for a in op.auth))
        out += ["", "### Errors", "", "Status | Exception | `.error`", "------------- | ------------- | -------------"]
        for status, type_name in sorted(op.responses.items()):
            if status < 300:
                continue
            out.append(
                "%d | `%s` | %s" % (status, exception_name(status), doc_type(spec, type_name) if type_name else "-")
            )
        out += [
            "",
            "### HTTP request headers",
            "",
            " - **Content-Type**: %s" % (content_type(op) or "Not defined"),
            " - **Accept**: application/json",
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


def render_endpoint_table(spec: Spec, link_prefix: str = "docs/AuthApi.md") -> str:
    rows = [
        "Class | Method | HTTP request | Description",
        "------------ | ------------- | ------------- | -------------",
    ]
    for op in sorted(spec.operations, key=lambda o: o.name):
        rows.append(
            "*AuthApi* | [**%s**](%s#%s) | **%s** %s | %s"
            % (op.name, link_prefix, op.name, op.method, op.path, table_text(op.summary))
        )
    return "\n".join(rows)
