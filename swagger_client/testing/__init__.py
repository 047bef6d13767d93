"""Test support: a local Cyclos 4.11.5 server, stateful for ``/auth``, answering every operation.

::

    from swagger_client.testing import CyclosEmulator

    with CyclosEmulator() as emu:
        emu.add_user("alice", "s3cret-pass", email="alice@example.com")
        configuration = emu.configuration("alice", "s3cret-pass")

Standard library only; nothing here is imported by the client itself. Behaviour the
real server is not known to have for sure is chosen in
:mod:`swagger_client.testing.settings`, with the reasons.
"""

from swagger_client.testing.emulator import CyclosEmulator
from swagger_client.testing.settings import EmulatorSettings
from swagger_client.testing.state import EmulatedUser, Message
from swagger_client.testing.toolkit import RecordedRequest, Stub

__all__ = ["CyclosEmulator", "EmulatorSettings", "EmulatedUser", "Message", "RecordedRequest", "Stub"]
