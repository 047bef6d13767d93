"""Emulator settings, roles and statuses are checked against their types and the spec's enums."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from swagger_client.testing import CyclosEmulator


@pytest.mark.parametrize(
    "options, message",
    [
        ({"sms_failure": True}, "sms_failure must be str, not bool"),
        ({"sms_failure": "broken"}, "sms_failure must be one of"),
        ({"max_password_attempts": "3"}, "max_password_attempts must be int"),
        ({"secondary_password_required": 1}, "secondary_password_required must be bool"),
        ({"block_seconds": 0}, "block_seconds must be positive"),
        ({"forgot_password_mediums": ("fax",)}, "forgot_password_mediums must be one of"),
        ({"channels": "main"}, "channels must be a tuple of str"),
        ({"missing_confirmation_password": "oops"}, "missing_confirmation_password must be one of"),
    ],
)
def test_bad_settings_are_refused_naming_the_setting(options: Dict[str, Any], message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        CyclosEmulator(**options)


def test_good_settings_are_accepted() -> None:
    emu = CyclosEmulator(sms_failure="gatewayUreachable", forgot_password_mediums=["sms"], block_seconds=1)
    assert emu.settings.forgot_password_mediums == ("sms",)


def test_roles_and_statuses_follow_the_spec() -> None:
    with CyclosEmulator() as emu:
        with pytest.raises(ValueError, match="role must be one of administrator, broker, member, operator"):
            emu.add_user("x", "x-password", role="superuser")
        with pytest.raises(ValueError, match="status must be one of active, blocked"):
            emu.add_user("y", "y-password", status="frozen")
        emu.add_user("z", "z-password")
        with pytest.raises(ValueError, match="status must be one of"):
            emu.set_user_status("z", "frozen")
        with pytest.raises(LookupError, match="no user named 'nobody'"):
            emu.set_user_status("nobody", "blocked")
        emu.set_user_status("z", "blocked")


def test_configure_checks_like_the_constructor() -> None:
    with CyclosEmulator() as emu:
        with pytest.raises(TypeError, match="unexpected setting 'nope'"):
            emu.configure(nope=1)
        with pytest.raises(TypeError, match="sms_failure must be str"):
            emu.configure(sms_failure=True)
        assert emu.settings.sms_failure is None
        emu.configure(max_password_attempts=5)
        assert emu.settings.max_password_attempts == 5


def test_the_readme_documents_every_setting_with_its_default() -> None:
    import re
    from dataclasses import fields
    from pathlib import Path

    from swagger_client.testing import EmulatorSettings

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^  \| `(\w+)` \| `([^`]*)` \|", readme, re.M))
    defaults = EmulatorSettings()
    assert set(rows) == {f.name for f in fields(EmulatorSettings)}
    for name, shown in rows.items():
        assert shown == repr(getattr(defaults, name)).replace("'", '"'), name
