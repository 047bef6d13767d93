"""``python -m swagger_client.testing``: serve the emulator in the foreground with demo users."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import List, Optional

from swagger_client.testing.emulator import CyclosEmulator

DEMO_USERS = [
    ("alice", "alice-password", "alice@example.com", "member", "+59899123456"),
    ("bob", "bob-password", "bob@example.com", "member", None),
    ("admin", "admin-password", "admin@example.com", "administrator", None),
]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swagger_client.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8888, help="port (default: 8888; 0 picks a free one)")
    parser.add_argument("--secondary-password", action="store_true", help="require a secondary password (PIN 1234)")
    args = parser.parse_args(argv)
    emu = CyclosEmulator(args.host, args.port, secondary_password_required=args.secondary_password)
    emu.start()
    for username, password, email, role, phone in DEMO_USERS:
        emu.add_user(
            username,
            password,
            email=email,
            role=role,
            name=username.title(),
            mobile_phone=phone,
            secondary_password="1234",
        )
    token = emu.add_access_client("alice")
    print("Cyclos 4.11.5 /auth emulator serving %s" % emu.url)
    print("Demo users (these are throwaway credentials of the local emulator):")
    for username, password, _, role, _ in DEMO_USERS:
        print("  %-6s password %-15s role %s" % (username, password, role))
    print("  access client token for alice: %s" % token)
    print("Press Ctrl+C to stop.")
    sys.stdout.flush()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        stopped.wait()
    except KeyboardInterrupt:
        pass
    emu.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
