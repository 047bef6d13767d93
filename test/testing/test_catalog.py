"""The generated catalog the emulator routes by agrees with the generated API classes."""

from __future__ import annotations

import importlib

from swagger_client import api
from swagger_client.operation import Operation
from swagger_client.testing.catalog import ENUMS, OBJECTS, OPERATIONS


def test_every_operation_of_every_api_class_is_in_the_catalog() -> None:
    seen = set()
    for module_name in api._MODULES.values():
        module = importlib.import_module("swagger_client.api." + module_name)
        seen.update((v.method, v.path) for v in vars(module).values() if isinstance(v, Operation))
    assert seen == {(method, path) for method, path, *_ in OPERATIONS.values()}
    assert len(OBJECTS) + len(ENUMS) == 495
