"""``async_req=True``: calls run on a small pool of daemon threads, one result object each.

:class:`AsyncResult` is a :class:`concurrent.futures.Future` (``result()``,
``add_done_callback()``, ``concurrent.futures.wait``...) that also answers
swagger-codegen's ``thread.get()`` / ``ready()`` / ``successful()`` / ``wait()``,
which came from ``multiprocessing.pool.AsyncResult``. The workers are daemon
threads: closing the client or leaving the interpreter never waits for a call still
on the network (each ends by its own ``total_timeout``).
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any, Callable, Generic, List, Optional, Tuple, TypeVar

from swagger_client.pools import fork_generation

__all__ = ["AsyncResult", "CallPool"]

T = TypeVar("T")


class AsyncResult(Future[T], Generic[T]):
    """The result of an ``async_req=True`` call."""

    def get(self, timeout: Optional[float] = None) -> T:
        """The call's value, or its exception raised here (``multiprocessing``'s name for ``result``).

        Past ``timeout`` seconds: ``TimeoutError`` (which is also
        ``multiprocessing.TimeoutError`` and ``concurrent.futures.TimeoutError``).
        """
        try:
            return self.result(timeout)
        except FutureTimeoutError:
            raise _timeout_error()("the call did not finish within %ss" % timeout) from None

    def ready(self) -> bool:
        """Whether the call has finished."""
        return self.done()

    def successful(self) -> bool:
        """Whether the call finished without an exception (``ValueError`` while it runs)."""
        if not self.done():
            raise ValueError("the call has not finished yet")
        return not self.cancelled() and self.exception() is None

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait until the call has finished, or ``timeout`` seconds."""
        try:
            self.exception(timeout)
        except FutureTimeoutError:
            pass


_TIMEOUT_ERROR: List[Any] = []


def _timeout_error() -> Any:
    """One class that both ``except multiprocessing.TimeoutError`` and ``except TimeoutError`` catch."""
    if not _TIMEOUT_ERROR:
        import multiprocessing

        bases = tuple(dict.fromkeys((multiprocessing.TimeoutError, FutureTimeoutError, TimeoutError)))
        _TIMEOUT_ERROR.append(type("AsyncTimeoutError", bases, {"__module__": __name__}))
    return _TIMEOUT_ERROR[0]


_STOP = object()


class CallPool(object):
    """Up to ``size`` worker threads, started as calls arrive; rebuilt in a forked child."""

    def __init__(self, size: int) -> None:
        self.size = max(1, int(size))
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._workers: List[threading.Thread] = []
        self._idle = 0
        self._generation = fork_generation()
        self._closed = False

    def submit(self, fn: Callable[..., T], *args: Any) -> AsyncResult[T]:
        """Run ``fn(*args)`` on a worker; its value or exception goes to the result."""
        result: AsyncResult[T] = AsyncResult()
        with self._lock:
            if self._closed:
                raise RuntimeError("the client is closed")
            if self._generation != fork_generation():  # the parent's threads do not exist here
                self._queue, self._workers, self._idle = queue.SimpleQueue(), [], 0
                self._generation = fork_generation()
            self._queue.put((result, fn, args))
            if self._idle <= 0 and len(self._workers) < self.size:
                worker = threading.Thread(target=self._work, args=(self._queue,), name="swagger_client-async")
                worker.daemon = True
                self._workers.append(worker)
                worker.start()
            else:
                self._idle -= 1
        return result

    def _work(self, jobs: queue.SimpleQueue[Any]) -> None:
        while True:
            job: Tuple[AsyncResult[Any], Callable[..., Any], Tuple[Any, ...]] = jobs.get()
            if job is _STOP:
                return
            result, fn, args = job
            if result.set_running_or_notify_cancel():
                try:
                    result.set_result(fn(*args))
                except BaseException as exc:  # noqa: BLE001 -- handed to the caller through the result
                    result.set_exception(exc)
            del job, result, fn, args
            with self._lock:
                self._idle += 1

    def close(self) -> None:
        """Stop the workers once the queued calls are done (never waits for them)."""
        with self._lock:
            self._closed = True
            for _ in self._workers:
                self._queue.put(_STOP)
            self._workers = []
