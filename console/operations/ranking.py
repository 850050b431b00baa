"""Which available unit gets there first: a straight-line estimate (said so in the panel).

ETA = straight-line distance / a typical urban speed for the unit type. Roads make real trips longer; the
ranking between units is what matters, and it holds as long as they all drive in the same streets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.model import Incident, Unit
from dispatch_protocol.geo import distance_m

# Average urban speeds with lights and sirens, m/s.
SPEED_BY_TYPE = {"PatrolUnit": 11.0, "AmbulanceUnit": 12.0, "RescueUnit": 11.0, "FireEngine": 9.5}
DEFAULT_SPEED = 10.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit that could be sent, with its estimate."""

    unit: Unit
    distance_m: float
    eta_s: float
    stale: bool


def is_available(unit: Unit) -> bool:
    return unit.primary_status == "Available" and unit.incident_id is None and unit.secondary_status != "OutofService"


def rank_units(
    incident: Incident, units: list[Unit], now: datetime, agencies: set[str] | None = None
) -> list[Candidate]:
    """Available units with a position, fastest first; stale positions rank after fresh ones."""
    out = []
    for unit in units:
        if not is_available(unit) or unit.position is None:
            continue
        if agencies and unit.agency not in agencies:
            continue
        d = distance_m(unit.position.lat, unit.position.lon, incident.location.lat, incident.location.lon)
        out.append(
            Candidate(unit, d, d / SPEED_BY_TYPE.get(unit.type_common, DEFAULT_SPEED), unit.position.is_stale(now))
        )
    return sorted(out, key=lambda c: (c.stale, c.eta_s, c.unit.callsign))
