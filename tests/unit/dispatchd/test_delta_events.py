"""Incident events carry what changed, not the incident's history: their size stays flat as it grows."""

from __future__ import annotations

import json
from pathlib import Path

from console.domain.events import event_from_dict
from console.domain.model import Incident
from console.domain.state import DispatchState, Outcome
from dispatchd.service import INCIDENT, DispatchService
from dispatchd.storage import SQLiteStorage
from dispatchd.storage.interface import iter_chunks

CALL = {"type_code": "FIRE", "priority": 7, "location": {"lat": 45.75, "lon": 4.84, "address_text": "1 Quai"}}


def _size(storage: SQLiteStorage, seq: int) -> int:
    (event,) = storage.events_after(seq - 1, 1)
    return len(json.dumps(event.envelope(), separators=(",", ":")))


def test_the_thousandth_note_event_is_no_larger_than_the_first(tmp_path: Path) -> None:
    storage, service = SQLiteStorage(tmp_path / "db.sqlite3"), DispatchService()
    with storage.transaction() as tx:
        incident = service.create_incident(tx, "op", {**CALL, "note": "Smoke seen from the bridge."})
    sizes = {}
    for n in range(1, 1001):
        with storage.transaction() as tx:
            service.add_note(tx, "op", incident["id"], f"Caller {n:04d}: flames on the second floor.")
        if n in (1, 1000):
            sizes[n] = _size(storage, storage.last_seq())
    with storage.transaction() as tx:
        service.update_incident(tx, "sup", incident["id"], {"priority": 9}, None)
    update_size = _size(storage, storage.last_seq())
    # Same text length; only the seq and the version (twice) have three more digits: nothing of 999 notes before
    assert sizes[1000] - sizes[1] == 9, sizes
    assert sizes[1] < 600 and update_size < 600, (sizes, update_size)
    with storage.read() as tx:
        assert len(tx.get(INCIDENT, incident["id"])["notes"]) == 1001  # the incident itself keeps them all


def test_a_console_that_applies_the_deltas_holds_what_the_backend_holds(tmp_path: Path) -> None:
    storage, service = SQLiteStorage(tmp_path / "db.sqlite3"), DispatchService()
    with storage.transaction() as tx:
        first = service.create_incident(tx, "op", CALL)
        service.create_incident(tx, "op", {**CALL, "priority": 3})
    with storage.transaction() as tx:
        service.add_note(tx, "op", first["id"], "Second caller: a child inside.")
        service.update_incident(tx, "sup", first["id"], {"priority": 10, "type_code": "FIRE-BLD"}, None)
        service.request_agency(tx, "sup", first["id"], "fire", "Building fire")
    with storage.transaction() as tx:
        service.update_incident(tx, "sup", first["id"], {"status": "closed"}, None)
    state = DispatchState()
    state.load_snapshot({"seq": 0})
    for record in iter_chunks(storage, 0):
        assert state.apply(event_from_dict(record.envelope(), record.seq)).outcome is Outcome.APPLIED
    with storage.read() as tx:
        held_by_backend = [Incident.model_validate(i) for i in tx.list(INCIDENT)]
    assert sorted(state.incidents.values(), key=lambda i: i.id) == held_by_backend
