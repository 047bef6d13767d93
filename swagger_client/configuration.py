"""Client settings: where the server is, how to authenticate, and how to talk to it.

Compatible with swagger-codegen's ``Configuration`` (same field names), with safe
defaults it lacked: a default timeout, an authentication-safe retry policy, and no
state shared between instances.
"""

from __future__ import annotations

import copy
import difflib
import logging
import sys
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, Optional, Tuple, Union

import urllib3

from swagger_client import logs  # noqa: F401  # the package logger's NullHandler
from swagger_client.exceptions import ApiTypeError, ApiValueError
from swagger_client.redaction import MASK

__all__ = ["Configuration", "TimeoutValue", "DEFAULT_TIMEOUT"]

TimeoutValue = Union[None, float, int, Tuple[Optional[float], Optional[float]], urllib3.Timeout]

#: Connect within 10 s, then wait at most 60 s between bytes of the response.
DEFAULT_TIMEOUT = urllib3.Timeout(connect=10.0, read=60.0)
#: No call (connect, every read, retries and their pauses) lasts longer than this.
DEFAULT_TOTAL_TIMEOUT = 300.0
#: Largest response body read, on the wire and after decoding.
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024

DEFAULT_HOST = "https://dev.leftcoastfs.com/api"

_HEADER_KEYS = ("Session-Token", "Access-Client-Token")

#: Marks "not given" where ``None`` has a meaning (a timeout of None waits forever).
UNSET: Any = object()

#: Filled once the class exists (below); until then nothing is checked.
_SETTINGS: Optional[FrozenSet[str]] = None


class _CopiesTheDefault(type):
    """``Configuration()`` without arguments is a copy of the process default, once one is set.

    As in swagger-codegen 2.4 (``TypeWithDefault``), but each call returns an
    independent copy, so no two configurations share credentials or headers.
    """

    _default: Optional[Configuration] = None

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:  # mypy still types Configuration() from __init__
        default = cls.__dict__.get("_default")
        if default is not None and not args and not kwargs:
            return default.copy()
        return super().__call__(*args, **kwargs)


