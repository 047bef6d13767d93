"""Every operation beyond ``/auth``: routed, credential-checked, answered with an example.

The eleven ``/auth`` operations keep their stateful emulation
(:mod:`swagger_client.testing.operations`). Any other operation of the spec is
matched here by method and path template, applies the same credential checks as
the server (wrong credentials, a stale session, a guest where the operation needs a
user, a credential the operation does not accept), and then answers a deterministic
example of its success answer, built from the spec's schemas
(:mod:`swagger_client.testing.examples`), honouring ``fields``. A test that needs
another answer stubs the operation (``emu.stub("search_users", body=...)``).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Pattern, Tuple

from swagger_client.testing import documents as docs
from swagger_client.testing.catalog import OPERATIONS
from swagger_client.testing.examples import binary_example, example, text_example
from swagger_client.testing.state import EmulatorState, Refusal, Reply, Request

__all__ = ["route", "methods_for", "answer", "success_status"]

_Template = Tuple[int, Pattern[str], str]  # (literal segments, pattern, operation name)


def _compile() -> Dict[str, List[_Template]]:
    by_method: Dict[str, List[_Template]] = {}
    for name, (method, path, *_rest) in OPERATIONS.items():
        if path.startswith("/auth/") or path == "/auth":
            continue  # the stateful /auth emulation answers these
        pattern = "".join(
            "[^/]+" if re.fullmatch(r"\{[^}]+\}", part) else re.escape(part) for part in re.split(r"(\{[^}]+\})", path)
        )
        literals = sum(1 for segment in path.split("/") if segment and not segment.startswith("{"))
        by_method.setdefault(method, []).append((literals, re.compile(pattern + r"\Z"), name))
    for templates in by_method.values():
        templates.sort(key=lambda t: -t[0])  # /users/data-for-search before /users/{user}
    return by_method


_ROUTES = _compile()


def route(method: str, path: str) -> Optional[str]:
    """The operation for ``method path`` (below ``/api``), or ``None``."""
    for _, pattern, name in _ROUTES.get(method, ()):
        if pattern.match(path):
            return name
    return None


def methods_for(path: str) -> List[str]:
    """The methods some operation accepts on ``path`` (for a 405's ``Allow``)."""
    return sorted(m for m, templates in _ROUTES.items() if any(p.match(path) for _, p, _ in templates))


def success_status(name: str) -> int:
    return OPERATIONS[name][3]


def answer(state: EmulatorState, request: Request, name: str) -> Reply:
    """Check the caller against the operation's security, then answer its example."""
    _, _, security, status, type_name, media = OPERATIONS[name]
    caller = state.authenticate(request)
    if security:
        accepted = {scheme for requirement in security for scheme in requirement}
        if caller.kind == "guest":
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        if caller.kind not in accepted:
            # Inferred: the server treats a credential the operation does not accept as absent.
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        state.check_restricted(caller, allowed_while_pending=False)
    if type_name is None or media == "none":
        return Reply(status)
    if media == "binary" or type_name == "file":
        body, content_type = binary_example()
        return Reply(status, body, [("Content-Type", content_type)])
    if media == "text":
        return Reply(status, text_example(type_name).encode("utf-8"), [("Content-Type", "text/plain;charset=UTF-8")])
    from swagger_client.testing.operations import filtered

    return Reply(status, filtered(example(type_name), request))
