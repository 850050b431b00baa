"""The incidents the matchers read, held in memory by cells of about 500 m: built from storage at start, kept up
to date from the event log (every instance follows every commit). A duplicate check reads a few cells, never the
whole table: fast enough to run while the operator types."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from dispatchd.clock import parse_utc
from dispatchd.linking.duplicates import Known
from dispatchd.linking.families import family_of
from dispatchd.storage.interface import EventRecord, Storage

log = logging.getLogger("dispatchd.linking")
CELL_DEG = 0.005
"""A cell's side in degrees (~550 m of latitude): the widest window (300 m) is within the 3×3 cells around."""
KEEP = timedelta(days=31)
"""Closed incidents are kept this long (repeat places look 30 days back)."""
INCIDENT_EVENTS = frozenset({"incident.created", "incident.updated", "incident.closed", "incident.note_added"})


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


class IncidentIndex:
    def __init__(self, storage: Storage, emsi_of: Callable[[str], str | None]) -> None:
        self._storage = storage
        self._emsi_of = emsi_of
        self._lock = threading.Lock()
        self._cells: dict[tuple[int, int], dict[str, Known]] = {}
        self._where: dict[str, tuple[int, int]] = {}

    def known(self, incident: dict[str, Any]) -> Known | None:
        location = incident.get("location") or {}
        if location.get("lat") is None or location.get("lon") is None:
            return None
        return Known(
            id=incident["id"],
            number=str(incident.get("number") or ""),
            family=family_of(
                incident.get("type_code") or "",
                incident.get("emsi_category") or self._emsi_of(incident.get("type_code") or ""),
            ),
            lat=float(location["lat"]),
            lon=float(location["lon"]),
            created_at=parse_utc(incident["created_at"]),
            status=str(incident.get("status") or ""),
            type_text=str(incident.get("type_text") or ""),
            address=str(location.get("address_text") or ""),
        )

    def load(self, now: datetime) -> int:
        """The open incidents, and the others of the last month (repeat places and hot spots look that far)."""
        with self._storage.read() as tx:
            incidents = tx.list("incident")
        since = now - KEEP
        for incident in incidents:
            if incident.get("status") in ("new", "active") or parse_utc(incident["created_at"]) >= since:
                self.put(incident)
        log.info("linking: %d incidents indexed", len(self._where))
        return len(self._where)

    def put(self, incident: dict[str, Any]) -> None:
        known = self.known(incident)
        with self._lock:
            before = self._where.pop(incident["id"], None)
            if before is not None:
                self._cells.get(before, {}).pop(incident["id"], None)
            if known is not None:
                cell = cell_of(known.lat, known.lon)
                self._cells.setdefault(cell, {})[known.id] = known
                self._where[known.id] = cell

    def follow(self, events: list[EventRecord]) -> None:
        """Incidents created or changed by any instance: read again (a delta event carries only what changed)."""
        ids = {e.entity_id for e in events if e.type in INCIDENT_EVENTS}
        if not ids:
            return
        with self._storage.read() as tx:
            for incident_id in ids:
                incident = tx.get("incident", incident_id)
                if incident is not None:
                    self.put(incident)

    def near(self, lat: float, lon: float) -> Iterable[Known]:
        row, col = cell_of(lat, lon)
        with self._lock:
            found = [k for r in (row - 1, row, row + 1) for c in (col - 1, col, col + 1)
                     for k in self._cells.get((r, c), {}).values()]  # fmt: skip
        return found

    def every(self) -> list[Known]:
        with self._lock:
            return [k for cell in self._cells.values() for k in cell.values()]

    def get(self, incident_id: str) -> Known | None:
        with self._lock:
            cell = self._where.get(incident_id)
            return self._cells.get(cell, {}).get(incident_id) if cell is not None else None

    def forget_before(self, moment: datetime) -> None:
        with self._lock:
            for cell in list(self._cells.values()):
                for known in [k for k in cell.values() if k.status not in ("new", "active") and
                              k.created_at < moment]:  # fmt: skip
                    del cell[known.id]
                    self._where.pop(known.id, None)
