"""The eleven ``/auth`` operations of the emulator, as functions of the state and a request.

Each takes the :class:`EmulatorState` (its lock held by the caller) and a parsed
:class:`Request`, and returns a :class:`Reply` or raises :class:`Refusal`.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Tuple

from swagger_client.testing import documents as docs
from swagger_client.testing import settings as choices
from swagger_client.testing.fields_filter import FieldsConflict, FieldsTooDeep, apply_fields, parse_fields
from swagger_client.testing.state import (
    Caller,
    EmulatedSession,
    EmulatorState,
    ForgottenPasswordKey,
    Message,
    PasswordState,
    Refusal,
    Reply,
    Request,
)


def get_current_auth(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    return Reply(200, filtered(state.auth_document(caller), request))


def get_data_for_login(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    if caller.user is not None:
        return Reply(204)
    s = state.settings
    return Reply(
        200, filtered(docs.data_for_login(list(s.forgot_password_mediums), s.forgot_password_captcha), request)
    )


def login(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    if caller.kind == "guest":
        raise Refusal(401, docs.unauthorized("missingAuthorization"))
    if caller.kind == "session":
        raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
    user = state.require_user(caller)
    if user.stateless_only:
        raise Refusal(401, docs.unauthorized("invalidChannelUsage"))
    timeout = state.settings.session_timeout
    requested = int_param(request, "timeoutInSeconds")
    if requested is not None and 0 < requested < timeout:
        timeout = float(requested)
    pending = state.settings.secondary_password_required
    if pending and user.secondary.value is None:
        raise Refusal(401, docs.unauthorized("login", missingSecondaryPassword=docs.PIN_PASSWORD_TYPE))
    cookie_mode = bool_param(request, "cookie") is True
    state.purge_expired_sessions()  # so 20,000 expired logins do not stay in memory
    token = state.token_hex(32)  # 64 characters: splits exactly in two halves
    session = EmulatedSession(
        token,
        user,
        timeout,
        state.now(),
        pending,
        cookie_mode,
        caller.principal or user.username,
        caller.principal_type,
    )
    state.sessions[token] = session
    headers: List[Tuple[str, str]] = []
    returned = token
    if cookie_mode:
        half = len(token) // 2
        returned = token[:half]
        headers.append(
            ("Set-Cookie", "Session-Token=%s; Path=%s; HttpOnly" % (token[half:], state.settings.cookie_path))
        )
    logged_in = Caller(
        "session",
        user=user,
        session=session,
        access_client=caller.access_client,
        principal=session.principal,
        principal_type=session.principal_type,
    )
    return Reply(200, filtered(state.auth_document(logged_in, session_token=returned), request), headers)


def logout(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    if caller.kind == "guest":
        raise Refusal(401, docs.unauthorized("missingAuthorization"))
    if caller.session is None:
        raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
    state.sessions.pop(caller.session.token, None)
    headers = []
    if bool_param(request, "cookie") is True:
        headers.append(("Set-Cookie", "Session-Token=; Path=%s; Max-Age=0; HttpOnly" % state.settings.cookie_path))
    return Reply(200, None, headers)


def get_secondary_password_input(state: EmulatorState, request: Request) -> Reply:
    session = _pending_session(state, request)
    return Reply(200, filtered(docs.secondary_password_input(session.user.secondary.value is not None), request))


def validate_secondary_password(state: EmulatorState, request: Request) -> Reply:
    session = _pending_session(state, request)
    if not request.body:
        # Nothing to check: a missing input, not a wrong password (no attempt is counted).
        raise Refusal(422, docs.input_error("missingParameter", name="password"))
    given = request.body.decode("utf-8", "replace")
    if state.settings.lenient_secondary_password and len(given) >= 2 and given[0] == given[-1] == '"':
        given = json.loads(given)
    state.check_password(
        session.user.secondary,
        given,
        lambda status: Refusal(403, docs.forbidden(status, docs.PIN_REFERENCE)),
        wrong=Refusal(403, docs.forbidden("invalidPassword", docs.PIN_REFERENCE)),
    )
    session.pending_secondary = False
    return Reply(204)


def _pending_session(state: EmulatorState, request: Request) -> EmulatedSession:
    caller = state.authenticate(request)
    if caller.kind == "guest":
        raise Refusal(401, docs.unauthorized("missingAuthorization"))
    session = caller.session
    if session is None or not session.pending_secondary or not state.settings.secondary_password_required:
        raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
    return session


def disconnect_current_client(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    if caller.kind == "guest":
        raise Refusal(401, docs.unauthorized("missingAuthorization"))
    client = caller.access_client
    if client is None:
        raise Refusal(403, docs.forbidden(choices.NO_SUCH_STATE_CODE))
    state.check_restricted(caller, allowed_while_pending=False)
    if state.settings.confirmation_password_required:
        given = request.headers.get("confirmationPassword")
        password_type = docs.LOGIN_REFERENCE
        if given is None:
            if state.settings.missing_confirmation_password == "missingParameter":
                raise Refusal(422, docs.input_error("missingParameter", name="confirmationPassword"))
            raise Refusal(403, docs.forbidden("invalidPassword", password_type))
        state.check_password(
            client.user.password,
            given,
            lambda status: Refusal(403, docs.forbidden(status, password_type)),
            wrong=Refusal(403, docs.forbidden("invalidPassword", password_type)),
        )
    client.status = "disconnected"
    return Reply(200)


def new_otp(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    user = state.require_user(caller)
    state.check_restricted(caller, allowed_while_pending=False)
    values = request.query.get("medium") or []
    if not values or not values[0]:
        raise Refusal(422, docs.input_error("missingParameter", name="medium"))
    medium = values[0]
    if medium not in ("email", "sms"):
        raise Refusal(422, docs.input_error("dataConversion", name="medium", value=medium))
    if medium == "email":
        if not user.email:
            raise Refusal(422, docs.input_error("validation", generalErrors=["The user has no e-mail address"]))
        recipients = [user.email]
    else:
        if not user.mobile_phone:
            raise Refusal(
                422, docs.input_error("validation", generalErrors=["The user has no mobile phone enabled for SMS"])
            )
        if state.settings.sms_failure:
            raise Refusal(
                500,
                docs.server_error(
                    "OtpException", kind="otp", code="errorSendingSms", smsStatus=state.settings.sms_failure
                ),
            )
        recipients = [user.mobile_phone]
    code = "%06d" % state.randbelow(10**6)
    state.outbox.append(Message("otp", medium, recipients, user.username, code))
    return Reply(200, recipients)


def forgotten_password_request(state: EmulatorState, request: Request) -> Reply:
    caller = state.authenticate(request)
    del caller  # any credential may call it; the official UI calls it as a guest
    s = state.settings
    if not s.forgot_password_mediums:
        raise Refusal(403, docs.forbidden("illegalAction"))
    body = json_body(request)
    principal = body.get("user")
    if not isinstance(principal, str) or not principal:
        raise Refusal(422, docs.validation_error({"user": ["User is required"]}))
    if s.forgot_password_captcha:
        captcha = body.get("captcha")
        answer = captcha.get("response") if isinstance(captcha, dict) else None
        if answer != s.captcha_answer:
            raise Refusal(422, docs.validation_error({"captcha": ["The captcha response is invalid"]}))
    user = state.find_user(principal)
    if user is None:
        if s.forgotten_password_unknown_user == "notFound":
            raise Refusal(404, docs.not_found("user", principal))
        return Reply(204)
    # The first configured medium the user can receive the key on (nothing is sent otherwise).
    addresses = {"email": user.email or "", "sms": user.mobile_phone or ""}
    medium = next((m for m in s.forgot_password_mediums if addresses.get(m)), None)
    if medium is not None:
        key = state.new_forgotten_password_key(user).key
        state.outbox.append(Message("forgottenPasswordKey", medium, [addresses[medium]], user.username, key))
    return Reply(204)


def get_data_for_change_forgotten_password(state: EmulatorState, request: Request) -> Reply:
    state.authenticate(request)
    values = request.query.get("key") or []
    if not values or not values[0]:
        raise Refusal(422, docs.input_error("missingParameter", name="key"))
    entry = _key(state, values[0])
    doc: Dict[str, Any] = {"generated": state.settings.forgot_password_generated}
    if entry.user.security_question:
        doc["securityQuestion"] = entry.user.security_question
    return Reply(200, filtered(doc, request))


def change_forgotten_password(state: EmulatorState, request: Request) -> Reply:
    state.authenticate(request)
    body = json_body(request)
    key = body.get("key")
    if not isinstance(key, str) or not key:
        raise Refusal(422, docs.validation_error({"key": ["Key is required"]}))
    entry = _key(state, key)
    user = entry.user
    if user.security_question:
        answer = body.get("securityAnswer")
        if not isinstance(answer, str) or answer.strip().lower() != (user.security_answer or "").strip().lower():
            entry.wrong_answers += 1
            invalidated = entry.wrong_answers >= state.settings.max_security_answer_attempts
            if invalidated:
                del state.keys[key]
            raise Refusal(
                500,
                docs.server_error(
                    "ForgottenPasswordException",
                    kind="forgottenPassword",
                    code="invalidSecurityAnswer",
                    keyInvalidated=invalidated,
                ),
            )
    if state.settings.forgot_password_generated:
        new_password = state.token_urlsafe(9)
        state.outbox.append(Message("generatedPassword", "email", [user.email or ""], user.username, new_password))
    else:
        chosen = body.get("newPassword")
        errors: Dict[str, List[str]] = {}
        if not isinstance(chosen, str) or not chosen:
            errors["newPassword"] = ["New password is required"]
        elif len(chosen) < state.settings.min_password_length:
            errors["newPassword"] = ["New password is too short"]
        elif body.get("checkConfirmation") is True and body.get("newPasswordConfirmation") != chosen:
            errors["newPasswordConfirmation"] = ["The password confirmation does not match"]
        if errors or not isinstance(chosen, str):
            raise Refusal(422, docs.validation_error(errors))
        new_password = chosen
    user.password = PasswordState(new_password)
    del state.keys[key]
    return Reply(204)


def _key(state: EmulatorState, key: str) -> ForgottenPasswordKey:
    entry = state.keys.get(key)
    if entry is not None and state.now() - entry.created > state.settings.forgotten_password_key_seconds:
        del state.keys[key]  # expired
        entry = None
    if entry is None:
        raise Refusal(404, docs.not_found(choices.FORGOTTEN_PASSWORD_KEY_ENTITY, key))
    return entry


# -- request helpers ----------------------------------------------------------------------


def filtered(document: Any, request: Request) -> Any:
    try:
        node = parse_fields(request.query.get("fields", []))
    except (FieldsConflict, FieldsTooDeep) as exc:
        raise Refusal(422, docs.input_error(choices.FIELDS_CONFLICT_CODE, generalErrors=[str(exc)])) from None
    return apply_fields(document, node)


def json_body(request: Request) -> Dict[str, Any]:
    if not request.body:
        raise Refusal(422, docs.input_error("missingParameter", name="body"))
    try:
        body = json.loads(request.body)
    except (ValueError, RecursionError):  # not JSON, or nested beyond any real document
        raise Refusal(422, docs.input_error("dataConversion", name="body")) from None
    if not isinstance(body, dict):
        raise Refusal(422, docs.input_error("dataConversion", name="body"))
    return body


def bool_param(request: Request, name: str) -> Optional[bool]:
    values = request.query.get(name)
    if not values:
        return None
    value = values[0].lower()
    if value not in ("true", "false"):
        raise Refusal(422, docs.input_error("dataConversion", name=name, value=values[0]))
    return value == "true"


def int_param(request: Request, name: str) -> Optional[int]:
    values = request.query.get(name)
    if not values:
        return None
    try:
        return int(values[0])
    except ValueError:
        raise Refusal(422, docs.input_error("dataConversion", name=name, value=values[0])) from None


OPERATIONS: Dict[str, Callable[[EmulatorState, Request], Reply]] = {
    "get_current_auth": get_current_auth,
    "get_data_for_login": get_data_for_login,
    "login": login,
    "logout": logout,
    "get_secondary_password_input": get_secondary_password_input,
    "validate_secondary_password": validate_secondary_password,
    "disconnect_current_client": disconnect_current_client,
    "new_otp": new_otp,
    "forgotten_password_request": forgotten_password_request,
    "get_data_for_change_forgotten_password": get_data_for_change_forgotten_password,
    "change_forgotten_password": change_forgotten_password,
}
