"""dispatchd's PostgreSQL schema as numbered migrations, applied by dispatchd itself at start.

Each migration runs once, in its own transaction, recorded in `schema_migrations`; instances starting together
take an advisory lock first, so exactly one applies what is missing and the others find it done. Never edit a
migration that has shipped: add the next one.
"""

from __future__ import annotations

from dispatchd.storage.interface import INDEXED


def json_path(field: str) -> str:
    """The SQL expression of an entity's top-level text field (the one the indexes are built on)."""
    if not field.isidentifier():
        raise ValueError(f"not a field name: {field!r}")
    return f"(body->>'{field}')"


_V1_TABLES = """
CREATE TABLE entities (
    kind TEXT NOT NULL, id TEXT NOT NULL, body JSONB NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE events (
    seq BIGINT PRIMARY KEY, ts TEXT NOT NULL, type TEXT NOT NULL,
    entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, entity_version INTEGER NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX events_ts ON events (ts);
CREATE TABLE timeline (
    incident_id TEXT NOT NULL, seq BIGINT NOT NULL, ts TEXT NOT NULL, type TEXT NOT NULL,
    entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, entity_version INTEGER NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (incident_id, seq));
CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (scope, key));
CREATE INDEX idempotency_created_at ON idempotency (created_at);
CREATE TABLE accounts (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, expires_at DOUBLE PRECISION NOT NULL);
CREATE INDEX tokens_username ON tokens (username);
CREATE INDEX tokens_expires_at ON tokens (expires_at);
"""

# Partial expression indexes: one per (kind, field) that `find`, `find_present` and `find_since` are asked for.
_V2_ENTITY_INDEXES = "".join(
    f"CREATE INDEX entities_{kind}_{field} ON entities ({json_path(field)}, id) WHERE kind = '{kind}';\n"
    for kind, field in INDEXED
)

_V3_LOCKOUT = """
ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN locked_until DOUBLE PRECISION NOT NULL DEFAULT 0;
"""

_V4_TOTP = """
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
"""

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "tables of entities, event log, timelines, counters, idempotency keys, accounts, tokens", _V1_TABLES),
    (2, "indexes of the entity queries (incidents by status, posts by time, units by agency…)", _V2_ENTITY_INDEXES),
    (3, "accounts: failed logins in a row, locked until", _V3_LOCKOUT),
    (4, "accounts: TOTP secret and the last time step spent", _V4_TOTP),
)
"""(version, what it does, SQL), in order."""
