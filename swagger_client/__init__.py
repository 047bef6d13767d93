"""Python client for the whole REST API of Cyclos 4.11.5.

Drop-in compatible with the swagger-codegen client::

    import swagger_client

    configuration = swagger_client.Configuration()
    configuration.host = "https://cyclos.example.com/api"
    configuration.username, configuration.password = "alice", "..."
    api = swagger_client.AuthApi(swagger_client.ApiClient(configuration))
    auth = api.login()

API classes (``swagger_client.UsersApi``...), models (``swagger_client.Auth``...) and
heavier modules load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, List

from swagger_client.version import __version__

# Public name -> module that defines it (loaded on first access).
_EXPORTS = {
    "ApiClient": "swagger_client.api_client",
    "BigDecimal": "swagger_client.decimals",
    "Configuration": "swagger_client.configuration",
    "open_session": "swagger_client.session",
    "Session": "swagger_client.session",
    "SecondaryPasswordRequired": "swagger_client.session",
    "ApiException": "swagger_client.exceptions",
    "ApiTypeError": "swagger_client.exceptions",
    "ApiValueError": "swagger_client.exceptions",
    "PropertyTypeError": "swagger_client.exceptions",
    "ApiConnectionError": "swagger_client.exceptions",
    "ApiTimeoutError": "swagger_client.exceptions",
    "ResponseDecodeError": "swagger_client.exceptions",
    "RedirectError": "swagger_client.exceptions",
    "ResponseTooLarge": "swagger_client.exceptions",
    "UnauthorizedException": "swagger_client.exceptions",
    "ForbiddenException": "swagger_client.exceptions",
    "NotFoundException": "swagger_client.exceptions",
    "ConflictException": "swagger_client.exceptions",
    "UnprocessableEntityException": "swagger_client.exceptions",
    "ServiceException": "swagger_client.exceptions",
}

if TYPE_CHECKING:
    from swagger_client.api import *  # noqa: F403
    from swagger_client.api_client import ApiClient as ApiClient
    from swagger_client.configuration import Configuration as Configuration
    from swagger_client.decimals import BigDecimal as BigDecimal
    from swagger_client.exceptions import ApiConnectionError as ApiConnectionError
    from swagger_client.exceptions import ApiException as ApiException
    from swagger_client.exceptions import ApiTimeoutError as ApiTimeoutError
    from swagger_client.exceptions import ApiTypeError as ApiTypeError
    from swagger_client.exceptions import ApiValueError as ApiValueError
    from swagger_client.exceptions import ConflictException as ConflictException
    from swagger_client.exceptions import ForbiddenException as ForbiddenException
    from swagger_client.exceptions import NotFoundException as NotFoundException
    from swagger_client.exceptions import PropertyTypeError as PropertyTypeError
    from swagger_client.exceptions import RedirectError as RedirectError
    from swagger_client.exceptions import ResponseDecodeError as ResponseDecodeError
    from swagger_client.exceptions import ResponseTooLarge as ResponseTooLarge
    from swagger_client.exceptions import ServiceException as ServiceException
    from swagger_client.exceptions import UnauthorizedException as UnauthorizedException
    from swagger_client.exceptions import UnprocessableEntityException as UnprocessableEntityException
    from swagger_client.models import *  # noqa: F403
    from swagger_client.session import SecondaryPasswordRequired as SecondaryPasswordRequired
    from swagger_client.session import Session as Session
    from swagger_client.session import open_session as open_session


def _models() -> Any:
    return importlib.import_module("swagger_client.models")


def _apis() -> Any:
    return importlib.import_module("swagger_client.api")


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    elif name.endswith("Api") and name in _apis()._MODULES:
        value = getattr(_apis(), name)
    else:
        models = _models()
        if name not in models._MODULES:
            raise AttributeError("module %r has no attribute %r" % (__name__, name))
        value = getattr(models, name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_EXPORTS) | set(_apis().__all__) | set(_models().__all__))


# API classes and models are reachable as attributes too (see __dir__).
__all__ = ["__version__", *_EXPORTS]
