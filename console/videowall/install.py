"""The video wall under the map (or full screen on a screen of its own), the Wall layout menu, and what
other panels send to it (a camera clicked on the map, a video opened from an incident)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from console.core import Core
from console.i18n import tr
from console.map.surface import MapSurface
from console.videowall.logic.layouts import LAYOUTS
from console.videowall.panel import VideoWallPanel
from console.videowall.preview import StreamPreview
from console.views.install import IncidentOperations


@dataclass
class VideoWall:
    """The wall's panel, for the capabilities that show something on it or follow it."""

    core: Core
    panel: VideoWallPanel

    def show(self, show: Callable[[str], None], source_id: str) -> None:
        """Bring the wall forward, then show the source on it (`show` is one of the panel's show methods)."""
        self.core.window.show_panel("wall")
        show(source_id)

    def cover(self, covered: bool) -> None:
        """The console is locked (True) or unlocked: while covered nothing is decoded, nothing is shown."""
        self.panel.grid.set_covered(covered)

    def preview(self) -> StreamPreview:
        """A small picture to try a stream in before it is saved (the administration's camera test)."""
        return StreamPreview()


def install(
    core: Core, map_surface: MapSurface, operations: IncidentOperations, fill_at_start: bool = True
) -> VideoWall:
    panel = VideoWallPanel(
        core.store, core.queries, core.selection, core.notifier, core.commands, fill_at_start=fill_at_start
    )
    wall = VideoWall(core, panel)
    dock = core.window.add_panel("wall", tr("Video wall"), panel, Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.setMinimumHeight(220)
    map_surface.camera_requested.connect(functools.partial(wall.show, panel.show_camera))
    operations.detail.video_requested.connect(functools.partial(wall.show, panel.play_media))
    layouts = core.window.view_menu.addMenu(tr("Wall layout"))
    for key, name in enumerate(LAYOUTS, start=1):
        core.window.add_action(layouts, tr(name), f"Alt+{key}", functools.partial(panel.show_layout, name))
    return wall
