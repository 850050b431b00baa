"""Storage behind one narrow interface: entities, the event log, idempotency, accounts and tokens.

Routes and the simulator only see :class:`Storage` and :class:`Transaction`. SQLite (one file under
`--data-dir`) is the embedded default; PostgreSQL (`--database postgresql://…`) carries a centre's load and
several instances.
"""

from __future__ import annotations

from pathlib import Path

from dispatchd.storage.interface import EventRecord, Storage, Transaction
from dispatchd.storage.sqlite import SQLiteStorage

__all__ = ["EventRecord", "SQLiteStorage", "Storage", "Transaction", "is_database_url", "open_storage"]


def is_database_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))


def open_storage(database: str | None, data_dir: Path) -> Storage:
    """PostgreSQL when `database` is its URL, else the SQLite file of the data folder."""
    if database:
        if not is_database_url(database):
            raise ValueError(f"--database takes a postgresql:// URL, not {database!r}")
        from dispatchd.storage.postgres import PostgresStorage

        return PostgresStorage(database)
    return SQLiteStorage(data_dir / "dispatchd.sqlite3")
