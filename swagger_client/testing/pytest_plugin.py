"""Opt-in pytest fixture: ``pytest_plugins = ["swagger_client.testing.pytest_plugin"]``.

``cyclos_emulator`` yields a running :class:`CyclosEmulator` per test, with a user
``alice`` / ``alice-password`` (e-mail ``alice@example.com``) already added. Mark a
test with ``@pytest.mark.cyclos_emulator(secondary_password_required=True, ...)`` to
pass settings.
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from swagger_client.testing.emulator import CyclosEmulator

DEFAULT_USER = ("alice", "alice-password")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "cyclos_emulator(**settings): settings for the cyclos_emulator fixture")


@pytest.fixture
def cyclos_emulator(request: Any) -> Iterator[CyclosEmulator]:
    """A running emulator for one test, stopped afterwards."""
    marker = request.node.get_closest_marker("cyclos_emulator")
    options = dict(marker.kwargs) if marker else {}
    with CyclosEmulator(**options) as emu:
        emu.add_user(
            DEFAULT_USER[0], DEFAULT_USER[1], email="alice@example.com", name="Alice", mobile_phone="+59899123456"
        )
        yield emu
