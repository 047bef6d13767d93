"""The emulated channel's settings, and every behaviour the notes mark as inferred or unknown.

The real Cyclos 4.11.5 behaviour is known only partly (``../notes`` in the project's
shared material rates each statement). Where it is a guess, the emulator's choice is
written here once, with the reason, and where a test may need the other answer it
is a setting.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from typing import Any, Optional, Tuple

# -- choices for behaviour the notes call inferred [I] or unknown [?] -------------------

#: Mixed credentials (say Basic and Session-Token together): precedence is unknown [?].
#: The emulator refuses them as invalid credentials: 401 {"code": "login"}.
MIXED_CREDENTIALS_CODE = "login"

#: Calls other than GET /auth, logout and the secondary-password pair while a session
#: waits for its secondary password: the 4.11 code is unknown [?]. Chosen: 403
#: permissionDenied (4.16 introduced a dedicated code for this case).
PENDING_SECONDARY_PASSWORD_CODE = "permissionDenied"

#: Logout with Basic or access-client credentials (no session to end) [?]: 403 illegalAction.
#: Secondary-password operations outside a pending session [?]: 403 illegalAction.
#: Access-client disconnect called with session or Basic credentials [?]: 403 illegalAction.
NO_SUCH_STATE_CODE = "illegalAction"

#: Calls other than GET /auth and logout by a user whose password expired or who has
#: agreements to accept [I]: 403 expiredPassword (with the login passwordType) or
#: 403 pendingAgreements. The login itself succeeds and carries the flag.

#: A Channel header naming no known channel [?]: 403 inaccessibleChannel, checked after
#: the credentials (the notes' order: authenticate, then channel access).
UNKNOWN_CHANNEL_CODE = "inaccessibleChannel"
#: What GET /auth returns as sessionToken for a session opened with cookie=true [I]:
#: "prefix", the first half the login returned (the second half lives in the HttpOnly
#: cookie, and returning the whole token would undo that split), or "full".
COOKIE_SESSION_TOKEN_SHOWN = "prefix"

#: Channel internal names matched without regard to case [I]: the servlet container passes
#: the header through, and Cyclos looks internal names up case-insensitively elsewhere.
#: An empty Channel header counts as none (the default channel).
CHANNEL_NAMES_IGNORE_CASE = True
#: The channel of a request without a Channel header [I: the notes' "probably Web services"].
DEFAULT_CHANNEL = "webservices"

#: Invalid, used or expired forgotten-password key [I]: 404 NotFoundError with this entity type.
FORGOTTEN_PASSWORD_KEY_ENTITY = "forgottenPasswordRequest"

#: After a cookie-mode login, the full token in a plain Session-Token header [?]: accepted.
ACCEPT_FULL_TOKEN_AFTER_COOKIE_LOGIN = True

#: Unknown path under /api: 404 NotFoundError {"entityType": "operation", "key": path}.
UNKNOWN_OPERATION_ENTITY = "operation"

#: Include and exclude of the same field at one level (4.16 rule applied to 4.11 [I]).
FIELDS_CONFLICT_CODE = "queryParse"

#: Sessions expire after this much inactivity unless the channel says otherwise.
DEFAULT_SESSION_TIMEOUT_SECONDS = 600.0


@dataclass
class EmulatorSettings:
    """Channel and server settings the flows depend on (all have sensible defaults)."""

    #: The channel requires a secondary access password (the user's ``secondary_password``).
    secondary_password_required: bool = False
    #: Disconnecting an access client needs the ``confirmationPassword`` header (the login password).
    confirmation_password_required: bool = False
    #: What a missing required confirmation password gets [?]:
    #: ``"invalidPassword"`` (403) or ``"missingParameter"`` (422).
    missing_confirmation_password: str = "invalidPassword"
    #: Wrong passwords (login, secondary or confirmation) before a temporary block.
    max_password_attempts: int = 3
    #: Temporary blocks in a row before a password is indefinitely blocked [I].
    temporary_blocks_before_indefinite: int = 3
    #: How long a temporary block (of a password or of an address) lasts, in seconds.
    block_seconds: float = 300.0
    #: Session idle timeout of the channel, in seconds.
    session_timeout: float = DEFAULT_SESSION_TIMEOUT_SECONDS
    #: Mediums offered for forgotten passwords; empty disables the feature.
    forgot_password_mediums: Tuple[str, ...] = ("email",)
    #: Whether the forgotten-password request needs a captcha...
    forgot_password_captcha: bool = False
    #: ...and the answer the emulated captcha accepts (any challenge id).
    captcha_answer: str = "x7k2p"
    #: Answer for an unknown user in the forgotten-password request [?]:
    #: ``"hide"`` (204, reveals nothing) or ``"notFound"`` (404).
    forgotten_password_unknown_user: str = "hide"
    #: The forgotten-password flow generates and e-mails a new password instead of asking for one.
    forgot_password_generated: bool = False
    #: How long a forgotten-password key works, in seconds [I: the notes do not say; a day].
    #: A newer request for the same user invalidates the older keys.
    forgotten_password_key_seconds: float = 86400.0
    #: Wrong security answers before a forgotten-password key is invalidated.
    max_security_answer_attempts: int = 3
    #: Minimum length of a new password chosen in the forgotten-password flow.
    min_password_length: int = 4
    #: Failed logins with unknown users from one address before ``remoteAddressBlocked``.
    max_unknown_user_attempts_per_address: int = 50
    #: When set, SMS sending fails with this ``OutboundSmsStatusEnum`` value (500 OtpError).
    sms_failure: Optional[str] = None
    #: Channels a ``Channel`` header may name; requests without one use ``webServices``.
    channels: Tuple[str, ...] = ("main", "webServices", "mobile")
    #: Path attribute of the Session-Token cookie set by cookie-mode login.
    cookie_path: str = "/"
    #: Accept a JSON-quoted secondary password (the real server takes the raw body [I]).
    lenient_secondary_password: bool = False

    def validate(self) -> None:
        """Refuse a setting of the wrong type or outside its values, naming it."""
        hints = typing.get_type_hints(EmulatorSettings)
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list) and hints[f.name] == Tuple[str, ...]:
                value = tuple(value)
                setattr(self, f.name, value)
            _check_type(f.name, value, hints[f.name])
        _one_of(
            "missing_confirmation_password", self.missing_confirmation_password, ("invalidPassword", "missingParameter")
        )
        _one_of("forgotten_password_unknown_user", self.forgotten_password_unknown_user, ("hide", "notFound"))
        for medium in self.forgot_password_mediums:
            _one_of("forgot_password_mediums", medium, ("email", "sms"))
        if self.sms_failure is not None:
            from swagger_client.models.outbound_sms_status_enum import OutboundSmsStatusEnum

            _one_of("sms_failure", self.sms_failure, OutboundSmsStatusEnum.allowed_values)
        for name in (
            "max_password_attempts",
            "max_security_answer_attempts",
            "max_unknown_user_attempts_per_address",
            "temporary_blocks_before_indefinite",
        ):
            if getattr(self, name) < 1:
                raise ValueError("%s must be at least 1, got %r" % (name, getattr(self, name)))
        for name in ("block_seconds", "session_timeout", "forgotten_password_key_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError("%s must be positive, got %r" % (name, getattr(self, name)))
        if not self.channels:
            raise ValueError("channels must name at least one channel")


def _check_type(name: str, value: Any, hint: Any) -> None:
    expected: Tuple[type, ...]
    if hint is bool:
        expected = (bool,)
    elif hint is int:
        expected = (int,)
    elif hint is float:
        expected = (int, float)
    elif hint is str:
        expected = (str,)
    elif hint == Optional[str]:
        if value is None:
            return
        expected = (str,)
    elif hint == Tuple[str, ...]:
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise TypeError("%s must be a tuple of str, not %r" % (name, value))
        return
    else:  # pragma: no cover - a new kind of setting needs a rule here
        raise TypeError("%s: no type rule for %r" % (name, hint))
    if not isinstance(value, expected) or (hint is not bool and isinstance(value, bool)):
        raise TypeError(
            "%s must be %s, not %s (%r)"
            % (name, " or ".join(t.__name__ for t in expected), type(value).__name__, value)
        )


def _one_of(name: str, value: Any, allowed: Any) -> None:
    if value not in allowed:
        raise ValueError("%s must be one of %s, not %r" % (name, ", ".join(repr(a) for a in allowed), value))
