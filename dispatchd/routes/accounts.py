"""User accounts (admins): list, create, change role, reset password, disable. Audited, never a password."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter

from dispatch_protocol.commands import AccountSave
from dispatchd.auth import Principal, Role, hash_password, password_problem
from dispatchd.clock import format_utc
from dispatchd.context import AdminDep, AppContext, CtxDep
from dispatchd.problems import Problem
from dispatchd.reference import audit_change
from dispatchd.storage.interface import Account

router = APIRouter(prefix="/api/v1/accounts", tags=["accounts"])


def _shown(account: Account) -> dict[str, Any]:
    locked = account.locked_until > time.time()
    return {
        "username": account.username,
        "role": account.role,
        "disabled": account.disabled,
        "locked_until": format_utc(datetime.fromtimestamp(account.locked_until, UTC)) if locked else None,
    }


@router.get("")
def list_accounts(ctx: AppContext = CtxDep, principal: Principal = AdminDep) -> list[dict[str, Any]]:
    return [_shown(a) for a in ctx.storage.accounts()]


@router.put("/{username}")
def save_account(
    username: str, body: AccountSave, ctx: AppContext = CtxDep, principal: Principal = AdminDep
) -> dict[str, Any]:
    if body.password is not None and (why := password_problem(username, body.password)):
        raise Problem(422, "Invalid request", why, errors=[{"field": "password", "message": why}])
    existing = ctx.storage.account(username)
    if existing is None and body.password is None:
        raise Problem(422, "Invalid request", f"A new account ({username}) needs a password.",
                      errors=[{"field": "password", "message": "required for a new account"}])  # fmt: skip
    if username == principal.username and (body.disabled or body.role != Role.ADMIN.value):
        raise Problem(409, "Not your own", "An administrator cannot disable or demote their own account.")
    if body.password is not None:
        password_hash = hash_password(body.password)
    else:
        assert existing is not None
        password_hash = existing.password_hash
    account = Account(username, password_hash, body.role, body.disabled)
    if existing is None:
        changed = ["created"]
    else:
        changed = [name for name, old, new in (("role", existing.role, body.role),
                   ("disabled", existing.disabled, body.disabled)) if old != new]  # fmt: skip
        changed += ["password"] if body.password is not None else []
    ctx.storage.put_account(account)
    if existing is not None and ("password" in changed or body.disabled or "role" in changed):
        ctx.storage.drop_tokens(username)  # logged out everywhere: it logs in again with what changed
    with ctx.storage.transaction() as tx:
        audit_change(tx, principal.username, "create" if existing is None else "change", "account", username, changed)
    return _shown(account)


@router.post("/{username}/unlock")
def unlock_account(username: str, ctx: AppContext = CtxDep, principal: Principal = AdminDep) -> dict[str, Any]:
    """Lift a lock after failed logins (admins)."""
    if not ctx.storage.unlock(username):
        raise Problem(404, "Not found", f"There is no account {username}.")
    with ctx.storage.transaction() as tx:
        audit_change(tx, principal.username, "unlock", "account", username, ["locked_until"])
    account = ctx.storage.account(username)
    assert account is not None
    return _shown(account)
