"""The emulated server's state: users, sessions, access clients, keys, the outbox.

It also authenticates requests (Basic, session, cookie session, access client) and
counts password failures. The operations themselves are in :mod:`.operations`;
requests and replies are plain data, without any HTTP. One lock guards the state,
so concurrent requests see a consistent server.
"""

from __future__ import annotations

import base64
import binascii
import random
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from swagger_client.models.role_enum import RoleEnum
from swagger_client.models.user_status_enum import UserStatusEnum
from swagger_client.testing import documents as docs
from swagger_client.testing import settings as choices
from swagger_client.testing.settings import EmulatorSettings

#: The spec's RoleEnum and UserStatusEnum values (the emulator answers with nothing else).
ROLES: Tuple[str, ...] = RoleEnum.allowed_values
USER_STATUSES: Tuple[str, ...] = UserStatusEnum.allowed_values


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
    #: A PasswordStatusEnum value set by the test (temporary blocks come from failures).
    status: str = "active"
    #: Temporary blocks in a row; at settings.temporary_blocks_before_indefinite it escalates.
    blocks: int = 0

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
    password_expired: bool = False
    pending_agreements: bool = False
    #: Channels the user may use (None: all), principal types it may log in with (None:
    #: all), and whether its channel only takes stateless calls (no login).
    channels: Optional[Tuple[str, ...]] = None
    principal_types: Optional[Tuple[str, ...]] = None
    stateless_only: bool = False


@dataclass
class EmulatedSession:
    token: str
    user: EmulatedUser
    timeout: float
    last_use: float
    pending_secondary: bool
    cookie_mode: bool
    #: The principal the login used, and its type ("username" or "email").
    principal: str = ""
    principal_type: str = "username"


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
    created: float = 0.0


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
    #: For Basic: the principal sent and its type; a session keeps its login's.
    principal: str = ""
    principal_type: str = "username"


#: Password statuses with which the password cannot be used at all.
UNUSABLE_PASSWORD_STATUSES = frozenset({"disabled", "indefinitelyBlocked", "neverCreated", "pending"})


def check_user_status(status: Any) -> None:
    if status not in USER_STATUSES:
        raise ValueError("status must be one of %s, not %r" % (", ".join(USER_STATUSES), status))


