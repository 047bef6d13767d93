"""Masking of secrets before anything reaches a log, a repr or an exception message.

One place knows which headers, JSON keys and query parameters carry secrets; every
other module asks it. Two layers, because a hostile or misconfigured server can echo
what it received under any name:

* **by name**: values of secret headers, JSON keys and query parameters become ``***``;
* **by value**: a :class:`Scrubber` holds the exact secret values one call sent (the
  Basic credentials in base64 and decoded, tokens, passwords, the forgotten-password
  key) and replaces them wherever they appear.

Everything shown is also cut to a bounded length *before* it is masked (so a 20 MB
error page costs no more than a short one) and has its control characters escaped,
so a server cannot forge log lines with CR/LF or ANSI sequences.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Tuple, Union
from urllib.parse import parse_qsl, quote, quote_plus, urlsplit

from swagger_client import call_scope, spec_tables

MASK = "***"

#: Header names (lower case) whose values are credentials: HTTP's own, then the spec's
#: security scheme headers and secret header parameters (swagger_client.spec_tables).
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
    | {header.lower() for _, header in spec_tables.SECURITY_SCHEMES.values()}
    | {name.lower() for name in spec_tables.CREDENTIAL_HEADERS}
    | {name.lower() for name in spec_tables.SECRET_HEADER_PARAMETERS}
)

#: JSON keys (wire names) whose values are secrets, wherever they appear in a body.
SECRET_KEYS = spec_tables.SECRET_JSON_KEYS

#: Query parameters whose values are secrets (a forgotten-password key travels in a URL,
#: and a credential header's name may be misused as one).
SECRET_QUERY_PARAMS = (
    spec_tables.SECRET_QUERY_PARAMETERS
    | {header for kind, header in spec_tables.SECURITY_SCHEMES.values() if kind == "apiKey"}
    | set(spec_tables.CREDENTIAL_HEADERS)
    | {"sessionToken"}
)

#: How much of a body is shown in a message or log line.
SHOWN_BODY_CHARACTERS = 2000
#: Bodies up to this size are parsed as JSON to mask secret keys; longer ones are cut first.
PARSED_BODY_LIMIT = 64 * 1024
#: Secret values shorter than this are not scrubbed by value (they would mask ordinary text).
MIN_SCRUBBED_LENGTH = 4
#: Extra characters kept past the cut while masking, so a secret straddling it is still caught.
_CUT_MARGIN = 512

_QUERY_SECRET = re.compile(
    r"(?P<name>(?:^|[?&])(?:%s)=)[^&#\s\"']*" % "|".join(re.escape(p) for p in sorted(SECRET_QUERY_PARAMS))
)
_URL_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]*@")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NAMES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str) -> str:
    """``text`` with control characters written as escapes (``\\n``, ``\\x1b``...): one line, no ANSI."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escape_one, text)


def _escape_one(match: re.Match) -> str:  # type: ignore[type-arg]
    char = match.group()
    named = _CONTROL_NAMES.get(char)
    if named is not None:
        return named
    code = ord(char)
    return "\\x%02x" % code if code <= 0xFF else "\\u%04x" % code


