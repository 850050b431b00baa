"""A light map for tests of other capabilities: the map's surface without Chromium.

It keeps what it was asked (where it was focused, the sectors, the social posts, the area shown) so that a
test of the social watch or the palette can check that the map was asked, and it can emit what a real map
emits (a camera clicked, an area drawn). Tests of the map itself use the real page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from console.i18n import tr


class MapStandIn(QLabel):
    """Provides `MapSurface`; records the calls instead of drawing."""

    camera_requested = Signal(str)
    geofence_drawn = Signal(list)
    page_ready = Signal()

    def __init__(self) -> None:
        super().__init__(tr("Map (stand-in)"))
        self.setObjectName("map_panel")
        self.focused: list[tuple[float, float, int | None]] = []
        self.sectors: dict[str, Any] | None = None
        self.social_posts: list[dict[str, Any]] = []
        self.geofence: dict[str, Any] | None = None
        self.drawing = False
        self.disposed = False
        self.base_map_reloads = 0
        self._deliver: Callable[[list[list[float]]], None] | None = None
        self.geofence_drawn.connect(self._drawn)

    @property
    def widget(self) -> QWidget:
        return self

    def focus(self, lat: float, lon: float, zoom: int | None = None) -> None:
        self.focused.append((lat, lon, zoom))

    def start_drawing(self) -> None:
        self.drawing = True

    def draw_for(self, deliver: Callable[[list[list[float]]], None]) -> None:
        self._deliver = deliver
        self.start_drawing()

    def _drawn(self, ring: list[list[float]]) -> None:
        deliver, self._deliver = self._deliver, None
        if deliver is not None:
            deliver(ring)

    def show_geofence(self, geojson: dict[str, Any] | None) -> None:
        self.geofence = geojson

    def set_sectors(self, geojson: dict[str, Any]) -> None:
        self.sectors = geojson

    def set_social_posts(self, items: list[dict[str, Any]]) -> None:
        self.social_posts = items

    def reload_base_map(self) -> None:
        self.base_map_reloads += 1

    async def dispose(self) -> None:
        self.disposed = True
