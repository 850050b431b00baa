"""The centre's picture as CoT, for the field: open incidents and the units whose position the field lacks.

Types from the CoT type tree as ATAK, iTAK and WinTAK draw them (MIL-STD-2525 atoms `a-<affiliation>-<dimension>-…`):
- incidents are neutral (`n`) "incident" atoms `a-n-X-i-…`, the tree's own incident branch: `f` fire, `h` medical,
  `t-v-a` vehicle accident, `o` other (FreeTAKServer's "fire", "medical incident", "vehicle accident" and
  "Incident" nicknames); neutral because an incident is neither friend nor foe, and it keeps them apart from units;
- units are friendly (`f`) ground atoms: police and gendarmerie `a-f-G-U-i-l` (civil unit, law enforcement),
  ambulances `a-f-G-E-V-m` (ground equipment, vehicle, medical); the tree has no fire-engine atom that TAK
  clients draw apart, so fire and other units are `a-f-G-E-V-C` (civilian ground vehicle).
A unit whose position came from its own TAK client (`source: cot`) is not sent back: the TAK server already
relays the device's own track, and a second copy would draw it twice.
A closed incident is sent once more with its `stale` in the past: TAK clients then drop it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from dispatchd.clock import parse_utc
from dispatchd.tak.cot import CotOut

INCIDENT_STALE = timedelta(hours=24)
"""An open incident stays on the field's maps this long after its last change (then it is sent again)."""

_INCIDENT_ATOMS = (("FIR", "a-n-X-i-f"), ("MED", "a-n-X-i-h"), ("ROA/ACC", "a-n-X-i-t-v-a"))
_UNIT_ATOMS = {"police": "a-f-G-U-i-l", "gendarmerie": "a-f-G-U-i-l", "ems": "a-f-G-E-V-m"}
UNIT_ATOM_OTHER = "a-f-G-E-V-C"


def incident_atom(emsi_category: str | None) -> str:
    category = emsi_category or ""
    for prefix, atom in _INCIDENT_ATOMS:
        if category.startswith(prefix):
            return atom
    return "a-n-X-i-o"


def unit_atom(agency: str) -> str:
    return _UNIT_ATOMS.get(agency, UNIT_ATOM_OTHER)


def incident_uid(domain: str, incident: dict[str, Any]) -> str:
    return f"{domain}.incident.{incident['number']}"


def unit_uid(domain: str, unit: dict[str, Any]) -> str:
    return f"{domain}.unit.{unit['id']}"


def incident_cot(domain: str, incident: dict[str, Any], now: datetime) -> CotOut:
    """An incident's marker: open, it lasts `INCIDENT_STALE`; closed, it is already stale (removed)."""
    location = incident["location"]
    open_ = incident["status"] in ("new", "active")
    units = ", ".join(incident.get("assigned_units") or ()) or "none"
    remarks = (
        f"{incident['number']} · P{incident['priority']} · {incident['type_text']} ({incident['type_code']})"
        f" · {location.get('address_text') or ''} · units: {units}"
    )
    return CotOut(
        uid=incident_uid(domain, incident),
        type=incident_atom(incident.get("emsi_category")),
        lat=location["lat"],
        lon=location["lon"],
        time=now,
        stale=now + INCIDENT_STALE if open_ else now - timedelta(seconds=1),
        callsign=f"{incident['number']} P{incident['priority']} {incident['type_text']}",
        remarks=remarks if open_ else f"{incident['number']} closed",
        ce=location.get("uncertainty_m"),
    )


def unit_cot(domain: str, unit: dict[str, Any], now: datetime) -> CotOut | None:
    """A unit's position for the field, or None (no position, stale, or its own TAK client's)."""
    position = unit.get("position")
    if not position or unit.get("retired") or position.get("source") == "cot":
        return None
    stale = parse_utc(position["stale_at"])
    if stale <= now:
        return None
    status = unit.get("secondary_status") or ""
    on = f" · on {unit['incident_id']}" if unit.get("incident_id") else ""
    return CotOut(
        uid=unit_uid(domain, unit),
        type=unit_atom(unit["agency"]),
        lat=position["lat"],
        lon=position["lon"],
        time=parse_utc(position["observed_at"]),
        stale=stale,
        callsign=unit["callsign"],
        remarks=f"{unit['callsign']} ({unit['agency']}) · {status}{on}",
        how="m-g",
        ce=position.get("accuracy_m"),
        course=position.get("course"),
        speed=position.get("speed"),
    )


CENTRE_ATOM = "a-f-G-I-i-e"
"""The centre itself: a friendly emergency-management installation (FreeTAKServer's "Emergency Station")."""


def centre_cot(domain: str, now: datetime) -> CotOut:
    """The centre's own presence on the TAK server (its uid and callsign), sent when it connects and every minute."""
    return CotOut(
        uid=f"{domain}.dispatchd",
        type=CENTRE_ATOM,
        lat=0.0,
        lon=0.0,
        time=now,
        stale=now + timedelta(minutes=3),
        callsign=f"Dispatch {domain}",
        remarks="Command centre (dispatchd)",
    )
