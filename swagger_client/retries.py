"""The retry policy: safe for an authentication API by default.

* Failing to connect is retried for every method: the request never reached the server.
* ``GET`` is also retried after read errors and on 429/502/503/504, with capped
  exponential backoff that honours ``Retry-After`` (capped too).
* ``POST`` and ``DELETE`` (login, OTP, logout...) that may have reached the server are
  never re-sent, so one call never logs in twice or sends two OTPs.

``Configuration.retries`` accepts ``None`` (this policy), an int (this policy with that
many attempts; 0 disables retries) or any ``urllib3.Retry`` (used as given).
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from urllib3.util.retry import Retry

from swagger_client.exceptions import ApiTypeError, ApiValueError

log = logging.getLogger(__name__)

__all__ = ["SafeRetry", "build_retry", "DEFAULT_RETRIES"]

DEFAULT_RETRIES = 3
#: Longest pause between two attempts, whatever the backoff or ``Retry-After`` says.
MAX_BACKOFF_SECONDS = 10.0
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Credentials are dropped when a redirect leaves the host.
SECRET_REDIRECT_HEADERS = frozenset(
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Session-Token",
        "Session-Prefix",
        "Access-Client-Token",
        "confirmationPassword",
    }
)


class SafeRetry(Retry):
    """``urllib3.Retry`` with a capped backoff and a debug log line per retry."""

    def get_backoff_time(self) -> float:
        return float(min(super().get_backoff_time(), MAX_BACKOFF_SECONDS))

    def get_retry_after(self, response: Any) -> Optional[float]:
        value = super().get_retry_after(response)
        return None if value is None else min(float(value), MAX_BACKOFF_SECONDS)

    def increment(
        self, method: Any = None, url: Any = None, response: Any = None, error: Any = None, *args: Any, **kwargs: Any
    ) -> Any:
        new = super().increment(method, url, response, error, *args, **kwargs)
        from swagger_client.redaction import redact_url

        cause = "status %s" % response.status if response is not None else type(error).__name__
        log.debug("Retrying %s %s after %s (%s)", method, redact_url(url or ""), cause, new)
        return new


def build_retry(value: Any) -> Retry:
    """The ``urllib3.Retry`` for a ``Configuration.retries`` value."""
    if isinstance(value, Retry):
        return value
    if value is None:
        total = DEFAULT_RETRIES
    elif isinstance(value, bool) or not isinstance(value, int):
        raise ApiTypeError(
            "Configuration.retries must be None, an int or a urllib3.Retry, not %s" % type(value).__name__
        )
    elif value < 0:
        raise ApiValueError("Configuration.retries must be >= 0, got %d" % value)
    else:
        total = value
    return SafeRetry(
        total=total,
        connect=total,
        read=total,
        status=total,
        other=0,
        redirect=min(total, 3),
        allowed_methods=IDEMPOTENT_METHODS,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=0.2,
        raise_on_status=False,
        raise_on_redirect=False,
        respect_retry_after_header=True,
        remove_headers_on_redirect=SECRET_REDIRECT_HEADERS,
    )
