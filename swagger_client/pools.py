"""The urllib3 pool manager for a configuration: TLS, client certificates, proxy, read buffer.

Connections come from our own small subclasses of urllib3's classes, for one reason:
each response is read through a 64 KiB buffer instead of ``http.client``'s 8 KiB.
A socket with a timeout (ours always has one by default) makes CPython ``poll()``
before every ``recv()``; with the larger buffer a typical Cyclos answer (status line,
headers and a body of some tens of KiB) arrives in one ``recv()`` instead of three,
which matters most when many threads share one client and compete for the GIL.
Nothing else about urllib3's behaviour changes.
"""

from __future__ import annotations

import http.client
import ssl
import warnings
from typing import Any, Dict, Optional, Tuple
from urllib.parse import unquote, urlsplit, urlunsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from swagger_client.configuration import Configuration
from swagger_client.retries import build_retry

#: Bytes read from the socket at once for each response. Below glibc's 128 KiB mmap
#: threshold, so the buffer comes from (and returns to) the heap without page faults.
READ_BUFFER_SIZE = 64 * 1024


class _LargeReadBuffer(object):
    """Hands ``http.client.HTTPResponse`` a socket file with a larger buffer.

    ``HTTPResponse.__init__`` only calls ``sock.makefile("rb")``; it has no parameter
    for the buffer size, so this stands in for the socket during that one call.
    """

    __slots__ = ("_sock",)

    def __init__(self, sock: Any) -> None:
        self._sock = sock

    def makefile(self, mode: str) -> Any:
        return self._sock.makefile(mode, buffering=READ_BUFFER_SIZE)


class _BufferedHTTPResponse(http.client.HTTPResponse):
    def __init__(self, sock: Any, debuglevel: int = 0, method: Optional[str] = None, url: Optional[str] = None) -> None:
        super().__init__(_LargeReadBuffer(sock), debuglevel, method, url)  # type: ignore[arg-type]


class _HTTPConnection(HTTPConnection):
    response_class = _BufferedHTTPResponse


class _HTTPSConnection(HTTPSConnection):
    response_class = _BufferedHTTPResponse


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
        proxy_url, proxy_headers = _split_proxy_credentials(configuration.proxy)
        if configuration.proxy_headers:
            proxy_headers.update(configuration.proxy_headers)
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
    manager.pool_classes_by_scheme = {"http": _HTTPConnectionPool, "https": https_pool}
    return manager


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
