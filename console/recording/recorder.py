"""SessionRecorder: taps the store (snapshots and every event applied) and the operator's actions (commands
sent, selections, wall changes) and writes them to a session file from a thread of its own.

The GUI thread only puts small tuples on a queue; JSON, SQLite and the state's checkpoints happen in the
writer thread, which commits every quarter of a second: a console killed mid-session loses at most that.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from console.backend.outbox_file import OutboxEntry
from console.domain.events import Event
from console.recording.logic.session_file import SessionFileError, SessionWriter
from console.state.store import Store

log = logging.getLogger("console.recording")
COMMIT_EVERY_S = 0.25
Item = tuple[float, str, str, Any]


class SessionRecorder(QObject):
    """Records one console's session into `path` (a new file)."""

    def __init__(self, store: Store, path: Path, meta: dict[str, str], clock: Callable[[], float] = time.time) -> None:
        """`clock`: the time stamped on each record (wall-clock seconds)."""
        super().__init__()
        self.path = path
        self._clock = clock
        self._writer = SessionWriter(path, meta)  # raises SessionFileError; creating a file is quick
        self._queue: queue.SimpleQueue[Item | None] = queue.SimpleQueue()
        self.recorded = 0
        self.failed: str | None = None
        self._thread = threading.Thread(target=self._run, name="session-recorder", daemon=True)
        self._thread.start()
        store.snapshot_loaded.connect(lambda snapshot: self._put("snapshot", "snapshot", snapshot))
        store.event_applied.connect(self._on_event)
        store.malformed_event.connect(lambda seq, reason: self._put("skip", "skip", {"seq": seq, "reason": reason}))

    def _put(self, kind: str, type_: str, body: Any) -> None:
        self._queue.put((self._clock(), kind, type_, body))

    def _on_event(self, event: Event) -> None:
        self._put("event", event.type, event)

    def record_command(self, entry: OutboxEntry) -> None:
        """A command the operator made (its answer comes back as events, recorded too)."""
        self._put(
            "action",
            f"command:{entry.method} {entry.path}",  # i18n: not shown (the record's type)
            {"description": entry.description, "method": entry.method, "path": entry.path, "body": entry.body},
        )

    def record_action(self, name: str, description: str, **detail: Any) -> None:
        """Something the operator did that the backend does not see (a selection, a wall change)."""
        self._put("action", name, {"description": description, **detail})

    def _run(self) -> None:
        last_commit = time.monotonic()
        while True:
            timeout = max(0.0, COMMIT_EVERY_S - (time.monotonic() - last_commit))
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                pass
            else:
                if item is None:
                    break
                t, kind, type_, body = item
                try:
                    if isinstance(body, Event):
                        self._writer.append(t, kind, type_, body.as_state_input(), body.to_json())
                    else:
                        self._writer.append(t, kind, type_, body)
                    self.recorded += 1
                except (SessionFileError, OSError, ValueError, sqlite3.Error) as exc:
                    self.failed = str(exc)
                    log.error("session recording stopped: %s", exc)
                    return
            if time.monotonic() - last_commit >= COMMIT_EVERY_S:
                self._writer.commit()
                last_commit = time.monotonic()
        self._writer.close()

    def close(self, timeout_s: float = 120.0) -> None:
        """Write everything queued, then close the file (at the end of a session: wait for it)."""
        self._queue.put(None)
        self._thread.join(timeout=timeout_s)
        if self._thread.is_alive():
            log.error("the session file %s was still being written after %.0f s", self.path, timeout_s)
