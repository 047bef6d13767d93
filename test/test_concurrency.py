"""Threads, processes and shutdown: no cross-talk, bounded sockets, nothing hangs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from typing import List

import pytest

import swagger_client
from swagger_client.testing import CyclosEmulator

THREADS = 16
CALLS = 500


def test_sixteen_threads_with_distinct_credentials_see_only_their_own_user(emulator: CyclosEmulator) -> None:
    for i in range(THREADS):
        emulator.add_user("worker%02d" % i, "pw-%02d" % i, name="Worker %02d" % i)
    errors: List[str] = []
    barrier = threading.Barrier(THREADS)

    def work(i: int) -> None:
        configuration = emulator.configuration("worker%02d" % i, "pw-%02d" % i)
        with swagger_client.ApiClient(configuration) as client:
            api = swagger_client.AuthApi(client)
            barrier.wait()
            for _ in range(CALLS):
                try:
                    principal = api.get_current_auth(fields=["principal"]).principal
                except Exception as exc:
                    errors.append(repr(exc))
                    return
                if principal != "worker%02d" % i:
                    errors.append("worker%02d saw %s" % (i, principal))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors[:5]
    # Keep-alive: about one connection per thread, not one per call.
    assert emulator.connections_accepted <= THREADS * 2


def test_one_client_shared_by_threads_keeps_its_pool_bounded(emulator: CyclosEmulator) -> None:
    configuration = emulator.configuration("alice", "alice-password")
    configuration.connection_pool_maxsize = 8
    errors: List[BaseException] = []
    with swagger_client.ApiClient(configuration) as client:
        api = swagger_client.AuthApi(client)

        def work() -> None:
            try:
                for _ in range(100):
                    assert api.get_current_auth(fields=["principal"]).principal == "alice"
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert not errors
    # One pooled connection per thread at most, reused for all 800 calls.
    assert emulator.connections_accepted <= 8


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
# The emulator's threads are alive during the fork on purpose: that is the situation to survive.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_client_created_before_fork_works_in_the_child_with_its_own_connections(emulator: CyclosEmulator) -> None:
    client = swagger_client.ApiClient(emulator.configuration("alice", "alice-password"))
    api = swagger_client.AuthApi(client)
    assert api.get_current_auth(async_req=True).get(timeout=10).principal == "alice"  # thread pool made here
    parent_pool = client.rest_client.pool_manager
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report and leave without running the parent's cleanup
        try:
            ok = api.get_current_auth().principal == "alice" and client.rest_client.pool_manager is not parent_pool
            ok = ok and api.get_current_auth(async_req=True).get(timeout=10).principal == "alice"
            os.write(write_end, b"ok" if ok else b"wrong")
        except BaseException as exc:
            os.write(write_end, repr(exc).encode()[:200])
        os._exit(0)
    os.close(write_end)
    result = os.read(read_end, 256)
    os.close(read_end)
    os.waitpid(pid, 0)
    assert result == b"ok"
    assert api.get_current_auth().principal == "alice"  # the parent's connection still works
    assert client.rest_client.pool_manager is parent_pool
    assert emulator.connections_accepted == 2
    client.close()


def run_python(code: str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout, cwd=os.getcwd()
    )


def test_interpreter_exit_does_not_hang_with_an_open_async_pool(emulator: CyclosEmulator) -> None:
    started = time.monotonic()
    result = run_python(
        """
        import swagger_client
        configuration = swagger_client.Configuration(host=%r, username="alice", password="alice-password")
        client = swagger_client.ApiClient(configuration)
        api = swagger_client.AuthApi(client)
        print(api.get_current_auth(async_req=True).get(timeout=10).principal)
        # no close(): the process must still exit promptly
        """
        % emulator.url
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "alice"
    assert time.monotonic() - started < 15


def test_close_does_not_wait_for_a_call_in_flight() -> None:
    from test.fault_server import FaultServer, hang

    with FaultServer(hang(60)) as server:
        configuration = swagger_client.Configuration(host=server.url, retries=0, timeout=(5, 30))
        client = swagger_client.ApiClient(configuration)
        pending = swagger_client.AuthApi(client).get_current_auth(async_req=True)
        deadline = time.monotonic() + 30
        while server.count == 0 and time.monotonic() < deadline:  # the call is on the wire
            time.sleep(0.01)
        assert server.count == 1
        started = time.monotonic()
        client.close()
        assert time.monotonic() - started < 10  # a call that waited would take its 30 s read timeout
        assert not pending.done()
