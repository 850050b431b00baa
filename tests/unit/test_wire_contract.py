"""One wire contract (dispatch_protocol): what dispatchd builds, the console parses; what breaks it never leaves
dispatchd; what a newer backend adds does not break an older console."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from console.backend.commands import Commands
from console.domain.events import event_from_dict
from console.domain.model import MalformedData, parse
from console.domain.state import DispatchState, Outcome
from console.map.logic.sectors import sectors_geojson
from console.operations.incident_types import type_rows
from dispatch_protocol.entities import Incident, Unit
from dispatchd import reference
from dispatchd.service import DispatchService
from dispatchd.storage.sqlite import SQLiteStorage
from tests.unit.console.factories import incident, snapshot


def test_what_dispatchd_builds_the_console_parses_and_applies(tmp_path: Path) -> None:
    storage = SQLiteStorage(tmp_path / "db.sqlite")
    service = DispatchService()
    body = {"type_code": "FIGHT", "priority": 7, "location": {"lat": 45.75, "lon": 4.84}, "caller": {"name": "Ana"}}
    with storage.transaction() as tx:
        service.register_unit(
            tx,
            "admin",
            {
                "id": "PS-07@police",
                "callsign": "PS-07",
                "agency": "police",
                "primary_status": "Available",
                "secondary_status": "Available",
                "incident_id": None,
                "position": None,
            },
        )
        created = service.create_incident(tx, "operator", {**body, "note": "two men, one with a bar"})
        service.assign(tx, "operator", created["id"], "PS-07@police")
    state = DispatchState()
    state.load_snapshot(snapshot(0))
    for record in storage.events_after(0, 100):
        assert state.apply(event_from_dict(record.envelope(), record.seq)).outcome is Outcome.APPLIED
    held = state.incidents[created["id"]]
    assert isinstance(held, Incident) and held.number == created["number"]
    assert held.caller_name == "Ana" and held.notes[0].text == "two men, one with a bar"
    assert held.assigned_units == ("PS-07@police",) and held.status == "active"
    assert isinstance(state.units["PS-07@police"], Unit) and state.units["PS-07@police"].incident_id == held.id


def test_an_entity_that_breaks_the_contract_is_never_written(tmp_path: Path) -> None:
    storage = SQLiteStorage(tmp_path / "db.sqlite")
    broken = {k: v for k, v in incident("i1").items() if k != "priority"}
    with pytest.raises(ValidationError, match="priority"), storage.transaction() as tx:
        tx.append_event("incident.created", "incident", "i1", 1, "tester", {"incident": broken})
    assert storage.last_seq() == 0, "rolled back: no console ever sees it"
    with pytest.raises(ValueError, match="unknown event type"), storage.transaction() as tx:
        tx.append_event("incident.exploded", "incident", "i1", 1, "tester", {})


def test_a_newer_backends_extra_fields_are_ignored_and_wrong_types_named() -> None:
    newer = {**incident("i1"), "threat_level": "high", "location": {"lat": 45.75, "lon": 4.84, "floor": 3}}
    assert parse(Incident, newer, "incident").location.lat == 45.75
    with pytest.raises(MalformedData, match=r"incident\.priority: Input should be a valid integer"):
        parse(Incident, {**incident("i1"), "priority": "7"}, "incident")
    with pytest.raises(MalformedData, match=r"incident\.created_at"):
        parse(Incident, {**incident("i1"), "created_at": "2026-11-30T10:00:00"}, "incident")  # no time zone


def test_a_command_the_backend_could_only_refuse_is_refused_at_once_with_the_field_named() -> None:
    said: list[str] = []
    commands = Commands(said.append)  # not connected: a command that passes the contract says so
    held = parse(Incident, incident("i1", number="2026-000042"), "incident")
    assert commands.add_note(held, "") is None
    assert commands.add_note(held, "two men, one with a bar") is None
    commands.set_priority(held, 11)
    assert said == [
        "Could not add a note to 2026-000042: NoteCreate.text: String should have at least 1 character",
        "Could not add a note to 2026-000042: not connected to a dispatch backend yet.",
        "Could not change the priority of 2026-000042: IncidentPatch.priority: Input should be less than or equal "
        "to 10",
    ]


def test_the_centres_reference_data_reaches_the_console_and_retired_units_leave_it(tmp_path: Path) -> None:
    storage = SQLiteStorage(tmp_path / "db.sqlite")
    square = [[4.83, 45.74], [4.85, 45.74], [4.85, 45.76], [4.83, 45.76], [4.83, 45.74]]
    with storage.transaction() as tx:
        fields = reference.sector_fields({"name": "Centre", "geometry": {"type": "Polygon", "coordinates": [square]}})
        reference.save(tx, "admin", reference.SECTOR, "centre", fields)
        body = {"names": {"en": "Shop robbery", "fr": "Vol en commerce"}, "priority": 8, "agencies": ["police"]}
        robbery = reference.incident_type_fields("ROBBERY", body, "en")
        reference.save(tx, "admin", reference.INCIDENT_TYPE, "ROBBERY", robbery)
        unit = {"callsign": "PS-11", "agency": "police", "type_common": "PatrolUnit"}
        reference.save(tx, "sup", "unit", "PS-11@police", reference.unit_fields(unit))
        reference.retire(tx, "sup", "unit", "PS-11@police", 1)
    state = DispatchState()
    state.load_snapshot(snapshot(0))
    for record in storage.events_after(0, 100):
        state.apply(event_from_dict(record.envelope(), record.seq))
    assert sectors_geojson(state.sectors.values())["features"][0]["properties"] == {"name": "Centre"}
    assert [row["text"] for row in type_rows(state.incident_types.values(), "fr")] == ["Vol en commerce"]
    assert [row["text"] for row in type_rows(state.incident_types.values(), "de")] == ["Shop robbery"]
    assert "PS-11@police" not in state.units, "retired: on no board, no map, no dispatch list"
