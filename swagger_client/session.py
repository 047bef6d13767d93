"""Sessions that manage themselves: log in, carry the token, log out.

::

    with swagger_client.open_session(configuration, timeout_in_seconds=600) as session:
        session.auth          # the Auth returned by the login
        session.auth_api      # an AuthApi whose calls carry this session's token only
        session.api_client    # the ApiClient behind it, for other APIs
    # on exit: DELETE /auth/session (a session that already expired is not an error)

The caller's configuration is never changed: the session logs in with a copy of it,
and keeps its token to itself (:class:`SessionAuth` adds it to each request of
``session.api_client``). Once logged in, requests carry only ``Session-Token`` (no
Basic header beside it); ``session.configuration`` holds no credential at all.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING, Any, Generator, Optional

from swagger_client import logs
from swagger_client.api.auth_api import LOGOUT, AuthApi
from swagger_client.api_client import ApiClient
from swagger_client.auth import AuthBase, has_credential
from swagger_client.configuration import Configuration
from swagger_client.exceptions import (
    ApiException,
    ApiTypeError,
    ApiValueError,
    ResponseDecodeError,
    UnauthorizedException,
)
from swagger_client.operation import check_header_value
from swagger_client.request import Request

if TYPE_CHECKING:
    from swagger_client.models.auth import Auth
    from swagger_client.models.password_input import PasswordInput

__all__ = ["open_session", "Session", "SessionAuth", "SecondaryPasswordRequired"]

log = logging.getLogger(__name__)

SESSION_HEADER = "Session-Token"
ACCESS_CLIENT_HEADER = "Access-Client-Token"


class SecondaryPasswordRequired(UnauthorizedException):
    """The channel wants a secondary password after login; pass ``secondary_password=``.

    ``password_input`` describes the expected password (``PasswordInput``). The
    half-open session has been logged out already.
    """

    def __init__(self, password_input: Optional[PasswordInput]) -> None:
        super().__init__(
            status=401, reason="a secondary password is required: call open_session(..., secondary_password=...)"
        )
        self.password_input = password_input

    def __str__(self) -> str:
        name = getattr(self.password_input, "name", None) or "secondary password"
        return (
            "(401)\nReason: the channel requires the %s after login; pass open_session(..., secondary_password=...)\n"
            % name
        )


class SessionAuth(AuthBase):
    """Sends a session's token; when the server dropped it (``401 loggedOut``) and the
    session was opened with ``relogin=True``, logs in again once and repeats the request.

    An auth flow, so it works the same for ``async_req=True`` calls (it runs on the
    worker thread). A credential the caller passes in ``_headers`` is sent instead.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def auth_flow(self, request: Request) -> Generator[Request, Any, None]:
        session = self.session
        operation = request.operation
        if session._closed and operation is not LOGOUT:
            # Without this the call would go out as a guest and quietly answer as one.
            name = operation.name if operation is not None else request.method
            raise ApiValueError("%s: the session is closed; open a new one with open_session()" % name)
        if has_credential(request.headers):
            yield request
            return
        token = session.token
        if token:
            request.headers[SESSION_HEADER] = token
        response = yield request
        if not (session.relogin and operation is not LOGOUT and _logged_out(response)):
            return
        session._login_again(expired_token=token)
        if session.token:
            request.headers[SESSION_HEADER] = session.token
        yield request


def _logged_out(response: Any) -> bool:
    """Whether a read response is Cyclos' ``401`` with ``code: loggedOut``."""
    if getattr(response, "status", None) != 401:
        return False
    try:
        body = json.loads(response.data)
    except (ValueError, TypeError, RecursionError):
        return False
    return isinstance(body, dict) and body.get("code") == "loggedOut"


