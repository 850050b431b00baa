"""The live map in the middle of the window: the real Leaflet page, or its light stand-in for tests of other
capabilities. Returns the map's surface (`MapSurface`), all the others may call."""

from __future__ import annotations

from pathlib import Path

from console.core import Core
from console.map.centre_map import CentreMap
from console.map.logic.sectors import sectors_geojson
from console.map.panel import MapPanel
from console.map.stand_in import MapStandIn
from console.map.surface import MapSurface
from console.views.install import IncidentOperations


def install(
    core: Core,
    operations: IncidentOperations,
    tile_url: str | None = None,
    mbtiles: Path | None = None,
    stand_in: bool = False,
    from_backend: bool = False,
) -> MapSurface:
    """`tile_url` (the centre's tile server) or `mbtiles` (offline) feed its base map; `from_backend`: the
    `mbtiles` file is where the centre's map, served by dispatchd, is kept."""
    surface: MapSurface
    if stand_in:
        surface = MapStandIn()
    else:
        surface = MapPanel(
            core.store,
            core.selection,
            core.commands,
            core.alerts,
            operations.create_dialog.start,
            tile_url,
            mbtiles,
            queries=core.queries,
        )
    core.window.setCentralWidget(surface.widget)
    operations.detail.draw_area = surface.draw_for  # a public warning's area, drawn on the map

    def sectors_changed(kind: str) -> None:
        if kind == "sector":
            surface.set_sectors(sectors_geojson(core.store.sectors.values()))

    core.store.reference_changed.connect(sectors_changed)
    if from_backend and mbtiles is not None:
        centre_map = CentreMap(core.queries, mbtiles, surface)

        def map_changed(kind: str) -> None:
            if kind == "map":
                centre_map.update(core.store.base_map)

        core.store.reference_changed.connect(map_changed)
    return surface
