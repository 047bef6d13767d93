"""The emulated server's state and the eleven ``/auth`` operations, without any HTTP.

Every operation takes a parsed :class:`Request` and returns a :class:`Reply` or raises
:class:`Refusal` (an error status with a spec-shaped body). One lock guards the state,
so concurrent requests see a consistent server.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from swagger_client.testing import documents as docs
from swagger_client.testing import settings as choices
from swagger_client.testing.fields_filter import FieldsConflict, apply_fields, parse_fields
from swagger_client.testing.settings import EmulatorSettings

ROLES = ("administrator", "broker", "member", "operator")


@dataclass
class Message:
    """Something the emulated server "sent": an OTP, a forgotten-password key, a new password."""

    kind: str  # "otp", "forgottenPasswordKey" or "generatedPassword"
    medium: str  # "email" or "sms"
    recipients: List[str]
    username: str
    value: str  # the OTP, key or password

    @property
    def recipient(self) -> str:
        """The first (usually only) recipient."""
        return self.recipients[0] if self.recipients else ""

    def __repr__(self) -> str:
        # The value is a secret (OTP, key, password): keep it out of test output.
        return "Message(kind=%r, medium=%r, recipients=%r, username=%r, value=***)" % (
            self.kind,
            self.medium,
            self.recipients,
            self.username,
        )


@dataclass
class PasswordState:
    value: Optional[str]
    failures: int = 0
    blocked_until: float = 0.0

    def blocked(self, now: float) -> bool:
        return self.blocked_until > now


@dataclass
class EmulatedUser:
    id: str
    username: str
    name: str
    role: str
    email: Optional[str]
    mobile_phone: Optional[str]
    status: str
    password: PasswordState
    secondary: PasswordState
    security_question: Optional[str]
    security_answer: Optional[str]


@dataclass
class EmulatedSession:
    token: str
    user: EmulatedUser
    timeout: float
    last_use: float
    pending_secondary: bool
    cookie_mode: bool


@dataclass
class AccessClient:
    token: str
    user: EmulatedUser
    id: str
    status: str = "active"  # active, disconnected, blocked


@dataclass
class ForgottenPasswordKey:
    key: str
    user: EmulatedUser
    wrong_answers: int = 0


@dataclass
class Request:
    method: str
    path: str  # below /api, e.g. "/auth/session"
    query: Dict[str, List[str]]
    headers: Mapping[str, str]  # case-insensitive
    cookies: Dict[str, str]
    body: bytes
    client_address: str


@dataclass
class Reply:
    status: int
    body: Any = None  # JSON value, or None for an empty body
    headers: List[Tuple[str, str]] = field(default_factory=list)


class Refusal(Exception):
    """An error answer: HTTP status plus a body shaped as the spec's error model."""

    def __init__(self, status: int, body: Dict[str, Any]) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body


@dataclass
class Caller:
    """Who is calling, once the credentials are checked."""

    kind: str  # "guest", "basic", "session", "accessClient"
    user: Optional[EmulatedUser] = None
    session: Optional[EmulatedSession] = None
    access_client: Optional[AccessClient] = None


