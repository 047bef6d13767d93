"""The ``fields`` filter the emulator applies, as Cyclos does: include, exclude, nested."""

from __future__ import annotations

import pytest

from swagger_client.testing.fields_filter import FieldsConflict, apply_fields, parse_fields

DOCUMENT = {"a": 1, "b": {"b1": 1, "b2": 2}, "c": {"c1": 1, "c2": 2, "c3": 3}, "d": [{"x": 1, "y": 2}]}


def test_the_spec_example() -> None:
    node = parse_fields(["a", "b.b1", "c.-c1", "c.-c2"])
    assert apply_fields(DOCUMENT, node) == {"a": 1, "b": {"b1": 1}, "c": {"c3": 3}}


def test_no_fields_is_everything_and_arrays_are_filtered_item_by_item() -> None:
    assert apply_fields(DOCUMENT, parse_fields([])) == DOCUMENT
    assert apply_fields(DOCUMENT, parse_fields(["d.x"])) == {"d": [{"x": 1}]}
    assert apply_fields(DOCUMENT, parse_fields(["-b", "!c"])) == {"a": 1, "d": [{"x": 1, "y": 2}]}


def test_including_and_excluding_the_same_field_conflicts() -> None:
    with pytest.raises(FieldsConflict):
        parse_fields(["a", "-a"])
