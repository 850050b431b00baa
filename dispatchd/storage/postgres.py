"""PostgreSQL implementation of the storage contract: `dispatchd --database postgresql://USER@HOST/DB`.

Several dispatchd instances may share one database. How the event log stays right across them:

* **One writer at a time, across every instance.** A write transaction first takes a transaction-level
  advisory lock (`pg_advisory_xact_lock`), released by its COMMIT or ROLLBACK. The seq comes from a counter
  row updated inside that transaction. So a seq is only handed out after the previous writer committed:
  seqs are gapless (a rollback gives its number back) and in commit order (a reader that sees seq N+1 sees
  N). Read-modify-write of entities (If-Match, an incident's next version) and idempotency keys are checked
  under the same lock, so a repeat sent to the other instance finds the first answer and creates nothing.
  Writes are short (a command, one batch of positions); readers never wait for the lock.
* **Wake-ups by LISTEN/NOTIFY, the log as the truth.** A transaction that appended events sends
  `NOTIFY dispatchd_events` (delivered at its commit); each instance listens on its own connection and wakes
  its event streams, which read the log. A lost notification only delays a stream until its next poll.
* **A snapshot and its seq in one transaction** (`read()`: REPEATABLE READ, READ ONLY).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from dispatch_protocol.events import check_event_data
from dispatchd.clock import utc_now
from dispatchd.storage.interface import Account, EventRecord, StoredResponse
from dispatchd.storage.pg_schema import MIGRATIONS, json_path

log = logging.getLogger("dispatchd.storage")
CHANNEL = "dispatchd_events"
WRITE_LOCK = 0x64697370  # 'disp': the advisory lock that makes write transactions one at a time
MIGRATION_LOCK = 0x6D696772  # 'migr': instances starting together migrate one after the other
_EVENT_COLUMNS = "seq, ts, type, entity_type, entity_id, entity_version, actor, data"


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


_ACCOUNT_COLUMNS = "username, password_hash, role, disabled, failed_logins, locked_until, totp_secret"


def _account(row: tuple[Any, ...]) -> Account:
    return Account(row[0], row[1], row[2], bool(row[3]), int(row[4]), float(row[5]), row[6])


def _event_from_row(row: tuple[Any, ...]) -> EventRecord:
    seq, ts, type_, entity_type, entity_id, entity_version, actor, data = row
    return EventRecord(int(seq), ts, type_, entity_type, entity_id, int(entity_version), actor, json.loads(data))


class _PostgresTransaction:
    """Statements on one pooled connection inside one transaction."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn
        self.appended = 0

    def _bodies(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        return [dict(row[0]) for row in self._conn.execute(sql, params)]

    def get(self, kind: str, entity_id: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT body FROM entities WHERE kind = %s AND id = %s", (kind, entity_id)).fetchone()
        return None if row is None else dict(row[0])

    def find(self, kind: str, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        wanted = list(values)
        if not wanted:
            return []
        return self._bodies(
            f"SELECT body FROM entities WHERE kind = %s AND {json_path(field)} = ANY(%s) ORDER BY id", (kind, wanted)
        )

    def find_present(self, kind: str, field: str) -> list[dict[str, Any]]:
        return self._bodies(
            f"SELECT body FROM entities WHERE kind = %s AND {json_path(field)} IS NOT NULL ORDER BY id", (kind,)
        )

    def find_since(self, kind: str, field: str, since: str, limit: int | None = None) -> list[dict[str, Any]]:
        path = json_path(field)
        return self._bodies(
            f"SELECT body FROM entities WHERE kind = %s AND {path} >= %s ORDER BY {path}, id LIMIT %s",
            (kind, since, limit),
        )

    def list(self, kind: str) -> list[dict[str, Any]]:
        return self._bodies("SELECT body FROM entities WHERE kind = %s ORDER BY id", (kind,))

    def put(self, kind: str, entity_id: str, body: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO entities (kind, id, body) VALUES (%s, %s, %s) "
            "ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
            (kind, entity_id, Jsonb(body, dumps=_compact)),
        )

    def delete(self, kind: str, entity_id: str) -> None:
        self._conn.execute("DELETE FROM entities WHERE kind = %s AND id = %s", (kind, entity_id))

    def next_number(self, counter: str) -> int:
        row = self._conn.execute(
            "INSERT INTO counters (name, value) VALUES (%s, 1) "
            "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value",
            (counter,),
        ).fetchone()
        assert row is not None
        return int(row[0])

    def last_seq(self) -> int:
        row = self._conn.execute("SELECT value FROM counters WHERE name = 'event_seq'").fetchone()
        return 0 if row is None else int(row[0])

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
        seq = self.next_number("event_seq")  # under the write lock: gapless and in commit order
        record = EventRecord(seq, utc_now(), type_, entity_type, entity_id, entity_version, actor, data)
        row = (seq, record.ts, type_, entity_type, entity_id, entity_version, actor, _compact(data))
        self._conn.execute(f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", row)
        related = list(dict.fromkeys(incidents))
        if related:
            with self._conn.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO timeline (incident_id, {_EVENT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [(incident_id, *row) for incident_id in related],
                )
        self.appended += 1
        return record

    def stored_response(self, scope: str, key: str) -> StoredResponse | None:
        row = self._conn.execute(
            "SELECT fingerprint, status, body FROM idempotency WHERE scope = %s AND key = %s", (scope, key)
        ).fetchone()
        return None if row is None else StoredResponse(row[0], int(row[1]), dict(json.loads(row[2])))

    def store_response(self, scope: str, key: str, response: StoredResponse) -> None:
        self._conn.execute(
            "INSERT INTO idempotency (scope, key, fingerprint, status, body, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            (scope, key, response.fingerprint, response.status, json.dumps(response.body), utc_now()),
        )


def migrate(conninfo: str) -> list[int]:
    """Apply the migrations this database lacks, in order; returns the versions applied (none: up to date)."""
    applied: list[int] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations")}
            for version, description, sql in MIGRATIONS:
                if version in done:
                    continue
                with conn.transaction():
                    conn.execute(sql.encode())
                    conn.execute(
                        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (%s, %s, %s)",
                        (version, description, utc_now()),
                    )
                log.info("database schema: applied migration %d (%s)", version, description)
                applied.append(version)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    return applied


class PostgresStorage:
    """A pool of connections to one PostgreSQL database, shared with any other dispatchd instance."""

    def __init__(self, conninfo: str, *, pool_size: int = 8) -> None:
        self._conninfo = conninfo
        migrate(conninfo)
        self._pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            conninfo,
            min_size=2,
            max_size=pool_size,
            kwargs={"autocommit": True},
            open=True,
            name="dispatchd",
        )
        self._pool.wait(timeout=30)
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None

    # --- transactions ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[_PostgresTransaction]:
        """A write transaction, one at a time across instances; committed on success, rolled back on error."""
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            tx = _PostgresTransaction(conn)
            yield tx
            if tx.appended:
                conn.execute("SELECT pg_notify(%s, '')", (CHANNEL,))  # delivered at COMMIT, not before

    @contextmanager
    def read(self) -> Iterator[_PostgresTransaction]:
        """A consistent read: one snapshot of the database (its last_seq included), writers not blocked."""
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield _PostgresTransaction(conn)

    # --- event log -------------------------------------------------------------------------------
    def events_after(self, seq: int, limit: int) -> list[EventRecord]:
        with self._pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE seq > %s ORDER BY seq LIMIT %s", (seq, limit)
            ).fetchall()
        return [_event_from_row(row) for row in rows]

    def last_seq(self) -> int:
        with self._pool.connection() as conn:
            return _PostgresTransaction(conn).last_seq()

    def oldest_retained_seq(self) -> int:
        with self._pool.connection() as conn:
            row = conn.execute("SELECT MIN(seq) FROM events").fetchone()
            oldest = None if row is None else row[0]
            return _PostgresTransaction(conn).last_seq() + 1 if oldest is None else int(oldest)

    def prune_events(self, keep_after_ts: str) -> int:
        with self._pool.connection() as conn:
            return int(conn.execute("DELETE FROM events WHERE ts < %s", (keep_after_ts,)).rowcount)

    def prune_housekeeping(self, keys_before_ts: str, now_epoch: float) -> int:
        with self._pool.connection() as conn:
            keys = conn.execute("DELETE FROM idempotency WHERE created_at < %s", (keys_before_ts,)).rowcount
            tokens = conn.execute("DELETE FROM tokens WHERE expires_at < %s", (now_epoch,)).rowcount
        return int(keys) + int(tokens)

    def timeline(self, incident_id: str) -> list[EventRecord]:
        with self._pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM timeline WHERE incident_id = %s ORDER BY seq", (incident_id,)
            ).fetchall()
        return [_event_from_row(row) for row in rows]

    # --- wake-ups --------------------------------------------------------------------------------
    def listen(self, on_commit: Callable[[], None]) -> None:
        """A thread with its own connection LISTENs and calls `on_commit` for each commit that appended events."""
        if self._listener is not None:
            raise RuntimeError("already listening")
        self._listener = threading.Thread(target=self._listen, args=(on_commit,), name="pg-listen", daemon=True)
        self._listener.start()

    def _listen(self, on_commit: Callable[[], None]) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    on_commit()  # whatever was committed while this connection was not yet listening
                    while not self._stop.is_set():
                        if any(True for _ in conn.notifies(timeout=0.5, stop_after=1)):
                            on_commit()
            except psycopg.Error as exc:
                log.warning("LISTEN connection lost (%s); streams poll until it is back", exc)
                self._stop.wait(1.0)

    # --- accounts and tokens ---------------------------------------------------------------------
    def put_account(self, account: Account) -> None:
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO accounts (username, password_hash, role, disabled) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, "
                "disabled = excluded.disabled",
                (account.username, account.password_hash, account.role, account.disabled),
            )

    def account(self, username: str) -> Account | None:
        with self._pool.connection() as conn:
            row = conn.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE username = %s", (username,)).fetchone()
        return None if row is None else _account(row)

    def accounts(self) -> list[Account]:
        with self._pool.connection() as conn:
            rows = conn.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM accounts ORDER BY username").fetchall()
        return [_account(row) for row in rows]

    def login_failed(self, username: str, max_failures: int, lock_until: float) -> tuple[int, float]:
        with self._pool.connection() as conn:
            row = conn.execute(
                "UPDATE accounts SET failed_logins = failed_logins + 1, locked_until = CASE "
                "WHEN failed_logins + 1 >= %s THEN GREATEST(locked_until, %s) ELSE locked_until END "
                "WHERE username = %s RETURNING failed_logins, locked_until",
                (max_failures, lock_until, username),
            ).fetchone()
        return (0, 0.0) if row is None else (int(row[0]), float(row[1]))

    def login_succeeded(self, username: str) -> None:
        with self._pool.connection() as conn:
            conn.execute("UPDATE accounts SET failed_logins = 0 WHERE username = %s", (username,))

    def set_totp(self, username: str, secret: str | None) -> bool:
        with self._pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE accounts SET totp_secret = %s, totp_last_step = 0 WHERE username = %s", (secret, username)
            )
        return cursor.rowcount == 1

    def use_totp_step(self, username: str, step: int) -> bool:
        with self._pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE accounts SET totp_last_step = %s WHERE username = %s AND totp_last_step < %s",
                (step, username, step),
            )
        return cursor.rowcount == 1

    def unlock(self, username: str) -> bool:
        with self._pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE username = %s", (username,)
            )
        return cursor.rowcount == 1

    def account_count(self) -> int:
        with self._pool.connection() as conn:
            row = conn.execute("SELECT COUNT(*) FROM accounts").fetchone()
        return 0 if row is None else int(row[0])

    def drop_tokens(self, username: str) -> None:
        with self._pool.connection() as conn:
            conn.execute("DELETE FROM tokens WHERE username = %s", (username,))

    def put_token(self, token_hash: str, username: str, role: str, expires_at: float) -> None:
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO tokens (token_hash, username, role, expires_at) VALUES (%s, %s, %s, %s)",
                (token_hash, username, role, expires_at),
            )

    def drop_token(self, token_hash: str) -> None:
        with self._pool.connection() as conn:
            conn.execute("DELETE FROM tokens WHERE token_hash = %s", (token_hash,))

    def token(self, token_hash: str) -> tuple[str, str, float] | None:
        with self._pool.connection() as conn:
            row = conn.execute(
                "SELECT username, role, expires_at FROM tokens WHERE token_hash = %s", (token_hash,)
            ).fetchone()
        return None if row is None else (row[0], row[1], float(row[2]))

    def close(self) -> None:
        self._stop.set()
        if self._listener is not None:
            self._listener.join(timeout=2.0)
        self._pool.close()
