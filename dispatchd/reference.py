"""The centre's reference data: its fleet, cameras, sectors and incident types.

Every change appends its event (`unit.updated`, `camera.updated`, `sector.updated`, `incident_type.updated`),
so every console follows it live, and an audit entry naming who changed which fields (never their values for
camera credentials). Saving what is already there changes nothing (an import can run twice). Nothing an
incident may refer to is deleted: it is retired, and kept for the incidents that name it.

Camera credentials are stored apart (`camera_secret`), never in an event, an export or the audit; a console
gets them with the stream addresses, for a session, from `GET /cameras/{id}/streams`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dispatch_protocol.files import with_login
from dispatchd import audit as audit_trail
from dispatchd.clock import utc_now
from dispatchd.geo import Sectors
from dispatchd.problems import Problem, not_found
from dispatchd.service import CAMERA, UNIT, check_version
from dispatchd.storage.interface import Transaction

SECTOR, INCIDENT_TYPE, CAMERA_SECRET, AUDIT = "sector", "incident_type", "camera_secret", "audit"
EVENT_OF = {
    UNIT: "unit.updated",
    CAMERA: "camera.updated",
    SECTOR: "sector.updated",
    INCIDENT_TYPE: "incident_type.updated",
}
WORDS = {UNIT: "unit", CAMERA: "camera", SECTOR: "sector", INCIDENT_TYPE: "incident type"}
NEW_UNIT = {
    "primary_status": "Available",
    "secondary_status": "Available",
    "incident_id": None,
    "position": None,
}


def audit_change(tx: Transaction, actor: str, action: str, kind: str, entity_id: str, changed: list[str]) -> None:
    """Who changed which fields of which reference entity, when (kept for good, like the evidence audit)."""
    audit_trail.record(tx, actor, action, entity_type=kind, entity_id=entity_id, changed=changed)


def save(
    tx: Transaction, actor: str, kind: str, entity_id: str, fields: dict[str, Any], if_match: int | None = None
) -> tuple[dict[str, Any], bool]:
    """Create or change an entity with `fields`; returns it and whether anything changed (nothing: no event)."""
    existing = tx.get(kind, entity_id)
    if existing is not None:
        check_version(existing, if_match, WORDS[kind])
    elif if_match is not None:
        raise not_found(WORDS[kind], entity_id)
    before = existing or {}
    changed = sorted(key for key, value in fields.items() if before.get(key) != value)
    if existing is not None and not changed:
        return existing, False
    record = {"id": entity_id, **(NEW_UNIT if kind == UNIT and existing is None else {}), **before, **fields}
    record["version"] = int(before.get("version", 0)) + 1
    record["updated_at"] = utc_now()
    tx.put(kind, entity_id, record)
    data_key = "incident_type" if kind == INCIDENT_TYPE else kind
    tx.append_event(EVENT_OF[kind], kind, entity_id, record["version"], actor, {data_key: record})
    audit_change(tx, actor, "create" if existing is None else "change", kind, entity_id, changed)
    return record, True


def retire(tx: Transaction, actor: str, kind: str, entity_id: str, if_match: int | None) -> dict[str, Any]:
    """Out of service for good; kept for the incidents that name it."""
    existing = tx.get(kind, entity_id)
    if existing is None:
        raise not_found(WORDS[kind], entity_id)
    if kind == UNIT and existing.get("incident_id"):
        raise Problem(
            409, "Unit busy", f"{existing['callsign']} is assigned to an incident: take it off before retiring it."
        )
    record, _ = save(tx, actor, kind, entity_id, {"retired": True}, if_match)
    return record


# --- units -------------------------------------------------------------------------------------------------
def unit_id_of(callsign: str, agency: str) -> str:
    return f"{callsign}@{agency}"


def unit_fields(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "callsign": body["callsign"],
        "agency": body["agency"],
        "type_common": body["type_common"],
        "home_sector": body.get("home_sector"),
        "tracker_uid": body.get("tracker_uid"),
        "field_account": body.get("field_account"),
        "retired": False,
    }


def check_unit_id(unit_id: str, body: dict[str, Any]) -> None:
    if unit_id != unit_id_of(body["callsign"], body["agency"]):
        raise Problem(
            422,
            "Invalid request",
            f"A unit's id is its callsign@agency: {unit_id_of(body['callsign'], body['agency'])}, not {unit_id}.",
            errors=[{"field": "callsign", "message": "does not match the unit's id"}],
        )


# --- cameras -----------------------------------------------------------------------------------------------
def camera_fields(body: dict[str, Any], has_credentials: bool) -> dict[str, Any]:
    located = body.get("lat") is not None and body.get("lon") is not None
    return {
        "name": body["name"],
        "kind": body.get("kind") or "fixed",
        "location": {"lat": body["lat"], "lon": body["lon"], "address_text": body["name"]} if located else None,
        "stream": {"main_url": body["main_url"], "sub_url": body.get("sub_url") or body["main_url"]},
        "archive_url": body.get("archive_url"),
        "has_credentials": has_credentials,
        "retired": False,
    }


def save_camera(
    tx: Transaction, actor: str, camera_id: str, body: dict[str, Any], if_match: int | None = None
) -> dict[str, Any]:
    """A camera and, apart, its credentials (given: replaced; `remove_credentials`: dropped; else kept)."""
    secret = tx.get(CAMERA_SECRET, camera_id)
    credentials = body.get("credentials")
    secret_changed = False
    if body.get("remove_credentials"):
        if secret is not None:
            tx.delete(CAMERA_SECRET, camera_id)
            secret_changed = True
        secret = None
    elif credentials:
        new_secret = {"username": credentials["username"], "password": credentials["password"]}
        if secret != new_secret:
            tx.put(CAMERA_SECRET, camera_id, new_secret)
            secret_changed = True
        secret = new_secret
    fields = camera_fields(body, secret is not None)
    existing = tx.get(CAMERA, camera_id)
    fields["status"] = (existing or {}).get("status", "unknown")  # the VMS or the health check sets it
    record, _ = save(tx, actor, CAMERA, camera_id, fields, if_match)
    if secret_changed:  # which field, never the values
        audit_change(tx, actor, "change", CAMERA, camera_id, ["credentials"])
    return record


def with_credentials(url: str | None, secret: dict[str, Any] | None) -> str | None:
    """The stream address with the camera's login in it, for one console's session."""
    if url is None or secret is None:
        return url
    return with_login(url, secret["username"], secret["password"])


def camera_streams(tx: Transaction, camera_id: str, base_url: str = "") -> dict[str, Any]:
    camera = tx.get(CAMERA, camera_id)
    if camera is None:
        raise not_found("camera", camera_id)
    secret = tx.get(CAMERA_SECRET, camera_id)
    stream = camera.get("stream") or {}
    if secret is not None and "key" in secret:  # a caller's live video, served by dispatchd with its key
        url = f"{base_url.rstrip('/')}{stream.get('main_url')}?key={secret['key']}"
        return {"main_url": url, "sub_url": None, "archive_url": None}
    return {
        "main_url": with_credentials(stream.get("main_url"), secret),
        "sub_url": with_credentials(stream.get("sub_url"), secret),
        "archive_url": with_credentials(camera.get("archive_url"), secret),
    }


# --- sectors -----------------------------------------------------------------------------------------------
def polygon_problem(geometry: Any) -> str | None:
    """Why a GeoJSON geometry is not a usable sector polygon (None: it is)."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Polygon":
        return "the geometry is not a GeoJSON Polygon"
    rings = geometry.get("coordinates")
    if not isinstance(rings, list) or not rings or not isinstance(rings[0], list):
        return "the polygon has no outer ring"
    ring = rings[0]
    if len(ring) < 4:
        return f"the outer ring has {len(ring)} points; a polygon needs at least 4 (the first repeated last)"
    for point in ring:
        if not (isinstance(point, list) and len(point) >= 2 and all(isinstance(v, int | float) for v in point[:2])):
            return f"{point!r} is not a [longitude, latitude] point"
        if not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            return f"{point!r} is out of range (GeoJSON is [longitude, latitude])"
    if ring[0][:2] != ring[-1][:2]:
        return "the outer ring is not closed (its last point must repeat the first)"
    return None


