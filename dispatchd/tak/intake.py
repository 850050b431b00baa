"""CoT events heard from field clients, turned into unit positions and unmapped tracks, written in batches.

Every listener and the TAK server link hand their frames to one `CotIntake`. It parses each, refuses what is
malformed, oversized, from the future or already stale (counted by reason, logged once in a while), maps the
track's `uid` to a unit through the units' `tracker_uid`, and keeps the newest report of each track. A writer
task stores what gathered every `flush_s` in one transaction: the units' positions as one `unit.positions`
event, the tracks of no unit as one `track.seen` event. A client sending ten reports a second costs one row
per flush, and a thousand clients cost one transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dispatchd.clock import format_utc
from dispatchd.event_bus import EventBus
from dispatchd.service import DispatchService
from dispatchd.storage.interface import EventRecord, Storage
from dispatchd.tak.cot import CotEvent, CotRejected, check_timely, parse_protobuf, parse_xml
from dispatchd.tak.framing import Frame

log = logging.getLogger("dispatchd.tak")

TRACK = "track"
ACTOR = "tak"
DROP_REASONS = ("malformed", "oversized", "future", "stale")


@dataclass(frozen=True, slots=True)
class IntakeFigures:
    """What the intake has taken and refused since it started."""

    accepted: int
    dropped: dict[str, int]
    tracks_per_min: int
    """Distinct tracks heard in the last minute."""
    unmapped: int
    """Of those, how many map to no unit."""


def position_of(event: CotEvent) -> dict[str, Any]:
    """The stored position of a CoT report (its `time` and `stale` kept as they came)."""
    return {
        "lat": event.lat,
        "lon": event.lon,
        "course": event.course,
        "speed": event.speed,
        "observed_at": format_utc(event.time),
        "stale_at": format_utc(event.stale),
        "source": "cot",
        "accuracy_m": event.accuracy_m,
        "altitude_m": event.hae,
    }


class CotIntake:
    """Takes frames from any thread or loop; `run()` writes them."""

    def __init__(
        self,
        storage: Storage,
        service: DispatchService,
        bus: EventBus,
        *,
        flush_s: float = 0.25,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._storage = storage
        self._service = service
        self._bus = bus
        self._flush_s = flush_s
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: dict[str, CotEvent] = {}
        self._units_by_uid: dict[str, str] = {}
        self._accepted = 0
        self._dropped: Counter[str] = Counter()
        self._heard: deque[tuple[float, str, bool]] = deque()  # (monotonic, uid, mapped) of the last minute
        self._last_warning = 0.0
        self.on_written: Callable[[int], None] = lambda _count: None

    # --- the mapping ------------------------------------------------------------------------------------------
    def refresh_mapping(self) -> None:
        """The units' tracker uids, read again (at start and when a unit changed, on any instance)."""
        with self._storage.read() as tx:
            units = tx.find_present("unit", "tracker_uid")
        mapping = {u["tracker_uid"]: u["id"] for u in units if not u.get("retired")}
        with self._lock:
            self._units_by_uid = mapping

    def follow(self, events: list[EventRecord]) -> None:
        if any(event.type == "unit.updated" for event in events):
            self.refresh_mapping()

    def unit_of(self, uid: str) -> str | None:
        with self._lock:
            return self._units_by_uid.get(uid)

    # --- taking -----------------------------------------------------------------------------------------------
    def take(self, frame: Frame) -> CotEvent | None:
        """One frame from a client: kept for the next write, or counted as dropped (never raises)."""
        try:
            event = parse_protobuf(frame.payload) if frame.protobuf else parse_xml(frame.payload)
            check_timely(event, self._clock())
        except CotRejected as rejected:
            self.count_dropped(rejected.reason, str(rejected))
            return None
        if not event.is_position:
            return None  # chats, shapes, pings: not ours to store
        with self._lock:
            self._accepted += 1
            self._pending[event.uid] = event
            now = time.monotonic()
            self._heard.append((now, event.uid, event.uid in self._units_by_uid))
        return event

    def count_dropped(self, reason: str, detail: str = "") -> None:
        with self._lock:
            self._dropped[reason] += 1
            total = sum(self._dropped.values())
        now = time.monotonic()
        if now - self._last_warning > 10:
            self._last_warning = now
            log.warning("CoT event dropped (%s); %d dropped since start", detail or reason, total)

    def figures(self) -> IntakeFigures:
        with self._lock:
            cutoff = time.monotonic() - 60
            while self._heard and self._heard[0][0] < cutoff:
                self._heard.popleft()
            tracks = {uid: mapped for _t, uid, mapped in self._heard}
            return IntakeFigures(
                accepted=self._accepted,
                dropped={reason: self._dropped[reason] for reason in DROP_REASONS},
                tracks_per_min=len(tracks),
                unmapped=sum(1 for mapped in tracks.values() if not mapped),
            )

    # --- writing ----------------------------------------------------------------------------------------------
    async def run(self) -> None:
        """Writes what gathered every `flush_s`, until cancelled (then writes the rest)."""
        try:
            while True:
                await asyncio.sleep(self._flush_s)
                await self.flush()
        finally:
            with contextlib.suppress(Exception):
                await asyncio.shield(self.flush())

    async def flush(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, {}
        if batch:
            try:
                await asyncio.to_thread(self._write, list(batch.values()))
            except Exception:  # the database is away: these reports are lost, the next ones will come
                log.exception("writing %d CoT reports failed", len(batch))

    def _write(self, events: list[CotEvent]) -> None:
        with self._lock:
            mapping = dict(self._units_by_uid)
        reports = [(mapping[e.uid], position_of(e)) for e in events if e.uid in mapping]
        unmapped = [e for e in events if e.uid not in mapping]
        with self._storage.transaction() as tx:
            if reports:
                self._service.report_positions(tx, ACTOR, reports)
            tracks = []
            for event in unmapped:
                track = {"uid": event.uid, "callsign": event.callsign, "cot_type": event.type,
                         "position": position_of(event)}  # fmt: skip
                tx.put(TRACK, event.uid, track)
                tracks.append(track)
            if tracks:
                tx.append_event("track.seen", TRACK, "*", 0, ACTOR, {"tracks": tracks})
        self._bus.notify()
        self.on_written(len(events))


def live_tracks(tracks: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """The unmapped tracks not yet stale (what the snapshot sends)."""
    cutoff = format_utc(now)
    return [t for t in tracks if t["position"]["stale_at"] > cutoff]