class EmulatorState:
    """Users, sessions, access clients, keys and the outbox, behind one lock."""

    def __init__(self, settings: EmulatorSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock
        self._offset = 0.0
        self.lock = threading.RLock()
        self.users: Dict[str, EmulatedUser] = {}
        self.sessions: Dict[str, EmulatedSession] = {}
        self.access_clients: Dict[str, AccessClient] = {}
        self.keys: Dict[str, ForgottenPasswordKey] = {}
        self.outbox: List[Message] = []
        self.unknown_user_failures: Dict[str, int] = {}
        self._next_id = 1000

    # -- time ----------------------------------------------------------------------------

    def now(self) -> float:
        return self._clock() + self._offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    # -- set-up ----------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        *,
        email: Optional[str] = None,
        role: str = "member",
        name: Optional[str] = None,
        mobile_phone: Optional[str] = None,
        secondary_password: Optional[str] = None,
        security_question: Optional[str] = None,
        security_answer: Optional[str] = None,
        status: str = "active",
    ) -> EmulatedUser:
        if role not in ROLES:
            raise ValueError("role must be one of %s, not %r" % (", ".join(ROLES), role))
        if (security_question is None) != (security_answer is None):
            raise ValueError("security_question and security_answer go together")
        with self.lock:
            if username in self.users:
                raise ValueError("a user named %r exists already" % username)
            self._next_id += 1
            user = EmulatedUser(
                id=str(self._next_id),
                username=username,
                name=name or username,
                role=role,
                email=email,
                mobile_phone=mobile_phone,
                status=status,
                password=PasswordState(password),
                secondary=PasswordState(secondary_password),
                security_question=security_question,
                security_answer=security_answer,
            )
            self.users[username] = user
            return user

    def add_access_client(self, username: str, token: Optional[str] = None) -> str:
        with self.lock:
            user = self.users.get(username)
            if user is None:
                raise ValueError("no user named %r" % username)
            token = token or secrets.token_hex(16)
            if token in self.access_clients:
                raise ValueError("that access client token exists already")
            self._next_id += 1
            self.access_clients[token] = AccessClient(token, user, id=str(self._next_id))
            return token

    def find_user(self, principal: str) -> Optional[EmulatedUser]:
        # Numeric principals arrive escaped with one leading quote, as the official UI sends them.
        if principal.startswith("'"):
            principal = principal[1:]
        user = self.users.get(principal)
        if user is None:
            user = next((u for u in self.users.values() if u.email and u.email == principal), None)
        return user

    # -- authentication ----------------------------------------------------------------------

    def authenticate(self, request: Request) -> Caller:
        headers = request.headers
        authorization = headers.get("Authorization")
        session_token = headers.get("Session-Token")
        prefix = headers.get("Session-Prefix")
        access_token = headers.get("Access-Client-Token")
        cookie_half = request.cookies.get("Session-Token")
        kinds = [
            k
            for k, v in (("basic", authorization), ("session", session_token or prefix), ("accessClient", access_token))
            if v
        ]
        if len(kinds) > 1:
            raise Refusal(401, docs.unauthorized(choices.MIXED_CREDENTIALS_CODE))
        self._check_channel(request)
        if not kinds:
            return Caller("guest")
        if authorization:
            return Caller("basic", user=self._check_basic(authorization, request.client_address))
        if access_token:
            client = self.access_clients.get(access_token)
            if client is None or client.status == "disconnected":
                raise Refusal(401, docs.unauthorized("invalidAccessClient"))
            if client.status == "blocked":
                raise Refusal(401, docs.unauthorized("blockedAccessClient"))
            return Caller("accessClient", user=client.user, access_client=client)
        if prefix:
            token = prefix + (cookie_half or "")
            session = self.sessions.get(token)
            if session is not None and not session.cookie_mode:
                session = None
        else:
            session = self.sessions.get(session_token or "")
            if session is not None and session.cookie_mode and not choices.ACCEPT_FULL_TOKEN_AFTER_COOKIE_LOGIN:
                session = None
        now = self.now()
        if session is None or now - session.last_use > session.timeout:
            if session is not None:
                del self.sessions[session.token]
            raise Refusal(401, docs.unauthorized("loggedOut"))
        session.last_use = now
        return Caller("session", user=session.user, session=session)

    def _check_channel(self, request: Request) -> None:
        channel = request.headers.get("Channel")
        if channel is not None and channel not in self.settings.channels:
            raise Refusal(403, docs.forbidden(choices.UNKNOWN_CHANNEL_CODE))

    def _check_basic(self, authorization: str, address: str) -> EmulatedUser:
        scheme, _, encoded = authorization.partition(" ")
        try:
            if scheme.lower() != "basic":
                raise ValueError(scheme)
            principal, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
            if not sep:
                raise ValueError("no colon")
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise Refusal(401, docs.unauthorized("login")) from None
        if self.unknown_user_failures.get(address, 0) >= self.settings.max_unknown_user_attempts_per_address:
            raise Refusal(401, docs.unauthorized("remoteAddressBlocked"))
        user = self.find_user(principal)
        if user is None:
            self.unknown_user_failures[address] = self.unknown_user_failures.get(address, 0) + 1
            raise Refusal(401, docs.unauthorized("login"))
        if user.status != "active":
            raise Refusal(401, docs.unauthorized("login", userStatus=user.status))
        self._check_password(
            user.password, password, lambda status: Refusal(401, docs.unauthorized("login", passwordStatus=status))
        )
        return user

    def _check_password(
        self, state: PasswordState, given: str, refusal: Callable[[str], Refusal], wrong: Optional[Refusal] = None
    ) -> None:
        """Check ``given``, counting failures; raise ``refusal(status)`` when blocked."""
        now = self.now()
        if state.blocked(now):
            raise refusal("temporarilyBlocked")
        if state.value is not None and secrets.compare_digest(state.value.encode(), given.encode()):
            state.failures = 0
            return
        state.failures += 1
        if state.failures >= self.settings.max_password_attempts:
            state.failures = 0
            state.blocked_until = now + self.settings.block_seconds
            raise refusal("temporarilyBlocked")
        raise wrong if wrong is not None else Refusal(401, docs.unauthorized("login"))

    def require_user(self, caller: Caller) -> EmulatedUser:
        if caller.user is None:
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        return caller.user

    def check_restricted(self, caller: Caller, allowed_while_pending: bool) -> None:
        if caller.session is not None and caller.session.pending_secondary and not allowed_while_pending:
            raise Refusal(403, docs.forbidden(choices.PENDING_SECONDARY_PASSWORD_CODE))

    # -- documents -----------------------------------------------------------------------------

    def auth_document(self, caller: Caller, session_token: Optional[str] = None) -> Dict[str, Any]:
        if caller.user is None:
            return docs.guest_auth()
        access_client = None
        if caller.access_client is not None:
            access_client = {"id": caller.access_client.id, "name": "Access client", "internalName": "accessClient"}
        session = caller.session
        return docs.user_auth(
            caller.user,
            session_token=session_token if session_token is not None else (session.token if session else None),
            access_client=access_client,
            pending_secondary_password=bool(session and session.pending_secondary),
            secondary_password_required=self.settings.secondary_password_required,
        )

    # -- operations ------------------------------------------------------------------------------

    def get_current_auth(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        return Reply(200, filtered(self.auth_document(caller), request))

    def get_data_for_login(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        if caller.user is not None:
            return Reply(204)
        s = self.settings
        return Reply(
            200, filtered(docs.data_for_login(list(s.forgot_password_mediums), s.forgot_password_captcha), request)
        )

    def login(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        if caller.kind == "guest":
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        if caller.kind == "session":
            raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
        user = self.require_user(caller)
        timeout = self.settings.session_timeout
        requested = int_param(request, "timeoutInSeconds")
        if requested is not None and 0 < requested < timeout:
            timeout = float(requested)
        pending = self.settings.secondary_password_required
        if pending and user.secondary.value is None:
            raise Refusal(401, docs.unauthorized("login", missingSecondaryPassword=docs.PIN_PASSWORD_TYPE))
        cookie_mode = bool_param(request, "cookie") is True
        token = secrets.token_hex(32)  # 64 characters: splits exactly in two halves
        session = EmulatedSession(token, user, timeout, self.now(), pending, cookie_mode)
        self.sessions[token] = session
        headers: List[Tuple[str, str]] = []
        returned = token
        if cookie_mode:
            half = len(token) // 2
            returned = token[:half]
            headers.append(
                ("Set-Cookie", "Session-Token=%s; Path=%s; HttpOnly" % (token[half:], self.settings.cookie_path))
            )
        logged_in = Caller("session", user=user, session=session, access_client=caller.access_client)
        return Reply(200, filtered(self.auth_document(logged_in, session_token=returned), request), headers)

    def logout(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        if caller.kind == "guest":
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        if caller.session is None:
            raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
        self.sessions.pop(caller.session.token, None)
        headers = []
        if bool_param(request, "cookie") is True:
            headers.append(("Set-Cookie", "Session-Token=; Path=%s; Max-Age=0; HttpOnly" % self.settings.cookie_path))
        return Reply(200, None, headers)

    def get_secondary_password_input(self, request: Request) -> Reply:
        session = self._pending_session(request)
        return Reply(200, filtered(docs.secondary_password_input(session.user.secondary.value is not None), request))

    def validate_secondary_password(self, request: Request) -> Reply:
        session = self._pending_session(request)
        given = request.body.decode("utf-8", "replace")
        if self.settings.lenient_secondary_password and len(given) >= 2 and given[0] == given[-1] == '"':
            given = json.loads(given)
        self._check_password(
            session.user.secondary,
            given,
            lambda status: Refusal(403, docs.forbidden(status, docs.PIN_REFERENCE)),
            wrong=Refusal(403, docs.forbidden("invalidPassword", docs.PIN_REFERENCE)),
        )
        session.pending_secondary = False
        return Reply(204)

    def _pending_session(self, request: Request) -> EmulatedSession:
        caller = self.authenticate(request)
        if caller.kind == "guest":
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        session = caller.session
        if session is None or not session.pending_secondary or not self.settings.secondary_password_required:
            raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
        return session

    def disconnect_current_client(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        if caller.kind == "guest":
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        client = caller.access_client
        if client is None:
            raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
        if self.settings.confirmation_password_required:
            given = request.headers.get("confirmationPassword")
            password_type = docs.LOGIN_REFERENCE
            if given is None:
                if self.settings.missing_confirmation_password == "missingParameter":
                    raise Refusal(422, docs.input_error("missingParameter", name="confirmationPassword"))
                raise Refusal(403, docs.forbidden("invalidPassword", password_type))
            self._check_password(
                client.user.password,
                given,
                lambda status: Refusal(403, docs.forbidden(status, password_type)),
                wrong=Refusal(403, docs.forbidden("invalidPassword", password_type)),
            )
        client.status = "disconnected"
        return Reply(200)

    def new_otp(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        user = self.require_user(caller)
        self.check_restricted(caller, allowed_while_pending=False)
        values = request.query.get("medium") or []
        if not values or not values[0]:
            raise Refusal(422, docs.input_error("missingParameter", name="medium"))
        medium = values[0]
        if medium not in ("email", "sms"):
            raise Refusal(422, docs.input_error("dataConversion", name="medium", value=medium))
        if medium == "email":
            if not user.email:
                raise Refusal(422, docs.input_error("validation", generalErrors=["The user has no e-mail address"]))
            recipients = [user.email]
        else:
            if not user.mobile_phone:
                raise Refusal(
                    422, docs.input_error("validation", generalErrors=["The user has no mobile phone enabled for SMS"])
                )
            if self.settings.sms_failure:
                raise Refusal(
                    500,
                    docs.server_error(
                        "OtpException", kind="otp", code="errorSendingSms", smsStatus=self.settings.sms_failure
                    ),
                )
            recipients = [user.mobile_phone]
        code = "%06d" % secrets.randbelow(10**6)
        self.outbox.append(Message("otp", medium, recipients, user.username, code))
        return Reply(200, recipients)

    def forgotten_password_request(self, request: Request) -> Reply:
        caller = self.authenticate(request)
        del caller  # any credential may call it; the official UI calls it as a guest
        s = self.settings
        if not s.forgot_password_mediums:
            raise Refusal(403, docs.forbidden("illegalAction"))
        body = json_body(request)
        principal = body.get("user")
        if not isinstance(principal, str) or not principal:
            raise Refusal(422, docs.validation_error({"user": ["User is required"]}))
        if s.forgot_password_captcha:
            captcha = body.get("captcha")
            answer = captcha.get("response") if isinstance(captcha, dict) else None
            if answer != s.captcha_answer:
                raise Refusal(422, docs.validation_error({"captcha": ["The captcha response is invalid"]}))
        user = self.find_user(principal)
        if user is None:
            if s.forgotten_password_unknown_user == "notFound":
                raise Refusal(404, docs.not_found("user", principal))
            return Reply(204)
        if user.email:
            key = secrets.token_urlsafe(24)
            self.keys[key] = ForgottenPasswordKey(key, user)
            self.outbox.append(Message("forgottenPasswordKey", "email", [user.email], user.username, key))
        return Reply(204)

    def get_data_for_change_forgotten_password(self, request: Request) -> Reply:
        self.authenticate(request)
        values = request.query.get("key") or []
        if not values or not values[0]:
            raise Refusal(422, docs.input_error("missingParameter", name="key"))
        entry = self._key(values[0])
        doc: Dict[str, Any] = {"generated": self.settings.forgot_password_generated}
        if entry.user.security_question:
            doc["securityQuestion"] = entry.user.security_question
        return Reply(200, filtered(doc, request))

    def change_forgotten_password(self, request: Request) -> Reply:
        self.authenticate(request)
        body = json_body(request)
        key = body.get("key")
        if not isinstance(key, str) or not key:
            raise Refusal(422, docs.validation_error({"key": ["Key is required"]}))
        entry = self._key(key)
        user = entry.user
        if user.security_question:
            answer = body.get("securityAnswer")
            if not isinstance(answer, str) or answer.strip().lower() != (user.security_answer or "").strip().lower():
                entry.wrong_answers += 1
                invalidated = entry.wrong_answers >= self.settings.max_security_answer_attempts
                if invalidated:
                    del self.keys[key]
                raise Refusal(
                    500,
                    docs.server_error(
                        "ForgottenPasswordException",
                        kind="forgottenPassword",
                        code="invalidSecurityAnswer",
                        keyInvalidated=invalidated,
                    ),
                )
        if self.settings.forgot_password_generated:
            new_password = secrets.token_urlsafe(9)
            self.outbox.append(Message("generatedPassword", "email", [user.email or ""], user.username, new_password))
        else:
            chosen = body.get("newPassword")
            errors: Dict[str, List[str]] = {}
            if not isinstance(chosen, str) or not chosen:
                errors["newPassword"] = ["New password is required"]
            elif len(chosen) < self.settings.min_password_length:
                errors["newPassword"] = ["New password is too short"]
            elif body.get("checkConfirmation") is True and body.get("newPasswordConfirmation") != chosen:
                errors["newPasswordConfirmation"] = ["The password confirmation does not match"]
            if errors or not isinstance(chosen, str):
                raise Refusal(422, docs.validation_error(errors))
            new_password = chosen
        user.password = PasswordState(new_password)
        del self.keys[key]
        return Reply(204)

    def _key(self, key: str) -> ForgottenPasswordKey:
        entry = self.keys.get(key)
        if entry is None:
            raise Refusal(404, docs.not_found(choices.FORGOTTEN_PASSWORD_KEY_ENTITY, key))
        return entry


# -- request helpers -------------------------------------------------------------------------


def filtered(document: Any, request: Request) -> Any:
    try:
        node = parse_fields(request.query.get("fields", []))
    except FieldsConflict as exc:
        raise Refusal(422, docs.input_error(choices.FIELDS_CONFLICT_CODE, generalErrors=[str(exc)])) from None
    return apply_fields(document, node)


def json_body(request: Request) -> Dict[str, Any]:
    if not request.body:
        raise Refusal(422, docs.input_error("missingParameter", name="body"))
    try:
        body = json.loads(request.body)
    except ValueError:
        raise Refusal(422, docs.input_error("dataConversion", name="body")) from None
    if not isinstance(body, dict):
        raise Refusal(422, docs.input_error("dataConversion", name="body"))
    return body


def bool_param(request: Request, name: str) -> Optional[bool]:
    values = request.query.get(name)
    if not values:
        return None
    value = values[0].lower()
    if value not in ("true", "false"):
        raise Refusal(422, docs.input_error("dataConversion", name=name, value=values[0]))
    return value == "true"


def int_param(request: Request, name: str) -> Optional[int]:
    values = request.query.get(name)
    if not values:
        return None
    try:
        return int(values[0])
    except ValueError:
        raise Refusal(422, docs.input_error("dataConversion", name=name, value=values[0])) from None
