"""Accounts, hashed passwords and bearer tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from enum import StrEnum

from dispatchd.problems import Problem
from dispatchd.storage.interface import Account, Storage

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(StrEnum):
    """What a user may do: operators and supervisors run incidents, trainers replay, admins configure."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    TRAINER = "trainer"
    ADMIN = "admin"


COMMAND_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
DEMO_ACCOUNTS = {"supervisor": Role.SUPERVISOR, "operator": Role.OPERATOR, "trainer": Role.TRAINER}


@dataclass(frozen=True, slots=True)
class Principal:
    """The user behind a request."""

    username: str
    role: Role


def hash_password(password: str) -> str:
    """scrypt with a random salt, stored as `scrypt$n$r$p$salt$hash`."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(candidate.hex(), digest)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Authenticator:
    """Issues and checks bearer tokens; tokens live in the database so several instances share them."""

    def __init__(self, storage: Storage, token_ttl_s: float) -> None:
        self._storage = storage
        self._ttl = token_ttl_s

    def add_account(self, username: str, password: str, role: Role) -> None:
        self._storage.put_account(Account(username, hash_password(password), role.value))

    def login(self, username: str, password: str) -> tuple[str, Principal, int]:
        """A new token for a valid username and password; raises a 401 Problem otherwise."""
        account = self._storage.account(username)
        if account is None or account.disabled or not verify_password(password, account.password_hash):
            raise Problem(401, "Login failed", "The user name or the password is wrong.", code="bad_credentials")
        token = secrets.token_urlsafe(32)
        self._storage.put_token(_token_hash(token), account.username, account.role, time.time() + self._ttl)
        return token, Principal(account.username, Role(account.role)), int(self._ttl)

    def check(self, authorization: str | None) -> Principal:
        """The principal of an `Authorization: Bearer …` header; raises a 401 Problem otherwise."""
        challenge = {"WWW-Authenticate": "Bearer"}
        if not authorization or not authorization.lower().startswith("bearer "):
            raise Problem(
                401, "Not logged in", "Log in first: this request has no token.", headers=challenge, code="no_token"
            )
        found = self._storage.token(_token_hash(authorization[7:].strip()))
        if found is None:
            raise Problem(
                401, "Not logged in", "The token is not valid; log in again.", headers=challenge, code="bad_token"
            )
        username, role, expires_at = found
        if expires_at < time.time():
            raise Problem(
                401,
                "Session expired",
                "Your session has expired; log in again.",
                headers=challenge,
                code="token_expired",
            )
        return Principal(username, Role(role))


def require_command_role(principal: Principal) -> None:
    if principal.role not in COMMAND_ROLES:
        raise Problem(403, "Not allowed", f"The {principal.role.value} role cannot change live operations.")
