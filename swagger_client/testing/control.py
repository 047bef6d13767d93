"""The control API: drive an emulator from another process (curl, a non-Python suite).

Served under :data:`PREFIX` (outside the Cyclos paths) when the emulator is started
with ``control_api=True`` (``python -m swagger_client.testing`` does). It is part of
the emulator's own socket, so it answers only on the address the emulator binds.
Every route takes and returns JSON:

=========  ==========================  ===============================================
method     path                        does
=========  ==========================  ===============================================
GET        /__emulator/requests        the journal (``body`` as UTF-8 text)
DELETE     /__emulator/requests        clears it
GET        /__emulator/outbox          OTPs, forgotten-password keys, new passwords
POST       /__emulator/users           ``{"username", "password", ...add_user keywords}``
POST       /__emulator/access-clients  ``{"username", "token"?}`` -> ``{"token"}``
POST       /__emulator/stubs           ``{"operation", ...stub keywords}`` -> ``{"id"}``
DELETE     /__emulator/stubs           cancels every stub
POST       /__emulator/clock           ``{"advance": seconds}``
GET        /__emulator/settings        the settings
PATCH      /__emulator/settings        ``{name: value}``: changes them (as ``configure``)
POST       /__emulator/reset           back to what the emulator started with
=========  ==========================  ===============================================

Errors are ``400 {"error": "..."}`` (bad input) or ``404`` (no such route).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Callable, Dict, Optional, Tuple

__all__ = ["PREFIX", "ControlAPI"]

PREFIX = "/__emulator"


class ControlAPI(object):
    """Routes of the control API, run against one :class:`CyclosEmulator`."""

    def __init__(self, emulator: Any, on_reset: Optional[Callable[[], None]] = None) -> None:
        self.emulator = emulator
        self.on_reset = on_reset
        self._routes: Dict[Tuple[str, str], Callable[[Any], Tuple[int, Any]]] = {
            ("GET", "/requests"): self._requests,
            ("DELETE", "/requests"): self._clear_requests,
            ("GET", "/outbox"): self._outbox,
            ("POST", "/users"): self._add_user,
            ("POST", "/access-clients"): self._add_access_client,
            ("POST", "/stubs"): self._add_stub,
            ("DELETE", "/stubs"): self._clear_stubs,
            ("POST", "/clock"): self._clock,
            ("GET", "/settings"): self._settings,
            ("PATCH", "/settings"): self._configure,
            ("POST", "/reset"): self._reset,
        }

    def handle(self, method: str, path: str, body: bytes) -> Tuple[int, Any]:
        """``(status, JSON value)`` for one control request."""
        route = self._routes.get((method, path[len(PREFIX) :].rstrip("/")))
        if route is None:
            return 404, {"error": "no control route %s %s" % (method, path)}
        try:
            data = json.loads(body) if body else {}
        except (ValueError, RecursionError):
            return 400, {"error": "the body is not JSON"}
        try:
            return route(data)
        except (TypeError, ValueError, LookupError) as exc:
            return 400, {"error": str(exc)}

    # -- routes ------------------------------------------------------------------------------

    def _requests(self, data: Any) -> Tuple[int, Any]:
        entries = [dataclasses.asdict(r) for r in self.emulator.requests]
        for entry in entries:
            entry["body"] = entry["body"].decode("utf-8", "replace")
        return 200, entries

    def _clear_requests(self, data: Any) -> Tuple[int, Any]:
        self.emulator.clear_requests()
        return 204, None

    def _outbox(self, data: Any) -> Tuple[int, Any]:
        return 200, [dataclasses.asdict(m) for m in self.emulator.outbox]

    def _add_user(self, data: Any) -> Tuple[int, Any]:
        options = _object(data)
        user = self.emulator.add_user(options.pop("username"), options.pop("password"), **options)
        return 201, {"id": user.id, "username": user.username}

    def _add_access_client(self, data: Any) -> Tuple[int, Any]:
        options = _object(data)
        return 201, {"token": self.emulator.add_access_client(options["username"], options.get("token"))}

    def _add_stub(self, data: Any) -> Tuple[int, Any]:
        options = _object(data)
        if isinstance(options.get("body"), str):
            options["body"] = options["body"].encode("utf-8")  # a JSON string is served as text
        stub = self.emulator.stub(options.pop("operation"), **options)
        return 201, {"operation": stub.operation, "status": stub.status, "remaining": stub.remaining}

    def _clear_stubs(self, data: Any) -> Tuple[int, Any]:
        self.emulator.clear_stubs()
        return 204, None

    def _clock(self, data: Any) -> Tuple[int, Any]:
        seconds = _object(data).get("advance")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise ValueError('clock takes {"advance": seconds}')
        self.emulator.advance_time(seconds)
        return 204, None

    def _settings(self, data: Any) -> Tuple[int, Any]:
        return 200, dataclasses.asdict(self.emulator.settings)

    def _configure(self, data: Any) -> Tuple[int, Any]:
        options = _object(data)
        for name, value in list(options.items()):
            if isinstance(value, list):
                options[name] = tuple(value)
        self.emulator.configure(**options)
        return 200, dataclasses.asdict(self.emulator.settings)

    def _reset(self, data: Any) -> Tuple[int, Any]:
        self.emulator.reset()
        if self.on_reset is not None:
            self.on_reset()
        return 204, None


def _object(data: Any) -> Dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError("the body must be a JSON object")
    return dict(data)
