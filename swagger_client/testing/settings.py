"""The emulated channel's settings, and every behaviour the notes mark as inferred or unknown.

The real Cyclos 4.11.5 behaviour is known only partly (``../notes`` in the project's
shared material rates each statement). Where it is a guess, the emulator's choice is
written here once, with the reason, and where a test may need the other answer it
is a setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

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
    #: How long a temporary block lasts, in seconds.
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
        if self.missing_confirmation_password not in ("invalidPassword", "missingParameter"):
            raise ValueError("missing_confirmation_password must be 'invalidPassword' or 'missingParameter'")
        if self.forgotten_password_unknown_user not in ("hide", "notFound"):
            raise ValueError("forgotten_password_unknown_user must be 'hide' or 'notFound'")
        if self.max_password_attempts < 1:
            raise ValueError("max_password_attempts must be at least 1")
        if self.session_timeout <= 0:
            raise ValueError("session_timeout must be positive")
        for medium in self.forgot_password_mediums:
            if medium not in ("email", "sms"):
                raise ValueError("forgot_password_mediums: unknown medium %r" % medium)
