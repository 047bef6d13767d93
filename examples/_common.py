"""Shared set-up for the examples: where the server is and who logs in, from the environment.

CYCLOS_HOST       API base URL, e.g. https://cyclos.example.com/api
CYCLOS_USERNAME   login name
CYCLOS_PASSWORD   password (prompted for when unset; never taken from the command line)
CYCLOS_CHANNEL    optional Channel header, e.g. main
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any, Callable

import swagger_client


def configuration(with_credentials: bool = True) -> swagger_client.Configuration:
    host = os.environ.get("CYCLOS_HOST")
    if not host:
        sys.exit("Set CYCLOS_HOST to the API base URL (python -m swagger_client.testing serves a local one).")
    config = swagger_client.Configuration(host=host, channel=os.environ.get("CYCLOS_CHANNEL"))
    if with_credentials:
        config.username = os.environ.get("CYCLOS_USERNAME") or input("Username: ")
        config.password = os.environ.get("CYCLOS_PASSWORD") or _prompt_password()
    return config


def _prompt_password() -> str:
    if not sys.stdin or not sys.stdin.isatty():
        sys.exit("No password: set CYCLOS_PASSWORD (there is no terminal to ask on).")
    try:
        return getpass.getpass("Password: ")
    except EOFError:
        sys.exit("No password: set CYCLOS_PASSWORD.")


def run(main: Callable[..., Any], *args: Any) -> None:
    """Run an example's ``main``; a failed call ends in one line and exit status 1, not a traceback."""
    try:
        main(*args)
    except swagger_client.ApiException as exc:
        first = str(exc).splitlines()[0] if exc.status else exc.reason
        sys.exit("Failed: %s %s" % (type(exc).__name__, first))
    except KeyboardInterrupt:
        sys.exit("Interrupted.")
