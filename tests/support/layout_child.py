"""A console window with its panels on a real X display, for the multi-screen tests:

    python -m tests.support.layout_child save|restore|unplug FOLDER

save: the social watch sent to screen 2, the units floating on screen 1, the alerts hidden, the video wall
full screen on screen 2; saved as the profile "Two screens" in FOLDER. restore: a fresh window applies it.
unplug: restore, then screen 2 is unplugged (Qt's screenRemoved: Xvfb cannot unplug a screen).
Each prints one JSON line: every window's screen, geometry, floating and visible, the wall's screen, and
what the console told the operator.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.layout.manager import LayoutManager, rect_of
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.videowall.panel import VideoWallPanel
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar

PROFILE = "Two screens"


def settle(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    """Let Qt work until `condition` holds (windows mapped, moved), or give up after `timeout_ms`."""
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    while not condition() and not deadline.hasExpired():
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    QTimer.singleShot(300, loop.quit)  # the window system's last configure events
    loop.exec()


def shown(widget: QWidget) -> bool:
    """Hidden, docked in a window, or a window the X server has mapped."""
    handle = widget.windowHandle()
    return widget.isHidden() or not widget.isWindow() or (handle is not None and handle.isExposed())


def main() -> None:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    store, notifier, said = Store(), Notifier(), []
    notifier.message.connect(lambda _level, text: said.append(text))
    window = MainWindow(ConsoleStatusBar(store, notifier))
    wall = VideoWallPanel(store, Queries(notifier.error, folder / "cache"), Selection(), notifier,
                          Commands(notifier.error), fill_at_start=False)  # fmt: skip
    window.setCentralWidget(QLabel("map"))
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    window.add_panel("units", "Units", QLabel("units"), left)
    window.add_panel("social", "Social watch", QLabel("social"), right)
    window.add_panel("alert_log", "Alerts", QLabel("alerts"), right)
    window.add_panel("wall", "Video wall", wall, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.setGeometry(QRect(40, 30, 1000, 700))
    window.show()
    layout = LayoutManager(window, wall, notifier, folder)
    screens = layout.qscreens()
    docks = window.docks
    settle(lambda: shown(window))
    if mode == "save":
        layout.send_to_screen("social", 1)
        layout._float_on(docks["units"], screens[0], rect_of(QRect(700, 120, 320, 480)))
        docks["alert_log"].hide()
        wall.go_full_screen(screens[1])
        settle(lambda: all(shown(w) for w in (window, docks["social"], docks["units"])))
        layout.save(PROFILE)
    else:
        layout.load(PROFILE)
        settle(lambda: all(shown(w) for w in (window, *docks.values())))
        if mode == "unplug":
            app.screenRemoved.emit(screens[1])
            settle(lambda: all(w.screen() is screens[0] for _, w in layout._windows()))
            moved = report_of(layout, window, wall, said)
            app.screenAdded.emit(screens[1])  # plugged back in: the console offers to restore
            said_after = said[len(moved["said"]) :]
            sys.stdout.write(json.dumps(moved | {"said_after": said_after}) + "\n")
            sys.stdout.flush()
            wall.close_feeds()
            return
    sys.stdout.write(json.dumps(report_of(layout, window, wall, said)) + "\n")
    sys.stdout.flush()
    wall.close_feeds()


def report_of(layout: LayoutManager, window: MainWindow, wall: VideoWallPanel, said: list[str]) -> dict[str, Any]:
    windows = {"main": window, **window.docks}
    return {
        "windows": {
            name: {
                "screen": layout.name_of(w.screen()),
                "rect": rect_of(w.geometry()).to_list(),
                "screen_rect": rect_of(w.screen().geometry()).to_list(),
                "floating": name == "main" or w.isFloating(),  # type: ignore[attr-defined]
                "visible": not w.isHidden(),
            }
            for name, w in windows.items()
        },
        "wall": layout.name_of(wall.full_screen.screen()) if wall.full_screen is not None else "",
        "screens": [s.name for s in layout.screens()],
        "said": list(said),
    }


if __name__ == "__main__":
    main()
