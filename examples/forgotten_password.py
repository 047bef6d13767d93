"""The 4.11 forgotten-password flow: request a key by e-mail, then change the password with it.

    python examples/forgotten_password.py request alice
    python examples/forgotten_password.py change THE-KEY-FROM-THE-E-MAIL

The new password comes from CYCLOS_NEW_PASSWORD or a prompt; the security answer, when the
server asks a question, from CYCLOS_SECURITY_ANSWER or a prompt.
"""

from __future__ import annotations

import getpass
import os
import sys

import swagger_client
from swagger_client.exceptions import NotFoundException, ServiceException

from _common import configuration, run


def request(api: swagger_client.AuthApi, user: str) -> None:
    api.forgotten_password_request(swagger_client.ForgottenPasswordRequest(user=user))
    print("If %s exists, an e-mail with a reset key is on its way." % user)


def change(api: swagger_client.AuthApi, key: str) -> None:
    try:
        data = api.get_data_for_change_forgotten_password(key)
    except NotFoundException:
        sys.exit("That key is unknown, used or expired: request a new one.")
    params = swagger_client.ChangeForgottenPassword(key=key)
    if data.security_question:
        params.security_answer = os.environ.get("CYCLOS_SECURITY_ANSWER") or getpass.getpass(
            data.security_question + " "
        )
    if not data.generated:
        new_password = os.environ.get("CYCLOS_NEW_PASSWORD") or getpass.getpass("New password: ")
        params.new_password = params.new_password_confirmation = new_password
        params.check_confirmation = True
    try:
        api.change_forgotten_password(params)
    except ServiceException as e:
        if e.code == "invalidSecurityAnswer":
            sys.exit(
                "Wrong answer." + (" The key is now invalid." if getattr(e.error, "key_invalidated", False) else "")
            )
        raise
    print("A new password was e-mailed." if data.generated else "Password changed.")


def main(argv: list) -> None:
    if len(argv) != 2 or argv[0] not in ("request", "change"):
        sys.exit(__doc__)
    with swagger_client.ApiClient(configuration(with_credentials=False)) as client:
        api = swagger_client.AuthApi(client)
        (request if argv[0] == "request" else change)(api, argv[1])


if __name__ == "__main__":
    run(main, sys.argv[1:])
