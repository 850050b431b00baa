"""Watch rules' areas, as both sides read them: a GeoJSON polygon (drawn on the map) or a circle ("within R
metres of incident N": a centre and a radius). dispatchd refuses a rule whose area the consoles could not read;
the console draws and applies it. No Qt here.

    {"type": "Polygon", "coordinates": [[[lon, lat], …]]}      {"type": "Circle", "center": [lon, lat], "radius_m": R}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dispatch_protocol.geo import distance_m, point_in_ring
from dispatch_protocol.text import tr


@dataclass(frozen=True)
class Circle:
    lat: float
    lon: float
    radius_m: float

    def contains(self, lat: float, lon: float) -> bool:
        return distance_m(self.lat, self.lon, lat, lon) <= self.radius_m


@dataclass(frozen=True)
class Polygon:
    ring: tuple[tuple[float, float], ...]  # (lon, lat) as GeoJSON, closed or not

    def contains(self, lat: float, lon: float) -> bool:
        return point_in_ring(lon, lat, self.ring)


Geofence = Circle | Polygon
CIRCLE_CORNERS = 48


def geofence_outline(raw: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A GeoJSON polygon to draw a rule's geofence on the map (a circle as a 48-sided polygon); None when the
    rule has none or it cannot be read."""
    try:
        fence = geofence_of(raw)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if fence is None:
        return None
    if isinstance(fence, Polygon):
        ring = [list(point) for point in fence.ring]
    else:
        metres_per_degree = 111_320.0
        ring = [
            [
                fence.lon
                + fence.radius_m
                * math.sin(2 * math.pi * k / CIRCLE_CORNERS)
                / (metres_per_degree * math.cos(math.radians(fence.lat))),
                fence.lat + fence.radius_m * math.cos(2 * math.pi * k / CIRCLE_CORNERS) / metres_per_degree,
            ]
            for k in range(CIRCLE_CORNERS)
        ]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}  # i18n: not shown (GeoJSON's word)


def geofence_of(raw: Mapping[str, Any] | None) -> Geofence | None:
    """From the rule's JSON: `{"type": "Polygon", "coordinates": [[[lon, lat], …]]}` or
    `{"type": "Circle", "center": [lon, lat], "radius_m": R}`."""
    if not raw:
        return None
    if raw.get("type") == "Polygon":
        ring = raw["coordinates"][0]
        if len(ring) < 3:
            raise ValueError(tr("a geofence polygon needs at least three corners"))
        return Polygon(tuple((float(lon), float(lat)) for lon, lat in ring))
    if raw.get("type") == "Circle":
        lon, lat = raw["center"]
        radius = float(raw["radius_m"])
        if radius <= 0:
            raise ValueError(tr("a geofence circle needs a positive radius"))
        return Circle(float(lat), float(lon), radius)
    raise ValueError(tr("unknown geofence type {type!r}", type=raw.get("type")))
