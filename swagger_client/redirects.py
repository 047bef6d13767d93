"""Which redirects a call follows: by default none.

A Cyclos API never redirects a client on purpose; a redirect comes from a proxy,
a load balancer or a hostile server, and following it can carry credentials, a
secondary password or a forgotten-password key to another host, or from https to
plain http. So a 3xx answer raises :class:`~swagger_client.exceptions.RedirectError`
naming the status and the target's origin (never its path or query).

With ``Configuration.follow_redirects = True`` a ``GET`` redirected to the *same
origin* (scheme, host and port) is followed, at most :data:`MAX_REDIRECTS` times,
each hop with the same headers, retry policy and deadline. Any other redirect
still raises. urllib3 itself never follows one (its behaviour differs between 1.26
and 2.x); this module is the only place that decides.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple
from urllib.parse import urljoin, urlsplit

from swagger_client.exceptions import RedirectError
from swagger_client.redaction import clean_text

__all__ = ["REDIRECT_STATUSES", "MAX_REDIRECTS", "decide", "origin"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Redirects followed in one call before giving up (a loop ends here).
MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> Tuple[str, str, int]:
    """``(scheme, host, port)`` of an absolute URL; raises ``ValueError`` when it has none."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in _DEFAULT_PORTS or not host:
        raise ValueError("not an http(s) URL")
    port = parts.port or _DEFAULT_PORTS[scheme]
    return scheme, host, port


def _shown(target_origin: Tuple[str, str, int]) -> str:
    scheme, host, port = target_origin
    if ":" in host:
        host = "[%s]" % host
    return "%s://%s:%d" % (scheme, host, port)


def decide(method: str, url: str, response: Any, follow: bool, hops: int, secrets: Any = None) -> str:
    """The URL to follow a redirect ``response`` of ``method url`` to, or raise ``RedirectError``."""
    status = response.status
    location = response.headers.get("Location")
    here = origin(url)
    where_from = "%s %s" % (method, _shown(here))
    target: Optional[Tuple[str, str, int]] = None
    absolute = ""
    try:
        if location:
            absolute = urljoin(url, location)
            target = origin(absolute)
    except ValueError:
        target = None
    if target is None:
        problem = "with an invalid Location" if location else "without a Location"
        message = "%s answered a %d redirect %s; not followed" % (where_from, status, problem)
        raise _error(status, message, None, response, secrets)
    if not follow:
        reason = "redirects are not followed (see Configuration.follow_redirects)"
    elif method != "GET":
        reason = "only GET requests follow redirects"
    elif target != here:
        reason = "it leaves the origin %s" % _shown(here)
    elif hops >= MAX_REDIRECTS:
        reason = "too many redirects (%d)" % hops
    else:
        return absolute
    where = _shown(target)
    message = "%s answered a %d redirect to %s; not followed: %s" % (where_from, status, where, reason)
    raise _error(status, message, where, response, secrets)


def _error(status: int, message: str, where: Optional[str], response: Any, secrets: Any) -> RedirectError:
    return RedirectError(
        status, clean_text(message, secrets, limit=500), location=where, headers=response.headers, secrets=secrets
    )
