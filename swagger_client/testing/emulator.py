"""``CyclosEmulator``: a local Cyclos 4.11.5 server for tests and demos.

``/auth`` is stateful (users, sessions, passwords, OTPs, forgotten-password keys);
every other operation of the API checks credentials the same way and answers an
example of its success answer, unless a test stubs it.
"""

from __future__ import annotations

import ssl
import threading
from dataclasses import fields as dataclass_fields
from typing import Any, List, Mapping, Optional, Tuple

from swagger_client.testing import catalog_routes
from swagger_client.testing.catalog import OPERATIONS as CATALOG
from swagger_client.testing.control import ControlAPI
from swagger_client.testing.server import ROUTES, SUCCESS_STATUS, EmulatorHTTPServer
from swagger_client.testing.settings import EmulatorSettings
from swagger_client.testing.state import EmulatedUser, EmulatorState, Message, check_user_status
from swagger_client.testing.toolkit import ANY_OPERATION, DEFAULT_JOURNAL_SIZE, Journal, RecordedRequest, Stub, Stubs

#: The operations a stub can name: every operation of the API, by its method name
#: (``search_users``; the two that share a method name with another API class go by
#: the spec's id: ``validate_email_change_validation``, ``validate_user_registration_validation``).
_OPERATION_NAMES = frozenset(ROUTES.values()) | frozenset(CATALOG)


def _success_status(operation: str) -> int:
    if operation == ANY_OPERATION:
        return 200
    return SUCCESS_STATUS.get(operation) or catalog_routes.success_status(operation)


__all__ = ["CyclosEmulator"]


