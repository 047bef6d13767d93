"""The emulator's state: users, access clients and the checks on them."""

from __future__ import annotations

import pytest

from swagger_client.testing.settings import EmulatorSettings
from swagger_client.testing.state import EmulatorState


def test_users_are_found_by_username_email_and_quoted_principal() -> None:
    state = EmulatorState(EmulatorSettings())
    alice = state.add_user("alice", "pw", email="alice@example.com")
    numeric = state.add_user("0123", "pw")
    assert state.find_user("alice") is alice and state.find_user("alice@example.com") is alice
    assert state.find_user("'0123") is numeric and state.find_user("nobody") is None


def test_bad_users_and_access_clients_are_refused() -> None:
    state = EmulatorState(EmulatorSettings())
    state.add_user("alice", "pw")
    with pytest.raises(ValueError, match="exists already"):
        state.add_user("alice", "pw")
    with pytest.raises(ValueError, match="role must be one of"):
        state.add_user("bob", "pw", role="superhero")
    with pytest.raises(ValueError, match="go together"):
        state.add_user("carol", "pw", security_question="Pet?")
    token = state.add_access_client("alice")
    with pytest.raises(ValueError, match="exists already"):
        state.add_access_client("alice", token)
    with pytest.raises(ValueError, match="no user named"):
        state.add_access_client("nobody")
