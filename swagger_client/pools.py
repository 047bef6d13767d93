"""The urllib3 pool manager for a configuration: TLS, client certificates, proxy, socket reads.

Connections come from our own small subclasses of urllib3's classes, for two reasons:

* **Limits on every read.** Each response is read through a :class:`DeadlineReader`
  that, before every ``recv()``, checks the running call's total deadline (and
  shortens the socket timeout to what is left) and counts the bytes against the
  call's byte budget (see :mod:`swagger_client.call_scope`). urllib3's own timeouts
  bound each read, not the call: a server that drips one byte a second would
  otherwise keep a call alive forever. Connecting is bounded by the deadline too.
* **A 64 KiB read buffer** instead of ``http.client``'s 8 KiB. A socket with a
  timeout (ours always has one by default) makes CPython ``poll()`` before every
  ``recv()``; with the larger buffer a typical Cyclos answer arrives in one
  ``recv()`` instead of three, which matters most when many threads share a client.
"""

from __future__ import annotations

import http.client
import io
import os
import ssl
import threading
import warnings
from typing import Any, Dict, Optional, Tuple
from urllib.parse import unquote, urlsplit, urlunsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from swagger_client import call_scope
from swagger_client.call_scope import BodyTooLarge, DeadlineExceeded
from swagger_client.configuration import Configuration
from swagger_client.exceptions import ApiValueError
from swagger_client.operation import check_header
from swagger_client.retries import build_retry

#: Bytes read from the socket at once for each response. Below glibc's 128 KiB mmap
#: threshold, so the buffer comes from (and returns to) the heap without page faults.
READ_BUFFER_SIZE = 64 * 1024


#: Bytes a response may use for its status line and headers, beyond the body budget.
HEAD_ALLOWANCE = 256 * 1024


class DeadlineReader(io.RawIOBase):
    """The raw socket file of one response, bounded by the call that opened it.

    ``scope`` is the :class:`~swagger_client.call_scope.CallScope` current when the
    response was created; a response handed to the caller to stream
    (``_preload_content=False``) is released from it and reads without limits.
    """

    def __init__(self, sock: Any) -> None:
        super().__init__()
        self._raw = sock.makefile("rb", buffering=0)  # keeps http.client's close semantics
        self._sock = sock
        self._base_timeout = sock.gettimeout()
        self.scope = call_scope.current()
        self.count = 0
        if self.scope is not None:
            self.scope.readers.append(self)

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return int(self._raw.fileno())

    def readinto(self, buffer: Any) -> Optional[int]:
        scope = self.scope
        if scope is not None:
            if scope.deadline is not None:
                self._bound_timeout(scope)
            if scope.max_bytes is not None and self.count > scope.max_bytes + HEAD_ALLOWANCE:
                raise BodyTooLarge()
        n = self._raw.readinto(buffer)
        if n:
            self.count += n
        return n  # type: ignore[no-any-return]

    def _bound_timeout(self, scope: call_scope.CallScope) -> None:
        left = scope.remaining()
        assert left is not None
        if left <= 0:
            raise DeadlineExceeded()
        if self._base_timeout is None or left < self._base_timeout:
            self._sock.settimeout(left)  # only near the deadline: settimeout costs a system call

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _LargeReadBuffer(object):
    """Hands ``http.client.HTTPResponse`` a bounded socket file with a larger buffer.

    ``HTTPResponse.__init__`` only calls ``sock.makefile("rb")``; it has no parameter
    for the buffer size or the file, so this stands in for the socket during that one call.
    """

    __slots__ = ("_sock",)

    def __init__(self, sock: Any) -> None:
        self._sock = sock

    def makefile(self, mode: str) -> Any:
        return io.BufferedReader(DeadlineReader(self._sock), READ_BUFFER_SIZE)


