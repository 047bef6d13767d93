"""One example of every error class, each provoked harmlessly against the server in CYCLOS_HOST.

No real account is touched: the failing login uses a user that does not exist.
"""

from __future__ import annotations

import socket

import swagger_client
from swagger_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    NotFoundException,
    ServiceException,
    UnauthorizedException,
    UnprocessableEntityException,
)

from _common import configuration, run


def explain(what: str, call) -> None:  # type: ignore[no-untyped-def]
    try:
        call()
        print("%-38s -> succeeded" % what)
    except UnauthorizedException as e:  # 401: e.code says why (login, loggedOut, ...)
        print("%-38s -> 401 %s" % (what, e.code))
    except NotFoundException as e:  # 404: e.error.entity_type names what is missing
        print("%-38s -> 404 %s not found" % (what, e.error.entity_type if e.error else "?"))
    except UnprocessableEntityException as e:  # 422: e.error is an InputError
        print("%-38s -> 422 %s" % (what, e.code))
    except ServiceException as e:  # 5xx: e.error.kind tells the kind of failure
        print("%-38s -> %d %s" % (what, e.status, e.code or (e.error.kind if e.error else "")))
    except ApiTimeoutError as e:  # status 0: connect or read timeout
        print("%-38s -> timeout: %s" % (what, e.reason))
    except ApiConnectionError as e:  # status 0: refused, reset, TLS, proxy
        print("%-38s -> connection error: %s" % (what, e.reason))
    except ApiException as e:  # anything else from the server (403, 409, ...)
        print("%-38s -> %d %s" % (what, e.status, e.code))
    except (ApiTypeError, ApiValueError) as e:  # bad arguments: nothing was sent
        print("%-38s -> %s: %s" % (what, type(e).__name__, e))


def main() -> None:
    guest = swagger_client.AuthApi(swagger_client.ApiClient(configuration(with_credentials=False)))
    stranger = configuration(with_credentials=False)
    stranger.username, stranger.password = "no-such-user-example", "wrong"
    stale = configuration(with_credentials=False)
    stale.api_key["Session-Token"] = "expired-or-made-up-token"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    nowhere = swagger_client.Configuration(host="http://127.0.0.1:%d/api" % closed_port, retries=0, timeout=2)

    explain("login as an unknown user", swagger_client.AuthApi(swagger_client.ApiClient(stranger)).login)
    explain(
        "GET /auth with a stale session token", swagger_client.AuthApi(swagger_client.ApiClient(stale)).get_current_auth
    )
    explain("new_otp as a guest", lambda: guest.new_otp("email"))
    explain("new_otp with an unknown medium", lambda: guest.new_otp("pigeon"))
    explain("data-for-change with a bogus key", lambda: guest.get_data_for_change_forgotten_password("bogus"))
    explain("an unexpected keyword", lambda: guest.get_current_auth(colour="red"))
    explain("a server that is not there", swagger_client.AuthApi(swagger_client.ApiClient(nowhere)).get_current_auth)


if __name__ == "__main__":
    run(main)