class Session(object):
    """A logged-in Cyclos session (see :func:`open_session`). Thread-safe."""

    def __init__(
        self,
        configuration: Configuration,
        *,
        timeout_in_seconds: Optional[int] = None,
        secondary_password: Optional[str] = None,
        relogin: bool = False,
    ) -> None:
        self.relogin = relogin
        self._timeout_in_seconds = timeout_in_seconds
        self._secondary_password = secondary_password
        self._lock = threading.Lock()
        self._closed = False
        if not isinstance(configuration, Configuration):
            raise ApiTypeError(
                "open_session() takes a swagger_client.Configuration, not %s" % type(configuration).__name__
            )
        if configuration.password is None and not configuration.api_key.get(ACCESS_CLIENT_HEADER):
            raise ApiValueError(
                "open_session() needs credentials: set username and password, "
                "or api_key['Access-Client-Token'], on the configuration"
            )
        self._login_configuration = configuration.copy()
        self._login_configuration.api_key.pop(SESSION_HEADER, None)
        session_configuration = configuration.copy()
        session_configuration.username = None
        session_configuration.password = None
        session_configuration.api_key.pop(ACCESS_CLIENT_HEADER, None)
        session_configuration.api_key.pop(SESSION_HEADER, None)
        self.configuration = session_configuration
        self._token: Optional[str] = None
        self.api_client: ApiClient = ApiClient(session_configuration, auth=SessionAuth(self))
        self.auth_api = AuthApi(self.api_client)
        try:
            self.auth: Auth = self._login()
        except BaseException:
            self.api_client.close()
            raise

    # -- login -------------------------------------------------------------------------

    def _login(self) -> Auth:
        with ApiClient(self._login_configuration) as login_client:
            auth = AuthApi(login_client).login(timeout_in_seconds=self._timeout_in_seconds)
        token = auth.session_token
        if not token:
            raise UnauthorizedException(status=200, reason="the login answered without a session token")
        try:
            check_header_value(SESSION_HEADER, token, "login")
        except ValueError:
            # Storing it would make every later call (and the logout) fail on the header check.
            raise ResponseDecodeError(
                200, "the login answered with a session token that cannot be sent back as a header"
            ) from None
        self._token = token
        if auth.pending_secondary_password:
            self._confirm_secondary_password()
            auth.pending_secondary_password = False
        return auth

    def _confirm_secondary_password(self) -> None:
        if self._secondary_password is None:
            password_input = None
            try:
                password_input = self.auth_api.get_secondary_password_input()
            finally:
                self._logout_quietly()
            raise SecondaryPasswordRequired(password_input)
        try:
            self.auth_api.validate_secondary_password(self._secondary_password)
        except ApiException:
            self._logout_quietly()
            raise

    def _login_again(self, expired_token: Optional[str]) -> None:
        with self._lock:
            if self._closed:
                raise UnauthorizedException(status=401, reason="the session was closed")
            if self._token != expired_token:
                return  # another thread logged in again already
            logs.debug(log, self.configuration.debug, "Session expired; logging in again")
            self.auth = self._login()

    # -- properties ----------------------------------------------------------------------

    @property
    def token(self) -> Optional[str]:
        """The session token (a secret: never log it)."""
        return self._token

    # -- logout ----------------------------------------------------------------------------

    def close(self) -> None:
        """Log out (``DELETE /auth/session``) and release connections. Idempotent.

        A session the server already dropped (``401 loggedOut``) is not an error.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        try:
            self.auth_api.logout()
        except UnauthorizedException as exc:
            if exc.code != "loggedOut":
                raise
        finally:
            self._token = None
            self.api_client.close()

    def _logout_quietly(self) -> None:
        try:
            self.auth_api.logout()
        except ApiException as exc:
            log.debug("logout of a half-open session failed: %s", exc.reason)
        self._token = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
            return
        try:
            self.close()
        except Exception as logout_error:  # noqa: BLE001 -- the caller's exception is the one to see
            # Do not hide the caller's exception behind a failed logout.
            log.warning(
                "logout after an error failed: %s", getattr(logout_error, "reason", type(logout_error).__name__)
            )

    def __repr__(self) -> str:
        user = getattr(getattr(self.auth, "user", None), "display", None)
        return "<Session user=%r closed=%s>" % (user, self._closed)


def open_session(
    configuration: Configuration,
    timeout_in_seconds: Optional[int] = None,
    *,
    secondary_password: Optional[str] = None,
    relogin: bool = False,
) -> Session:
    """Log in with the configuration's username/password (or access client) and return the session.

    :param timeout_in_seconds: ask for a shorter idle timeout than the channel's.
    :param secondary_password: sent when the channel asks for one after login;
        without it such a login raises :class:`SecondaryPasswordRequired`.
    :param relogin: when the server drops the session (``401 loggedOut``), log in
        again once and repeat the call instead of raising (synchronous calls; an
        ``async_req`` call too).
    """
    return Session(
        configuration, timeout_in_seconds=timeout_in_seconds, secondary_password=secondary_password, relogin=relogin
    )
