"""The emulator's example answers: deterministic, complete, finite, and independent copies."""

from __future__ import annotations

from swagger_client.testing.examples import EXAMPLE_DATETIME, PNG_1X1, binary_example, example, text_example
from test.spec_validation import assert_valid


def test_every_property_is_filled_and_the_document_validates() -> None:
    user = example("UserView")
    assert user["id"] == "id-example" and user["display"] == "display-example"
    assert_valid(user, "UserView")
    assert example("Transaction")["date"] == EXAMPLE_DATETIME


def test_self_references_end_and_copies_are_independent() -> None:
    first = example("User")
    assert "image" in first and "user" not in first  # a User inside a User is left out: the tree ends
    first["display"] = "changed"
    assert example("User")["display"] == "display-example"


def test_lists_enums_text_and_binary() -> None:
    assert example("list[EntityReference]") == [
        {"id": "id-example", "name": "name-example", "internalName": "internalName-example"}
    ]
    assert example("RoleEnum") == "administrator"
    assert text_example("str") == "text-example"
    assert text_example("CodeVerificationStatusEnum") in example("CodeVerificationStatusEnum")
    body, content_type = binary_example()
    assert body == PNG_1X1 and body.startswith(b"\x89PNG\r\n\x1a\n") and content_type == "image/png"