def _bounded_connect_timeout(connection: Any) -> None:
    """Never wait longer to connect than the running call has left."""
    scope = call_scope.current()
    if scope is None or scope.deadline is None:
        return
    left = scope.remaining()
    assert left is not None
    if left <= 0:
        raise DeadlineExceeded()
    timeout = connection.timeout
    if not isinstance(timeout, (int, float)) or left < timeout:
        connection.timeout = left


class _BufferedHTTPResponse(http.client.HTTPResponse):
    def __init__(self, sock: Any, debuglevel: int = 0, method: Optional[str] = None, url: Optional[str] = None) -> None:
        super().__init__(_LargeReadBuffer(sock), debuglevel, method, url)  # type: ignore[arg-type]


class _HTTPConnection(HTTPConnection):
    response_class = _BufferedHTTPResponse

    def connect(self) -> None:
        _bounded_connect_timeout(self)
        super().connect()


class _HTTPSConnection(HTTPSConnection):
    response_class = _BufferedHTTPResponse

    def connect(self) -> None:
        _bounded_connect_timeout(self)
        super().connect()


class _HTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _UnverifiedHTTPSConnectionPool(_HTTPSConnectionPool):
    """An HTTPS pool that does not repeat urllib3's per-request InsecureRequestWarning.

    Only used when the user turned verification off, and warned once already.
    """

    def _validate_conn(self, conn: Any) -> None:
        urllib3.HTTPConnectionPool._validate_conn(self, conn)
        closed = conn.is_closed if hasattr(conn, "is_closed") else not getattr(conn, "sock", None)
        if closed:
            conn.connect()


def build_pool_manager(
    configuration: Configuration, pools_size: int = 4, maxsize: Optional[int] = None
) -> urllib3.PoolManager:
    """The urllib3 pool for a configuration: TLS, client certificates and proxy in one place."""
    import certifi  # reads its bundle path through importlib.resources: load it when a pool is built

    if maxsize is None:
        maxsize = configuration.connection_pool_maxsize
    _check_files(configuration)
    kwargs: Dict[str, Any] = {
        "num_pools": pools_size,
        "maxsize": maxsize,
        "retries": build_retry(configuration.retries),
        "cert_reqs": ssl.CERT_REQUIRED if configuration.verify_ssl else ssl.CERT_NONE,
        "ca_certs": configuration.ssl_ca_cert or certifi.where(),
    }
    if configuration.cert_file:
        kwargs["cert_file"] = configuration.cert_file
    if configuration.key_file:
        kwargs["key_file"] = configuration.key_file
    if configuration.assert_hostname is not None:
        kwargs["assert_hostname"] = configuration.assert_hostname
    if configuration.proxy:
        proxy_url, _ = _split_proxy_credentials(configuration.proxy)
        proxy_headers = proxy_headers_of(configuration)
        manager: urllib3.PoolManager = urllib3.ProxyManager(
            proxy_url=proxy_url, proxy_headers=proxy_headers or None, **kwargs
        )
    else:
        manager = urllib3.PoolManager(**kwargs)
    https_pool = _HTTPSConnectionPool
    if not configuration.verify_ssl:
        # One warning per client here, instead of one per request from urllib3.
        warnings.warn(
            "TLS certificate verification is disabled (Configuration.verify_ssl=False): "
            "anyone on the network path can read the credentials this client sends.",
            urllib3.exceptions.InsecureRequestWarning,
            stacklevel=3,
        )
        https_pool = _UnverifiedHTTPSConnectionPool
    if configuration.assert_hostname is False and configuration.verify_ssl:
        warnings.warn(
            "TLS host name checking is disabled (Configuration.assert_hostname=False): any certificate "
            "from a trusted CA, for any host, is accepted, so a machine on the network path can impersonate "
            "the server and read the credentials this client sends.",
            urllib3.exceptions.InsecureRequestWarning,
            stacklevel=3,
        )
    manager.pool_classes_by_scheme = {"http": _HTTPConnectionPool, "https": https_pool}
    return manager


