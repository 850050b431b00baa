"""The command palette (Ctrl+K): any action, open incident, unit or camera by a few letters."""

from __future__ import annotations

from PySide6.QtGui import QAction

from console.core import Core
from console.domain.priority import priority_label
from console.i18n import tr
from console.map.surface import MapSurface
from console.palette.dialog import CommandPalette
from console.palette.logic.matching import Entry
from console.state.store import Store
from console.videowall.install import VideoWall
from console.views.install import IncidentOperations
from console.views.main_window import MainWindow


def install(core: Core, operations: IncidentOperations, map_surface: MapSurface, wall: VideoWall) -> CommandPalette:
    window, store = core.window, core.store
    palette = CommandPalette(lambda: palette_entries(window, store), window)
    window.add_action(window.view_menu, tr("Go to… (command palette)"), "Ctrl+K", palette.open_palette)

    def chosen(entry: Entry) -> None:
        if entry.kind == "action":
            action = next((a for a in window.findChildren(QAction) if a.text() == entry.key), None)
            if action is not None:
                action.trigger()
        elif entry.kind == "incident":
            operations.open_incident(entry.key)
        elif entry.kind == "unit":
            unit = store.units.get(entry.key)
            window.show_panel("units")
            if unit is not None and unit.position is not None:
                map_surface.focus(unit.position.lat, unit.position.lon, 17)
        elif entry.kind == "camera":
            wall.show(wall.panel.show_camera, entry.key)

    palette.chosen.connect(chosen)
    return palette


def palette_entries(window: MainWindow, store: Store) -> list[Entry]:
    """What the palette can find: the window's actions, open incidents, units and cameras."""
    entries = [
        Entry("action", action.text().replace("&", ""), action.shortcut().toString(), action.text())
        for action in window.findChildren(QAction)
        if action.text() and not action.isSeparator() and action.menu() is None and action.isEnabled()
    ]
    for incident in sorted(store.incidents.values(), key=lambda i: (-i.priority, i.number)):
        if incident.is_open:
            detail = f"{priority_label(incident.priority)}, {incident.location.address_text or ''}"
            entries.append(Entry("incident", f"{incident.number} {incident.type_text}", detail, incident.id))
    for unit in sorted(store.units.values(), key=lambda u: u.callsign):
        entries.append(Entry("unit", unit.callsign, f"{unit.agency}, {unit.secondary_status}", unit.id))
    for camera in sorted(store.cameras.values(), key=lambda c: c.name):
        entries.append(Entry("camera", camera.name, f"{camera.kind}, {camera.status}", camera.id))
    return entries
