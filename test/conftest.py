"""Shared fixtures: a running emulator, clients aimed at it, and spec validation."""

from __future__ import annotations

import logging
import socket
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import swagger_client  # noqa: E402
from swagger_client.testing import CyclosEmulator  # noqa: E402
from test.spec_validation import assert_valid  # noqa: E402

pytest_plugins = ["swagger_client.testing.pytest_plugin", "pytester"]

ALICE = ("alice", "alice-password")


@pytest.fixture(autouse=True)
def _restore_client_logging() -> Iterator[None]:
    """Tests that set the package logger's level or add handlers (caplog, logger_file) leave it as found."""
    logger = logging.getLogger("swagger_client")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def emulator(request: Any) -> Iterator[CyclosEmulator]:
    """An emulator with alice (member, e-mail and phone), bob and an admin."""
    marker = request.node.get_closest_marker("emulator")
    options = dict(marker.kwargs) if marker else {}
    with CyclosEmulator(**options) as emu:
        emu.add_user(
            "alice",
            "alice-password",
            email="alice@example.com",
            name="Alice",
            mobile_phone="+59899123456",
            secondary_password="1234",
        )
        emu.add_user("bob", "bob-password", email="bob@example.com", name="Bob")
        emu.add_user("admin", "admin-password", email="admin@example.com", role="administrator")
        yield emu


@pytest.fixture
def api_for(emulator: CyclosEmulator) -> Iterator[Callable[..., swagger_client.AuthApi]]:
    """``api_for(username, password, **configuration)`` -> an AuthApi on the emulator."""
    clients = []

    def make(username: Any = None, password: Any = None, **attributes: Any) -> swagger_client.AuthApi:
        client = swagger_client.ApiClient(emulator.configuration(username, password, **attributes))
        clients.append(client)
        return swagger_client.AuthApi(client)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A port that refuses connections: bound but not listening, and held for the whole test
    (a port that was merely freed could be taken by anyone in the meantime)."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    try:
        yield "http://127.0.0.1:%d/api" % holder.getsockname()[1]
    finally:
        holder.close()


@pytest.fixture
def blackhole() -> Iterator[str]:
    """A port whose accept queue is full: connecting hangs until the connect timeout."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    filler = socket.create_connection(listener.getsockname(), timeout=1)
    try:
        yield "http://127.0.0.1:%d/api" % listener.getsockname()[1]
    finally:
        filler.close()
        listener.close()


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "emulator(**settings): settings for the emulator fixture")


__all__ = ["assert_valid", "ALICE"]
