"""Disconnect the access client whose token this program holds (it must be activated again).

CYCLOS_ACCESS_CLIENT_TOKEN=... [CYCLOS_CONFIRMATION_PASSWORD=...] python examples/access_client_disconnect.py
"""

from __future__ import annotations

import os
import sys

import swagger_client
from swagger_client.exceptions import ForbiddenException

from _common import configuration, run


def main() -> None:
    config = configuration(with_credentials=False)
    config.api_key["Access-Client-Token"] = os.environ.get("CYCLOS_ACCESS_CLIENT_TOKEN") or sys.exit(
        "Set CYCLOS_ACCESS_CLIENT_TOKEN"
    )
    with swagger_client.ApiClient(config) as client:
        api = swagger_client.AuthApi(client)
        auth = api.get_current_auth()
        print(
            "Access client %s of %s"
            % (auth.access_client.id if auth.access_client else "?", auth.user.display if auth.user else "?")
        )
        try:
            api.disconnect_current_client(confirmation_password=os.environ.get("CYCLOS_CONFIRMATION_PASSWORD"))
        except ForbiddenException as e:
            if e.code == "invalidPassword":
                sys.exit("The channel wants a confirmation password: set CYCLOS_CONFIRMATION_PASSWORD.")
            raise
        print("Disconnected. The token no longer works until the client is activated again.")


if __name__ == "__main__":
    run(main)
