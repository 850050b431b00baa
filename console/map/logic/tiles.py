"""Offline tiles from an MBTiles file (pure Python: SQLite, TMS rows)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class MBTiles:
    """Reads tiles; safe to call from a worker thread (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._generation = 0

    def reopen(self) -> None:
        """The file was replaced (a new map of the centre): every thread opens it again at its next tile."""
        self._generation += 1

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None and getattr(self._local, "generation", 0) != self._generation:
            db.close()
            db = None
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db, self._local.generation = db, self._generation
        return db

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The PNG of XYZ tile (z, x, y), or None outside the covered area or while the file is not there."""
        if not self.path.exists():
            return None
        row = (
            self._db()
            .execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, (1 << z) - 1 - y),
            )
            .fetchone()
        )
        return None if row is None else bytes(row[0])

    def metadata(self) -> dict[str, str]:
        return {name: value for name, value in self._db().execute("SELECT name, value FROM metadata")}
