"""SQLite implementation of the storage contract (the default; one file under --data-dir)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dispatch_protocol.events import check_event_data
from dispatchd.clock import utc_now
from dispatchd.storage.interface import INDEXED, Account, EventRecord, StoredResponse

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entities (
    kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, type TEXT NOT NULL,
    entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, entity_version INTEGER NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timeline (
    incident_id TEXT NOT NULL, seq INTEGER NOT NULL, ts TEXT NOT NULL, type TEXT NOT NULL,
    entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, entity_version INTEGER NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (incident_id, seq));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (scope, key));
CREATE TABLE IF NOT EXISTS accounts (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, expires_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
"""


def _path(field: str) -> str:
    if not field.isidentifier():
        raise ValueError(f"not a field name: {field!r}")
    return f"json_extract(body, '$.{field}')"


_INDEXES = "".join(
    f"CREATE INDEX IF NOT EXISTS entities_{kind}_{field} ON entities ({_path(field)}) WHERE kind = '{kind}';\n"
    for kind, field in INDEXED
)


class _SQLiteTransaction:
    """Operations on the shared connection while the storage lock is held."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, kind: str, entity_id: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT body FROM entities WHERE kind = ? AND id = ?", (kind, entity_id)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def find(self, kind: str, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        wanted = list(values)
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self._conn.execute(
            f"SELECT body FROM entities WHERE kind = ? AND {_path(field)} IN ({marks}) ORDER BY id", (kind, *wanted)
        )
        return [dict(json.loads(body)) for (body,) in rows]

    def find_present(self, kind: str, field: str) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            f"SELECT body FROM entities WHERE kind = ? AND {_path(field)} IS NOT NULL ORDER BY id", (kind,)
        )
        return [dict(json.loads(body)) for (body,) in rows]

    def find_since(self, kind: str, field: str, since: str, limit: int | None = None) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            f"SELECT body FROM entities WHERE kind = ? AND {_path(field)} >= ? ORDER BY {_path(field)}, id LIMIT ?",
            (kind, since, -1 if limit is None else limit),
        )
        return [dict(json.loads(body)) for (body,) in rows]

    def list(self, kind: str) -> list[dict[str, Any]]:
        rows = self._conn.execute("SELECT body FROM entities WHERE kind = ? ORDER BY id", (kind,))
        return [dict(json.loads(body)) for (body,) in rows]

    def last_seq(self) -> int:
        row = self._conn.execute("SELECT value FROM counters WHERE name = 'event_seq'").fetchone()
        return 0 if row is None else int(row[0])

    def put(self, kind: str, entity_id: str, body: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO entities (kind, id, body) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
            (kind, entity_id, json.dumps(body, separators=(",", ":"))),
        )

    def delete(self, kind: str, entity_id: str) -> None:
        self._conn.execute("DELETE FROM entities WHERE kind = ? AND id = ?", (kind, entity_id))

    def next_number(self, counter: str) -> int:
        self._conn.execute("INSERT OR IGNORE INTO counters (name, value) VALUES (?, 0)", (counter,))
        (value,) = self._conn.execute(
            "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (counter,)
        ).fetchone()
        return int(value)

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
        check_event_data(type_, data)  # the wire contract: a malformed entity never reaches a console
        # The seq comes from a counter row updated inside this transaction: gapless, ordered by commit,
        # and never from a counter held in one process.
        seq = self.next_number("event_seq")
        record = EventRecord(seq, utc_now(), type_, entity_type, entity_id, entity_version, actor, data)
        row = (
            seq,
            record.ts,
            type_,
            entity_type,
            entity_id,
            entity_version,
            actor,
            json.dumps(data, separators=(",", ":")),
        )
        self._conn.execute(
            "INSERT INTO events (seq, ts, type, entity_type, entity_id, entity_version, actor, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        for incident_id in dict.fromkeys(incidents):
            self._conn.execute(
                "INSERT INTO timeline (incident_id, seq, ts, type, entity_type, entity_id, entity_version, actor, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (incident_id, *row),
            )
        return record

    def stored_response(self, scope: str, key: str) -> StoredResponse | None:
        row = self._conn.execute(
            "SELECT fingerprint, status, body FROM idempotency WHERE scope = ? AND key = ?", (scope, key)
        ).fetchone()
        if row is None:
            return None
        return StoredResponse(row[0], int(row[1]), dict(json.loads(row[2])))

    def store_response(self, scope: str, key: str, response: StoredResponse) -> None:
        self._conn.execute(
            "INSERT INTO idempotency (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (scope, key, response.fingerprint, response.status, json.dumps(response.body), utc_now()),
        )


_ACCOUNT_COLUMNS = "username, password_hash, role, disabled, failed_logins, locked_until, totp_secret"


def _account(row: tuple[Any, ...]) -> Account:
    return Account(row[0], row[1], row[2], bool(row[3]), int(row[4]), float(row[5]), row[6])


def _event_from_row(row: tuple[Any, ...]) -> EventRecord:
    seq, ts, type_, entity_type, entity_id, entity_version, actor, data = row
    return EventRecord(int(seq), ts, type_, entity_type, entity_id, int(entity_version), actor, json.loads(data))


class SQLiteStorage:
    """One SQLite database file in WAL mode, shared by the server's threads under one lock."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA + _INDEXES)
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(accounts)")}
        for column, kind in (
            ("disabled", "INTEGER NOT NULL DEFAULT 0"),
            ("failed_logins", "INTEGER NOT NULL DEFAULT 0"),
            ("locked_until", "REAL NOT NULL DEFAULT 0"),
            ("totp_secret", "TEXT"),
            ("totp_last_step", "INTEGER NOT NULL DEFAULT 0"),
        ):
            if column not in columns:  # a data folder from before accounts could be disabled, locked, enrolled
                self._conn.execute(f"ALTER TABLE accounts ADD COLUMN {column} {kind}")

    def listen(self, on_commit: Callable[[], None]) -> None:
        """Nothing to do: commits in this process wake the streams, others are found by polling."""

    @contextmanager
    def transaction(self) -> Iterator[_SQLiteTransaction]:
        """An immediate write transaction; committed on success, rolled back on any exception."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteTransaction(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[_SQLiteTransaction]:
        """A consistent read: nothing commits while it is open."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield _SQLiteTransaction(self._conn)
            finally:
                self._conn.execute("COMMIT")

    def events_after(self, seq: int, limit: int) -> list[EventRecord]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, ts, type, entity_type, entity_id, entity_version, actor, data FROM events "
                "WHERE seq > ? ORDER BY seq LIMIT ?",
                (seq, limit),
            ).fetchall()
        return [_event_from_row(row) for row in rows]

    def last_seq(self) -> int:
        with self._lock:
            return _SQLiteTransaction(self._conn).last_seq()

    def oldest_retained_seq(self) -> int:
        with self._lock:
            (oldest,) = self._conn.execute("SELECT MIN(seq) FROM events").fetchone()
        return self.last_seq() + 1 if oldest is None else int(oldest)

    def prune_events(self, keep_after_ts: str) -> int:
        """Forget events older than the retention; the counter keeps counting from where it was."""
        with self._lock:
            cursor = self._conn.execute("DELETE FROM events WHERE ts < ?", (keep_after_ts,))
        return cursor.rowcount

    def prune_housekeeping(self, keys_before_ts: str, now_epoch: float) -> int:
        with self._lock:
            keys = self._conn.execute("DELETE FROM idempotency WHERE created_at < ?", (keys_before_ts,)).rowcount
            tokens = self._conn.execute("DELETE FROM tokens WHERE expires_at < ?", (now_epoch,)).rowcount
        return int(keys) + int(tokens)

    def timeline(self, incident_id: str) -> list[EventRecord]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, ts, type, entity_type, entity_id, entity_version, actor, data FROM timeline "
                "WHERE incident_id = ? ORDER BY seq",
                (incident_id,),
            ).fetchall()
        return [_event_from_row(row) for row in rows]

    def put_account(self, account: Account) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO accounts (username, password_hash, role, disabled) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, "
                "disabled = excluded.disabled",
                (account.username, account.password_hash, account.role, int(account.disabled)),
            )

    def account(self, username: str) -> Account | None:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE username = ?", (username,)
            ).fetchone()
        return None if row is None else _account(row)

    def accounts(self) -> list[Account]:
        with self._lock:
            rows = self._conn.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM accounts ORDER BY username").fetchall()
        return [_account(row) for row in rows]

    def login_failed(self, username: str, max_failures: int, lock_until: float) -> tuple[int, float]:
        with self._lock:
            row = self._conn.execute(
                "UPDATE accounts SET failed_logins = failed_logins + 1, locked_until = CASE "
                "WHEN failed_logins + 1 >= ? THEN MAX(locked_until, ?) ELSE locked_until END "
                "WHERE username = ? RETURNING failed_logins, locked_until",
                (max_failures, lock_until, username),
            ).fetchone()
        return (0, 0.0) if row is None else (int(row[0]), float(row[1]))

    def login_succeeded(self, username: str) -> None:
        with self._lock:
            self._conn.execute("UPDATE accounts SET failed_logins = 0 WHERE username = ?", (username,))

    def set_totp(self, username: str, secret: str | None) -> bool:
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE accounts SET totp_secret = ?, totp_last_step = 0 WHERE username = ?", (secret, username)
            )
        return cursor.rowcount == 1

    def use_totp_step(self, username: str, step: int) -> bool:
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE accounts SET totp_last_step = ? WHERE username = ? AND totp_last_step < ?",
                (step, username, step),
            )
        return cursor.rowcount == 1

    def unlock(self, username: str) -> bool:
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE username = ?", (username,)
            )
        return cursor.rowcount == 1

    def drop_tokens(self, username: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM tokens WHERE username = ?", (username,))

    def account_count(self) -> int:
        with self._lock:
            (count,) = self._conn.execute("SELECT COUNT(*) FROM accounts").fetchone()
        return int(count)

    def put_token(self, token_hash: str, username: str, role: str, expires_at: float) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO tokens (token_hash, username, role, expires_at) VALUES (?, ?, ?, ?)",
                (token_hash, username, role, expires_at),
            )

    def drop_token(self, token_hash: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM tokens WHERE token_hash = ?", (token_hash,))

    def token(self, token_hash: str) -> tuple[str, str, float] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT username, role, expires_at FROM tokens WHERE token_hash = ?", (token_hash,)
            ).fetchone()
        return None if row is None else (row[0], row[1], float(row[2]))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
