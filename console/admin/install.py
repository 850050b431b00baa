"""The administration (View ▸ Administration, Ctrl+Shift+A): the centre's units, cameras (a stream tried
before it is saved), sectors (drawn on the map or imported), incident types and accounts. Supervisors manage
units and cameras, administrators everything; the backend refuses the others, and says so."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from console.admin.panel import AdminPanel
from console.core import Core
from console.i18n import tr
from console.map.surface import MapSurface
from console.videowall.install import VideoWall


@dataclass
class Administration:
    panel: AdminPanel
    preview: QWidget
    """The camera test's picture (the wall's `StreamPreview`)."""


def install(core: Core, map_surface: MapSurface, wall: VideoWall) -> Administration:
    window = core.window
    panel = AdminPanel(core.store, core.commands, core.queries, core.notifier)
    preview = wall.preview()
    panel.cameras.extra.addWidget(preview)
    panel.test_stream.connect(preview.play)
    dock = window.add_panel("admin", tr("Administration"), panel, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(window.docks["social"], dock)
    window.docks["dispatch"].raise_()
    panel.draw_requested.connect(lambda: map_surface.draw_for(panel.area_drawn))
    window.add_action(window.view_menu, tr("Administration"), "Ctrl+Shift+A", lambda: window.show_panel("admin"))
    return Administration(panel, preview)
