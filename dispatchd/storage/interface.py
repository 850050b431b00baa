"""The storage contract that every backend database implements."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from dispatch_protocol.events import envelope


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One entry of the event log, as stored and as sent to clients."""

    seq: int
    ts: str
    type: str
    entity_type: str
    entity_id: str
    entity_version: int
    actor: str
    data: dict[str, Any]

    def envelope(self) -> dict[str, Any]:
        """The wire form of the event (the contract's envelope)."""
        return envelope(
            self.seq, self.ts, self.type, self.entity_type, self.entity_id, self.entity_version, self.actor, self.data
        )


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """The first answer given to a command with an `Idempotency-Key`."""

    fingerprint: str
    status: int
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Account:
    """A user who may log in."""

    username: str
    password_hash: str
    role: str
    disabled: bool = False
    failed_logins: int = 0
    """Failed logins in a row (a success sets it back to 0)."""
    locked_until: float = 0.0
    """Epoch seconds: no login before then (0: not locked)."""
    totp_secret: str | None = None
    """The account's TOTP secret (base32) once enrolled: a code is then asked at every login."""


class Transaction(Protocol):
    """Reads and writes inside one atomic unit; events appended here are gapless and ordered."""

    def get(self, kind: str, entity_id: str) -> dict[str, Any] | None: ...

    def find(self, kind: str, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        """Entities of a kind whose top-level text `field` is one of `values` (an index where INDEXED names it)."""
        ...

    def find_present(self, kind: str, field: str) -> list[dict[str, Any]]:
        """Entities of a kind whose top-level `field` is set (not missing, not null)."""
        ...

    def find_since(self, kind: str, field: str, since: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Entities whose time `field` (`utc_now()`'s text) is at or after `since`, oldest first."""
        ...

    def list(self, kind: str) -> list[dict[str, Any]]: ...

    def last_seq(self) -> int:
        """The seq of the last event committed, as this transaction sees it."""
        ...

    def put(self, kind: str, entity_id: str, body: dict[str, Any]) -> None: ...

    def delete(self, kind: str, entity_id: str) -> None: ...

    def append_event(
        self,
        type_: str,
        entity_type: str,
        entity_id: str,
        entity_version: int,
        actor: str,
        data: dict[str, Any],
        incidents: Sequence[str] = (),
    ) -> EventRecord:
        """Append to the log; the event also joins the (never pruned) timeline of each incident named."""
        ...

    def next_number(self, counter: str) -> int: ...

    def stored_response(self, scope: str, key: str) -> StoredResponse | None: ...

    def store_response(self, scope: str, key: str, response: StoredResponse) -> None: ...


INDEXED: tuple[tuple[str, str], ...] = (
    ("incident", "status"),
    ("unit", "agency"),
    ("media", "incident_id"),
    ("social_post", "posted_at"),
    ("social_post", "collected_at"),
    ("social_post", "incident_id"),
    ("bookmark", "incident_id"),
)
"""The (kind, field) pairs that each storage indexes for `find`, `find_present` and `find_since`."""


class Storage(Protocol):
    """A dispatch database."""

    def listen(self, on_commit: Callable[[], None]) -> None:
        """Call `on_commit` (from any thread) when another process or instance committed events; SQLite's
        readers poll instead, so it may do nothing."""
        ...

    def transaction(self) -> AbstractContextManager[Transaction]: ...

    def read(self) -> AbstractContextManager[Transaction]: ...

    def events_after(self, seq: int, limit: int) -> list[EventRecord]: ...

    def last_seq(self) -> int: ...

    def oldest_retained_seq(self) -> int:
        """The smallest seq still in the log, or last_seq + 1 when the log is empty."""
        ...

    def prune_events(self, keep_after_ts: str) -> int: ...

    def prune_housekeeping(self, keys_before_ts: str, now_epoch: float) -> int:
        """Forget idempotency keys older than `keys_before_ts` and tokens expired before `now_epoch`."""
        ...

    def timeline(self, incident_id: str) -> list[EventRecord]:
        """Every event that concerned an incident, oldest first, whatever the log's retention."""
        ...

    def put_account(self, account: Account) -> None: ...

    def account(self, username: str) -> Account | None: ...

    def account_count(self) -> int: ...

    def accounts(self) -> list[Account]: ...

    def login_failed(self, username: str, max_failures: int, lock_until: float) -> tuple[int, float]:
        """Count a failed login, atomically (instances share the count); from `max_failures` in a row the
        account is locked until `lock_until`. Returns (failures in a row, locked until)."""
        ...

    def login_succeeded(self, username: str) -> None:
        """A good login: the count of failures starts again."""
        ...

    def set_totp(self, username: str, secret: str | None) -> bool:
        """Enrol (or, with None, drop) the account's TOTP secret; False when there is no such account."""
        ...

    def use_totp_step(self, username: str, step: int) -> bool:
        """Spend a TOTP time step: True only if it is later than the last one spent (a code works once)."""
        ...

    def unlock(self, username: str) -> bool:
        """Unlock an account and clear its failures; False when there is no such account."""
        ...

    def drop_tokens(self, username: str) -> None:
        """Log the account out everywhere (its password changed, it was disabled)."""
        ...

    def put_token(self, token_hash: str, username: str, role: str, expires_at: float) -> None: ...

    def drop_token(self, token_hash: str) -> None:
        """Revoke one token (its session logged out)."""
        ...

    def token(self, token_hash: str) -> tuple[str, str, float] | None: ...

    def close(self) -> None: ...


def iter_chunks(storage: Storage, after: int, chunk: int = 1000) -> Iterator[EventRecord]:
    """Every event after `after`, read in chunks."""
    while True:
        batch = storage.events_after(after, chunk)
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