class Configuration(metaclass=_CopiesTheDefault):
    """Settings for one :class:`~swagger_client.ApiClient`.

    Every instance owns its own dictionaries; changing one never affects another.
    Credentials: ``username``/``password`` (Basic), ``api_key['Session-Token']`` or
    ``api_key['Access-Client-Token']``. At most one kind is sent per request, in the
    order session token, access client token, Basic.

    :param host: base URL of the API, e.g. ``https://cyclos.example.com/api``.
    :param timeout: default timeout of every call: seconds as a float, a
        ``(connect, read)`` tuple, a ``urllib3.Timeout``, or ``None`` to wait forever.
    :param retries: ``None`` for the safe default policy, an int, a ``urllib3.Retry``,
        or 0 to disable retries (see :mod:`swagger_client.retries`).
    :param channel: sent as the ``Channel`` header (e.g. ``"main"``) when set.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        api_key: Optional[Dict[str, str]] = None,
        api_key_prefix: Optional[Dict[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        *,
        timeout: TimeoutValue = UNSET,
        retries: Any = None,
        channel: Optional[str] = None,
    ) -> None:
        self.host = host
        #: Credentials sent as headers, by header name.
        self.api_key: Dict[str, str] = dict(api_key or {})
        #: Optional scheme words prefixed to ``api_key`` values (Cyclos expects none).
        self.api_key_prefix: Dict[str, str] = dict(api_key_prefix or {})
        self.refresh_api_key_hook: Any = None
        self.username = username
        self.password = password
        self.timeout = DEFAULT_TIMEOUT if timeout is UNSET else timeout
        self.total_timeout: Optional[float] = DEFAULT_TOTAL_TIMEOUT
        self.retries = retries
        #: Follow same-origin redirects of GET requests (any other redirect raises RedirectError).
        self.follow_redirects = False
        self.max_response_bytes: Optional[int] = DEFAULT_MAX_RESPONSE_BYTES
        self.channel = channel
        self.logger_format = "%(asctime)s %(levelname)s %(message)s"
        self.logger_stream_handler: Optional[logging.Handler] = None
        self.logger_file_handler: Optional[logging.Handler] = None
        self._logger_file: Optional[str] = None
        self._debug = False
        #: Verify the server's TLS certificate (keep it on outside tests).
        self.verify_ssl = True
        #: CA bundle file; ``None`` uses certifi's bundle.
        self.ssl_ca_cert: Optional[str] = None
        #: Client certificate and key files for mutual TLS.
        self.cert_file: Optional[str] = None
        self.key_file: Optional[str] = None
        #: Host name to check in the certificate instead of the one in ``host``.
        self.assert_hostname: Optional[Union[str, bool]] = None
        #: Connections kept per host (raise it for many threads sharing a client).
        self.connection_pool_maxsize = 10
        #: ``http://[user:pass@]proxy:port`` to send every request through.
        self.proxy: Optional[str] = None
        self.proxy_headers: Optional[Dict[str, str]] = None
        #: Validate model values and arguments before sending (recommended).
        self.client_side_validation = True
        self.safe_chars_for_path_param = ""
        #: Kept for swagger-codegen compatibility (no /auth operation downloads files).
        self.temp_folder_path: Optional[str] = None

    # -- server ------------------------------------------------------------------------

    @property
    def host(self) -> str:
        """Base URL of the API, e.g. ``https://cyclos.example.com/api`` (no trailing slash)."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        if not isinstance(value, str):
            raise ApiTypeError("Configuration.host must be a str, not %s" % type(value).__name__)
        shown = _mask_url_credentials(value)
        if not value.lower().startswith(("https://", "http://")):
            # Without a scheme urllib3 would fall back to plain http and send credentials in clear.
            raise ApiValueError("Configuration.host must start with https:// (or http://), got %r" % shown)
        if "@" in value.split("://", 1)[1].split("/", 1)[0]:
            # urllib3 would not send them, and they would show in reprs and logs.
            raise ApiValueError(
                "Configuration.host must not carry credentials (%r): set username and password instead" % shown
            )
        self._host = value.rstrip("/")

    @property
    def username(self) -> Optional[str]:
        """The Basic user name (or e-mail, or any principal the channel accepts)."""
        return self._username

    @username.setter
    def username(self, value: Optional[str]) -> None:
        if value is not None:
            if not isinstance(value, str):
                raise ApiTypeError("Configuration.username must be a str, not %s" % type(value).__name__)
            if ":" in value:
                # RFC 7617: the user-id cannot contain ':' (the server would read another user and password).
                raise ApiValueError(
                    "Configuration.username must not contain ':' (Basic authentication cannot carry it)"
                )
        self._username = value

    # -- timeouts ----------------------------------------------------------------------

    @property
    def timeout(self) -> TimeoutValue:
        """Default timeout for every call (see the class docstring)."""
        return self._timeout

    @timeout.setter
    def timeout(self, value: TimeoutValue) -> None:
        self._timeout = normalize_timeout(value, "Configuration.timeout")

    @property
    def total_timeout(self) -> Optional[float]:
        """Seconds a whole call may take, whatever the server does: connect, every read,
        retries and their pauses (default 300; ``None``: no limit). Read on every call.

        ``timeout`` bounds each connect and each read; this bounds the call, so a server
        that drips a byte at a time cannot keep it alive. A float ``_request_timeout``
        or ``urllib3.Timeout(total=...)`` lowers it for one call.
        """
        return self._total_timeout

    @total_timeout.setter
    def total_timeout(self, value: Optional[float]) -> None:
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ApiTypeError("Configuration.total_timeout must be seconds or None, not %s" % type(value).__name__)
            if not value > 0:
                raise ApiValueError("Configuration.total_timeout must be positive, got %r" % value)
        self._total_timeout = value

    @property
    def max_response_bytes(self) -> Optional[int]:
        """Largest response body the client reads, on the wire and after decoding
        (default 32 MiB; ``None``: no limit). Past it the call raises ``ResponseTooLarge``.
        Read on every call; not applied to a body streamed with ``_preload_content=False``.
        """
        return self._max_response_bytes

    @max_response_bytes.setter
    def max_response_bytes(self, value: Optional[int]) -> None:
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ApiTypeError(
                    "Configuration.max_response_bytes must be an int or None, not %s" % type(value).__name__
                )
            if value <= 0:
                raise ApiValueError("Configuration.max_response_bytes must be positive, got %d" % value)
        self._max_response_bytes = value

    # -- logging -----------------------------------------------------------------------

    @property
    def logger(self) -> Dict[str, logging.Logger]:
        return {"package_logger": logging.getLogger("swagger_client"), "urllib3_logger": logging.getLogger("urllib3")}

    @property
    def logger_file(self) -> Optional[str]:
        """A file that receives the ``swagger_client`` log (secrets are masked)."""
        return self._logger_file

    @logger_file.setter
    def logger_file(self, value: Optional[str]) -> None:
        self._logger_file = value
        if self.logger_file_handler is not None:  # replace, never stack, the previous file
            logging.getLogger("swagger_client").removeHandler(self.logger_file_handler)
            self.logger_file_handler.close()
            self.logger_file_handler = None
        if value:
            self.logger_file_handler = logging.FileHandler(value)
            self.logger_file_handler.setFormatter(logging.Formatter(self.logger_format))
            _attach_handler(self.logger_file_handler)

    @property
    def debug(self) -> bool:
        """Log the requests and responses of the clients built from this configuration.

        Per client: no logger level changes, so other clients stay quiet, and
        ``debug = False`` turns it off again. The lines (DEBUG records of the
        ``swagger_client`` loggers) go to the application's logging handlers when it
        configured some, else to standard error. Credentials, tokens and passwords are
        masked. Unlike swagger-codegen, this never turns on ``http.client``'s raw
        prints, which would show them.
        """
        return self._debug

    @debug.setter
    def debug(self, value: bool) -> None:
        self._debug = bool(value)

    # -- credentials ---------------------------------------------------------------------

    def get_api_key_with_prefix(self, identifier: str) -> Optional[str]:
        """The value of ``api_key[identifier]`` with its prefix, or ``None``."""
        if self.refresh_api_key_hook is not None:
            self.refresh_api_key_hook(self)
        key = self.api_key.get(identifier)
        if key is None:
            return None
        prefix = self.api_key_prefix.get(identifier)
        return "%s %s" % (prefix, key) if prefix else key

    def get_basic_auth_token(self) -> Optional[str]:
        """The ``Authorization`` header value for ``username``/``password``, or ``None``."""
        if self.username is None and self.password is None:
            return None
        credentials = "%s:%s" % (self.username or "", self.password or "")
        cached = self.__dict__.get("_basic_token")
        if cached is not None and cached[0] == credentials:
            return cached[1]  # type: ignore[no-any-return]
        import base64

        try:
            # ISO-8859-1, as the official Cyclos UI sends them (btoa).
            raw = credentials.encode("latin-1")
        except UnicodeEncodeError:
            # Characters ISO-8859-1 lacks: UTF-8 (RFC 7617), the only encoding that can carry them.
            raw = credentials.encode("utf-8")
        token = "Basic " + base64.b64encode(raw).decode("ascii")
        self.__dict__["_basic_token"] = (credentials, token)
        return token

    def credential_header(self, allowed: Optional[Any] = None) -> Dict[str, str]:
        """The one credential header to send, among the schemes in ``allowed`` (all when ``None``).

        Order: session token, access client token, Basic. This is what every request
        uses; it reads the same values as :meth:`auth_settings` without building it.
        """
        for scheme, header in (("session", "Session-Token"), ("accessClient", "Access-Client-Token")):
            if allowed is None or scheme in allowed:
                value = self.get_api_key_with_prefix(header)
                if value:
                    return {header: value}
        if allowed is None or "basic" in allowed:
            token = self.get_basic_auth_token()
            if token:
                return {"Authorization": token}
        return {}

    def auth_settings(self) -> Dict[str, Dict[str, Any]]:
        """The spec's security schemes with the values configured here (swagger-codegen shape)."""
        return {
            "accessClient": {
                "type": "api_key",
                "in": "header",
                "key": "Access-Client-Token",
                "value": self.get_api_key_with_prefix("Access-Client-Token"),
            },
            "basic": {
                "type": "basic",
                "in": "header",
                "key": "Authorization",
                "value": self.get_basic_auth_token(),
            },
            "session": {
                "type": "api_key",
                "in": "header",
                "key": "Session-Token",
                "value": self.get_api_key_with_prefix("Session-Token"),
            },
        }

    # -- reports -------------------------------------------------------------------------

    def to_debug_report(self) -> str:
        """Versions and settings useful in a bug report (no credentials)."""
        import platform

        from swagger_client import __version__

        return (
            "Python SDK Debug Report:\n"
            f"OS: {sys.platform}\n"
            f"Python Version: {platform.python_version()}\n"
            f"urllib3 Version: {getattr(urllib3, '__version__', '?')}\n"
            "Version of the API: 4.11.5\n"
            f"SDK Package Version: {__version__}\n"
            f"Host: {self.host}"
        )

    def copy(self) -> Configuration:
        """An independent copy (dictionaries included), e.g. to change credentials."""
        clone = copy.copy(self)
        clone.api_key = dict(self.api_key)
        clone.api_key_prefix = dict(self.api_key_prefix)
        clone.proxy_headers = dict(self.proxy_headers) if self.proxy_headers else None
        return clone

    if not TYPE_CHECKING:  # hidden from type checkers, which then flag a misspelt setting themselves

        def __setattr__(self, name: str, value: Any) -> None:
            # A misspelt setting (cfg.hots = ...) would otherwise be silently ignored.
            settings = _SETTINGS
            if (
                type(self) is Configuration
                and settings is not None
                and not name.startswith("_")
                and name not in settings
            ):
                close = difflib.get_close_matches(name, sorted(_SETTINGS), n=1)
                hint = "; did you mean %r?" % close[0] if close else ""
                raise AttributeError("Configuration has no setting %r%s" % (name, hint))
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        shown = {
            "host": self.host,
            "username": self.username,
            "password": MASK if self.password else None,
            "api_key": dict.fromkeys(self.api_key, MASK),
            "channel": self.channel,
            "timeout": self.timeout,
            "total_timeout": self.total_timeout,
            "retries": self.retries,
            "verify_ssl": self.verify_ssl,
            "proxy": _mask_url_credentials(self.proxy),
        }
        return "Configuration(%s)" % ", ".join("%s=%r" % item for item in shown.items())

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make ``Configuration()`` (and so ``ApiClient()``, ``AuthApi()``) start from ``default``.

        A copy of ``default`` is kept: changing ``default`` afterwards changes nothing,
        and every ``Configuration()`` is a new independent copy of it, dictionaries
        included. ``set_default(None)`` goes back to the built-in defaults.
        """
        if default is not None and not isinstance(default, Configuration):
            raise ApiTypeError("Configuration.set_default() takes a Configuration, not %s" % type(default).__name__)
        type.__setattr__(cls, "_default", None if default is None else default.copy())


def _attach_handler(handler: logging.Handler) -> None:
    logger = logging.getLogger("swagger_client")
    if handler not in logger.handlers:
        logger.addHandler(handler)


def _mask_url_credentials(url: Any) -> Any:
    if not isinstance(url, str) or "@" not in url:
        return url
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "%s@%s" % (MASK, url.rsplit("@", 1)[1])
    return "%s://%s@%s" % (scheme, MASK, rest.rsplit("@", 1)[1])


def normalize_timeout(value: Any, where: str) -> TimeoutValue:
    """Check a timeout value once, so a bad one fails here and not mid-request."""
    if value is None or isinstance(value, urllib3.Timeout):
        return value
    if isinstance(value, bool):
        raise ApiTypeError(
            "%s must be a number of seconds, a (connect, read) tuple or urllib3.Timeout, not bool" % where
        )
    if isinstance(value, (int, float)):
        if value <= 0:
            raise ApiValueError("%s must be positive, got %r" % (where, value))
        return value
    if isinstance(value, tuple) and len(value) == 2:
        for part in value:
            if part is not None and (isinstance(part, bool) or not isinstance(part, (int, float)) or part <= 0):
                raise ApiValueError(
                    "%s: each part of (connect, read) must be a positive number or None, got %r" % (where, value)
                )
        return value
    raise ApiTypeError(
        "%s must be a number of seconds, a (connect, read) tuple or urllib3.Timeout, not %s"
        % (where, type(value).__name__)
    )


#: Every public attribute a Configuration has: its properties and what ``__init__`` sets
#: (one construction here, while the check is still off).
_SETTINGS = frozenset(n for n in dir(Configuration) if not n.startswith("_")) | frozenset(
    n for n in vars(Configuration()) if not n.startswith("_")
)
