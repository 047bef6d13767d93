"""``python -m swagger_client.testing``: serve the emulator in the foreground.

With demo users (or those of ``--users FILE``), the JSON control API under
``/__emulator/`` for other processes, and a line on stdout for every OTP,
forgotten-password key or generated password it "sends", so a flow can be
finished by hand.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any, Dict, List, Optional

from swagger_client.testing.emulator import CyclosEmulator

DEMO_USERS: List[Dict[str, Any]] = [
    {
        "username": "alice",
        "password": "alice-password",
        "name": "Alice",
        "email": "alice@example.com",
        "mobile_phone": "+59899123456",
        "secondary_password": "1234",
    },
    {
        "username": "bob",
        "password": "bob-password",
        "name": "Bob",
        "email": "bob@example.com",
        "secondary_password": "1234",
    },
    {
        "username": "admin",
        "password": "admin-password",
        "name": "Admin",
        "email": "admin@example.com",
        "role": "administrator",
        "secondary_password": "1234",
    },
]


def _setting(text: str) -> Any:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError("--setting takes NAME=VALUE, got %r" % text)
    try:
        parsed = json.loads(value)  # numbers, true/false, ["email","sms"]...
    except ValueError:
        parsed = value  # a bare string
    return name.strip(), tuple(parsed) if isinstance(parsed, list) else parsed


def _users(path: str) -> List[Dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as handle:
            users = json.load(handle)
    except (OSError, ValueError) as exc:
        raise SystemExit("--users %s: %s" % (path, exc)) from None
    if not isinstance(users, list) or not all(isinstance(u, dict) and "username" in u for u in users):
        raise SystemExit('--users %s: expected a JSON list of {"username", "password", ...}' % path)
    return users


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swagger_client.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8888, help="port (default: 8888; 0 picks a free one)")
    parser.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM)...")
    parser.add_argument("--tls-key", help="...and this private key")
    parser.add_argument(
        "--setting", type=_setting, action="append", default=[], metavar="NAME=VALUE", help="any emulator setting"
    )
    parser.add_argument("--users", help="a JSON file: a list of add_user() keyword objects (instead of the demo users)")
    parser.add_argument("--seed", type=int, help="make tokens, OTPs and keys the same on every run")
    parser.add_argument("--secondary-password", action="store_true", help="require a secondary password (PIN 1234)")
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    settings = dict(args.setting)
    if args.secondary_password:
        settings["secondary_password_required"] = True
    users = _users(args.users) if args.users else DEMO_USERS
    try:
        emu = CyclosEmulator(
            args.host,
            args.port,
            tls=(args.tls_cert, args.tls_key) if args.tls_cert else None,
            seed=args.seed,
            control_api=True,
            **settings,
        )
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))

    def add_users() -> None:
        for user in users:
            options = dict(user)
            emu.add_user(options.pop("username"), options.pop("password"), **options)

    emu.start()
    add_users()
    assert emu.control is not None
    emu.control.on_reset = add_users  # a reset through the control API keeps these users
    print("Cyclos 4.11.5 emulator serving %s" % emu.url)
    print("Control API: %s (see the README)" % emu.url.replace("/api", "/__emulator"))
    print("Users (throwaway credentials of this local emulator):")
    for user in users:
        print("  %-8s password %-15s role %s" % (user["username"], user["password"], user.get("role", "member")))
    if users is DEMO_USERS:
        print("  access client token for alice: %s" % emu.add_access_client("alice"))
    print("Press Ctrl+C to stop.")
    sys.stdout.flush()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    printed = 0
    try:
        while not stopped.wait(0.2):
            outbox = emu.outbox
            for message in outbox[printed:]:
                print(
                    "sent %s by %s to %s (%s): %s"
                    % (message.kind, message.medium, message.recipient, message.username, message.value)
                )
                sys.stdout.flush()
            printed = len(outbox) if len(outbox) >= printed else 0  # a reset empties the outbox
    except KeyboardInterrupt:
        pass
    emu.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
