"""The dispatch commands: every change to an entity appends its event in the same transaction.

Routes and the simulator both call these functions, so the demo goes through the same rules as an operator.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from dispatchd.clock import parse_utc, utc_now
from dispatchd.interop.eido import PartnerIncident, tracking_id
from dispatchd.problems import Problem, not_found
from dispatchd.storage.interface import Transaction

INCIDENT, UNIT, CAMERA, MEDIA = "incident", "unit", "camera", "media"
MAJOR_EVENT_TYPE = "MAJOR"
OPEN_STATUSES = frozenset({"new", "active"})
CLOSED_STATUSES = frozenset({"closed", "cancelled"})
SECONDARY_STATUSES = (
    "Available",
    "Dispatched",
    "EnRoute",
    "OnScene",
    "Transporting",
    "Cleared",
    "OutofService",
)
# Secondary (activity) status → primary availability, after EIDO's unit status registry.
PRIMARY_FOR_SECONDARY = {
    "Available": "Available",
    "Dispatched": "NotAvailable",
    "EnRoute": "NotAvailable",
    "OnScene": "NotAvailable",
    "Transporting": "NotAvailable",
    "Cleared": "Available",
    "OutofService": "NotAvailable",
}

SectorLookup = Callable[[float, float], str | None]


def _no_sector(_lat: float, _lon: float) -> str | None:
    return None


def status_common_for(unit_statuses: list[str]) -> str:
    """The incident's EIDO common status from the activity of its assigned units."""
    for status, common in (
        ("OnScene", "ResourcesOnscene"),
        ("Transporting", "ResourcesOnscene"),
        ("EnRoute", "ResourcesEnroute"),
        ("Dispatched", "ResourcesAssigned"),
    ):
        if status in unit_statuses:
            return common
    return "ResourcesRequested" if not unit_statuses else "ResourcesAssigned"


def check_version(entity: dict[str, Any], if_match: int | None, what: str) -> None:
    """A stale `If-Match` gets 412 with the current version and the current state: nothing is overwritten."""
    if if_match is not None and if_match != entity["version"]:
        label = entity.get("number") or entity.get("callsign") or entity["id"]
        raise Problem(
            412,
            "Changed meanwhile",
            f"This {what} ({label}) changed since you opened it (now version {entity['version']}, you had "
            f"version {if_match}); nothing was overwritten: check its new state and try again.",
            headers={"ETag": f'"{entity["version"]}"'},
            current_version=entity["version"],
            current=entity,
        )


def _delta(incident: dict[str, Any], changed: list[str]) -> dict[str, Any]:
    """What an incident event carries: the new values of the fields that changed, its new version and time.
    Never its notes or history: an event's size does not grow with the incident's."""
    return {**{field: incident[field] for field in changed}, "version": incident["version"],
            "updated_at": incident["updated_at"]}  # fmt: skip


