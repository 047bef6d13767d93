"""TLS (certificates minted here with trustme) and proxies (a real local proxy)."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Iterator, Tuple

import pytest
import trustme
import urllib3

import swagger_client
from swagger_client.exceptions import ApiConnectionError, ApiException
from swagger_client.testing import CyclosEmulator
from test.proxy_server import ProxyServer


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def write_pair(ca: trustme.CA, tmp_path: Path, *names: str) -> Tuple[str, str]:
    cert = ca.issue_cert(*names)
    cert_file, key_file = tmp_path / ("%s.pem" % names[0]), tmp_path / ("%s.key" % names[0])
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_file), append=True)
    cert.private_key_pem.write_to_path(str(key_file))
    return str(cert_file), str(key_file)


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def tls_emulator(ca: trustme.CA, tmp_path: Path) -> Iterator[CyclosEmulator]:
    with CyclosEmulator(tls=write_pair(ca, tmp_path, "127.0.0.1", "localhost")) as emu:
        emu.add_user("alice", "alice-password", name="Alice")
        yield emu


def auth_api(configuration: swagger_client.Configuration) -> swagger_client.AuthApi:
    configuration.retries = 0
    return swagger_client.AuthApi(swagger_client.ApiClient(configuration))


def test_verification_is_on_by_default_and_refuses_an_unknown_ca(tls_emulator: CyclosEmulator) -> None:
    assert tls_emulator.url.startswith("https://")
    with pytest.raises(ApiConnectionError, match="TLS error: certificate verification failed") as info:
        auth_api(tls_emulator.configuration("alice", "alice-password")).get_current_auth()
    assert "alice-password" not in str(info.value)


def test_ssl_ca_cert_trusts_a_private_ca(tls_emulator: CyclosEmulator, ca_file: str) -> None:
    auth = auth_api(tls_emulator.configuration("alice", "alice-password", ssl_ca_cert=ca_file)).get_current_auth()
    assert auth.user.display == "Alice"


def test_wrong_host_name_is_refused_and_assert_hostname_accepts_it(
    ca: trustme.CA, tmp_path: Path, ca_file: str
) -> None:
    with CyclosEmulator(tls=write_pair(ca, tmp_path, "cyclos.example.com")) as emu:
        emu.add_user("alice", "alice-password")
        with pytest.raises(ApiConnectionError, match="TLS error: certificate does not match the host name"):
            auth_api(emu.configuration("alice", "alice-password", ssl_ca_cert=ca_file)).get_current_auth()
        configuration = emu.configuration(
            "alice", "alice-password", ssl_ca_cert=ca_file, assert_hostname="cyclos.example.com"
        )
        assert auth_api(configuration).get_current_auth().principal == "alice"


def test_client_certificates(ca: trustme.CA, tmp_path: Path, ca_file: str) -> None:
    client_cert, client_key = write_pair(ca, tmp_path, "client@example.com")
    with CyclosEmulator(tls=write_pair(ca, tmp_path, "127.0.0.1"), tls_client_ca=ca_file) as emu:
        emu.add_user("alice", "alice-password")
        with pytest.raises(ApiConnectionError):
            auth_api(emu.configuration("alice", "alice-password", ssl_ca_cert=ca_file)).get_current_auth()
        configuration = emu.configuration(
            "alice", "alice-password", ssl_ca_cert=ca_file, cert_file=client_cert, key_file=client_key
        )
        assert auth_api(configuration).get_current_auth().principal == "alice"


def test_verify_ssl_false_warns_once(tls_emulator: CyclosEmulator) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api = auth_api(tls_emulator.configuration("alice", "alice-password", verify_ssl=False))
        for _ in range(3):
            assert api.get_current_auth().principal == "alice"
    # Only urllib3's kind counts: a ResourceWarning for another test's socket, collected
    # meanwhile, may land here too.
    messages = [str(w.message) for w in caught if issubclass(w.category, urllib3.exceptions.InsecureRequestWarning)]
    assert len(messages) == 1 and "verification is disabled" in messages[0]


# -- proxies ------------------------------------------------------------------------------


def test_http_through_an_authenticating_proxy_without_leaking_its_password(
    emulator: CyclosEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with ProxyServer(credentials=("proxyuser", "proxy-SECRET")) as proxy:
        proxy_url = proxy.url.replace("http://", "http://proxyuser:proxy-SECRET@")
        configuration = emulator.configuration("alice", "alice-password", proxy=proxy_url, debug=True)
        assert auth_api(configuration).get_current_auth().principal == "alice"
        assert proxy.seen[0].startswith("GET %s/auth" % emulator.url)
        assert proxy.proxy_authorizations[0] and proxy.proxy_authorizations[0].startswith("Basic ")
        assert "proxy-SECRET" not in repr(configuration)
        wrong = emulator.configuration(
            "alice", "alice-password", proxy=proxy.url.replace("http://", "http://proxyuser:wrong-SECRET@")
        )
        with pytest.raises(ApiException) as info:
            auth_api(wrong).get_current_auth()
        assert info.value.status == 407
        assert "SECRET" not in str(info.value)
    assert "SECRET" not in caplog.text and "proxyuser:" not in caplog.text


def test_https_through_a_proxy_uses_connect(tls_emulator: CyclosEmulator, ca_file: str) -> None:
    with ProxyServer(credentials=("u", "p-SECRET")) as proxy:
        configuration = tls_emulator.configuration(
            "alice", "alice-password", ssl_ca_cert=ca_file, proxy=proxy.url.replace("http://", "http://u:p-SECRET@")
        )
        assert auth_api(configuration).get_current_auth().user.display == "Alice"
        assert proxy.seen[0].startswith("CONNECT 127.0.0.1:%d HTTP/1." % tls_emulator.port)
        wrong = tls_emulator.configuration(
            "alice", "alice-password", ssl_ca_cert=ca_file, proxy=proxy.url.replace("http://", "http://u:bad-SECRET@")
        )
        with pytest.raises(ApiConnectionError, match="proxy error") as info:
            auth_api(wrong).get_current_auth()
        assert "SECRET" not in str(info.value)
