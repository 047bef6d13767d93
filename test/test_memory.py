"""Memory, logging handlers, pools and connections stay flat over many calls (not a timing test)."""

from __future__ import annotations

import gc
import json
import logging
import sys

import pytest

import swagger_client
from swagger_client import model_codecs
from swagger_client.testing import CyclosEmulator
from test.builders import build


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


@pytest.mark.emulator(journal_size=0)  # the client's memory is measured, not the emulator's journal
def test_calls_over_a_socket_reuse_one_connection_and_leave_memory_flat(emulator: CyclosEmulator) -> None:
    api = swagger_client.AuthApi(swagger_client.ApiClient(emulator.configuration("alice", "alice-password")))

    def work(times: int) -> None:
        for _ in range(times):
            assert api.get_current_auth().user.display == "Alice"

    work(200)  # warm: the connection, decoders, lazily imported modules
    pool_manager = api.api_client.rest_client.pool_manager
    handlers, loggers, pools = handler_count(), len(logging.root.manager.loggerDict), len(pool_manager.pools)
    connections = emulator.connections_accepted
    gc.collect()
    blocks = sys.getallocatedblocks()
    work(2_000)
    gc.collect()
    assert sys.getallocatedblocks() - blocks < 2_000, "allocated blocks grew by %d" % (
        sys.getallocatedblocks() - blocks
    )
    assert handler_count() == handlers and len(logging.root.manager.loggerDict) == loggers
    assert len(pool_manager.pools) == pools == 1
    assert emulator.connections_accepted == connections == 1  # keep-alive: no connection per call
    api.api_client.close()