class CyclosEmulator(object):
    """A real HTTP server on 127.0.0.1 that answers every operation of the Cyclos API.

    ::

        with CyclosEmulator() as emu:
            emu.add_user("alice", "s3cret-pass", email="alice@example.com")
            api = swagger_client.AuthApi(swagger_client.ApiClient(emu.configuration("alice", "s3cret-pass")))
            auth = api.login()

    Keyword options are the fields of :class:`~swagger_client.testing.settings.EmulatorSettings`
    (``secondary_password_required``, ``max_password_attempts``, ``session_timeout``...).
    ``tls=(certfile, keyfile)`` serves HTTPS; ``tls_client_ca=cafile`` then also requires
    client certificates signed by that CA. ``port=0`` picks a free port. ``seed=N``
    makes tokens, OTPs and keys the same on every run. ``journal_size`` is how many of
    the newest requests :attr:`requests` keeps (default 10,000; 0 keeps none).
    ``control_api=True`` also serves the JSON control API under ``/__emulator/``
    (:mod:`swagger_client.testing.control`), for tests in other processes.

    For tests: :meth:`stub` forces answers and faults, :attr:`requests` is the journal
    of what was received, and :meth:`reset` starts over without restarting the server.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        tls: Optional[Tuple[str, str]] = None,
        tls_client_ca: Optional[str] = None,
        seed: Optional[int] = None,
        journal_size: int = DEFAULT_JOURNAL_SIZE,
        control_api: bool = False,
        **options: Any,
    ) -> None:
        known = {f.name for f in dataclass_fields(EmulatorSettings)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(
                "CyclosEmulator() got an unexpected keyword argument %r (settings: %s)"
                % (unknown[0], ", ".join(sorted(known)))
            )
        self.settings = EmulatorSettings(**options)
        self.settings.validate()
        self._options = dict(options)
        self._seed = seed
        self._state = EmulatorState(self.settings, seed=seed)
        if isinstance(journal_size, bool) or not isinstance(journal_size, int) or journal_size < 0:
            raise ValueError("CyclosEmulator(journal_size=...) must be an int >= 0, got %r" % (journal_size,))
        self._journal = Journal(journal_size)
        #: The JSON control API under /__emulator/ (see swagger_client.testing.control), when asked for.
        self.control: Optional[ControlAPI] = ControlAPI(self) if control_api else None
        self._stubs = Stubs()
        self._host = host
        self._port = port
        self._tls = tls
        self._tls_client_ca = tls_client_ca
        self._server: Optional[EmulatorHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> CyclosEmulator:
        """Bind and serve on a background thread (idempotent)."""
        if self._server is not None:
            return self
        context = None
        if self._tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self._tls)
            if self._tls_client_ca:
                context.load_verify_locations(self._tls_client_ca)
                context.verify_mode = ssl.CERT_REQUIRED
        server = EmulatorHTTPServer((self._host, self._port), self._state, context)
        server.journal, server.stubs, server.control = self._journal, self._stubs, self.control
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="cyclos-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and free the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CyclosEmulator:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    # -- addresses -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running; use `with CyclosEmulator() as emu:` or start()")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL of the API, e.g. ``http://127.0.0.1:54321/api``."""
        scheme = "https" if self._tls else "http"
        return "%s://%s:%d/api" % (scheme, self._host, self.port)

    def configuration(self, username: Optional[str] = None, password: Optional[str] = None, **attributes: Any) -> Any:
        """A :class:`swagger_client.Configuration` aimed at this emulator.

        ``username``/``password`` set Basic credentials; other keywords set
        configuration attributes (``channel="main"``, ``timeout=5``...).
        """
        from swagger_client.configuration import Configuration

        configuration = Configuration(host=self.url, username=username, password=password)
        for name, value in attributes.items():
            if not hasattr(configuration, name):
                raise TypeError("Configuration has no attribute %r" % name)
            setattr(configuration, name, value)
        return configuration

    # -- state -----------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        email: Optional[str] = None,
        role: str = "member",
        name: Optional[str] = None,
        mobile_phone: Optional[str] = None,
        secondary_password: Optional[str] = None,
        security_question: Optional[str] = None,
        security_answer: Optional[str] = None,
        status: str = "active",
        *,
        password_expired: bool = False,
        pending_agreements: bool = False,
    ) -> EmulatedUser:
        """Create a user who logs in with ``username`` (or ``email``) and ``password``.

        ``password_expired`` or ``pending_agreements`` put the user in the restricted
        states a login can end in: it succeeds with the flag set in ``Auth``, and other
        operations answer 403 until the flag is cleared on the returned user.
        """
        return self._state.add_user(
            username,
            password,
            email=email,
            role=role,
            name=name,
            mobile_phone=mobile_phone,
            secondary_password=secondary_password,
            security_question=security_question,
            security_answer=security_answer,
            status=status,
            password_expired=password_expired,
            pending_agreements=pending_agreements,
        )

    def add_access_client(self, username: str, token: Optional[str] = None) -> str:
        """Activate an access client for ``username``; returns its ``Access-Client-Token``."""
        return self._state.add_access_client(username, token)

    def block_access_client(self, token: str) -> None:
        """Block an access client (its calls then get ``401 blockedAccessClient``)."""
        with self._state.lock:
            self._state.access_clients[token].status = "blocked"

    def set_user_status(self, username: str, status: str) -> None:
        """Change a user's status (one of the spec's ``UserStatusEnum``: ``active``, ``blocked``,
        ``disabled``, ``pending``, ``purged``, ``removed``): logins then fail with ``userStatus``."""
        check_user_status(status)
        with self._state.lock:
            self._user(username).status = status

    def set_password_status(self, username: str, status: str, *, password: str = "login") -> None:
        """Put a user's ``"login"`` or ``"secondary"`` password in a ``PasswordStatusEnum`` state.

        ``disabled``, ``indefinitelyBlocked``, ``neverCreated`` and ``pending`` refuse the
        password with that ``passwordStatus``; ``temporarilyBlocked`` blocks it for
        ``block_seconds``; ``expired`` and ``reset`` let the login succeed with
        ``expiredPassword`` set; ``active`` clears everything, failures included.
        """
        from swagger_client.models.password_status_enum import PasswordStatusEnum

        if status not in PasswordStatusEnum.allowed_values:
            raise ValueError(
                "status must be one of %s, not %r" % (", ".join(PasswordStatusEnum.allowed_values), status)
            )
        if password not in ("login", "secondary"):
            raise ValueError("password must be 'login' or 'secondary', not %r" % (password,))
        with self._state.lock:
            user = self._user(username)
            state = user.password if password == "login" else user.secondary
            state.failures = state.blocks = 0
            state.blocked_until = (
                self._state.now() + self.settings.block_seconds if status == "temporarilyBlocked" else 0.0
            )
            state.status = (
                status if status in ("disabled", "indefinitelyBlocked", "neverCreated", "pending") else "active"
            )
            if password == "login":
                user.password_expired = status in ("expired", "reset")

    def restrict_user(
        self,
        username: str,
        *,
        channels: Optional[Tuple[str, ...]] = None,
        principal_types: Optional[Tuple[str, ...]] = None,
        stateless_only: bool = False,
    ) -> None:
        """Limit a user: other ``channels`` answer 403 ``inaccessibleChannel``, other
        ``principal_types`` (``"username"``, ``"email"``) 403 ``inaccessiblePrincipal``, and
        ``stateless_only`` makes a login 401 ``invalidChannelUsage``. ``None`` lifts a limit."""
        with self._state.lock:
            user = self._user(username)
            user.channels = None if channels is None else tuple(c.lower() for c in channels)
            user.principal_types = None if principal_types is None else tuple(principal_types)
            user.stateless_only = bool(stateless_only)

    def unblock_address(self, address: Optional[str] = None) -> None:
        """Lift the ``remoteAddressBlocked`` block (and failure count) of one address, or of all."""
        with self._state.lock:
            for table in (self._state.address_blocked_until, self._state.unknown_user_failures):
                if address is None:
                    table.clear()
                else:
                    table.pop(address, None)

    def _user(self, username: str) -> EmulatedUser:
        user = self._state.users.get(username)
        if user is None:
            raise LookupError("no user named %r (add_user() first)" % username)
        return user

    def expire_sessions(self) -> None:
        """Drop every session, as a server restart or an administrator would."""
        with self._state.lock:
            self._state.sessions.clear()

    def advance_time(self, seconds: float) -> None:
        """Move the emulator's clock forward (session idle timeouts, password blocks)."""
        self._state.advance(seconds)

    @property
    def outbox(self) -> List[Message]:
        """Messages "sent" so far (OTPs, forgotten-password keys, generated passwords), oldest first."""
        with self._state.lock:
            return list(self._state.outbox)

    def last_message(self, kind: Optional[str] = None, username: Optional[str] = None) -> Message:
        """The newest outbox message of ``kind`` for ``username`` (``LookupError`` if none)."""
        for message in reversed(self.outbox):
            if (kind is None or message.kind == kind) and (username is None or message.username == username):
                return message
        raise LookupError("no %s message%s in the outbox" % (kind or "", " for %s" % username if username else ""))

    # -- the test-server toolkit ---------------------------------------------------------------

    def stub(
        self,
        operation: str,
        *,
        status: Optional[int] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        delay: float = 0.0,
        disconnect: bool = False,
        times: Optional[int] = None,
    ) -> Stub:
        """Force the answer of the next ``times`` calls of ``operation`` (``None``: until cancelled).

        ``operation`` is an ``AuthApi`` method name (``"get_current_auth"``) or ``"*"`` for
        any. ``status`` defaults to the operation's success status and may be one the spec
        does not declare; ``body`` is a dict or list (served as JSON) or bytes. The answer
        waits ``delay`` seconds; with ``disconnect=True`` the connection is dropped without
        one. The newest matching stub wins. Returns the stub: ``.cancel()``, ``.remaining``.
        """
        if operation != ANY_OPERATION and operation not in _OPERATION_NAMES:
            raise ValueError(
                "stub(): unknown operation %r; use one of %s, or '*'" % (operation, ", ".join(sorted(_OPERATION_NAMES)))
            )
        if status is not None and (isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599):
            raise ValueError("stub(status=...) must be an HTTP status (100-599), got %r" % (status,))
        if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
            raise ValueError("stub(times=...) must be a positive int or None, got %r" % (times,))
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0:
            raise ValueError("stub(delay=...) must be seconds >= 0, got %r" % (delay,))
        if body is not None and not isinstance(body, (dict, list, bytes, bytearray)):
            raise TypeError("stub(body=...) must be a dict, a list or bytes, not %s" % type(body).__name__)
        if status is None:
            status = _success_status(operation)
        return self._stubs.add(Stub(operation, status, body, dict(headers or {}), float(delay), disconnect, times))

    def clear_stubs(self) -> None:
        """Cancel every stub."""
        self._stubs.clear()

    @property
    def requests(self) -> List[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        return self._journal.entries()

    def clear_requests(self) -> None:
        """Forget the requests received so far."""
        self._journal.clear()

    def configure(self, **options: Any) -> None:
        """Change settings while serving (the names of the constructor's keywords); reset() undoes it."""
        known = {f.name for f in dataclass_fields(EmulatorSettings)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(
                "configure() got an unexpected setting %r (settings: %s)" % (unknown[0], ", ".join(sorted(known)))
            )
        values = {f.name: getattr(self.settings, f.name) for f in dataclass_fields(EmulatorSettings)}
        values.update(options)
        candidate = EmulatorSettings(**values)
        candidate.validate()
        with self._state.lock:
            for name, value in options.items():
                setattr(self.settings, name, value)

    def reset(self) -> None:
        """Back to what the constructor built, without restarting the server.

        Users, sessions, access clients, keys, the outbox, the clock, settings changed
        since, the journal and the stubs all go; the port and the TLS set-up stay.
        """
        self.settings = EmulatorSettings(**self._options)
        self._state = EmulatorState(self.settings, seed=self._seed)
        if self._server is not None:
            self._server.state = self._state
        self._journal.clear()
        self._stubs.clear()

    @property
    def connections_accepted(self) -> int:
        """TCP connections accepted since start (keep-alive makes this small)."""
        return self._server.connections_accepted if self._server is not None else 0

    @property
    def session_count(self) -> int:
        """Number of live sessions (expired ones are dropped first)."""
        self._state.purge_expired_sessions()
        with self._state.lock:
            return len(self._state.sessions)
