"""The Outbox's file: pending operator commands, durable across crashes (pure Python, no Qt, no network).

An append-only JSON-lines log: `{"add": entry}` when a command is queued, `{"done": key}` when it was
settled. Pending = added and not done. Each line is flushed and fsynced before the call returns; a torn last
line (power cut mid-write) is ignored. The file is compacted when nothing is pending.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("console.outbox")


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One command to send, with the key that makes sending it twice harmless."""

    key: str
    method: str
    path: str
    body: Any
    description: str
    if_match: int | None = None
    created_at: str = ""
    secret: bool = False
    """It carries a password (a camera's login, an account's): kept in memory only, never written down."""


class OutboxFile:
    """Pending entries in the order they were queued."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._pending: dict[str, OutboxEntry] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                record = json.loads(line)
                if "add" in record:
                    entry = OutboxEntry(**record["add"])
                    self._pending[entry.key] = entry
                elif "done" in record:
                    self._pending.pop(record["done"], None)
            except (ValueError, TypeError) as exc:
                log.warning("outbox %s line %d unreadable (%s); ignored", self.path, number, exc)

    @property
    def pending(self) -> list[OutboxEntry]:
        return list(self._pending.values())

    def add(self, entry: OutboxEntry) -> None:
        if not entry.secret:
            self._write({"add": asdict(entry)})
        self._pending[entry.key] = entry

    def done(self, key: str) -> None:
        self._pending.pop(key, None)
        if self._pending:
            self._write({"done": key})
        else:
            self._compact()

    def _write(self, record: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
            out.flush()
            os.fsync(out.fileno())

    def _compact(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("", encoding="utf-8")
        os.replace(tmp, self.path)
