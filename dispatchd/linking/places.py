"""Repeat places and hot spots (pure): where incidents keep happening. Descriptive only: counts of what was
recorded, never a prediction of who or where."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dispatch_protocol.geo import distance_m
from dispatchd.linking.duplicates import Known
from dispatchd.linking.post_match import house_number, street_words

REPEAT_RADIUS_M = 50.0
REPEAT_DAYS = 30
REPEAT_COUNT = 3


def same_address(one: str, other: str) -> bool:
    """`12 Rue Pasteur, Valmont` and `12 rue pasteur`: the same house; `14 Rue Pasteur` is not."""
    street = street_words(one)
    return bool(street) and street == street_words(other) and house_number(one) == house_number(other) is not None


def repeat_place(here: Known, nearby: Iterable[Known], now: datetime) -> list[Known]:
    """The incidents of the last 30 days at this address or within 50 m, this one among them, oldest first;
    empty when fewer than three."""
    since = now - timedelta(days=REPEAT_DAYS)
    found = [k for k in nearby if k.created_at >= since and (k.id == here.id or same_address(k.address, here.address)
             or distance_m(here.lat, here.lon, k.lat, k.lon) <= REPEAT_RADIUS_M)]  # fmt: skip
    if not any(k.id == here.id for k in found):
        found.append(here)
    found.sort(key=lambda k: k.created_at)
    return found if len(found) >= REPEAT_COUNT else []


@dataclass(frozen=True, slots=True)
class HexBin:
    lat: float
    lon: float
    """The hexagon's centre."""
    count: int
    families: dict[str, int]
    corners: list[tuple[float, float]]


def hot_spots(
    incidents: Iterable[Known], now: datetime, days: int, size_m: float, family: str | None = None
) -> list[HexBin]:
    """Incidents created in the last `days` by hexagons of `size_m` (centre to corner), pointy-top, on a local
    metric grid; `family`: only those of one type family."""
    chosen = [k for k in incidents if k.created_at >= now - timedelta(days=days) and (family is None or
              k.family == family)]  # fmt: skip
    if not chosen:
        return []
    lat0 = sum(k.lat for k in chosen) / len(chosen)
    mx, my = 111_320.0 * math.cos(math.radians(lat0)), 110_540.0
    bins: dict[tuple[int, int], Counter[str]] = {}
    for known in chosen:
        x, y = known.lon * mx, known.lat * my
        q, r = _axial(x, y, size_m)
        bins.setdefault((q, r), Counter())[known.family] += 1
    out = []
    for (q, r), counts in bins.items():
        cx, cy = size_m * math.sqrt(3) * (q + r / 2), size_m * 1.5 * r
        corners = [((cy + size_m * math.sin(math.radians(60 * i - 30))) / my,
                    (cx + size_m * math.cos(math.radians(60 * i - 30))) / mx) for i in range(6)]  # fmt: skip
        out.append(HexBin(cy / my, cx / mx, sum(counts.values()), dict(counts), corners))
    out.sort(key=lambda b: -b.count)
    return out


def _axial(x: float, y: float, size: float) -> tuple[int, int]:
    """The pointy-top hexagon holding (x, y): fractional axial coordinates rounded through cube coordinates."""
    q = (math.sqrt(3) / 3 * x - y / 3) / size
    r = (2 / 3 * y) / size
    cx, cz = q, r
    cy = -cx - cz
    rx, ry, rz = round(cx), round(cy), round(cz)
    dx, dy, dz = abs(rx - cx), abs(ry - cy), abs(rz - cz)
    if dx > dy and dx > dz:
        rx = -ry - rz
    elif dy <= dz:
        rz = -rx - ry
    return int(rx), int(rz)
