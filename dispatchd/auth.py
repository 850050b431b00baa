"""Accounts, hashed passwords and bearer tokens."""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import pyotp

from dispatchd import audit
from dispatchd.clock import format_utc
from dispatchd.login_guard import AddressThrottle
from dispatchd.problems import Problem
from dispatchd.storage.interface import Account, Storage

log = logging.getLogger("dispatchd.auth")
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(StrEnum):
    """What a user may do: operators and supervisors run incidents, trainers replay, admins configure."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    TRAINER = "trainer"
    ADMIN = "admin"
    FIELD = "field"
    """An officer in the field: logs in on the field page to send photos and videos to the incidents of the unit
    whose `field_account` it is; runs no command."""


COMMAND_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
FLEET_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
FIELD_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN, Role.FIELD})
ADMIN_ROLES = frozenset({Role.ADMIN})
AUDIT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
VIDEO_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN, Role.TRAINER})
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


MIN_PASSWORD = 12


def password_problem(username: str, password: str) -> str | None:
    """Why a password is refused for an account (None: it is good)."""
    if len(password) < MIN_PASSWORD:
        return f"The password must have at least {MIN_PASSWORD} characters."
    if username.casefold() in password.casefold():
        return "The password cannot contain the user name."
    return None


@functools.cache
def _nobody() -> str:
    """A hash checked for unknown names: they take as long to refuse as known ones."""
    return hash_password(secrets.token_hex(8))


class Authenticator:
    """Issues and checks bearer tokens; tokens live in the database so several instances share them.

    Logins: an account locks after `max_failures` failures in a row (counted in the database, across instances)
    for `lock_s` or until unlocked; failures from one address are slowed (AddressThrottle). A guesser gets the
    same answer from a locked account as from a wrong password; only the right password learns of the lock.
    """

    def __init__(
        self,
        storage: Storage,
        token_ttl_s: float,
        max_failures: int = 5,
        lock_s: float = 30 * 60.0,
        mfa_roles: frozenset[str] = frozenset(),
    ) -> None:
        self._storage = storage
        self._ttl = token_ttl_s
        self._max_failures = max_failures
        self._lock_s = lock_s
        self._mfa_roles = mfa_roles
        self._throttle = AddressThrottle()

    def enrol_totp(self, username: str, issuer: str = "dispatchd") -> str | None:
        """A new TOTP secret for the account (asked at every login from now on); its otpauth:// URI to scan, or
        None when there is no such account."""
        secret = pyotp.random_base32()
        if not self._storage.set_totp(username, secret):
            return None
        self._audit(username, "totp_enrolled", "", "a new authenticator")
        return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)

    def _check_code(self, account: Account, code: str, address: str, now: float) -> None:
        """The second factor, when the account or its role needs one; raises a Problem otherwise."""
        if account.totp_secret is None:
            if account.role not in self._mfa_roles:
                return
            self._audit(account.username, "login_refused", address, "no second factor enrolled")
            raise Problem(
                403,
                "Second factor needed",
                "Your role needs a code from an authenticator app, and none is set up for your account: ask an "
                "administrator to enrol you.",
                code="otp_not_enrolled",
            )
        if not code:
            raise Problem(401, "Code needed", "Type the 6-digit code of your authenticator app.", code="otp_required")
        totp = pyotp.TOTP(account.totp_secret)
        moments = (now, now - totp.interval, now + totp.interval)  # a phone's clock a little off
        step = next(
            (int(at // totp.interval) for at in moments if hmac.compare_digest(totp.at(at), code.strip())), None
        )
        if step is None or not self._storage.use_totp_step(account.username, step):
            self._throttle.failed(address, now)
            self._storage.login_failed(account.username, self._max_failures, now + self._lock_s)
            self._audit(account.username, "login_failed", address, "wrong or used code")
            raise Problem(
                401, "Wrong code", "The code is wrong, or was already used: type the next one.", code="otp_wrong"
            )

    def add_account(self, username: str, password: str, role: Role) -> None:
        self._storage.put_account(Account(username, hash_password(password), role.value))

    def login(self, username: str, password: str, address: str = "", code: str = "") -> tuple[str, Principal, int]:
        """A new token for a valid username and password; raises a 401, 403 (locked) or 429 Problem otherwise."""
        now = time.time()
        wait = self._throttle.wait_s(address, now)
        if wait:
            log.warning("login from %s slowed: %d s to wait", address, wait)
            raise Problem(
                429,
                "Too many failed logins",
                f"Too many failed logins from this address: try again in {wait} s.",
                headers={"Retry-After": str(wait)},
                code="slowed",
            )
        account = self._storage.account(username)
        good = verify_password(password, account.password_hash if account else _nobody()) and account is not None
        if not good or account is None or account.disabled:
            self._throttle.failed(address, now)
            self._audit(username, "login_failed", address, "disabled" if good else "wrong password or user name")
            if account is not None and not good:
                failures, _until = self._storage.login_failed(username, self._max_failures, now + self._lock_s)
                if failures == self._max_failures:
                    log.warning("account %s locked after %d failed logins (last from %s)", username, failures, address)
                    self._audit(username, "account_locked", address, f"{failures} failed logins in a row")
            log.info("login failed for %r from %s", username, address)
            raise Problem(401, "Login failed", "The user name or the password is wrong.", code="bad_credentials")
        if account.locked_until > now:
            self._audit(username, "login_refused", address, "account locked")
            until = datetime.fromtimestamp(account.locked_until, UTC)
            raise Problem(
                403,
                "Account locked",
                f"This account is locked until {until:%H:%M} UTC after too many failed logins: ask a supervisor "
                "to unlock it.",
                code="account_locked",
                locked_until=format_utc(until),
            )
        self._check_code(account, code, address, now)
        self._storage.login_succeeded(username)
        self._throttle.succeeded(address)
        self._audit(username, "login", address, account.role)
        log.info("login of %s (%s) from %s", username, account.role, address)
        token = secrets.token_urlsafe(32)
        self._storage.put_token(_token_hash(token), account.username, account.role, time.time() + self._ttl)
        return token, Principal(account.username, Role(account.role)), int(self._ttl)

    def _audit(self, username: str, action: str, address: str, why: str) -> None:
        """Logins are object access too: every attempt, with its source address, in the tamper-evident trail."""
        with self._storage.transaction() as tx:
            audit.record(tx, username[:100], action, entity_type="login", entity_id=username[:100],
                         address=address, detail=why)  # fmt: skip

    def logout(self, authorization: str | None) -> Principal:
        """Revoke the token of this request: it is good nowhere after."""
        principal = self.check(authorization)
        assert authorization is not None
        self._storage.drop_token(_token_hash(authorization[7:].strip()))
        self._audit(principal.username, "logout", "", principal.role.value)
        return principal

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


def require(principal: Principal, roles: frozenset[Role], what: str) -> None:
    if principal.role not in roles:
        allowed = " or ".join(sorted(r.value for r in roles))
        raise Problem(403, "Not allowed", f"Only {allowed} accounts may {what}; you are {principal.role.value}.")
