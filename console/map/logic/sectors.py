"""The centre's sectors as the map draws them: a GeoJSON FeatureCollection (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dispatch_protocol.entities import Sector


def sectors_geojson(sectors: Iterable[Sector]) -> dict[str, Any]:
    """The sectors in use, each a Feature named in its properties."""
    features = [
        {"type": "Feature", "id": s.id, "properties": {"name": s.name}, "geometry": s.geometry}
        for s in sorted(sectors, key=lambda s: s.name)
        if not s.retired
    ]
    return {"type": "FeatureCollection", "features": features}
