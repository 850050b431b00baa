"""Clips as evidence: the Clips panel (tabbed with Major events); a clip double-clicked replays on the wall.
Tagging itself happens on the wall's tiles (`videowall/`), with this capability's dialog and clip maths."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core import Core
from console.evidence.bookmarks_panel import BookmarksPanel
from console.i18n import tr
from console.videowall.install import VideoWall


def install(core: Core, wall: VideoWall) -> BookmarksPanel:
    window = core.window
    clips = BookmarksPanel(core.store, core.commands, core.queries, core.selection, core.notifier)
    dock = window.add_panel("bookmarks", tr("Clips"), clips, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.tabifyDockWidget(window.docks["major_events"], dock)
    window.docks["units"].raise_()
    clips.play_requested.connect(lambda bookmark_id: wall.show(wall.panel.play_bookmark, bookmark_id))
    return clips