def sector_fields(body: dict[str, Any]) -> dict[str, Any]:
    problem = polygon_problem(body["geometry"])
    if problem:
        raise Problem(422, "Invalid request", f"Sector {body['name']!r}: {problem}.",
                      errors=[{"field": "geometry", "message": problem}])  # fmt: skip
    return {"name": body["name"], "geometry": body["geometry"], "retired": False}


# --- incident types ----------------------------------------------------------------------------------------
def incident_type_fields(code: str, body: dict[str, Any], language: str) -> dict[str, Any]:
    names = dict(body["names"])
    return {
        "code": code,
        "text": names.get(language) or names.get("en") or next(iter(names.values())),
        "names": names,
        "emsi_category": body.get("emsi_category"),
        "eido_type": body.get("eido_type"),
        "priority": body["priority"],
        "agencies": list(body["agencies"]),
        "retired": False,
    }


# --- what the service reads: the live sectors and types ----------------------------------------------------
@dataclass
class Reference:
    """The sectors and incident types in use (not retired), read from storage after each change."""

    sectors: Sectors = field(default_factory=lambda: Sectors({"type": "FeatureCollection", "features": []}))
    incident_types: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, tx: Transaction) -> Reference:
        features = [
            {"type": "Feature", "id": s["id"], "properties": {"name": s["name"]}, "geometry": s["geometry"]}
            for s in sorted(tx.list(SECTOR), key=lambda s: s["name"])
            if not s.get("retired")
        ]
        types = {t["code"]: t for t in tx.list(INCIDENT_TYPE) if not t.get("retired")}
        return cls(Sectors({"type": "FeatureCollection", "features": features}), types)
