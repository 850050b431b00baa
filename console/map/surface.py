"""What the rest of the console asks of the map: the map capability's public surface.

The real map (`MapPanel`, a Leaflet page in QtWebEngine) and its light stand-in (`MapStandIn`, for tests of
other capabilities, without Chromium) both provide it; nothing outside `console/map/` calls more than this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget


class MapSurface(Protocol):
    """The map as another capability sees it."""

    @property
    def camera_requested(self) -> SignalInstance:
        """A camera clicked on the map, to show on the wall: its id."""
        ...

    @property
    def page_ready(self) -> SignalInstance:
        """The map (re)loaded its page: layers fed from outside are to be sent again."""
        ...

    @property
    def widget(self) -> QWidget:
        """The widget to place in the window."""
        ...

    def focus(self, lat: float, lon: float, zoom: int | None = None) -> None: ...

    def start_drawing(self) -> None: ...

    def draw_for(self, deliver: Callable[[list[list[float]]], None]) -> None:
        """Let the operator draw an area whose ring goes to `deliver` alone (the social watch's rules and the
        administration's sectors are both drawn here: each area reaches the one that asked for it)."""
        ...

    def show_geofence(self, geojson: dict[str, Any] | None) -> None: ...

    def set_sectors(self, geojson: dict[str, Any]) -> None: ...

    def set_social_posts(self, items: list[dict[str, Any]]) -> None: ...

    def reload_base_map(self) -> None:
        """The offline base map's file was replaced: draw the new one."""
        ...

    async def dispose(self) -> None:
        """Stop talking with the page; after this the widget can go."""
        ...