class DispatchService:
    """Incident, unit, camera and media commands over a storage transaction."""

    def __init__(
        self,
        sector_of: SectorLookup = _no_sector,
        incident_types: dict[str, dict[str, Any]] | None = None,
        domain: str = "dispatchd.invalid",
    ) -> None:
        self._sector_of = sector_of
        self.incident_types = incident_types or {}
        self.domain = domain
        """The centre's domain: the last part of its incident tracking identifiers (`--agency-domain`)."""

    def _check_type(self, type_code: str) -> dict[str, Any] | None:
        if type_code == MAJOR_EVENT_TYPE:
            return {"code": MAJOR_EVENT_TYPE, "text": "Major event"}
        if self.incident_types and type_code not in self.incident_types:
            raise Problem(
                422,
                "Invalid request",
                f"Unknown incident type {type_code!r}: choose one from the list.",
                errors=[{"field": "type_code", "message": "unknown incident type"}],
            )
        return self.incident_types.get(type_code)

    def _check_major_event(self, tx: Transaction, major_event_id: str | None) -> None:
        if major_event_id is None:
            return
        parent = tx.get(INCIDENT, major_event_id)
        if parent is None or not parent.get("major_event"):
            raise Problem(
                422,
                "Invalid request",
                f"There is no major event with id {major_event_id}.",
                errors=[{"field": "major_event_id", "message": "not a major event"}],
            )

    # --- incidents -------------------------------------------------------------------------
    def get_incident(self, tx: Transaction, incident_id: str) -> dict[str, Any]:
        incident = tx.get(INCIDENT, incident_id)
        if incident is None:
            raise not_found("incident", incident_id)
        return incident

    def create_incident(self, tx: Transaction, actor: str, payload: dict[str, Any]) -> dict[str, Any]:
        known = self._check_type(payload["type_code"])
        self._check_major_event(tx, payload.get("major_event_id"))
        now = utc_now()
        incident_id = str(uuid.uuid4())
        location = dict(payload["location"])
        if not location.get("sector"):
            location["sector"] = self._sector_of(location["lat"], location["lon"])
        notes = []
        if payload.get("note"):
            notes.append({"id": str(uuid.uuid4()), "text": payload["note"], "author": actor, "created_at": now})
        incident = {
            "id": incident_id,
            "tracking_id": tracking_id(incident_id, self.domain),
            "number": f"{now[:4]}-{tx.next_number('incident_number:' + now[:4]):06d}",
            "type_code": payload["type_code"],
            "type_text": payload.get("type_text") or (known or {}).get("text") or payload["type_code"],
            "emsi_category": payload.get("emsi_category") or (known or {}).get("emsi_category"),
            "priority": payload["priority"],
            "status": "new",
            "status_common": "ResourcesRequested",
            "location": location,
            "caller": payload.get("caller"),
            "notes": notes,
            "agencies": sorted(set(payload.get("agencies") or ["police"])),
            "assigned_units": [],
            "major_event_id": payload.get("major_event_id"),
            "major_event": payload["type_code"] == MAJOR_EVENT_TYPE,
            "agency_requests": [],
            "exercise": bool(payload.get("exercise", False)),
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "created_by": actor,
        }
        tx.put(INCIDENT, incident_id, incident)
        tx.append_event(
            "incident.created", INCIDENT, incident_id, 1, actor, {"incident": incident}, incidents=(incident_id,)
        )
        return incident

    def update_incident(
        self, tx: Transaction, actor: str, incident_id: str, changes: dict[str, Any], if_match: int | None
    ) -> dict[str, Any]:
        incident = self.get_incident(tx, incident_id)
        check_version(incident, if_match, "incident")
        if incident["status"] in CLOSED_STATUSES and changes.get("status") not in OPEN_STATUSES:
            raise Problem(409, "Incident closed", f"Incident {incident['number']} is closed; reopen it first.")
        if "type_code" in changes:
            known = self._check_type(changes["type_code"])
            if known and not changes.get("type_text"):
                changes = {**changes, "type_text": known["text"]}
        if "major_event_id" in changes:
            self._check_major_event(tx, changes["major_event_id"])
            if changes["major_event_id"] == incident_id:
                raise Problem(422, "Invalid request", "A major event cannot be grouped under itself.")
        applied = {
            k: v for k, v in changes.items() if (v is not None or k == "major_event_id") and incident.get(k) != v
        }
        if "location" in applied and not applied["location"].get("sector"):
            applied["location"] = {
                **applied["location"],
                "sector": self._sector_of(applied["location"]["lat"], applied["location"]["lon"]),
            }
        if not applied:
            return incident
        incident.update(applied)
        return self._save_incident(tx, actor, incident, sorted(applied))

    def add_note(self, tx: Transaction, actor: str, incident_id: str, text: str) -> dict[str, Any]:
        incident = self.get_incident(tx, incident_id)
        note = {"id": str(uuid.uuid4()), "text": text, "author": actor, "created_at": utc_now()}
        incident["notes"] = [*incident["notes"], note]
        incident["version"] += 1
        incident["updated_at"] = note["created_at"]
        tx.put(INCIDENT, incident_id, incident)
        tx.append_event(
            "incident.note_added",
            INCIDENT,
            incident_id,
            incident["version"],
            actor,
            {"note": note, "changes": _delta(incident, [])},
            incidents=(incident_id,),
        )
        return note

    def request_agency(self, tx: Transaction, actor: str, incident_id: str, agency: str, reason: str) -> dict[str, Any]:
        """Ask another agency (fire, EMS, gendarmerie…) to take part: recorded, and seen by every console."""
        incident = self.get_incident(tx, incident_id)
        if incident["status"] in CLOSED_STATUSES:
            raise Problem(409, "Incident closed", f"Incident {incident['number']} is closed.")
        request = {
            "agency": agency,
            "reason": reason,
            "requested_by": actor,
            "requested_at": utc_now(),
            "status": "requested",
        }
        incident["agency_requests"] = [*incident.get("agency_requests", []), request]
        changed = ["agency_requests"]
        if agency not in incident["agencies"]:
            incident["agencies"] = sorted([*incident["agencies"], agency])
            changed.append("agencies")
        return self._save_incident(tx, actor, incident, changed, extra={"agency_request": request})

    def assign(self, tx: Transaction, actor: str, incident_id: str, unit_id: str) -> dict[str, Any]:
        incident = self.get_incident(tx, incident_id)
        if incident["status"] in CLOSED_STATUSES:
            raise Problem(409, "Incident closed", f"Incident {incident['number']} is closed; nobody can be sent.")
        unit = self.get_unit(tx, unit_id)
        if unit["incident_id"] == incident_id:
            return incident
        if unit["incident_id"] is not None:
            raise Problem(409, "Unit busy", f"{unit['callsign']} is already assigned to another incident.")
        if unit["secondary_status"] == "OutofService":
            raise Problem(409, "Unit out of service", f"{unit['callsign']} is out of service.")
        unit.update(incident_id=incident_id, secondary_status="Dispatched", primary_status="NotAvailable")
        self._save_unit(tx, actor, unit, related=(incident_id,))
        incident["assigned_units"] = [*incident["assigned_units"], unit_id]
        if unit["agency"] not in incident["agencies"]:
            incident["agencies"] = sorted([*incident["agencies"], unit["agency"]])
        return self._refresh_incident_status(tx, actor, incident, ["assigned_units"])

    def unassign(self, tx: Transaction, actor: str, incident_id: str, unit_id: str) -> dict[str, Any]:
        incident = self.get_incident(tx, incident_id)
        unit = self.get_unit(tx, unit_id)
        if unit_id not in incident["assigned_units"]:
            raise Problem(409, "Not assigned", f"{unit['callsign']} is not assigned to incident {incident['number']}.")
        if unit["incident_id"] == incident_id:
            unit.update(incident_id=None, secondary_status="Available", primary_status="Available")
            self._save_unit(tx, actor, unit, related=(incident_id,))
        incident["assigned_units"] = [u for u in incident["assigned_units"] if u != unit_id]
        return self._refresh_incident_status(tx, actor, incident, ["assigned_units"])

    def _refresh_incident_status(
        self, tx: Transaction, actor: str, incident: dict[str, Any], changed: list[str]
    ) -> dict[str, Any]:
        statuses = []
        for unit_id in incident["assigned_units"]:
            unit = tx.get(UNIT, unit_id)
            if unit is not None:
                statuses.append(unit["secondary_status"])
        common = status_common_for(statuses)
        if common != incident["status_common"]:
            incident["status_common"] = common
            changed.append("status_common")
        if incident["status"] == "new" and incident["assigned_units"]:
            incident["status"] = "active"
            changed.append("status")
        return self._save_incident(tx, actor, incident, changed)

    def save_incident(
        self, tx: Transaction, actor: str, incident: dict[str, Any], changed: list[str]
    ) -> dict[str, Any]:
        """Save and log a change made elsewhere (linking, merging)."""
        return self._save_incident(tx, actor, incident, changed)

    def refresh_status(
        self, tx: Transaction, actor: str, incident: dict[str, Any], changed: list[str]
    ) -> dict[str, Any]:
        """Save with the status its units give it (merging moves units)."""
        return self._refresh_incident_status(tx, actor, incident, changed)

    def save_unit(self, tx: Transaction, actor: str, unit: dict[str, Any], related: tuple[str, ...]) -> dict[str, Any]:
        return self._save_unit(tx, actor, unit, related)

    def _save_incident(
        self,
        tx: Transaction,
        actor: str,
        incident: dict[str, Any],
        changed: list[str],
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        incident["version"] += 1
        incident["updated_at"] = utc_now()
        tx.put(INCIDENT, incident["id"], incident)
        closing = "status" in changed and incident["status"] in CLOSED_STATUSES
        if closing:
            for unit_id in incident["assigned_units"]:
                unit = tx.get(UNIT, unit_id)
                if unit is not None and unit["incident_id"] == incident["id"]:
                    unit.update(incident_id=None, secondary_status="Available", primary_status="Available")
                    self._save_unit(tx, actor, unit, related=(incident["id"],))
        type_ = "incident.closed" if closing else "incident.updated"
        tx.append_event(
            type_,
            INCIDENT,
            incident["id"],
            incident["version"],
            actor,
            {"changes": _delta(incident, changed), "changed": sorted(set(changed)), **(extra or {})},
            incidents=(incident["id"],),
        )
        return incident

    def import_partner_incident(self, tx: Transaction, actor: str, partner: PartnerIncident) -> dict[str, Any]:
        """A partner centre's incident, from its EIDO: created the first time, updated by a newer EIDO of it,
        left as it is by an older or the same one (`outcome`: created, updated, unchanged)."""
        origin = {"agency": partner.domain, "tracking_id": partner.tracking_id, "number": partner.number,
                  "updated_at": partner.updated_at}  # fmt: skip
        location = {"lat": partner.lat, "lon": partner.lon, "uncertainty_m": partner.uncertainty_m,
                    "address_text": partner.address_text,
                    "sector": self._sector_of(partner.lat, partner.lon)}  # fmt: skip
        fields = {
            "type_code": partner.type_code,
            "type_text": partner.type_text,
            "priority": partner.priority,
            "status_common": partner.status_common or "ResourcesRequested",
            "location": location,
            "partner_resources": {"dispatch": list(partner.dispatch), "resources": list(partner.resources)},
        }
        found = tx.find(INCIDENT, "tracking_id", [partner.tracking_id])
        if not found:
            incident_id = str(uuid.uuid4())
            now_year = partner.created_at[:4]
            incident = {
                "id": incident_id,
                "tracking_id": partner.tracking_id,
                "number": f"{now_year}-{tx.next_number('incident_number:' + now_year):06d}",
                **fields,
                "emsi_category": (self.incident_types.get(partner.type_code) or {}).get("emsi_category"),
                "status": "closed" if partner.closed else "new",
                "notes": [{"id": str(uuid.uuid4()), **note} for note in partner.notes],
                "agencies": [],
                "assigned_units": [],
                "agency_requests": [],
                "origin": origin,
                "version": 1,
                "created_at": partner.created_at,
                "updated_at": partner.updated_at,
                "created_by": actor,
            }
            tx.put(INCIDENT, incident_id, incident)
            tx.append_event(
                "incident.created", INCIDENT, incident_id, 1, actor, {"incident": incident}, incidents=(incident_id,)
            )
            return {"outcome": "created", "incident": incident}
        incident = found[0]
        held = (incident.get("origin") or {}).get("updated_at")
        if held is not None and parse_utc(partner.updated_at) <= parse_utc(held):
            return {"outcome": "unchanged", "incident": incident}
        known_notes = {(n["created_at"], n["author"], n["text"]) for n in incident["notes"]}
        new_notes = [n for n in partner.notes if (n["created_at"], n["author"], n["text"]) not in known_notes]
        changed = [k for k, v in fields.items() if incident.get(k) != v]
        incident.update(fields, origin=origin)
        changed.append("origin")
        if new_notes:
            incident["notes"] = [*incident["notes"], *({"id": str(uuid.uuid4()), **n} for n in new_notes)]
            changed.append("notes")
        status = (
            "closed" if partner.closed else ("new" if incident["status"] in CLOSED_STATUSES else incident["status"])
        )
        if status != incident["status"]:
            incident["status"] = status
            changed.append("status")
        saved = self._save_incident(tx, actor, incident, changed)
        return {"outcome": "updated", "incident": saved}

    # --- units -----------------------------------------------------------------------------
    def get_unit(self, tx: Transaction, unit_id: str) -> dict[str, Any]:
        unit = tx.get(UNIT, unit_id)
        if unit is None:
            raise not_found("unit", unit_id)
        return unit

    def register_unit(self, tx: Transaction, actor: str, unit: dict[str, Any]) -> dict[str, Any]:
        """Create or replace a unit record (fleet configuration, the simulator)."""
        existing = tx.get(UNIT, unit["id"])
        unit = {**unit, "version": (existing["version"] if existing else 0)}
        return self._save_unit(tx, actor, unit)

    def update_unit_status(
        self, tx: Transaction, actor: str, unit_id: str, secondary_status: str, if_match: int | None
    ) -> dict[str, Any]:
        unit = self.get_unit(tx, unit_id)
        check_version(unit, if_match, "unit")
        if unit["secondary_status"] == secondary_status:
            return unit
        unit["secondary_status"] = secondary_status
        unit["primary_status"] = PRIMARY_FOR_SECONDARY[secondary_status]
        incident_id = unit["incident_id"]
        if secondary_status in ("Cleared", "Available", "OutofService"):
            unit["incident_id"] = None
        self._save_unit(tx, actor, unit, related=(incident_id,) if incident_id else ())
        if incident_id is not None:
            incident = tx.get(INCIDENT, incident_id)
            if incident is not None and incident["status"] in OPEN_STATUSES:
                changed = []
                if unit["incident_id"] is None:
                    incident["assigned_units"] = [u for u in incident["assigned_units"] if u != unit_id]
                    changed.append("assigned_units")
                self._refresh_incident_status(tx, actor, incident, changed)
        return unit

    def report_position(self, tx: Transaction, actor: str, unit_id: str, position: dict[str, Any]) -> dict[str, Any]:
        """A position report does not bump the unit's version: it never conflicts with a status change."""
        unit = self.get_unit(tx, unit_id)
        position = {**position, "sector": self._sector_of(position["lat"], position["lon"])}
        unit["position"] = position
        tx.put(UNIT, unit_id, unit)
        tx.append_event("unit.position", UNIT, unit_id, unit["version"], actor, {"position": position})
        return unit

    def report_positions(
        self, tx: Transaction, actor: str, reports: list[tuple[str, dict[str, Any]]]
    ) -> dict[str, Any]:
        """A batch of (unit id, position) in one transaction and one `unit.positions` event. Reports for unknown
        units, and reports older than the position held (a late packet), are counted and left out."""
        latest: dict[str, dict[str, Any]] = {}
        moved: dict[str, dict[str, Any]] = {}
        unknown: list[str] = []
        older = 0
        for unit_id, position in reports:
            seen = latest.get(unit_id)
            if seen is None:
                unit = tx.get(UNIT, unit_id)
                if unit is None:
                    unknown.append(unit_id)
                    continue
                seen = latest[unit_id] = unit
            held = seen.get("position")
            if held is not None and parse_utc(position["observed_at"]) < parse_utc(held["observed_at"]):
                older += 1
                continue
            seen["position"] = {**position, "sector": self._sector_of(position["lat"], position["lon"])}
            moved[unit_id] = seen
        batch = []
        for unit in moved.values():
            tx.put(UNIT, unit["id"], unit)
            batch.append({"unit_id": unit["id"], "position": unit["position"]})
        seq = None
        if batch:
            seq = tx.append_event("unit.positions", UNIT, "*", 0, actor, {"positions": batch}).seq
        return {"accepted": len(reports) - len(unknown) - older, "units": len(batch), "older": older,
                "unknown_units": sorted(set(unknown)), "seq": seq}  # fmt: skip

    def _save_unit(
        self, tx: Transaction, actor: str, unit: dict[str, Any], related: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """Save and log a unit change; `related` incidents get it in their timeline."""
        unit["version"] += 1
        unit["updated_at"] = utc_now()
        tx.put(UNIT, unit["id"], unit)
        tx.append_event("unit.updated", UNIT, unit["id"], unit["version"], actor, {"unit": unit}, incidents=related)
        return unit

    # --- cameras and media -----------------------------------------------------------------
    def register_camera(self, tx: Transaction, actor: str, camera: dict[str, Any]) -> dict[str, Any]:
        """Add or change a camera (a caller's live video is on its incident's timeline too)."""
        existing = tx.get(CAMERA, camera["id"])
        camera = {**camera, "version": (existing["version"] if existing else 0) + 1}
        if existing is not None and {**existing, "version": 0} == {**camera, "version": 0}:
            return existing
        tx.put(CAMERA, camera["id"], camera)
        related = (camera["incident_id"],) if camera.get("incident_id") else ()
        tx.append_event("camera.updated", CAMERA, camera["id"], camera["version"], actor, {"camera": camera},
                        incidents=related)  # fmt: skip
        return camera

    def add_media(self, tx: Transaction, actor: str, media: dict[str, Any]) -> dict[str, Any]:
        self.get_incident(tx, media["incident_id"])
        tx.put(MEDIA, media["id"], media)
        tx.append_event(
            "media.added", MEDIA, media["id"], 1, actor, {"media": media}, incidents=(media["incident_id"],)
        )
        return media
