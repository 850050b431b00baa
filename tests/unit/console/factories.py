"""Wire-shaped entities and events for tests, as dispatchd would send them."""

from __future__ import annotations

from typing import Any

T0 = "2026-11-24T08:00:00.000Z"


def incident(incident_id: str = "i1", version: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "id": incident_id,
        "number": f"2026-{incident_id}",
        "type_code": "FIGHT",
        "type_text": "Fight on the public way",
        "priority": 6,
        "status": "new",
        "status_common": "ResourcesRequested",
        "location": {"lat": 45.75, "lon": 4.84, "address_text": "1 Rue Pasteur", "sector": "Centre"},
        "agencies": ["police"],
        "assigned_units": [],
        "notes": [],
        "version": version,
        "created_at": T0,
        "updated_at": T0,
        **changes,
    }


def unit(unit_id: str = "PS-01@police", version: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "id": unit_id,
        "callsign": unit_id.split("@")[0],
        "agency": unit_id.split("@")[1],
        "type_common": "PatrolUnit",
        "primary_status": "Available",
        "secondary_status": "Available",
        "incident_id": None,
        "position": None,
        "version": version,
        **changes,
    }


def event(seq: int, type_: str, entity_id: str, data: dict[str, Any], version: int = 1) -> dict[str, Any]:
    return {
        "seq": seq,
        "ts": T0,
        "type": type_,
        "entity": {"type": type_.split(".")[0], "id": entity_id, "version": version},
        "actor": "tester",
        "data": data,
    }


def snapshot(seq: int = 0, **lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "seq": seq,
        "incidents": [],
        "units": [],
        "cameras": [],
        "media": [],
        "bookmarks": [],
        "watch_rules": [],
        **lists,
    }
