"""A NENA EIDO (NENA-STA-021) JSON view of an incident: names mapped, nothing rewritten."""

from __future__ import annotations

from typing import Any


def to_eido(incident: dict[str, Any], units: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident and its assigned units as an EIDO document."""
    location = incident["location"]
    return {
        "$schema": "https://raw.githubusercontent.com/NENA911/NENA-STA-021/main/schemas/eido.json",
        "eidoMessageIdentifier": f"{incident['tracking_id']}:v{incident['version']}",
        "incidentComponent": {
            "$id": incident["tracking_id"],
            "incidentTrackingIdentifier": incident["tracking_id"],
            "localIncidentIdentifier": incident["number"],
            "incidentTypeCommonRegistryText": incident["type_text"],
            "incidentTypeLocalRegistryCode": incident["type_code"],
            "incidentCommonPriorityNumber": incident["priority"],
            "incidentStatusCommonRegistryText": [incident["status_common"]],
            "lastUpdateTimeStamp": incident["updated_at"],
            "incidentCreationTimeStamp": incident["created_at"],
        },
        "locationComponent": [
            {
                "$id": f"{incident['tracking_id']}:location",
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
            {
                "$id": f"{incident['tracking_id']}:dispatch:{unit['id']}",
                "dispatchResourceReference": unit["id"],
                "dispatchIncidentReference": incident["tracking_id"],
                "dispatchStatusCommonRegistryText": unit["secondary_status"],
                "dispatchTimeStamp": unit.get("updated_at"),
            }
            for unit in units
        ],
        "emergencyResourceComponent": [
            {
                "$id": unit["id"],
                "unitIdentifier": unit["callsign"],
                "agencyIdentifier": unit["agency"],
                "unitTypeCommonRegistryText": unit["type_common"],
                "unitStatusCommonRegistryText": unit["secondary_status"],
            }
            for unit in units
        ],
    }
