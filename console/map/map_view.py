"""MapView: the map widget. The only module that knows JavaScript; the rest of the console calls its methods.

Changes are collected and sent in one batch at most every `batch_ms` (never a page reload). Clicks come back
through a QWebChannel bridge as Qt signals.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.map.logic.tiles import MBTiles
from console.map.profile import map_profile
from console.map.scheme import ORIGIN

log = logging.getLogger("console.map")


class MapBridge(QObject):
    """What the page may tell Python (slots called from JavaScript)."""

    page_ready = Signal()
    """The page and its layers are up."""
    incident_clicked = Signal(str)
    """An incident marker was clicked: its id."""
    unit_clicked = Signal(str)
    """A unit was clicked: its id."""
    dispatch_requested = Signal(str)
    """"Dispatch to selected incident" in a unit's popup: the unit's id."""
    camera_clicked = Signal(str)
    """A camera was clicked: its id."""
    context_menu = Signal(float, float)
    """Right-click on the map: latitude, longitude."""
    geofence_drawn = Signal(list)
    """An area was drawn on the map: its ring of [lon, lat] corners (GeoJSON order, not closed)."""
    track_clicked = Signal(str)
    """A TAK track of no unit was clicked: its uid."""

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 - called from JavaScript
        self.page_ready.emit()

    @Slot(str)
    def incidentClicked(self, incident_id: str) -> None:  # noqa: N802
        self.incident_clicked.emit(incident_id)

    @Slot(str)
    def unitClicked(self, unit_id: str) -> None:  # noqa: N802
        self.unit_clicked.emit(unit_id)

    @Slot(str)
    def dispatchUnit(self, unit_id: str) -> None:  # noqa: N802
        self.dispatch_requested.emit(unit_id)

    @Slot(str)
    def trackClicked(self, uid: str) -> None:  # noqa: N802
        self.track_clicked.emit(uid)

    @Slot(str)
    def cameraClicked(self, camera_id: str) -> None:  # noqa: N802
        self.camera_clicked.emit(camera_id)

    @Slot(str)
    def geofenceDrawn(self, ring_json: str) -> None:  # noqa: N802
        try:
            ring = [[float(lon), float(lat)] for lon, lat in json.loads(ring_json)]
        except (ValueError, TypeError):
            log.error("the page sent an unreadable drawn area: %.200s", ring_json)
            return
        if len(ring) >= 3:
            self.geofence_drawn.emit(ring)

    @Slot(float, float)
    def contextMenu(self, lat: float, lon: float) -> None:  # noqa: N802
        self.context_menu.emit(lat, lon)


class MapView(QWebEngineView):
    """Python methods in, Qt signals out."""

    def __init__(
        self,
        page_html: str,
        tiles: MBTiles | None,
        tile_url: str | None,
        batch_ms: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ready = False
        self.bridge = MapBridge(self)
        profile = map_profile()  # one per process, owned by the application: it outlives this page
        profile.guard.allow_tiles_from(tile_url)
        profile.handler.serve(page_html, tiles)
        self.guard = profile.guard
        page = QWebEnginePage(profile, self)
        profile.adopt(page)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self.setPage(page)
        self._pending: dict[str, Any] = {}
        self._incidents: dict[str, dict[str, Any]] = {}
        self._units: dict[str, dict[str, Any]] = {}
        self._in_flight = 0
        self._base_generation = 0
        self.js_ms: list[float] = []
        self.roundtrip_ms: list[float] = []
        self.bridge.page_ready.connect(self._on_ready)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.flush)
        self._timer.start(batch_ms)
        self.load(QUrl(f"{ORIGIN}/index.html"))

    def _on_ready(self) -> None:
        self.ready = True
        log.info("map ready")
        self.flush()

    # --- what the console asks for -------------------------------------------------------------
    def show_incidents(self, items: list[dict[str, Any]]) -> None:
        for item in items:
            self._incidents[item["id"]] = item

    def remove_incidents(self, ids: list[str]) -> None:
        self._pending.setdefault("removed", []).extend(ids)

    def move_units(self, items: list[dict[str, Any]]) -> None:
        for item in items:
            self._units[item["id"]] = item

    def remove_units(self, ids: list[str]) -> None:
        """Units gone from the fleet (retired): off the map."""
        for unit_id in ids:
            self._units.pop(unit_id, None)
        self._pending.setdefault("gone_units", []).extend(ids)

    def set_sectors(self, geojson: dict[str, Any]) -> None:
        self._pending["sectors"] = geojson

    def set_cameras(self, items: list[dict[str, Any]]) -> None:
        self._pending["cameras"] = items

    def set_social_posts(self, items: list[dict[str, Any]]) -> None:
        """The geotagged posts to show (replaces the previous set)."""
        self._pending["social"] = items

    def set_tracks(self, items: list[dict[str, Any]]) -> None:
        """The TAK tracks of no unit to show (replaces the previous set)."""
        self._pending["tracks"] = items

    def set_hotspots(self, layer: dict[str, Any] | None) -> None:
        """Incidents by hexagon with their legend (None: hide them)."""
        self._pending["hotspots"] = layer or {"bins": [], "legend": []}

    def set_callers(self, items: list[dict[str, Any]]) -> None:
        """The callers' phones to show, each with its accuracy circle (replaces the previous set)."""
        self._pending["callers"] = items

    def start_drawing(self) -> None:
        """Let the operator draw an area (clicks; double-click ends, Esc cancels); `geofence_drawn` tells it."""
        self._pending["draw"] = True

    def show_geofence(self, geojson: dict[str, Any] | None) -> None:
        """Outline one area (a rule's geofence) on the map; None removes it."""
        self._pending["geofence"] = geojson

    def select_incident(self, incident_id: str) -> None:
        self._pending["selected"] = incident_id

    def focus(self, lat: float, lon: float, zoom: int | None = None) -> None:
        self._pending["focus"] = {"lat": lat, "lon": lon, "zoom": zoom}

    def fit_incidents(self) -> None:
        self._pending["fit"] = True

    def follow_unit(self, unit_id: str | None) -> None:
        self._pending["follow"] = unit_id

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._pending.setdefault("layers", {})[name] = visible

    def reload_base_map(self) -> None:
        """Ask the base map's tiles again (its file has just arrived); tiles already refused are not reused."""
        self._base_generation += 1
        self._pending["base"] = self._base_generation

    # --- sending ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Send everything collected since the last batch, as one call."""
        if not self.ready or not (self._pending or self._incidents or self._units):
            return
        batch = dict(self._pending)
        if self._incidents:
            batch["incidents"] = list(self._incidents.values())
        if self._units:
            batch["units"] = list(self._units.values())
        self._pending, self._incidents, self._units = {}, {}, {}
        sent = time.perf_counter()
        self._in_flight += 1
        self.page().runJavaScript(
            f"consoleMap.apply({json.dumps(batch, separators=(',', ':'))})", 0, lambda js_ms: self._applied(sent, js_ms)
        )

    def _applied(self, sent: float, js_ms: Any) -> None:
        self._in_flight -= 1
        if isinstance(js_ms, (int, float)):
            self.js_ms.append(float(js_ms))
        self.roundtrip_ms.append((time.perf_counter() - sent) * 1000)
        del self.js_ms[:-1000], self.roundtrip_ms[:-1000]

    def run_js(self, code: str, callback: Any) -> None:
        """For tests and diagnostics: evaluate `code` in the page, the result to `callback`."""
        self._in_flight += 1

        def answered(result: Any) -> None:
            self._in_flight -= 1
            callback(result)

        self.page().runJavaScript(code, 0, answered)

    async def dispose(self) -> None:
        """Stop sending, and wait (2 s at most) for the answers of scripts already sent: a callback into a
        deleted page would crash. Call before the window goes."""
        self._timer.stop()
        deadline = time.monotonic() + 2.0
        while self._in_flight and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
