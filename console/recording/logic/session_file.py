"""The session file: SQLite in WAL mode, appended as the session goes, with checkpoints for fast seeking.

    meta(key, value)                      format_version, console_version, started_at, backend, user
    records(id, t, kind, type, body)      t: the console's wall clock (epoch seconds) when it happened;
                                          kind: snapshot | event | skip (a malformed event the console
                                          skipped: its seq) | action; type: the event type or
                                          the action's name; body: JSON
    checkpoints(id, t, record_id, body)   the state (snapshot-shaped, zlib-compressed JSON) after record_id
    notes(id, t, text)                    trainers' notes, at a time of the session (added while replaying)

A writer commits at least every half second, so a killed console loses at most the last second. Seeking to
time t loads the last checkpoint before t and applies the records after it up to t. Pure Python (sqlite3).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.i18n import tr
from console.recording.logic.raw_state import RawState

FORMAT_VERSION = 1
CHECKPOINT_EVERY = 5000
"""Records between checkpoints: a seek applies at most this many."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY, t REAL NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_t ON records (t);
CREATE INDEX IF NOT EXISTS records_type ON records (type);
CREATE TABLE IF NOT EXISTS checkpoints (
    id INTEGER PRIMARY KEY, t REAL NOT NULL, record_id INTEGER NOT NULL, body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS checkpoints_record ON checkpoints (record_id);
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, t REAL NOT NULL, text TEXT NOT NULL);
"""
MARKER_TYPES = ("incident.created",)


class SessionFileError(Exception):
    """A session file that cannot be used, in words for the trainer."""


@dataclass(frozen=True, slots=True)
class Record:
    id: int
    t: float
    kind: str
    type: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Marker:
    """A place worth jumping to: an incident created (high priority or not), an operator action, a note."""

    t: float
    kind: str  # incident, alert, action, note
    label: str


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


class SessionWriter:
    """Appends to a new session file (one thread uses it)."""

    def __init__(self, path: Path, meta: dict[str, str], checkpoint_every: int = CHECKPOINT_EVERY) -> None:
        if path.exists():
            raise SessionFileError(tr("{path} already exists: record into a new file", path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = _connect(path)
        self._conn.executescript(_SCHEMA)
        self._conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("format_version", str(FORMAT_VERSION)), *sorted(meta.items())],
        )
        self._conn.execute("BEGIN")
        self._state = RawState(trusted_events=True)  # the recorder gets only events the store applied
        self._since_checkpoint = 0
        self._checkpoint_every = checkpoint_every
        self._last_t = 0.0
        self.count = 0

    def append(self, t: float, kind: str, type_: str, body: dict[str, Any], text: str | None = None) -> None:
        """One record; `text`: its body already as JSON (an event as the stream carried it)."""
        cursor = self._conn.execute(
            "INSERT INTO records (t, kind, type, body) VALUES (?, ?, ?, ?)",
            (t, kind, type_, text if text is not None else json.dumps(body, separators=(",", ":"), ensure_ascii=False)),
        )
        self.count += 1
        self._last_t = t
        if kind == "snapshot":
            self._state.load(body)
            self._checkpoint(t, int(cursor.lastrowid or 0))
        elif kind == "skip":
            self._state.skip(int(body["seq"]))
        elif kind == "event":
            self._state.apply(body)
            self._since_checkpoint += 1
            if self._since_checkpoint >= self._checkpoint_every:
                self._checkpoint(t, int(cursor.lastrowid or 0))

    def _checkpoint(self, t: float, record_id: int) -> None:
        data = zlib.compress(json.dumps(self._state.snapshot(), separators=(",", ":")).encode(), 3)
        self._conn.execute("INSERT INTO checkpoints (t, record_id, body) VALUES (?, ?, ?)", (t, record_id, data))
        self._since_checkpoint = 0

    def commit(self) -> None:
        """Make what was appended durable (call at least every half second)."""
        self._conn.execute("COMMIT")
        self._conn.execute("BEGIN")

    def close(self) -> None:
        self._conn.execute("COMMIT")
        self._conn.close()


class SessionReader:
    """Opens a session file, checks it, and answers the player's questions."""

    def __init__(self, path: Path, check: bool = True) -> None:
        """`check`: read the whole file for damage (once per file: the console checks before its window opens)."""
        if not path.is_file():
            raise SessionFileError(tr("There is no session file at {path}.", path=path))
        self.path = path
        try:
            self._conn = _connect(path)
            tables = {row[0] for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"meta", "records", "checkpoints"} <= tables:
                raise SessionFileError(tr("{name} is not a session file of this console.", name=path.name))
            self.meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
            version = int(self.meta.get("format_version", "0"))
            if version > FORMAT_VERSION:
                raise SessionFileError(
                    tr(
                        "{name} was recorded by a newer console (session format {version}; this console reads "
                        "format {format_version}): update the console to replay it.",
                        name=path.name,
                        version=version,
                        format_version=FORMAT_VERSION,
                    )
                )
            if version < 1:
                raise SessionFileError(tr("{name} has no readable session format version.", name=path.name))
            damage = self._conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
            if damage != "ok":
                raise SessionFileError(
                    tr("{name} is damaged ({damage}); it cannot be replayed.", name=path.name, damage=damage)
                )
            first, last, count = self._conn.execute("SELECT MIN(t), MAX(t), COUNT(*) FROM records").fetchone()
        except sqlite3.DatabaseError as exc:
            raise SessionFileError(
                tr("{name} is not a session file, or a damaged one ({exc}).", name=path.name, exc=exc)
            ) from None
        if not count:
            raise SessionFileError(tr("{name} holds no recorded session.", name=path.name))
        self.start: float = first
        self.end: float = last
        self.count: int = count

    def close(self) -> None:
        self._conn.close()

    def first_state_time(self) -> float:
        """When the recording first holds a state to show (its first snapshot; the start when it has none):
        a console records its wall and login before the backend's snapshot arrives."""
        row = self._conn.execute("SELECT MIN(t) FROM records WHERE kind = 'snapshot'").fetchone()
        return float(row[0]) if row and row[0] is not None else self.start

    def _last_id_at(self, t: float) -> int:
        row = self._conn.execute("SELECT MAX(id) FROM records WHERE t <= ?", (t,)).fetchone()
        return int(row[0] or 0)

    def state_at(self, t: float) -> tuple[dict[str, Any], int]:
        """The state (snapshot-shaped) at time t, and the id of the last record it includes."""
        last_id = self._last_id_at(t)
        row = self._conn.execute(
            "SELECT record_id, body FROM checkpoints WHERE record_id <= ? ORDER BY record_id DESC LIMIT 1", (last_id,)
        ).fetchone()
        state = RawState(trusted_events=True)
        after = 0
        if row is not None:
            after = int(row[0])
            state.load(json.loads(zlib.decompress(row[1])))
        for record in self.records(after, last_id, kinds=("snapshot", "event", "skip")):
            if record.kind == "snapshot":
                state.load(record.body)
            elif record.kind == "skip":
                state.skip(int(record.body["seq"]))
            else:
                state.apply(record.body)
        return state.snapshot(), last_id

    def records(self, after_id: int, up_to_id: int, kinds: tuple[str, ...] | None = None) -> Iterator[Record]:
        """Records with after_id < id ≤ up_to_id, in order."""
        query = "SELECT id, t, kind, type, body FROM records WHERE id > ? AND id <= ?"
        args: list[Any] = [after_id, up_to_id]
        if kinds:
            query += f" AND kind IN ({','.join('?' * len(kinds))})"
            args += list(kinds)
        for row in self._conn.execute(query + " ORDER BY id", args):
            yield Record(int(row[0]), float(row[1]), str(row[2]), str(row[3]), json.loads(row[4]))

    def records_until(self, after_id: int, t: float) -> list[Record]:
        """Records after `after_id` up to time t (the player's next step)."""
        return list(self.records(after_id, self._last_id_at(t)))

    def incident_events(self, incident_id: str, up_to_id: int) -> list[dict[str, Any]]:
        """The recorded events that name an incident, up to a record (for its timeline in a replay)."""
        pattern = f'%"{incident_id}"%'
        return [
            json.loads(body)
            for (body,) in self._conn.execute(
                "SELECT body FROM records WHERE kind = 'event' AND id <= ? AND body LIKE ? ORDER BY id",
                (up_to_id, pattern),
            )
        ]

    def last_action(self, type_: str, up_to_id: int) -> dict[str, Any] | None:
        """The last action of a type up to a record (the wall as it was at a time), or None."""
        row = self._conn.execute(
            "SELECT body FROM records WHERE kind = 'action' AND type = ? AND id <= ? ORDER BY id DESC LIMIT 1",
            (type_, up_to_id),
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def markers(self) -> list[Marker]:
        """Incidents created (high priority as alerts), operator actions and trainer notes, in time order."""
        found: list[Marker] = []
        for t, kind, type_, body in self._conn.execute(
            "SELECT t, kind, type, body FROM records WHERE type = 'incident.created' OR kind = 'action' ORDER BY id"
        ):
            data = json.loads(body)
            if kind == "event":
                incident = (data.get("data") or {}).get("incident") or {}
                label = f"{incident.get('number', '')} {incident.get('type_text', '')}".strip()
                found.append(Marker(t, "alert" if incident.get("priority", 0) >= 8 else "incident", label))
            else:
                found.append(Marker(t, "action", str(data.get("description") or type_)))
        found += [Marker(t, "note", text) for t, text in self._conn.execute("SELECT t, text FROM notes")]
        return sorted(found, key=lambda m: m.t)

    def add_note(self, t: float, text: str) -> None:
        """A trainer's note at replay time t, saved in the session file."""
        self._conn.execute("INSERT INTO notes (t, text) VALUES (?, ?)", (t, text))

    def notes(self) -> list[tuple[float, str]]:
        return [(float(t), str(text)) for t, text in self._conn.execute("SELECT t, text FROM notes ORDER BY t, id")]
