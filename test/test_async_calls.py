"""async_req results: concurrent.futures Futures that also answer swagger-codegen's get()."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import threading

import pytest

from swagger_client.async_calls import CallPool


def test_results_values_and_errors() -> None:
    pool = CallPool(2)
    ok = pool.submit(lambda x: x * 2, 21)
    failed = pool.submit(lambda: 1 / 0)
    assert ok.get(timeout=10) == 42 and ok.result() == 42
    assert ok.ready() and ok.successful()
    with pytest.raises(ZeroDivisionError):
        failed.get(timeout=10)
    assert failed.ready() and not failed.successful()
    assert set(concurrent.futures.as_completed([ok, failed], timeout=10)) == {ok, failed}
    pool.close()


def test_a_result_not_ready_in_time_raises_both_timeout_errors() -> None:
    pool = CallPool(1)
    release = threading.Event()
    pending = pool.submit(release.wait, 30)
    with pytest.raises(multiprocessing.TimeoutError):
        pending.get(timeout=0.01)
    with pytest.raises(TimeoutError):
        pending.get(timeout=0.01)
    with pytest.raises(ValueError, match="not finished"):
        pending.successful()
    pending.wait(0.01)
    assert not pending.ready()
    release.set()
    assert pending.get(timeout=10) is True
    pool.close()


def test_no_more_workers_than_the_size_and_all_are_daemons() -> None:
    pool = CallPool(3)
    gate = threading.Event()
    results = [pool.submit(gate.wait, 30) for _ in range(10)]
    workers = [t for t in threading.enumerate() if t.name == "swagger_client-async"]
    assert 1 <= len(workers) <= 3 and all(t.daemon for t in workers)
    gate.set()
    assert all(r.get(timeout=10) for r in results)
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(print)
