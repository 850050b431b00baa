"""A NENA EIDO (NENA-STA-021) JSON view of an incident, and the incident a partner's EIDO describes.

The incident tracking identifier is NENA's `urn:emergency:uid:incidentid:<10–32 letters and digits>:<domain>`,
made once by the centre that first took the incident and kept by every centre it travels to; each centre adds its
own `localIncidentIdentifier` (its incident number). A partner's incident imported here keeps the partner's
identifier, and the units the partner had on it travel back out as they came (we hold no such units).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SCHEMA = "https://raw.githubusercontent.com/NENA911/NENA-STA-021/main/schemas/eido.json"
_TRACKING = re.compile(r"^urn:emergency:uid:incidentid:([A-Za-z0-9]{10,32}):([A-Za-z0-9.-]{1,253})$")
CLOSED_COMMON = "Closed"


def tracking_id(incident_id: str, domain: str) -> str:
    """NENA's incident tracking identifier for one of our incidents (its uuid's 32 hex digits)."""
    return f"urn:emergency:uid:incidentid:{uuid.UUID(incident_id).hex}:{domain}"


def domain_of(identifier: str) -> str | None:
    """The domain of the centre that made a NENA incident tracking identifier; None when it is not one."""
    match = _TRACKING.match(identifier)
    return match.group(2) if match else None


def to_eido(incident: dict[str, Any], units: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident and its assigned units (and a partner's, for an imported incident) as an EIDO document."""
    location = incident["location"]
    tracking = incident["tracking_id"]
    closed = incident["status"] in ("closed", "cancelled")
    partner = incident.get("partner_resources") or {}
    return {
        "$schema": SCHEMA,
        "eidoMessageIdentifier": f"{tracking}:v{incident['version']}",
        "incidentComponent": {
            "$id": tracking,
            "incidentTrackingIdentifier": tracking,
            "localIncidentIdentifier": incident["number"],
            "incidentTypeCommonRegistryText": incident["type_text"],
            "incidentTypeLocalRegistryCode": incident["type_code"],
            "incidentCommonPriorityNumber": incident["priority"],
            "incidentStatusCommonRegistryText": [CLOSED_COMMON if closed else incident["status_common"]],
            "lastUpdateTimeStamp": incident["updated_at"],
            "incidentCreationTimeStamp": incident["created_at"],
            # the incidents an operator linked to this one, and the one it was merged into, by tracking identifier
            "incidentLinkedIncidentReference": [
                tracking_id(other, domain_of(tracking) or "")
                for other in [*incident.get("linked_incidents", []), *filter(None, [incident.get("merged_into")])]
            ],
        },
        "locationComponent": [
            {
                "$id": f"{tracking}:location",
                "locationByValue": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
                "locationUncertainty": location.get("uncertainty_m"),
                "locationNotesText": location.get("address_text"),
            }
        ],
        "notesComponent": [
            {
                "notesActionComment": note["text"],
                "authorReference": note["author"],
                "notesDateTimeStamp": note["created_at"],
            }
            for note in incident["notes"]
        ],
        "dispatchComponent": [
            *partner.get("dispatch", ()),
            *(
                {
                    "$id": f"{tracking}:dispatch:{unit['id']}",
                    "dispatchResourceReference": unit["id"],
                    "dispatchIncidentReference": tracking,
                    "dispatchStatusCommonRegistryText": unit["secondary_status"],
                    "dispatchTimeStamp": unit.get("updated_at"),
                }
                for unit in units
            ),
        ],
        "emergencyResourceComponent": [
            *partner.get("resources", ()),
            *(
                {
                    "$id": unit["id"],
                    "unitIdentifier": unit["callsign"],
                    "agencyIdentifier": unit["agency"],
                    "unitTypeCommonRegistryText": unit["type_common"],
                    "unitStatusCommonRegistryText": unit["secondary_status"],
                }
                for unit in units
            ),
        ],
    }


class EidoRefused(ValueError):
    """An EIDO that cannot become an incident, with the reason in a sentence."""


@dataclass(frozen=True, slots=True)
class PartnerIncident:
    """What a partner's EIDO says of its incident."""

    tracking_id: str
    domain: str
    number: str
    type_code: str
    type_text: str
    priority: int
    closed: bool
    status_common: str
    created_at: str
    updated_at: str
    lat: float
    lon: float
    uncertainty_m: float | None
    address_text: str | None
    notes: tuple[dict[str, str], ...]
    dispatch: tuple[dict[str, Any], ...]
    resources: tuple[dict[str, Any], ...]


