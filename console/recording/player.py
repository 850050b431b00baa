"""SessionPlayer: feeds the console's store from a session file, at any speed, from any time.

The same store and the same views as live; the file is read in a thread of its own (a seek rebuilds the
state from the last checkpoint before the time wanted; playing reads the next records), and what was read
is applied on the GUI thread. An answer that a newer seek made stale is dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.events import Event, MalformedEvent, event_from_dict
from console.recording.logic.replay_clock import ReplayClock
from console.recording.logic.session_file import Marker, Record, SessionReader
from console.state.store import Store

log = logging.getLogger("console.recording")
TICK_MS = 50
STATE_ACTIONS = ("wall",)
"""Actions that set a state (not one-off): after a seek, the last one before the time is replayed."""


class SessionPlayer(QObject):
    position_changed = Signal(float)
    """The replayed time moved: epoch seconds of the recording."""
    playing_changed = Signal(bool)
    """Play (True) or pause (False)."""
    action_replayed = Signal(str, dict)
    """An operator action of the recording was reached: its name and what was recorded."""
    markers_changed = Signal()
    """The markers changed (a note was added)."""
    _state_read = Signal(int, object, int, object)
    _records_read = Signal(int, object)

    def __init__(self, store: Store, reader: SessionReader) -> None:
        super().__init__()
        self.store = store
        self.reader = reader
        self.clock = ReplayClock(reader.start, reader.end, reader.start)
        self.position_changed.connect(lambda t: store.clock.replay_at(datetime.fromtimestamp(t, UTC)))
        store.clock.replay_at(datetime.fromtimestamp(reader.start, UTC))
        self.markers: list[Marker] = reader.markers()
        self._last_id = 0
        self._generation = 0  # a seek starts a new one; answers of older ones are dropped
        self._reading = False
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="session-reader")
        self._state_read.connect(self._apply_state)
        self._records_read.connect(self._apply_records)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._last_tick = time.monotonic()
        self.seeks_ms: list[float] = []

    # --- control ---------------------------------------------------------------------------------
    def play(self) -> None:
        if self.clock.position >= self.clock.end:
            self.seek(self.clock.start)
        self.clock.playing = True
        self._last_tick = time.monotonic()
        self._timer.start(TICK_MS)
        self.playing_changed.emit(True)

    def pause(self) -> None:
        self.clock.playing = False
        self._timer.stop()
        self.playing_changed.emit(False)

    def set_speed(self, speed: float) -> None:
        self.clock.speed = speed

    def seek(self, position: float) -> None:
        """Jump anywhere: the state at that time replaces the store's."""
        target = self.clock.seek(position)
        self._generation += 1
        generation, started = self._generation, time.perf_counter()
        future = self._pool.submit(self._read_state, target)
        future.add_done_callback(lambda f: self._deliver_state(generation, f, started))
        self.position_changed.emit(target)

    def next_marker(self) -> None:
        later = [m.t for m in self.markers if m.t > self.clock.position + 0.5]
        if later:
            self.seek(later[0])

    def previous_marker(self) -> None:
        earlier = [m.t for m in self.markers if m.t < self.clock.position - 0.5]
        if earlier:
            self.seek(earlier[-1])

    def add_note(self, text: str) -> None:
        """A trainer's note at the replayed time, saved in the session file."""
        self._pool.submit(self.reader.add_note, self.clock.position, text).result()
        self.markers = self.reader.markers()
        self.markers_changed.emit()

    async def history(self, incident_id: str) -> list[Event]:
        """An incident's events up to the replayed time, read in the player's thread (its timeline)."""
        raw = await asyncio.wrap_future(self._pool.submit(self.reader.incident_events, incident_id, self._last_id))
        events = []
        for item in raw:
            try:
                events.append(event_from_dict(item, int(item.get("seq", 0))))
            except MalformedEvent:
                continue
        return events

    def close(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=True)
        self.reader.close()

    # --- reading in the thread, applying here ------------------------------------------------------
    def _read_state(self, t: float) -> tuple[dict[str, Any], int, dict[str, dict[str, Any]]]:
        """In the reader's thread: the state at t, its last record, and the last of each kind of remembered
        action (the wall as the operator had it)."""
        snapshot, last_id = self.reader.state_at(t)
        remembered = {}
        for name in STATE_ACTIONS:
            body = self.reader.last_action(name, last_id)
            if body is not None:
                remembered[name] = body
        return snapshot, last_id, remembered

    def _deliver_state(
        self, generation: int, future: Future[tuple[dict[str, Any], int, dict[str, dict[str, Any]]]], started: float
    ) -> None:
        try:
            snapshot, last_id, remembered = future.result()
        except Exception:
            log.exception("could not read the session at this time")
            return
        self.seeks_ms.append((time.perf_counter() - started) * 1000)
        self._state_read.emit(generation, snapshot, last_id, remembered)

    def _apply_state(
        self, generation: int, snapshot: dict[str, Any], last_id: int, remembered: dict[str, dict[str, Any]]
    ) -> None:
        if generation != self._generation:
            return
        self.store.reset(snapshot)
        self._last_id = last_id
        self._reading = False
        for name, body in remembered.items():
            self.action_replayed.emit(name, body)

    def _tick(self) -> None:
        now = time.monotonic()
        position = self.clock.advance(now - self._last_tick)
        self._last_tick = now
        self.position_changed.emit(position)
        if not self.clock.playing:
            self._timer.stop()
            self.playing_changed.emit(False)
        if self._reading:
            return
        self._reading = True
        generation, after = self._generation, self._last_id
        future = self._pool.submit(self.reader.records_until, after, position)
        future.add_done_callback(lambda f: self._records_read.emit(generation, f.result()))

    def _apply_records(self, generation: int, records: list[Record]) -> None:
        self._reading = False
        if generation != self._generation:
            return
        for record in records:
            if record.id <= self._last_id:
                continue
            self._last_id = record.id
            if record.kind == "snapshot":
                self.store.reset(record.body)
            elif record.kind == "event":
                try:
                    self.store.apply(event_from_dict(record.body, record.body.get("seq", 0)))
                except MalformedEvent as error:
                    self.store.malformed(error)
            elif record.kind == "skip":
                self.store.malformed(MalformedEvent(int(record.body["seq"]), str(record.body.get("reason", ""))))
            elif record.kind == "action":
                self.action_replayed.emit(record.type, record.body)