def redact_headers(headers: Union[Mapping[str, Any], Iterable[Tuple[str, Any]]]) -> Dict[str, Any]:
    """A copy of ``headers`` with credential values replaced by ``***``."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {name: (MASK if name.lower() in SECRET_HEADERS else value) for name, value in items}


def redact_url(url: str) -> str:
    """``url`` with secret query parameter values and any ``user:password@`` replaced by ``***``."""
    if "=" in url:
        url = _QUERY_SECRET.sub(lambda m: m.group("name") + MASK, url)
    if "@" in url:
        url = _URL_USERINFO.sub(lambda m: m.group("scheme") + MASK + "@", url)
    return url


def redact_json(value: Any) -> Any:
    """A copy of a JSON value with secret keys masked at any depth.

    Raises ``RecursionError`` on absurdly deep values; :func:`redact_body` falls back
    to text masking then.
    """
    if isinstance(value, dict):
        # Only a scalar is a secret: under "propertyErrors" the same names hold lists of messages.
        return {
            k: (MASK if k in SECRET_KEYS and isinstance(v, (str, int, float)) else redact_json(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact_json(v) for v in value]
    return value


def redact_body(
    body: Any, limit: int = SHOWN_BODY_CHARACTERS, json_only: bool = False, secrets: Optional[Scrubber] = None
) -> str:
    """A printable, secret-free, one-line rendering of a request or response body, cut at ``limit``.

    With ``json_only`` a body that is not JSON is not shown at all: request bodies
    that are plain text carry a password (the secondary password is sent raw).
    The work done is bounded by ``limit``, whatever the body's size.
    """
    if body is None:
        return ""
    if isinstance(body, (bytes, bytearray)):
        size = len(body)
        if size > PARSED_BODY_LIMIT:
            return _shown_text(
                bytes(body[: 4 * (limit + _CUT_MARGIN)]).decode("utf-8", "replace"), size, limit, secrets
            )
        text = bytes(body).decode("utf-8", "replace")
    elif isinstance(body, str):
        text = body
    else:
        try:
            return _finish(json.dumps(redact_json(body), default=str), limit, secrets)
        except (RecursionError, ValueError):
            return "<%s body too deeply nested to show>" % type(body).__name__
    if len(text) > PARSED_BODY_LIMIT:
        if json_only:
            return "<%d characters of body not shown>" % len(text)
        return _shown_text(text[: limit + _CUT_MARGIN], len(text), limit, secrets)
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        if json_only:
            return "<%d bytes of non-JSON body not shown>" % len(text.encode("utf-8"))
        # Not JSON: keep it (error pages are useful) but mask anything that looks like a token pair.
        return _shown_text(text, len(text), limit, secrets)
    if json_only and not isinstance(parsed, (dict, list)):
        return "<%d bytes of non-JSON body not shown>" % len(text.encode("utf-8"))
    try:
        shown = json.dumps(redact_json(parsed))
    except RecursionError:
        return _shown_text(text, len(text), limit, secrets)
    return _finish(shown, limit, secrets)


def _shown_text(text: str, size: int, limit: int, secrets: Optional[Scrubber]) -> str:
    """Loose masking of a non-JSON text of ``size`` characters, of which ``text`` is the start."""
    text = _mask_loose(text[: limit + _CUT_MARGIN])
    if secrets is not None:
        text = secrets.scrub(text)
    text = escape_controls(text)
    if size <= limit and len(text) <= limit:
        return text
    return text[:limit] + "... (%d more characters)" % max(size - limit, 0)


def _finish(text: str, limit: int, secrets: Optional[Scrubber]) -> str:
    if secrets is not None:
        text = secrets.scrub(text)
    return _cut(escape_controls(text), limit)


#: Names whose values are masked in text that is not JSON (``name=value``, ``"name": value``):
#: the secret JSON keys and the credential header names. Not every secret query
#: parameter: ``code`` is also every error body's (harmless) code.
_LOOSE_NAMES = (
    SECRET_KEYS
    | {header for kind, header in spec_tables.SECURITY_SCHEMES.values() if kind == "apiKey"}
    | set(spec_tables.CREDENTIAL_HEADERS)
)
_LOOSE_SECRET = re.compile(r'(?i)("?(?:%s)"?\s*[:=]\s*"?)[^"&\s,}]+' % "|".join(sorted(_LOOSE_NAMES)))
_LOOSE_HEADER = re.compile(
    r"(?im)^([ \t]*(?:%s)[ \t]*:[ \t]*)\S.*$" % "|".join(re.escape(h) for h in sorted(SECRET_HEADERS))
)


def _mask_loose(text: str) -> str:
    text = _LOOSE_HEADER.sub(lambda m: m.group(1) + MASK, text)
    return _LOOSE_SECRET.sub(lambda m: m.group(1) + MASK, text)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + "... (%d more characters)" % (len(text) - limit)


def clean_text(text: str, secrets: Optional[Scrubber] = None, limit: int = SHOWN_BODY_CHARACTERS) -> str:
    """A short text from a server (a reason phrase, a header) made safe to show."""
    text = text[: limit + _CUT_MARGIN]
    if secrets is not None:
        text = secrets.scrub(text)
    return _cut(escape_controls(redact_url(text)), limit)


# -- secrets by value ---------------------------------------------------------------------


class Scrubber(object):
    """The exact secret values one request sends, and :meth:`scrub` to remove them from a text.

    Built lazily from the request (headers, body, URL): the values are only extracted
    when something is about to be shown. Each value is also matched in the forms a
    server is likely to echo it in: percent-encoded, JSON-escaped, and for Basic
    credentials the base64 token, ``user:password`` and the password alone.
    """

    __slots__ = ("_sources", "_values")

    def __init__(
        self,
        headers: Optional[Mapping[str, str]] = None,
        body: Any = None,
        url: Optional[str] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        values: Tuple[str, ...] = (),
    ) -> None:
        """:param extra_headers: headers sent outside ``headers``, e.g. to the proxy.
        :param values: other exact secret values the request carries (a key in its path).
        """
        self._sources: Optional[Tuple[Any, Any, Any, Any, Tuple[str, ...]]] = (
            headers,
            body,
            url,
            extra_headers,
            values,
        )
        self._values: Tuple[str, ...] = ()

    @property
    def values(self) -> Tuple[str, ...]:
        """Every form of every secret value, longest first."""
        if self._sources is not None:
            headers, body, url, extra_headers, values = self._sources
            self._sources = None
            found = list(values)
            found.extend(_header_secrets(headers or {}))
            found.extend(_header_secrets(extra_headers or {}))
            found.extend(_body_secrets(body))
            if url:
                found.extend(_query_secrets(url))
            self._values = _all_forms(found)
        return self._values

    def scrub(self, text: str) -> str:
        """``text`` with every secret value replaced by ``***``."""
        for value in self.values:
            if value in text:
                text = text.replace(value, MASK)
        return text


def _header_secrets(headers: Mapping[str, str]) -> List[str]:
    found: List[str] = []
    for name, value in headers.items():
        if not isinstance(value, str) or name.lower() not in SECRET_HEADERS:
            continue
        found.append(value)
        scheme, _, token = value.partition(" ")
        if scheme.lower() == "basic" and token:
            found.append(token)
            found.extend(_basic_parts(token))
    return found


def _basic_parts(token: str) -> List[str]:
    try:
        raw = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        return []
    parts: List[str] = []
    for encoding in ("utf-8", "latin-1"):
        try:
            pair = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        parts.append(pair)
        parts.append(pair.partition(":")[2])
    return parts


def _body_secrets(body: Any) -> List[str]:
    if body is None:
        return []
    if isinstance(body, (bytes, bytearray)):
        text = bytes(body[:PARSED_BODY_LIMIT]).decode("utf-8", "replace")
        try:
            body = json.loads(text)
        except (ValueError, RecursionError):
            if "=" in text:  # a form-encoded body
                return [v for k, v in parse_qsl(text) if k in SECRET_KEYS]
            return [text]  # a plain-text body is a password (the secondary password)
    if isinstance(body, str):
        return [body]
    found: List[str] = []
    stack = [body]
    while stack and len(found) < 64:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in SECRET_KEYS and isinstance(value, str):
                    found.append(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return found


def _query_secrets(url: str) -> List[str]:
    query = urlsplit(url).query if "?" in url else ""
    return [v for k, v in parse_qsl(query, keep_blank_values=False) if k in SECRET_QUERY_PARAMS]


def _all_forms(values: Iterable[str]) -> Tuple[str, ...]:
    forms = set()
    for value in values:
        if not isinstance(value, str) or len(value) < MIN_SCRUBBED_LENGTH:
            continue
        forms.add(value)
        forms.add(quote(value, safe=""))
        forms.add(quote_plus(value))
        forms.add(json.dumps(value)[1:-1])
        forms.add(escape_controls(value))
    return tuple(sorted((f for f in forms if len(f) >= MIN_SCRUBBED_LENGTH), key=len, reverse=True))


# -- log records ----------------------------------------------------------------------------


class SecretLogFilter(logging.Filter):
    """Scrubs every record of a logger: secret query values, URL credentials, the running
    call's secret values and control characters.

    Installed on every ``urllib3.*`` and ``swagger_client.*`` logger, because a filter
    only sees the records of the logger it sits on, not those of its children.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 -- a malformed record is the logging module's to report
            return True
        scope = call_scope.current()
        cleaned = escape_controls(redact_url(message))
        if scope is not None and scope.secrets is not None:
            cleaned = scope.secrets.scrub(cleaned)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


#: The loggers of the libraries whose records can carry a request's URL or headers.
FILTERED_LOGGERS: FrozenSet[str] = frozenset(
    {
        "urllib3",
        "urllib3.connectionpool",
        "urllib3.poolmanager",
        "urllib3.response",
        "urllib3.connection",
        "urllib3.util.retry",
        "urllib3.util.ssl_",
        "swagger_client",
        "swagger_client.rest",
        "swagger_client.retries",
        "swagger_client.session",
        "swagger_client.api_client",
        "swagger_client.configuration",
    }
)


def install_log_filters() -> None:
    """Put one :class:`SecretLogFilter` on every urllib3 and swagger_client logger (idempotent)."""
    names = set(FILTERED_LOGGERS)
    names.update(n for n in list(logging.Logger.manager.loggerDict) if n.startswith(("urllib3.", "swagger_client.")))
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, SecretLogFilter) for f in logger.filters):
            logger.addFilter(SecretLogFilter())