def _text(value: Any, what: str, *, limit: int = 500, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
        raise EidoRefused(f"{what} must be a text of at most {limit} characters")
    return value


def _time(value: Any, what: str) -> str:
    text = _text(value, what, limit=40)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise EidoRefused(f"{what} is not a time: {text!r}") from None
    if moment.tzinfo is None:
        raise EidoRefused(f"{what} needs its time zone: {text!r}")
    return text


def from_eido(document: Any, own_domain: str) -> PartnerIncident:
    """The incident of a partner's EIDO. Raises EidoRefused with the reason."""
    if not isinstance(document, dict) or not isinstance(document.get("incidentComponent"), dict):
        raise EidoRefused("an EIDO document has an incidentComponent")
    incident = document["incidentComponent"]
    tracking = _text(incident.get("incidentTrackingIdentifier"), "incidentTrackingIdentifier", limit=300)
    domain = domain_of(tracking)
    if domain is None:
        raise EidoRefused(
            f"incidentTrackingIdentifier {tracking!r} is not NENA's urn:emergency:uid:incidentid:<id>:<domain>"
        )
    if domain == own_domain:
        raise EidoRefused(f"{tracking} is one of this centre's own incidents")
    priority = incident.get("incidentCommonPriorityNumber")
    if not isinstance(priority, int) or isinstance(priority, bool) or not 0 <= priority <= 10:
        raise EidoRefused("incidentCommonPriorityNumber must be a whole number from 0 to 10")
    statuses = incident.get("incidentStatusCommonRegistryText") or []
    if isinstance(statuses, str):
        statuses = [statuses]
    if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
        raise EidoRefused("incidentStatusCommonRegistryText must be a list of texts")
    locations = document.get("locationComponent") or []
    point = locations[0].get("locationByValue") if locations and isinstance(locations[0], dict) else None
    coordinates = point.get("coordinates") if isinstance(point, dict) else None
    if (
        not isinstance(coordinates, list)
        or len(coordinates) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates[:2])
        or not (-180 <= coordinates[0] <= 180 and -90 <= coordinates[1] <= 90)
    ):
        raise EidoRefused("locationComponent[0].locationByValue must be a GeoJSON Point [lon, lat]")
    location = locations[0]
    uncertainty = location.get("locationUncertainty")
    notes = []
    for note in document.get("notesComponent") or []:
        if not isinstance(note, dict):
            raise EidoRefused("each notesComponent is an object")
        notes.append({
            "text": _text(note.get("notesActionComment"), "notesActionComment", limit=4000),
            "author": _text(note.get("authorReference"), "authorReference", limit=200),
            "created_at": _time(note.get("notesDateTimeStamp"), "notesDateTimeStamp"),
        })  # fmt: skip
    dispatch = document.get("dispatchComponent") or []
    resources = document.get("emergencyResourceComponent") or []
    if not isinstance(dispatch, list) or not isinstance(resources, list) or len(dispatch) + len(resources) > 400:
        raise EidoRefused("dispatchComponent and emergencyResourceComponent are lists (at most 200 each)")
    type_text = _text(incident.get("incidentTypeCommonRegistryText"), "incidentTypeCommonRegistryText", limit=200)
    return PartnerIncident(
        tracking_id=tracking,
        domain=domain,
        number=_text(incident.get("localIncidentIdentifier"), "localIncidentIdentifier", limit=100, required=False),
        type_code=_text(incident.get("incidentTypeLocalRegistryCode"), "type", limit=60, required=False) or type_text,
        type_text=type_text,
        priority=priority,
        closed=CLOSED_COMMON in statuses,
        status_common=statuses[0] if statuses else "",
        created_at=_time(incident.get("incidentCreationTimeStamp"), "incidentCreationTimeStamp"),
        updated_at=_time(incident.get("lastUpdateTimeStamp"), "lastUpdateTimeStamp"),
        lat=float(coordinates[1]),
        lon=float(coordinates[0]),
        uncertainty_m=float(uncertainty) if isinstance(uncertainty, int | float) and uncertainty >= 0 else None,
        address_text=_text(location.get("locationNotesText"), "locationNotesText", required=False) or None,
        notes=tuple(notes),
        dispatch=tuple(d for d in dispatch if isinstance(d, dict)),
        resources=tuple(r for r in resources if isinstance(r, dict)),
    )
