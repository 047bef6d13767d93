"""The retry policy: safe for an authentication API by default.

* Failing to connect is retried for every method: the request never reached the server.
* ``GET`` is also retried after read errors and on 429/502/503/504, with capped
  exponential backoff that honours ``Retry-After`` (capped too).
* ``POST`` and ``DELETE`` (login, OTP, logout...) that may have reached the server are
  never re-sent, so one call never logs in twice or sends two OTPs.
* No pause runs past the call's total deadline (``Configuration.total_timeout``): when
  the next attempt could not start in time, the call ends with ``ApiTimeoutError``.
* A ``Retry-After`` that is not a number or an HTTP date is ignored (the backoff
  applies), never an error. 413 is not retried (urllib3 would, with ``Retry-After``).
* urllib3 never follows redirects here: :mod:`swagger_client.rest` decides (see
  ``Configuration.follow_redirects``), identically on urllib3 1.26 and 2.x.

``Configuration.retries`` accepts ``None`` (this policy), an int (this policy with that
many attempts; 0 disables retries) or any ``urllib3.Retry`` (used as given).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Optional

from urllib3.exceptions import InvalidHeader
from urllib3.util.retry import Retry

from swagger_client import call_scope, logs, spec_tables
from swagger_client.call_scope import DeadlineExceeded
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
    ["Authorization", "Proxy-Authorization", "Cookie"]
    + [header for _, header in spec_tables.SECURITY_SCHEMES.values()]
    + list(spec_tables.CREDENTIAL_HEADERS)
    + sorted(spec_tables.SECRET_HEADER_PARAMETERS)
)


class SafeRetry(Retry):
    """``urllib3.Retry`` with a capped backoff, the call's deadline, and a debug line per retry."""

    #: urllib3 also retries 413 when it carries Retry-After; a body too large stays too large.
    RETRY_AFTER_STATUS_CODES = frozenset({429, 503})

    def get_backoff_time(self) -> float:
        return float(min(super().get_backoff_time(), MAX_BACKOFF_SECONDS))

    def get_retry_after(self, response: Any) -> Optional[float]:
        try:
            value = super().get_retry_after(response)
        except (InvalidHeader, ValueError, OverflowError):
            return None  # garbage from the server: fall back to the backoff
        return None if value is None else min(float(value), MAX_BACKOFF_SECONDS)

    def sleep(self, response: Any = None) -> None:
        pause = None
        if self.respect_retry_after_header and response is not None:
            pause = self.get_retry_after(response)
        if not pause:
            pause = self.get_backoff_time()
        scope = call_scope.current()
        left = None if scope is None else scope.remaining()
        if left is not None and pause >= left:
            raise DeadlineExceeded()  # the next attempt could not start before the deadline
        if pause > 0:
            time.sleep(pause)

    def increment(
        self, method: Any = None, url: Any = None, response: Any = None, error: Any = None, *args: Any, **kwargs: Any
    ) -> Any:
        scope = call_scope.current()
        if scope is not None:
            scope.check()
        new = super().increment(method, url, response, error, *args, **kwargs)
        debug = scope is not None and scope.debug
        if logs.wanted(log, debug):
            from swagger_client.redaction import redact_url

            cause = "status %s" % response.status if response is not None else type(error).__name__
            logs.debug(log, debug, "Retrying %s %s after %s (%s)", method, redact_url(url or ""), cause, new)
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
        redirect=False,  # rest.py decides about redirects, on both urllib3 lines
        allowed_methods=IDEMPOTENT_METHODS,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=0.2,
        raise_on_status=False,
        raise_on_redirect=False,
        respect_retry_after_header=True,
        remove_headers_on_redirect=SECRET_REDIRECT_HEADERS,
    )
