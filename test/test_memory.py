"""Memory, logging handlers, pools and connections stay flat over many calls (not a timing test)."""

from __future__ import annotations

import gc
import json
import logging
import sys

import swagger_client
from swagger_client import model_codecs
from test.builders import build
from test.emulator_process import Served


class _Response(object):
    status = 200

    def __init__(self, data: bytes) -> None:
        self.data = data

    def getheader(self, name: str, default: object = None) -> object:
        return "application/json" if name.lower() == "content-type" else default

    def getheaders(self) -> dict:
        return {"Content-Type": "application/json"}


def handler_count() -> int:
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    return sum(len(logger.handlers) for logger in loggers)


def test_ten_thousand_deserializations_leave_memory_and_handlers_flat() -> None:
    client = swagger_client.ApiClient()
    response = _Response(json.dumps(build("Auth")).encode())

    def work(times: int) -> None:
        for _ in range(times):
            auth = client.deserialize(response, "Auth")
            assert auth.permissions.banking.accounts[2].account.currency.symbol

    work(500)  # warm caches (decoders per type, lazily imported modules)
    handlers, kinds, loggers = handler_count(), len(model_codecs._KINDS), len(logging.root.manager.loggerDict)
    gc.collect()
    blocks, objects = sys.getallocatedblocks(), len(gc.get_objects())
    work(10_000)
    gc.collect()
    # A leak of even one object per call would show as 10,000 more; allow small noise.
    assert sys.getallocatedblocks() - blocks < 2_000, "allocated blocks grew by %d" % (
        sys.getallocatedblocks() - blocks
    )
    assert len(gc.get_objects()) - objects < 500
    assert handler_count() == handlers
    assert len(logging.root.manager.loggerDict) == loggers
    assert len(model_codecs._KINDS) == kinds
    client.close()


def test_calls_over_a_socket_reuse_one_connection_and_leave_memory_flat() -> None:
    # The emulator runs in its own process: its threads' allocations must not be counted here.
    served = Served()  # the demo users, alice among them
    try:
        api = swagger_client.AuthApi(
            swagger_client.ApiClient(
                swagger_client.Configuration(host=served.url, username="alice", password="alice-password")
            )
        )

        def work(times: int) -> None:
            for _ in range(times):
                assert api.get_current_auth().user.id

        work(200)  # warm: the connection, decoders, lazily imported modules
        pool_manager = api.api_client.rest_client.pool_manager
        handlers, loggers, pools = handler_count(), len(logging.root.manager.loggerDict), len(pool_manager.pools)
        pool = pool_manager.connection_from_url(served.url)
        gc.collect()
        blocks = sys.getallocatedblocks()
        work(2_000)
        gc.collect()
        assert sys.getallocatedblocks() - blocks < 2_000, "allocated blocks grew by %d" % (
            sys.getallocatedblocks() - blocks
        )
        assert handler_count() == handlers and len(logging.root.manager.loggerDict) == loggers
        assert len(pool_manager.pools) == pools == 1
        assert pool.num_connections == 1  # keep-alive: one connection for all 2,200 calls
        api.api_client.close()
    finally:
        served.stop()
