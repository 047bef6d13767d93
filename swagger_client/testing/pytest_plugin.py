"""Opt-in pytest fixtures: ``pytest_plugins = ["swagger_client.testing.pytest_plugin"]``.

* ``cyclos_emulator``: a new emulator for each test (the simplest; starts a server each time).
* ``shared_cyclos_emulator``: one emulator for the whole session, :meth:`~CyclosEmulator.reset`
  before each test (fast: no server start per test; stubs, journal and state never leak
  from one test to the next).

Both have one user, ``alice`` / ``alice-password`` (e-mail ``alice@example.com``, name
``Alice``, mobile phone ``+59899123456``), a member with **no** secondary password: with
``secondary_password_required=True`` her login answers ``401 login`` with
``missingSecondaryPassword``, so a test of that flow adds a user with one
(``emu.add_user("bob", "bob-password", secondary_password="1234")``).

``@pytest.mark.cyclos_emulator(secondary_password_required=True, ...)`` passes settings
(the fields of :class:`~swagger_client.testing.settings.EmulatorSettings`) to either
fixture; the shared one applies them after the reset, and the next reset undoes them.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator

import pytest

from swagger_client.testing.emulator import CyclosEmulator

DEFAULT_USER = ("alice", "alice-password")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "cyclos_emulator(**settings): settings for the cyclos_emulator fixtures")


def _settings(request: Any) -> Dict[str, Any]:
    marker = request.node.get_closest_marker("cyclos_emulator")
    return dict(marker.kwargs) if marker else {}


def _add_default_user(emu: CyclosEmulator) -> None:
    emu.add_user(DEFAULT_USER[0], DEFAULT_USER[1], email="alice@example.com", name="Alice", mobile_phone="+59899123456")


@pytest.fixture
def cyclos_emulator(request: Any) -> Iterator[CyclosEmulator]:
    """A running emulator for one test, with the user alice (see the module docstring)."""
    with CyclosEmulator(**_settings(request)) as emu:
        _add_default_user(emu)
        yield emu


@pytest.fixture(scope="session")
def cyclos_emulator_server() -> Iterator[CyclosEmulator]:
    """The one emulator ``shared_cyclos_emulator`` resets; stopped when the session ends."""
    with CyclosEmulator() as emu:
        yield emu


@pytest.fixture
def shared_cyclos_emulator(request: Any, cyclos_emulator_server: CyclosEmulator) -> CyclosEmulator:
    """The session's emulator, reset for this test, with alice and the marker's settings."""
    emu = cyclos_emulator_server
    emu.reset()
    settings = _settings(request)
    if settings:
        emu.configure(**settings)
    _add_default_user(emu)
    return emu
