"""What one call may spend, and what it must not show: its deadline, its byte budget, its secrets.

A call runs on one thread from the first connect to the last byte of its body, so
the limits of the call in progress live in a thread-local :class:`CallScope`. The
low layers read it where urllib3 gives them no parameter to carry it: the socket
reader (:mod:`swagger_client.pools`) checks the deadline before every ``recv()``
and counts bytes, the retry policy will not sleep past the deadline, and the log
filter (:mod:`swagger_client.redaction`) scrubs the call's own secret values from
urllib3's log lines.

The two exceptions here are internal signals: they are raised deep inside urllib3
and :mod:`swagger_client.rest` turns them into :class:`~swagger_client.exceptions.ApiTimeoutError`
and :class:`~swagger_client.exceptions.ResponseTooLarge`. They are not ``OSError``
subclasses on purpose, so urllib3 does not retry or wrap them.
"""

from __future__ import annotations

import threading
import time
from typing import Any, List, Optional

__all__ = ["CallScope", "DeadlineExceeded", "BodyTooLarge", "current"]


class DeadlineExceeded(Exception):
    """The call's total deadline passed (internal; surfaces as ApiTimeoutError)."""


class BodyTooLarge(Exception):
    """A response went over the byte budget (internal; surfaces as ResponseTooLarge)."""


class CallScope(object):
    """The limits and secrets of one call.

    :param total: seconds the whole call may take (``None``: no deadline).
    :param max_bytes: bytes one response may take on the wire (``None``: no cap).
    :param secrets: the exact secret values this call sends (a
        :class:`~swagger_client.redaction.Scrubber`, or ``None``).
    :param debug: the client's ``Configuration.debug``.
    """

    __slots__ = ("_previous", "deadline", "debug", "max_bytes", "readers", "secrets", "total", "total_source")

    def __init__(
        self,
        total: Optional[float],
        max_bytes: Optional[int],
        secrets: Any = None,
        total_source: str = "",
        debug: bool = False,
    ) -> None:
        self.total = total
        #: Where the deadline came from, for messages ("Configuration.total_timeout"...).
        self.total_source = total_source
        self.deadline = None if total is None else time.monotonic() + total
        self.max_bytes = max_bytes
        self.secrets = secrets
        #: The client's ``Configuration.debug``: log this call's lines (see swagger_client.logs).
        self.debug = debug
        #: The socket readers opened during this call (see pools.DeadlineReader).
        self.readers: List[Any] = []
        self._previous: Optional[CallScope] = None

    def remaining(self) -> Optional[float]:
        """Seconds left before the deadline (may be negative), or ``None`` without one."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise :class:`DeadlineExceeded` once the deadline has passed."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise DeadlineExceeded()

    def release_readers(self) -> None:
        """Hand a streamed response to the caller: its further reads are no longer this call's."""
        for reader in self.readers:
            reader.scope = None
        self.readers = []

    def __enter__(self) -> CallScope:
        self._previous = getattr(_local, "scope", None)
        _local.scope = self
        return self

    def __exit__(self, *exc_info: Any) -> None:
        _local.scope = self._previous
        self._previous = None


_local = threading.local()


def current() -> Optional[CallScope]:
    """The scope of the call running on this thread, or ``None`` outside a call."""
    return getattr(_local, "scope", None)
