"""An EMSI (ISO/TR 22351) view of an incident: CONTEXT, EVENT, RESOURCE and MISSION, as exchanged in France
between police, fire and EMS. Field names are EMSI's; the JSON shape mirrors its XML elements."""

from __future__ import annotations

from typing import Any

from dispatchd.clock import utc_now

_EMSI_RESOURCE_CLASS = {"police": "POL", "gendarmerie": "POL", "fire": "FIR", "ems": "MED"}
_EMSI_MISSION_STATUS = {
    "Dispatched": "PLAN",
    "EnRoute": "IPR",
    "OnScene": "IPR",
    "Transporting": "IPR",
    "Cleared": "COMP",
}


def _status(incident: dict[str, Any]) -> str:
    if incident["status"] in ("closed", "cancelled"):
        return "COM"  # completed
    return "IPR" if incident["assigned_units"] else "NST"  # in progress / not started


def to_emsi(incident: dict[str, Any], units: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident and its assigned units as one EMSI message."""
    location = incident["location"]
    now = utc_now()
    return {
        "EMSI": {
            "CONTEXT": {
                "ID": f"{incident['tracking_id']}:v{incident['version']}",
                "MODE": "EXERCS" if incident.get("exercise") else "ACTUAL",
                "MSGTYPE": "UPDATE" if incident["version"] > 1 else "ALERT",
                "CREATION": now,
                "LEVEL": "OPR",
                "SECLASS": "RESTRC",
                "ORIGIN": {"ORG_ID": "dispatchd", "USER_ID": incident.get("created_by", "")},
                "URGENCY": "URGENT" if incident["priority"] >= 7 else "NOURGENT",
            },
            "EVENT": {
                "ID": incident["tracking_id"],
                "NAME": f"{incident['number']} {incident['type_text']}",
                "MAIN_EVENT_ID": incident.get("major_event_id"),
                "ETYPE": {"CATEGORY": [incident.get("emsi_category") or incident["type_code"]]},
                "DECL_DATIME": incident["created_at"],
                "STATUS": _status(incident),
                "EGEO": [
                    {
                        "DATIME": incident["created_at"],
                        "TYPE": "GEN",
                        "COORD": [{"LAT": location["lat"], "LON": location["lon"]}],
                        "FREETEXT": location.get("address_text"),
                    }
                ],
                "FREETEXT": " | ".join(note["text"] for note in incident["notes"])[:500],
            },
            "RESOURCE": [
                {
                    "ID": unit["id"],
                    "NAME": unit["callsign"],
                    "ORG_ID": unit["agency"],
                    "RTYPE": {"CLASS": [_EMSI_RESOURCE_CLASS.get(unit["agency"], "OTH")]},
                    "STATUS": unit["secondary_status"],
                    "RGEO": [
                        {"TYPE": "CURPOS", "COORD": [{"LAT": unit["position"]["lat"], "LON": unit["position"]["lon"]}]}
                    ]
                    if unit.get("position")
                    else [],
                }
                for unit in units
            ],
            "MISSION": [
                {
                    "ID": f"{incident['tracking_id']}:mission:{unit['id']}",
                    "TYPE": incident.get("emsi_category") or incident["type_code"],
                    "ORG_ID": unit["agency"],
                    "NAME": f"{unit['callsign']} → {incident['number']}",
                    "STATUS": _EMSI_MISSION_STATUS.get(unit["secondary_status"], "PLAN"),
                    "RESOURCE_ID": [unit["id"]],
                    "PRIORITY": incident["priority"],
                }
                for unit in units
            ],
        }
    }
