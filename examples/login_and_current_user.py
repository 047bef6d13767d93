"""Log in, read the current user and permissions, log out.

CYCLOS_HOST=https://cyclos.example.com/api CYCLOS_USERNAME=alice python examples/login_and_current_user.py
"""

from __future__ import annotations

import swagger_client

from _common import configuration, run


def main() -> None:
    with swagger_client.open_session(configuration(), timeout_in_seconds=300) as session:
        auth = session.auth_api.get_current_auth()
        user = auth.user
        print("Logged in as %s (%s)" % (user.display if user else "?", auth.role))
        banking = auth.permissions.banking if auth.permissions else None
        for account in (banking.accounts or []) if banking else []:
            if account.account is not None:
                currency = account.account.currency
                print("  account %s in %s" % (account.account.number, currency.name if currency else "?"))
        print("Session expires after inactivity; logging out now.")


if __name__ == "__main__":
    run(main)
