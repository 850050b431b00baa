"""The map panel: a toolbar (layers, fit, search, follow) over the MapView, fed from the store.

Changes are collected per entity and handed to the MapView a few times a second; the MapView batches them to
the page. Clicks on the map select, dispatch or start a new incident through the usual services.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QCursor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.i18n import N_, tr
from console.map.base_map_file import BaseMapFile
from console.map.logic.hotspots import hotspot_layer
from console.map.logic.items import (
    caller_item,
    camera_item,
    incident_item,
    track_gone,
    track_item,
    unit_item,
    units_for_track,
)
from console.map.logic.tiles import MBTiles
from console.map.map_view import MapView
from console.map.page import build_page
from console.operations.timeline import AGENCY_WORDS
from console.state.high_priority import HighPriorityAlerts
from console.state.selection import Selection
from console.state.store import Store

log = logging.getLogger("console.map")
HOTSPOT_PERIODS = (("off", N_("Off")), ("7d", N_("Last 7 days")), ("30d", N_("Last 30 days")))
HOTSPOT_FAMILIES = (
    ("all", N_("All types")),
    ("fire", N_("Fires")),
    ("violence", N_("Fights and violence")),
    ("crime", N_("Thefts and crime")),
    ("road", N_("Road accidents")),
    ("gathering", N_("Gatherings")),
    ("medical", N_("Medical")),
    ("other", N_("Other")),
)
LAYERS = (
    ("incidents", N_("Incidents")),
    ("units", N_("Units")),
    ("sectors", N_("Sectors")),
    ("cameras", N_("Cameras")),
    ("social", N_("Social posts")),
    ("tracks", N_("Unmapped tracks")),
    ("callers", N_("Callers' phones")),
)


class MapPanel(QWidget):
    """The supervisor's first screen."""

    camera_requested = Signal(str)
    """A camera was clicked on the map (the video wall opens it): its id."""

    def __init__(
        self,
        store: Store,
        selection: Selection,
        commands: Commands,
        alerts: HighPriorityAlerts,
        create_incident_at: Callable[[float, float], None],
        tile_url: str | None,
        mbtiles: Path | None,
        center: tuple[float, float] = (45.75, 4.84),
        queries: Queries | None = None,
    ) -> None:
        """`queries`: for the hot spots (dispatchd counts them)."""
        super().__init__()
        self.setObjectName("map_panel")
        self._queries = queries
        self._store = store
        self._selection = selection
        self._commands = commands
        self._alerts = alerts
        self._create_incident_at = create_incident_at
        # An offline base map that is not there yet (the demo backend draws it on a first run) is still the
        # base map: its tiles load when the file arrives.
        tiles = self.tiles = MBTiles(mbtiles) if mbtiles is not None else None
        attribution = tr("Offline base map") if tiles else tr("Tiles: centre's tile server")
        self.view = MapView(
            build_page(center, 14, tile_url if not tiles else None, attribution), tiles, tile_url if not tiles else None
        )
        self._deliver_drawing: Callable[[list[list[float]]], None] | None = None
        self.view.bridge.geofence_drawn.connect(self._drawn)
        self.base_map = BaseMapFile(mbtiles, self) if mbtiles is not None else None
        if self.base_map is not None:
            self.base_map.arrived.connect(self.view.reload_base_map)
        self._dirty_incidents: set[str] = set()
        self._dirty_units: set[str] = set()
        self._shown_incidents: set[str] = set()
        self._fitted = False
        self._last_unit: str | None = None

        bar = QHBoxLayout()
        # The layers wait in a menu: the map keeps its width for the map on a crowded screen.
        self.layers_button = QToolButton()
        self.layers_button.setText(tr("Layers ▾"))
        self.layers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layers_menu = QMenu(self.layers_button)
        self.layer_actions: dict[str, QAction] = {}
        for name, label in ((n, tr(w)) for n, w in LAYERS):
            action = layers_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=name: self.view.set_layer_visible(n, on))
            self.layer_actions[name] = action
        self.hotspot_actions = self._hotspot_menu(layers_menu.addMenu(tr("Hot spots")))
        self._hotspot_timer = QTimer(self)
        self._hotspot_timer.setInterval(5 * 60 * 1000)
        self._hotspot_timer.timeout.connect(self.refresh_hotspots)
        self.layers_button.setMenu(layers_menu)
        bar.addWidget(self.layers_button)
        self.fit = QPushButton(tr("Fit incidents"))
        self.fit.clicked.connect(self.view.fit_incidents)
        self.follow = QPushButton(tr("Follow unit"))
        self.follow.setCheckable(True)
        self.follow.setEnabled(False)
        self.follow.toggled.connect(self._on_follow)
        self.search = QLineEdit(placeholderText=tr("Find an incident number or a callsign, Enter"))
        self.search.returnPressed.connect(self.find_place)
        bar.addWidget(self.fit)
        bar.addWidget(self.follow)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        store.reset_done.connect(self._reset)
        store.incident_changed.connect(lambda i, _c: self._dirty_incidents.add(i))
        store.unit_changed.connect(lambda u, _c: self._dirty_units.add(u))
        store.camera_changed.connect(lambda _c, _n: self._send_cameras())
        store.track_changed.connect(lambda _uid: self._send_tracks())
        store.caller_moved.connect(lambda _incident: self._send_callers())
        alerts.changed.connect(self._alerts_changed)
        selection.incident_selected.connect(self._on_selected)
        self.view.bridge.page_ready.connect(self._reset)
        self.view.bridge.incident_clicked.connect(selection.select)
        self.view.bridge.unit_clicked.connect(self._on_unit_clicked)
        self.view.bridge.dispatch_requested.connect(self._dispatch)
        self.view.bridge.camera_clicked.connect(self.camera_requested)
        self.view.bridge.context_menu.connect(self._context_menu)
        self.view.bridge.track_clicked.connect(self._on_track_clicked)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.push_changes)
        self._timer.start(200)

    # --- the map's surface (console.map.surface.MapSurface) ---------------------------------
    @property
    def widget(self) -> QWidget:
        return self

    @property
    def page_ready(self) -> SignalInstance:
        return self.view.bridge.page_ready

    def focus(self, lat: float, lon: float, zoom: int | None = None) -> None:
        self.view.focus(lat, lon, zoom)

    def start_drawing(self) -> None:
        self.view.start_drawing()

    def draw_for(self, deliver: Callable[[list[list[float]]], None]) -> None:
        self._deliver_drawing = deliver
        self.view.start_drawing()

    def _drawn(self, ring: list[list[float]]) -> None:
        deliver, self._deliver_drawing = self._deliver_drawing, None
        if deliver is not None:
            deliver(ring)

    def show_geofence(self, geojson: dict[str, Any] | None) -> None:
        self.view.show_geofence(geojson)

    def set_social_posts(self, items: list[dict[str, Any]]) -> None:
        self.view.set_social_posts(items)

    def reload_base_map(self) -> None:
        if self.tiles is not None:
            self.tiles.reopen()
        self.view.reload_base_map()

    async def dispose(self) -> None:
        await self.view.dispose()

    def set_sectors(self, geojson: dict[str, Any]) -> None:
        self.view.set_sectors(geojson)

    # --- store → map -----------------------------------------------------------------------
    def _reset(self) -> None:
        self._dirty_incidents = set(self._store.incidents)
        self._dirty_units = set(self._store.units)
        removed = self._shown_incidents - set(self._store.incidents)
        if removed:
            self.view.remove_incidents(sorted(removed))
            self._shown_incidents -= removed
        self._send_cameras()
        self._send_tracks()
        self._send_callers()
        self.push_changes()
        if self._store.incidents and self.view.ready and not self._fitted:
            self._fitted = True
            self.view.fit_incidents()

    def _send_cameras(self) -> None:
        self.view.set_cameras([i for i in (camera_item(c) for c in self._store.cameras.values()) if i])

    def _send_tracks(self) -> None:
        now = self._store.now()
        self.view.set_tracks([track_item(t, now) for t in self._store.tracks.values() if not track_gone(t, now)])

    # --- hot spots: where incidents were recorded (descriptive; no prediction) ---------------------------------
    def _hotspot_menu(self, menu: QMenu) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        periods, families = QActionGroup(menu), QActionGroup(menu)
        for key, label in HOTSPOT_PERIODS:
            action = menu.addAction(tr(label))
            action.setCheckable(True)
            action.setChecked(key == "off")
            periods.addAction(action)
            actions[key] = action
        menu.addSeparator()
        for key, label in HOTSPOT_FAMILIES:
            action = menu.addAction(tr(label))
            action.setCheckable(True)
            action.setChecked(key == "all")
            families.addAction(action)
            actions[key] = action
        periods.triggered.connect(lambda _a: self.refresh_hotspots())
        families.triggered.connect(lambda _a: self.refresh_hotspots())
        return actions

    def show_hotspots(self, days: int | None, family: str | None = None) -> None:
        """Show the last `days` days' incidents by hexagon (None: hide), of one type family or all."""
        self.hotspot_actions["off" if days is None else f"{days}d"].setChecked(True)
        self.hotspot_actions[family or "all"].setChecked(True)
        self.refresh_hotspots()

    def refresh_hotspots(self) -> None:
        days = next((int(k[:-1]) for k, _ in HOTSPOT_PERIODS if k != "off" and self.hotspot_actions[k].isChecked()),
                    None)  # fmt: skip
        family = next((k for k, _ in HOTSPOT_FAMILIES if k != "all" and self.hotspot_actions[k].isChecked()), None)
        if days is None or self._queries is None:
            self._hotspot_timer.stop()
            self.view.set_hotspots(None)
            return
        self._hotspot_timer.start()
        self._queries.hotspots(days, family, lambda found: self.view.set_hotspots(hotspot_layer(found)))

    def _send_callers(self) -> None:
        now = self._store.now()
        items = (caller_item(p, self._store.incidents.get(p.incident_id), now)
                 for p in self._store.caller_positions.values())  # fmt: skip
        self.view.set_callers([i for i in items if i is not None])

    def _on_track_clicked(self, uid: str) -> None:
        """A supervisor maps a TAK track to a unit: the track's click opens the units, the unit's click maps it
        (the units whose callsign matches first, then the nearest)."""
        track = self._store.tracks.get(uid)
        if track is None:
            return
        menu = QMenu(self)
        title = menu.addAction(tr("Map {label} to…", label=track.callsign or uid))
        title.setEnabled(False)
        for unit in units_for_track(track, list(self._store.units.values()))[:12]:
            action = menu.addAction(f"{unit.callsign} · {tr(AGENCY_WORDS.get(unit.agency, unit.agency))}")
            action.triggered.connect(lambda _=False, u=unit: self._commands.map_track(uid, u))
        self.track_menu = menu
        menu.popup(QCursor.pos() if self.view.underMouse() else self.view.mapToGlobal(QPoint(40, 40)))

    def _alerts_changed(self) -> None:
        self._dirty_incidents |= self._shown_incidents

    def push_changes(self) -> None:
        """Hand the entities changed since the last call to the view."""
        incidents, units = self._dirty_incidents, self._dirty_units
        self._dirty_incidents, self._dirty_units = set(), set()
        shown, gone = [], []
        pending = set(self._alerts.pending)
        for incident_id in incidents:
            incident = self._store.incidents.get(incident_id)
            if incident is None or not incident.is_open:
                if incident_id in self._shown_incidents:
                    gone.append(incident_id)
                    self._shown_incidents.discard(incident_id)
                continue
            shown.append(incident_item(incident, incident_id in pending))
            self._shown_incidents.add(incident_id)
        if shown:
            self.view.show_incidents(shown)
        if gone:
            self.view.remove_incidents(gone)
        if units:
            now = self._store.now()
            items = []
            gone = [unit_id for unit_id in units if unit_id not in self._store.units]
            if gone:
                self.view.remove_units(gone)
            for unit_id in units:
                unit = self._store.units.get(unit_id)
                if unit is None:
                    continue
                incident = self._store.incidents.get(unit.incident_id or "")
                item = unit_item(unit, now, incident.number if incident else "")
                if item is not None:
                    items.append(item)
            self.view.move_units(items)

    # --- map → console ---------------------------------------------------------------------
    def _on_selected(self, incident_id: str) -> None:
        self.view.select_incident(incident_id)
        incident = self._store.incidents.get(incident_id)
        if incident is not None:
            self.view.focus(incident.location.lat, incident.location.lon)

    def _on_unit_clicked(self, unit_id: str) -> None:
        self._last_unit = unit_id
        unit = self._store.units.get(unit_id)
        self.follow.setEnabled(True)
        self.follow.setText(tr("Follow {callsign}", callsign=unit.callsign) if unit else tr("Follow unit"))

    def _on_follow(self, on: bool) -> None:
        self.view.follow_unit(self._last_unit if on else None)

    def _dispatch(self, unit_id: str) -> None:
        incident = self._store.incidents.get(self._selection.incident_id)
        unit = self._store.units.get(unit_id)
        if incident is not None and unit is not None:
            self._commands.assign(incident, unit)

    def _context_menu(self, lat: float, lon: float) -> None:
        menu = QMenu(self)
        create = menu.addAction(tr("Create incident here ({lat:.5f}, {lon:.5f})", lat=lat, lon=lon))
        create.triggered.connect(lambda: self._create_incident_at(lat, lon))
        menu.popup(QCursor.pos() if self.view.underMouse() else self.view.mapToGlobal(QPoint(40, 40)))

    def find_place(self) -> None:
        """Centre on an incident by number or a unit by callsign (case and spaces ignored)."""
        wanted = self.search.text().strip().casefold()
        if not wanted:
            return
        for incident in self._store.incidents.values():
            if incident.number.casefold() == wanted or incident.number.casefold().endswith("-" + wanted.zfill(6)):
                self._selection.select(incident.id)
                self.view.focus(incident.location.lat, incident.location.lon, 16)
                return
        for unit in self._store.units.values():
            if unit.callsign.casefold() == wanted and unit.position is not None:
                self._on_unit_clicked(unit.id)
                self.view.focus(unit.position.lat, unit.position.lon, 17)
                return
        self.search.selectAll()
