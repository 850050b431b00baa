"""Watch rules as the console applies them: a query, optional languages, an optional geofence.

A geofence is a GeoJSON polygon (drawn on the map) or a circle ("within R metres of incident N": a centre
and a radius). A post without a position never matches a rule with a geofence. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from console.i18n import tr
from console.operations.ranking import straight_line_m
from console.social_watch.query import Node, Text, parse


@dataclass(frozen=True)
class Circle:
    lat: float
    lon: float
    radius_m: float

    def contains(self, lat: float, lon: float) -> bool:
        return straight_line_m(self.lat, self.lon, lat, lon) <= self.radius_m


@dataclass(frozen=True)
class Polygon:
    ring: tuple[tuple[float, float], ...]  # (lon, lat) as GeoJSON, closed or not

    def contains(self, lat: float, lon: float) -> bool:
        """Even-odd ray casting (fine at city scale, where the plane approximation holds)."""
        inside = False
        points = self.ring
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside


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


@dataclass(frozen=True)
class WatchRule:
    id: str
    name: str
    query: Node
    languages: frozenset[str]
    geofence: Geofence | None
    active: bool = True

    @classmethod
    def build(
        cls,
        rule_id: str,
        name: str,
        query: str,
        languages: Sequence[str] = (),
        geofence: Mapping[str, Any] | None = None,
        active: bool = True,
    ) -> WatchRule:
        """A rule from what an operator typed; QueryError or ValueError say what is wrong."""
        return cls(
            rule_id, name, parse(query), frozenset(lang.lower() for lang in languages), geofence_of(geofence), active
        )

    def matches(self, text: Text, lang: str | None, position: tuple[float, float] | None) -> bool:
        if not self.active:
            return False
        if self.languages and (lang or "").lower() not in self.languages:
            return False
        if self.geofence is not None and (position is None or not self.geofence.contains(*position)):
            return False
        return self.query.matches(text)


def matching_rules(
    rules: Sequence[WatchRule], text: str, lang: str | None, position: tuple[float, float] | None
) -> list[str]:
    """The ids of the rules a post matches (the post's text prepared once)."""
    prepared = Text.of(text)
    return [rule.id for rule in rules if rule.matches(prepared, lang, position)]