def _check_files(configuration: Configuration) -> None:
    """A missing certificate or key file is a configuration mistake: say so before connecting."""
    for name in ("cert_file", "key_file", "ssl_ca_cert"):
        path = getattr(configuration, name)
        if path is not None and not os.path.isfile(path):
            raise ApiValueError("Configuration.%s: no such file: %r" % (name, path))


def proxy_headers_of(configuration: Configuration) -> Dict[str, str]:
    """The headers sent to the proxy: ``Proxy-Authorization`` from its URL, then ``proxy_headers``.

    Checked like every header (a bad one fails here, before any connection).
    """
    if not configuration.proxy:
        return {}
    _, headers = _split_proxy_credentials(configuration.proxy)
    if configuration.proxy_headers:
        headers.update(configuration.proxy_headers)
    for name, value in headers.items():
        check_header(name, value, "Configuration.proxy_headers")
    return headers


def _split_proxy_credentials(proxy: str) -> Tuple[str, Dict[str, str]]:
    """Move ``user:password@`` out of a proxy URL into a Proxy-Authorization header."""
    parts = urlsplit(proxy)
    if not parts.username:
        return proxy, {}
    auth = "%s:%s" % (unquote(parts.username), unquote(parts.password or ""))
    netloc = parts.hostname or ""
    if parts.port:
        netloc += ":%d" % parts.port
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), dict(
        urllib3.util.make_headers(proxy_basic_auth=auth)
    )


# -- one place for forks and setting changes -------------------------------------------

_forks = [0]


def _count_fork() -> None:
    _forks[0] += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_count_fork)


def fork_generation() -> int:
    """How many times this process line has forked: changes in a child, costs no system call.

    A forked child must not use its parent's sockets or worker threads; whatever
    holds them compares this number and builds its own.
    """
    return _forks[0]


def transport_settings(configuration: Configuration) -> Tuple[Any, ...]:
    """The settings a pool is built from; when any changes, the next call gets a new pool."""
    proxy_headers = configuration.proxy_headers
    return (
        configuration.verify_ssl,
        configuration.ssl_ca_cert,
        configuration.cert_file,
        configuration.key_file,
        configuration.assert_hostname,
        configuration.proxy,
        tuple(sorted(proxy_headers.items())) if proxy_headers else None,
        configuration.connection_pool_maxsize,
    )


class PoolKeeper(object):
    """The urllib3 pool manager of one client, always matching its configuration.

    Rebuilt on the next call after a transport setting changed (TLS, proxy, pool size)
    or after ``os.fork()`` (the child never shares its parent's sockets). The old
    pool's idle connections are closed; calls still using them finish normally.
    """

    def __init__(self, configuration: Configuration, pools_size: int = 4, maxsize: Optional[int] = None) -> None:
        self.configuration = configuration
        self._pools_size = pools_size
        self._maxsize = maxsize
        self._lock = threading.Lock()
        self._key: Tuple[Any, ...] = ()
        self._manager: Any = None
        self._proxy_headers: Dict[str, str] = {}
        self.current()  # a bad setting (a missing certificate file...) fails here, at construction

    def current(self) -> Tuple[urllib3.PoolManager, Dict[str, str]]:
        """The pool manager for the configuration as it is now, and the proxy's headers."""
        key = (fork_generation(), transport_settings(self.configuration))
        if key != self._key:
            with self._lock:
                if key != self._key:
                    old, same_process = self._manager, bool(self._key) and self._key[0] == key[0]
                    self._proxy_headers = proxy_headers_of(self.configuration)
                    self._manager = build_pool_manager(self.configuration, self._pools_size, self._maxsize)
                    self._key = key
                    if old is not None and same_process:
                        old.clear()  # a setting changed; a forked child just leaves its parent's pool alone
        return self._manager, self._proxy_headers

    @property
    def manager(self) -> urllib3.PoolManager:
        return self.current()[0]

    def clear(self) -> None:
        """Close every pooled connection."""
        if self._manager is not None:
            self._manager.clear()