class EmulatorState:
    """Users, sessions, access clients, keys and the outbox, behind one lock."""

    def __init__(
        self, settings: EmulatorSettings, clock: Callable[[], float] = time.monotonic, seed: Optional[int] = None
    ) -> None:
        self.settings = settings
        #: Tokens, OTPs and keys: deterministic with a seed, from the OS otherwise.
        self.random: random.Random = random.Random(seed) if seed is not None else random.SystemRandom()
        self._clock = clock
        self._offset = 0.0
        self.lock = threading.RLock()
        self.users: Dict[str, EmulatedUser] = {}
        self.sessions: Dict[str, EmulatedSession] = {}
        self.access_clients: Dict[str, AccessClient] = {}
        self.keys: Dict[str, ForgottenPasswordKey] = {}
        self.outbox: List[Message] = []
        self.unknown_user_failures: Dict[str, int] = {}
        self.address_blocked_until: Dict[str, float] = {}
        self._next_id = 1000

    # -- sessions and keys ---------------------------------------------------------------------

    def purge_expired_sessions(self) -> None:
        """Drop the sessions whose idle timeout passed (they answer loggedOut anyway)."""
        now = self.now()
        with self.lock:
            for token in [t for t, s in self.sessions.items() if now - s.last_use > s.timeout]:
                del self.sessions[token]

    def new_forgotten_password_key(self, user: EmulatedUser) -> ForgottenPasswordKey:
        """A key for ``user``; the keys requested before it stop working."""
        with self.lock:
            for old in [k for k, entry in self.keys.items() if entry.user is user]:
                del self.keys[old]
            entry = ForgottenPasswordKey(self.token_urlsafe(24), user, created=self.now())
            self.keys[entry.key] = entry
            return entry

    # -- randomness ------------------------------------------------------------------------

    def token_hex(self, nbytes: int) -> str:
        return "%0*x" % (2 * nbytes, self.random.getrandbits(8 * nbytes))

    def token_urlsafe(self, nbytes: int) -> str:
        raw = bytes(self.random.getrandbits(8) for _ in range(nbytes))
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def randbelow(self, n: int) -> int:
        return self.random.randrange(n)

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
        password_expired: bool = False,
        pending_agreements: bool = False,
    ) -> EmulatedUser:
        if role not in ROLES:
            raise ValueError("role must be one of %s, not %r" % (", ".join(ROLES), role))
        check_user_status(status)
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
                password_expired=password_expired,
                pending_agreements=pending_agreements,
            )
            self.users[username] = user
            return user

    def add_access_client(self, username: str, token: Optional[str] = None) -> str:
        with self.lock:
            user = self.users.get(username)
            if user is None:
                raise ValueError("no user named %r" % username)
            token = token or self.token_hex(16)
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
        """Who is calling. Credentials are checked before channel access, as the server does
        (a wrong password on an inaccessible channel is 401 login, not 403)."""
        caller = self._authenticate(request)
        self._check_channel(request)
        user = caller.user
        if user is not None:
            if user.channels is not None and self._channel_of(request) not in user.channels:
                raise Refusal(403, docs.forbidden("inaccessibleChannel"))
            if (
                caller.kind == "basic"
                and user.principal_types is not None
                and caller.principal_type not in user.principal_types
            ):
                raise Refusal(403, docs.forbidden("inaccessiblePrincipal"))
        return caller

    def _channel_of(self, request: Request) -> str:
        channel = (request.headers.get("Channel") or "").strip()
        return channel.lower() if channel else choices.DEFAULT_CHANNEL

    def _authenticate(self, request: Request) -> Caller:
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
        if not kinds:
            return Caller("guest")
        if authorization:
            user, principal = self._check_basic(authorization, request.client_address)
            kind = "email" if principal == user.email and principal != user.username else "username"
            return Caller("basic", user=user, principal=principal, principal_type=kind)
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
        return Caller(
            "session",
            user=session.user,
            session=session,
            principal=session.principal,
            principal_type=session.principal_type,
        )

    def _check_channel(self, request: Request) -> None:
        channel = (request.headers.get("Channel") or "").strip()
        if not channel:
            return  # no (or an empty) header: the default channel
        known = self.settings.channels
        if choices.CHANNEL_NAMES_IGNORE_CASE:
            channel, known = channel.lower(), tuple(c.lower() for c in known)
        if channel not in known:
            raise Refusal(403, docs.forbidden(choices.UNKNOWN_CHANNEL_CODE))

    def _check_basic(self, authorization: str, address: str) -> Tuple[EmulatedUser, str]:
        scheme, _, encoded = authorization.partition(" ")
        try:
            if scheme.lower() != "basic":
                raise ValueError(scheme)
            principal, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
            if not sep:
                raise ValueError("no colon")
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise Refusal(401, docs.unauthorized("login")) from None
        blocked_until = self.address_blocked_until.get(address, 0.0)
        if blocked_until > self.now():
            raise Refusal(401, docs.unauthorized("remoteAddressBlocked"))
        user = self.find_user(principal)
        if user is None:
            failures = self.unknown_user_failures.get(address, 0) + 1
            self.unknown_user_failures[address] = failures
            if failures >= self.settings.max_unknown_user_attempts_per_address:
                # Blocked for block_seconds, then the count starts over.
                self.unknown_user_failures[address] = 0
                self.address_blocked_until[address] = self.now() + self.settings.block_seconds
            raise Refusal(401, docs.unauthorized("login"))
        if user.status != "active":
            raise Refusal(401, docs.unauthorized("login", userStatus=user.status))
        self.check_password(
            user.password, password, lambda status: Refusal(401, docs.unauthorized("login", passwordStatus=status))
        )
        return user, principal[1:] if principal.startswith("'") else principal

    def check_password(
        self, state: PasswordState, given: str, refusal: Callable[[str], Refusal], wrong: Optional[Refusal] = None
    ) -> None:
        """Check ``given``, counting failures; raise ``refusal(status)`` when the password cannot be used.

        Failures reach a temporary block after ``max_password_attempts``; after
        ``temporary_blocks_before_indefinite`` blocks in a row the password is
        indefinitely blocked (until a test sets it active again).
        """
        now = self.now()
        if state.status in UNUSABLE_PASSWORD_STATUSES:
            raise refusal(state.status)
        if state.blocked(now):
            raise refusal("temporarilyBlocked")
        if state.value is not None and secrets.compare_digest(state.value.encode(), given.encode()):
            state.failures = state.blocks = 0
            return
        state.failures += 1
        if state.failures >= self.settings.max_password_attempts:
            state.failures = 0
            state.blocks += 1
            if state.blocks >= self.settings.temporary_blocks_before_indefinite:
                state.status, state.blocks = "indefinitelyBlocked", 0
                raise refusal("indefinitelyBlocked")
            state.blocked_until = now + self.settings.block_seconds
            raise refusal("temporarilyBlocked")
        raise wrong if wrong is not None else Refusal(401, docs.unauthorized("login"))

    def require_user(self, caller: Caller) -> EmulatedUser:
        if caller.user is None:
            raise Refusal(401, docs.unauthorized("missingAuthorization"))
        return caller.user

    def check_restricted(self, caller: Caller, allowed_while_pending: bool) -> None:
        """Refuse operations a restricted login may not run (the notes' section 1.6).

        GET /auth, logout and the secondary-password pair are always allowed; they do
        not call this.
        """
        if caller.session is not None and caller.session.pending_secondary and not allowed_while_pending:
            raise Refusal(403, docs.forbidden(choices.PENDING_SECONDARY_PASSWORD_CODE))
        user = caller.user
        if user is not None and user.password_expired:
            raise Refusal(403, docs.forbidden("expiredPassword", docs.LOGIN_REFERENCE))
        if user is not None and user.pending_agreements:
            raise Refusal(403, docs.forbidden("pendingAgreements"))

    # -- documents -----------------------------------------------------------------------------

    def auth_document(self, caller: Caller, session_token: Optional[str] = None) -> Dict[str, Any]:
        if caller.user is None:
            return docs.guest_auth()
        access_client = None
        if caller.access_client is not None:
            access_client = {"id": caller.access_client.id, "name": "Access client", "internalName": "accessClient"}
        session = caller.session
        if session_token is None and session is not None:
            session_token = session.token
            if session.cookie_mode and choices.COOKIE_SESSION_TOKEN_SHOWN == "prefix":
                session_token = session.token[: len(session.token) // 2]  # the cookie half stays HttpOnly
        return docs.user_auth(
            caller.user,
            principal=caller.principal or caller.user.username,
            principal_type=caller.principal_type,
            session_token=session_token,
            access_client=access_client,
            pending_secondary_password=bool(session and session.pending_secondary),
            secondary_password_required=self.settings.secondary_password_required,
        )
