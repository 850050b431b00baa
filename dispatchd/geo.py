"""Geometry of the backend: bearings and sectors (distances and point-in-polygon: `dispatch_protocol.geo`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from dispatch_protocol.geo import point_in_ring


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial course from the first point to the second, 0–360 clockwise from north."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


@dataclass(frozen=True, slots=True)
class Sectors:
    """Named polygons (a GeoJSON FeatureCollection whose features have a `name` property)."""

    geojson: dict[str, Any]

    def sector_of(self, lat: float, lon: float) -> str | None:
        for feature in self.geojson.get("features", []):
            geometry = feature.get("geometry", {})
            if geometry.get("type") == "Polygon" and point_in_ring(lon, lat, geometry["coordinates"][0]):
                return str(feature["properties"]["name"])
        return None
