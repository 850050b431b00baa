"""The open incidents that a new call may be about, ranked (pure): same or related family, within the family's
distance and time, nearest and newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from dispatch_protocol.geo import distance_m
from dispatchd.linking.families import affinity, window_for


@dataclass(frozen=True, slots=True)
class Known:
    """An incident as the matcher sees it."""

    id: str
    number: str
    family: str
    lat: float
    lon: float
    created_at: datetime
    status: str
    type_text: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    incident: Known
    distance_m: float
    age_s: float
    score: float


def candidates(
    family: str, lat: float, lon: float, now: datetime, nearby: Iterable[Known], limit: int = 5
) -> list[Candidate]:
    """The open incidents `nearby` that may be the same event as a call of `family` at (lat, lon), now."""
    found = []
    for known in nearby:
        if known.status not in ("new", "active"):
            continue
        kinship = affinity(family, known.family)
        if kinship == 0.0:
            continue
        window = window_for(family, known.family)
        age = (now - known.created_at).total_seconds()
        if age > window.age_s or age < -60:
            continue
        distance = distance_m(lat, lon, known.lat, known.lon)
        if distance > window.radius_m:
            continue
        nearness = 1.0 - distance / window.radius_m
        freshness = 1.0 - max(0.0, age) / window.age_s
        found.append(Candidate(known, distance, max(0.0, age), kinship * (0.6 * nearness + 0.4 * freshness)))
    found.sort(key=lambda c: (-c.score, c.distance_m))
    return found[:limit]
