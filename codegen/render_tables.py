"""``swagger_client/spec_tables.py``: the per-spec tables the runtime reads.

Security schemes, the preferred credential order, which model an error status or a
500's ``kind`` parses into, and which names are secrets: all from the spec and
``overrides.yaml``, so none is kept by hand in the runtime.
"""

from __future__ import annotations

from collections import Counter
from typing import Dict, List, Set, Tuple

from codegen.pyfmt import header, literal
from codegen.spec import Spec


def security_schemes(spec: Spec) -> Dict[str, Tuple[str, str]]:
    """``name -> (kind, header)`` for each scheme: ``apiKey`` in a header, or HTTP ``basic``."""
    found = {}
    for name, scheme in sorted(spec.security_schemes.items()):
        if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "basic":
            found[name] = ("basic", "Authorization")
        elif scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            found[name] = ("apiKey", scheme["name"])
        else:
            raise ValueError("security scheme %s: only header api keys and HTTP basic are supported" % name)
    return found


def error_kinds(spec: Spec) -> Dict[str, str]:
    """The model for each value of ``ErrorKind`` (``otp`` -> ``OtpError``), ``Error`` when none."""
    kinds = spec.schemas.get("ErrorKind")
    result = {}
    for value in kinds.enum if kinds is not None and kinds.enum else []:
        model = value[0].upper() + value[1:] + "Error"
        result[value] = model if model in spec.schemas else "Error"
    return result


def default_error_models(spec: Spec) -> Dict[int, str]:
    """For each error status, the model most operations declare (used where one declares none)."""
    seen: Dict[int, Counter] = {}
    for op in spec.operations:
        for status, answer in op.answers.items():
            if isinstance(status, int) and status >= 400 and answer.type:
                seen.setdefault(status, Counter())[answer.type] += 1
    return {status: counts.most_common(1)[0][0] for status, counts in sorted(seen.items()) if status < 500}


def secret_json_keys(spec: Spec) -> List[str]:
    names: Set[str] = set(spec.secret_names)
    quiet = set(spec.overrides.get("log_masked_by_schema_only") or [])
    names.update(wire for _, wire in spec.secret_properties if wire not in quiet)
    return sorted(names)  # not the secret parameters' names: "code" is every error body's code


def secret_parameters(spec: Spec, location: str) -> List[str]:
    return sorted({p.wire for op in spec.operations for p in op.params if p.location == location and p.secret})


def _tuple(values: List[str]) -> str:
    if len(values) == 1:
        return "(%s,)" % literal(values[0])
    return "(%s)" % ", ".join(literal(v) for v in values)


def _frozenset(values: List[str]) -> str:
    if not values:
        return "frozenset()"
    return "frozenset(\n    {\n%s    }\n)" % "".join("        %s,\n" % literal(v) for v in values)


def render_tables(spec: Spec) -> str:
    schemes = security_schemes(spec)
    order = list(spec.overrides.get("credential_order") or sorted(schemes))
    unknown = set(order) - set(schemes)
    if unknown:
        raise ValueError("overrides.yaml credential_order names unknown schemes: %s" % sorted(unknown))
    lines = [
        header().rstrip("\n"),
        '"""The tables the runtime reads from the spec (security, error models, secrets)."""',
        "",
        "from typing import Dict, FrozenSet, Tuple",
        "",
        "#: Security scheme -> (kind, header): ``apiKey`` sends the value in that header, ``basic`` as Basic.",
        "SECURITY_SCHEMES: Dict[str, Tuple[str, str]] = {",
    ]
    lines += ["    %s: (%s, %s)," % (literal(n), literal(k), literal(h)) for n, (k, h) in schemes.items()]
    lines += [
        "}",
        "",
        "#: The order credentials are chosen in when an operation accepts several.",
        "CREDENTIAL_ORDER: Tuple[str, ...] = %s" % _tuple(order),
        "",
        "#: Other headers that carry a credential (a caller passing one in ``_headers`` is not overridden).",
        "CREDENTIAL_HEADERS: Tuple[str, ...] = %s" % _tuple(list(spec.overrides.get("credential_headers") or [])),
        "",
        "#: The model of a 500 answer, by its ``kind``.",
        "ERROR_KINDS: Dict[str, str] = {",
    ]
    lines += ["    %s: %s," % (literal(k), literal(m)) for k, m in error_kinds(spec).items()]
    lines += [
        "}",
        "",
        "#: The model of an error status an operation declares no body for.",
        "DEFAULT_ERROR_MODELS: Dict[int, str] = {",
    ]
    lines += ["    %d: %s," % (s, literal(m)) for s, m in default_error_models(spec).items()]
    lines += [
        "}",
        "",
        "#: JSON keys (wire names) whose values are masked wherever they appear in a logged body.",
        "SECRET_JSON_KEYS: FrozenSet[str] = " + _frozenset(secret_json_keys(spec)),
        "",
        "#: Header parameters whose values are secrets.",
        "SECRET_HEADER_PARAMETERS: FrozenSet[str] = " + _frozenset(secret_parameters(spec, "header")),
        "",
        "#: Query parameters whose values are secrets (a key may travel in a URL).",
        "SECRET_QUERY_PARAMETERS: FrozenSet[str] = " + _frozenset(secret_parameters(spec, "query")),
        "",
    ]
    return "\n".join(lines)
