"""The emulator's catalog: every operation once, by a unique name, and every schema."""

from __future__ import annotations

from codegen.render_catalog import emulator_name, render_catalog
from test.builders import spec


def test_names_are_unique_and_the_two_duplicates_keep_the_spec_id() -> None:
    names = [emulator_name(o) for o in spec().operations]
    assert len(names) == len(set(names)) == 278
    assert "validate_email_change" in names and "validate_email_change_validation" in names


def test_the_catalog_is_plain_data() -> None:
    namespace: dict = {}
    exec(compile(render_catalog(spec()), "catalog", "exec"), namespace)
    assert namespace["OPERATIONS"]["perform_payment"][:2] == ("POST", "/{owner}/payments")
    assert ("id", "str") in namespace["OBJECTS"]["EntityReference"]
    assert namespace["ENUMS"]["RoleEnum"][0] == "administrator"
