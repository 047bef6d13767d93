"""API classes: one per tag of the spec (only ``AuthApi`` here)."""

from swagger_client.api.auth_api import AuthApi

__all__ = ["AuthApi"]
