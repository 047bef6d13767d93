"""The emulator's hand-built answers are shaped as the spec says."""

from __future__ import annotations

from swagger_client.testing import documents as docs
from test.spec_validation import assert_valid


def test_auth_documents_validate() -> None:
    assert_valid(docs.guest_auth(), "Auth")
    assert_valid(docs.data_for_login(["email", "sms"], captcha=True), "DataForLogin")
    assert_valid(docs.login_password_input(), "PasswordInput")
    assert_valid(docs.secondary_password_input(True), "PasswordInput")


def test_error_documents_validate() -> None:
    assert_valid(docs.unauthorized("loggedOut"), "UnauthorizedError")
    assert_valid(docs.forbidden("inaccessibleChannel"), "ForbiddenError")
    assert_valid(docs.not_found("user", "bob"), "NotFoundError")
    assert_valid(docs.input_error("validation"), "InputError")
    assert_valid(docs.validation_error({"user": ["is required"]}), "InputError")
    assert_valid(docs.server_error("UnexpectedException"), "Error")
