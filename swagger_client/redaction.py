"""Masking of secrets before anything reaches a log, a repr or an exception message.

One place knows which headers, JSON keys and query parameters carry secrets; every
other module asks it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterable, Mapping, Tuple, Union

MASK = "***"

#: Header names (lower case) whose values are credentials.
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "session-token",
        "session-prefix",
        "access-client-token",
        "confirmationpassword",
        "cookie",
        "set-cookie",
    }
)

#: JSON keys (wire names) whose values are secrets, wherever they appear in a body.
SECRET_KEYS = frozenset(
    {
        "sessionToken",
        "password",
        "newPassword",
        "newPasswordConfirmation",
        "oldPassword",
        "confirmationPassword",
        "securityAnswer",
        "key",
        "token",
        "response",  # captcha response
    }
)

#: Query parameters whose values are secrets (the forgotten-password key travels in a URL).
SECRET_QUERY_PARAMS = frozenset({"key", "Session-Token", "Session-Prefix", "sessionToken"})

_QUERY_SECRET = re.compile(
    r"(?P<name>(?:^|[?&])(?:%s)=)[^&#]*" % "|".join(re.escape(p) for p in sorted(SECRET_QUERY_PARAMS))
)


def redact_headers(headers: Union[Mapping[str, Any], Iterable[Tuple[str, Any]]]) -> Dict[str, Any]:
    """A copy of ``headers`` with credential values replaced by ``***``."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {name: (MASK if name.lower() in SECRET_HEADERS else value) for name, value in items}


def redact_url(url: str) -> str:
    """``url`` with secret query parameter values replaced by ``***``."""
    return _QUERY_SECRET.sub(lambda m: m.group("name") + MASK, url)


def redact_json(value: Any) -> Any:
    """A copy of a JSON value with secret keys masked at any depth."""
    if isinstance(value, dict):
        return {k: (MASK if k in SECRET_KEYS and v is not None else redact_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v) for v in value]
    return value


def redact_body(body: Any, limit: int = 2000, json_only: bool = False) -> str:
    """A printable, secret-free rendering of a request or response body, cut at ``limit``.

    With ``json_only`` a body that is not JSON is not shown at all: request bodies
    that are plain text carry a password (the secondary password is sent raw).
    """
    if body is None:
        return ""
    if isinstance(body, (bytes, bytearray)):
        text = bytes(body).decode("utf-8", "replace")
    elif isinstance(body, str):
        text = body
    else:
        text = json.dumps(redact_json(body), default=str)
        return _cut(text, limit)
    try:
        parsed = json.loads(text)
    except ValueError:
        if json_only:
            return "<%d bytes of non-JSON body not shown>" % len(text.encode("utf-8"))
        # Not JSON: keep it (error pages are useful) but mask anything that looks like a token pair.
        return _cut(_mask_loose(text), limit)
    if json_only and not isinstance(parsed, (dict, list)):
        return "<%d bytes of non-JSON body not shown>" % len(text.encode("utf-8"))
    return _cut(json.dumps(redact_json(parsed)), limit)


_LOOSE_SECRET = re.compile(
    r'(?i)("?(?:%s)"?\s*[:=]\s*"?)[^"&\s,}]+' % "|".join(sorted(SECRET_KEYS | {"Session-Token"}))
)


def _mask_loose(text: str) -> str:
    return _LOOSE_SECRET.sub(lambda m: m.group(1) + MASK, text)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + "... (%d more characters)" % (len(text) - limit)
