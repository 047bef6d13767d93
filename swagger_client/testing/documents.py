"""The JSON documents the emulator answers with, shaped exactly as the spec's schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

if TYPE_CHECKING:
    from swagger_client.testing.state import EmulatedUser

LOGIN_PASSWORD_TYPE = {"id": "-1", "internalName": "login", "name": "Login password", "global": True, "mode": "manual"}
PIN_PASSWORD_TYPE = {"id": "-7", "internalName": "pin", "name": "PIN", "global": True, "mode": "manual"}
USERNAME_PRINCIPAL = {"id": "-1", "internalName": "username", "name": "Login name", "kind": "username"}
EMAIL_PRINCIPAL = {"id": "-2", "internalName": "email", "name": "E-mail", "kind": "email"}
LANGUAGE = {"id": "-1", "version": 3}
CONFIGURATION = {"id": "-2", "version": 12}
PIN_REFERENCE = {"id": "-7", "internalName": "pin", "name": "PIN"}
LOGIN_REFERENCE = {"id": "-1", "internalName": "login", "name": "Login password"}
ACCESS_CLIENT_TYPE = {"id": "-5", "name": "Access client", "internalName": "accessClient"}


def reference(entity: Dict[str, Any], *keys: str) -> Dict[str, Any]:
    return {k: entity[k] for k in keys if k in entity}


def guest_permissions() -> Dict[str, Any]:
    return {"users": {"search": True, "viewProfile": True, "map": True, "contacts": False}}


def user_permissions(role: str) -> Dict[str, Any]:
    """A plausible permission tree; every property name is one the spec defines."""
    currency = {
        "id": "-10",
        "name": "Units",
        "internalName": "units",
        "symbol": "U",
        "prefix": "U ",
        "suffix": "",
        "decimalDigits": 2,
    }
    account_type = {"id": "-20", "name": "Member account", "internalName": "memberAccount"}
    payment_type = {
        "id": "-30",
        "name": "Member payment",
        "internalName": "memberAccount.payment",
        "related": account_type,
    }
    return {
        "users": {"search": True, "viewProfile": True, "map": True, "contacts": True},
        "myProfile": {
            "editProfile": True,
            "manageAddresses": True,
            "managePhones": True,
            "manageImages": True,
            "canCreateAddress": True,
            "canCreateMobile": True,
            "maxAddresses": 3,
            "maxMobiles": 3,
            "addressAvailability": "optional",
            "mobileAvailability": "optional",
        },
        "banking": {
            "accounts": [
                {
                    "account": {"id": "-40", "number": "123456789", "type": account_type, "currency": currency},
                    "visible": True,
                    "userPayments": [payment_type],
                    "systemPayments": [],
                    "selfPayments": [],
                    "posPayments": [],
                }
            ],
            "payments": {"user": True, "system": role == "administrator", "self": True, "pos": False},
            "authorizations": {"view": True, "authorize": False, "deny": False, "cancel": False},
            "scheduledPayments": {
                "view": True,
                "process": False,
                "block": False,
                "unblock": False,
                "cancel": True,
                "settle": False,
            },
            "recurringPayments": {"view": True, "cancel": True},
            "externalPayments": {"view": False},
            "paymentRequests": {
                "view": True,
                "accept": True,
                "reject": True,
                "cancel": True,
                "reschedule": False,
                "changeExpiration": False,
                "authorize": False,
            },
            "tickets": {"view": True, "create": True, "cancel": True, "approve": True, "accept": True},
        },
        "marketplace": {"search": True, "viewAdvertisements": True, "viewWebshop": True, "purchase": True},
        "passwords": {
            "manage": True,
            "passwords": [
                {"type": LOGIN_PASSWORD_TYPE, "change": True, "enable": False, "reset": False, "unblock": False}
            ],
        },
        "records": {"user": [], "system": []},
        "operations": {"user": [], "system": []},
        "contacts": {"enable": True, "hasVisibleFields": False, "hasEditableFields": False},
        "notifications": {"enable": True},
        "tokens": {"nfc": []},
    }


def guest_auth() -> Dict[str, Any]:
    return {"language": LANGUAGE, "permissions": guest_permissions(), "configuration": CONFIGURATION}


def user_auth(
    user: EmulatedUser,
    *,
    principal: Optional[str] = None,
    principal_type: str = "username",
    session_token: Optional[str] = None,
    access_client: Optional[Dict[str, Any]] = None,
    pending_secondary_password: bool = False,
    secondary_password_required: bool = False,
) -> Dict[str, Any]:
    """The ``Auth`` document for ``user`` under the credential it used."""
    doc: Dict[str, Any] = {
        "user": {"id": user.id, "display": user.name, "shortDisplay": user.username},
        "language": LANGUAGE,
        "global": user.role == "administrator",
        "permissions": user_permissions(user.role),
        "principalType": reference(
            EMAIL_PRINCIPAL if principal_type == "email" else USERNAME_PRINCIPAL, "id", "name", "internalName"
        ),
        "passwordType": LOGIN_PASSWORD_TYPE,
        "expiredPassword": user.password_expired,
        "pendingAgreements": user.pending_agreements,
        "expiredSecondaryPassword": False,
        "pendingSecondaryPassword": pending_secondary_password,
        "role": user.role,
        "configuration": CONFIGURATION,
    }
    if user.role == "administrator":
        doc["systemAdministrator"] = True
    if user.role == "operator":
        doc["aliasOperator"] = False
    if access_client is None:
        doc["principal"] = principal or user.username
    else:
        doc["accessClient"] = access_client
        doc["principalType"] = dict(ACCESS_CLIENT_TYPE)
    if session_token is not None:
        doc["sessionToken"] = session_token
    if secondary_password_required:
        doc["secondaryPasswordType"] = PIN_PASSWORD_TYPE
    return doc


def data_for_login(mediums: List[str], captcha: bool) -> Dict[str, Any]:
    doc: Dict[str, Any] = {
        "accessPasswordType": reference(LOGIN_PASSWORD_TYPE, "id", "name", "internalName"),
        "principalTypes": [dict(USERNAME_PRINCIPAL, allowManualInput=True)],
        "defaultPrincipalType": "username",
        "extraForgotPasswordPrincipalTypes": [dict(EMAIL_PRINCIPAL, allowManualInput=True)],
        "loginPasswordInput": login_password_input(),
        "forgotPasswordMediums": list(mediums),
    }
    if captcha:
        doc["forgotPasswordCaptchaProvider"] = "internal"
    return doc


def login_password_input() -> Dict[str, Any]:
    return {
        "id": "-1",
        "internalName": "login",
        "name": "Login password",
        "mode": "manual",
        "inputMethod": "textBox",
        "minLength": 4,
        "maxLength": 64,
        "hasActivePassword": True,
    }


def secondary_password_input(has_password: bool) -> Dict[str, Any]:
    return {
        "id": PIN_PASSWORD_TYPE["id"],
        "internalName": PIN_PASSWORD_TYPE["internalName"],
        "name": PIN_PASSWORD_TYPE["name"],
        "mode": "manual",
        "inputMethod": "textBox",
        "minLength": 4,
        "maxLength": 6,
        "hasActivePassword": has_password,
    }


# -- error bodies (compact, code-only, as the real server sends them) -----------------


def unauthorized(code: str, **extra: Any) -> Dict[str, Any]:
    return dict({"code": code}, **extra)


def forbidden(code: str, password_type: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    body: Dict[str, Any] = {"code": code}
    if password_type is not None:
        body["passwordType"] = password_type
    return body


def not_found(entity_type: str, key: str) -> Dict[str, Any]:
    return {"entityType": entity_type, "key": key}


def input_error(code: str, **extra: Any) -> Dict[str, Any]:
    return dict({"code": code}, **extra)


def validation_error(property_errors: Dict[str, List[str]]) -> Dict[str, Any]:
    return {
        "code": "validation",
        "generalErrors": [],
        "properties": sorted(property_errors),
        "propertyErrors": property_errors,
    }


def server_error(exception_type: str, kind: str = "general", **extra: Any) -> Dict[str, Any]:
    return dict({"exceptionType": exception_type, "kind": kind}, **extra)
