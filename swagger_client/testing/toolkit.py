"""What test servers give their users: a journal of requests received, and stubs.

* :class:`Journal` records every request that reaches an operation route (or not),
  in order, with the status answered (``None`` when a stub dropped the connection).
* :class:`Stubs` holds forced answers: the next ``times`` calls of an operation (or of
  any, with ``"*"``) answer as given, after an optional delay, or lose their
  connection. The most recently added matching stub wins, as in WireMock.

Both are thread-safe: a parallel test suite hits one emulator from many threads.
"""

from __future__ import annotations

import collections
import json
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

__all__ = ["RecordedRequest", "Journal", "Stub", "Stubs", "ANY_OPERATION", "DEFAULT_JOURNAL_SIZE"]

#: The operation name a stub uses to match every operation.
ANY_OPERATION = "*"


@dataclass(frozen=True)
class RecordedRequest:
    """One request the emulator received, and the status it answered."""

    operation: Optional[str]  # e.g. "login"; None outside the API's operations
    method: str
    path: str  # as received, e.g. "/api/auth/session"
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: bytes
    status: Optional[int]  # None: the connection was dropped without an answer

    def header(self, name: str) -> Optional[str]:
        """A request header, by case-insensitive name."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body) if self.body else None


#: Requests a journal keeps by default: the newest, so a long-running emulator stays bounded.
DEFAULT_JOURNAL_SIZE = 10_000


class Journal(object):
    """The newest ``size`` requests received, in order (``size=0``: none are kept)."""

    def __init__(self, size: int = DEFAULT_JOURNAL_SIZE) -> None:
        self._lock = threading.Lock()
        self.size = size
        self._entries: collections.deque[RecordedRequest] = collections.deque(maxlen=size)

    def record(self, entry: RecordedRequest) -> None:
        if self.size:
            with self._lock:
                self._entries.append(entry)

    def entries(self) -> List[RecordedRequest]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


@dataclass
class Stub:
    """A forced answer (see :meth:`CyclosEmulator.stub`). ``remaining`` is ``None`` until cancelled."""

    operation: str
    status: int
    body: Any = None  # a dict/list (served as JSON), bytes, or None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    disconnect: bool = False
    remaining: Optional[int] = None
    _owner: Any = field(default=None, repr=False, compare=False)

    def cancel(self) -> None:
        """Stop answering with this stub."""
        if self._owner is not None:
            self._owner.remove(self)


class Stubs(object):
    """The stubs in force, newest first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stubs: List[Stub] = []

    def add(self, stub: Stub) -> Stub:
        stub._owner = self
        with self._lock:
            self._stubs.insert(0, stub)
        return stub

    def take(self, operation: Optional[str]) -> Optional[Stub]:
        """The stub that answers this call of ``operation``, counted; ``None`` when none matches."""
        with self._lock:
            for stub in self._stubs:
                if stub.operation == ANY_OPERATION or stub.operation == operation:
                    if stub.remaining is not None:
                        stub.remaining -= 1
                        if stub.remaining <= 0:
                            self._stubs.remove(stub)
                    return stub
        return None

    def remove(self, stub: Stub) -> None:
        with self._lock:
            if stub in self._stubs:
                self._stubs.remove(stub)

    def clear(self) -> None:
        with self._lock:
            self._stubs.clear()
