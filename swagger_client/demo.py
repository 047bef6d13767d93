"""``python -m swagger_client.demo``: walk through the /auth flow and print a transcript.

Without arguments it starts the embedded emulator and creates a demo user, so it
needs no Cyclos server. ``--host URL --username NAME`` walks the same steps against
a real server, reading the password from ``CYCLOS_PASSWORD`` or a prompt (never from
the command line, where other users of the machine could read it).
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from contextlib import ExitStack
from typing import Any, Callable, List, Optional, TextIO, Tuple

import swagger_client
from swagger_client.exceptions import ApiException, ApiTypeError, ApiValueError

DEMO_USER = "demo"


class Transcript(object):
    """Numbered steps: request line, status, and the interesting fields."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.step = 0

    def call(
        self, request_line: str, call: Callable[[], Tuple[Any, int, Any]], describe: Callable[[Any], List[str]]
    ) -> Any:
        self.step += 1
        data, status, _ = call()
        self.out.write("%d. %s -> %d\n" % (self.step, request_line, status))
        for line in describe(data):
            self.out.write("     %s\n" % line)
        return data

    def expect_error(self, request_line: str, call: Callable[[], Any]) -> ApiException:
        self.step += 1
        try:
            call()
        except ApiException as exc:
            self.out.write(
                "%d. %s -> %d %s (%s)\n" % (self.step, request_line, exc.status or 0, exc.code, type(exc).__name__)
            )
            return exc
        raise SystemExit("%s unexpectedly succeeded" % request_line)


def walk(configuration: swagger_client.Configuration, out: TextIO, send_otp: bool = True) -> None:
    """data-for-login -> login -> get_current_auth -> new_otp -> logout -> loggedOut."""
    transcript = Transcript(out)
    guest = configuration.copy()
    guest.username = guest.password = None
    with ExitStack() as stack:
        guest_api = swagger_client.AuthApi(stack.enter_context(swagger_client.ApiClient(guest)))
        transcript.call(
            "GET /auth/data-for-login",
            guest_api.get_data_for_login_with_http_info,
            lambda d: [
                "principal types: %s" % ", ".join(p.name for p in (d.principal_types or [])),
                "forgotten password by: %s" % (", ".join(d.forgot_password_mediums or []) or "(disabled)"),
            ],
        )
        login_api = swagger_client.AuthApi(stack.enter_context(swagger_client.ApiClient(configuration)))
        auth = transcript.call(
            "POST /auth/session",
            login_api.login_with_http_info,
            lambda a: [
                "user: %s (%s)" % (a.user.display, a.role),
                "session token: %d characters (not shown)" % len(a.session_token or ""),
            ],
        )
        session_configuration = configuration.copy()
        session_configuration.username = session_configuration.password = None
        session_configuration.api_key["Session-Token"] = auth.session_token
        session_api = swagger_client.AuthApi(stack.enter_context(swagger_client.ApiClient(session_configuration)))
        transcript.call(
            "GET /auth (Session-Token)",
            session_api.get_current_auth_with_http_info,
            lambda a: [
                "user: %s, principal: %s" % (a.user.display, a.principal),
                "pending secondary password: %s, expired password: %s"
                % (a.pending_secondary_password, a.expired_password),
            ],
        )
        if send_otp:
            transcript.call(
                "POST /auth/otp?medium=email",
                lambda: session_api.new_otp_with_http_info("email"),
                lambda sent: ["one-time password sent to: %s" % ", ".join(sent)],
            )
        transcript.call("DELETE /auth/session", session_api.logout_with_http_info, lambda _: ["session closed"])
        transcript.expect_error("GET /auth with the old token", session_api.get_current_auth)
    out.write("Done.\n")


def run_against_emulator(out: TextIO) -> None:
    from swagger_client.testing import CyclosEmulator

    password = secrets.token_urlsafe(12)
    with CyclosEmulator() as emu:
        emu.add_user(DEMO_USER, password, email="demo@example.com", name="Demo User")
        out.write("Started the embedded Cyclos 4.11.5 emulator at %s (user %r)\n\n" % (emu.url, DEMO_USER))
        walk(emu.configuration(DEMO_USER, password, timeout=10), out)


class _NoPassword(Exception):
    """No CYCLOS_PASSWORD and no terminal to prompt on."""


def _prompt_password(username: str) -> str:
    missing = _NoPassword("no password: set CYCLOS_PASSWORD (there is no terminal to ask on)")
    if not sys.stdin or not sys.stdin.isatty():
        raise missing
    try:
        return getpass.getpass("Password for %s: " % username)
    except EOFError:
        raise missing from None


def main(argv: Optional[List[str]] = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m swagger_client.demo", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", help="API base URL of a real server, e.g. https://cyclos.example.com/api")
    parser.add_argument("--username", help="login name on that server (password: $CYCLOS_PASSWORD or a prompt)")
    parser.add_argument("--channel", help="Channel header to send (e.g. main)")
    parser.add_argument("--no-otp", action="store_true", help="skip the step that e-mails a one-time password")
    args = parser.parse_args(argv)
    try:
        if args.host is None:
            if args.username:
                parser.error("--username needs --host")
            run_against_emulator(out)
            return 0
        if not args.username:
            parser.error("--host needs --username")
        password = os.environ.get("CYCLOS_PASSWORD") or _prompt_password(args.username)
        configuration = swagger_client.Configuration(
            host=args.host, username=args.username, password=password, channel=args.channel
        )
        out.write("Walking the /auth flow against %s as %s\n\n" % (args.host, args.username))
        walk(configuration, out, send_otp=not args.no_otp)
        return 0
    except ApiException as exc:
        # "(401) Unauthorized: login": the status, the reason and the Cyclos code, on one line.
        first = str(exc).splitlines()[0] if exc.status else (exc.reason or "").strip()
        out.write("Failed: %s %s\n" % (type(exc).__name__, first))
        return 1
    except _NoPassword as exc:
        out.write("Failed: %s\n" % exc)
        return 2
    except KeyboardInterrupt:
        out.write("Interrupted.\n")
        return 130
    except (ApiTypeError, ApiValueError) as exc:  # e.g. a --host without https://
        out.write("Failed: %s\n" % exc)
        return 2


if __name__ == "__main__":
    sys.exit(main())
