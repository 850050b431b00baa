"""MainWindow: arranges the panels as docks; it holds no logic of its own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget

from console.i18n import tr
from console.views.status_bar import ConsoleStatusBar


class MainWindow(QMainWindow):
    """Docks for every panel; the View menu shows or hides each one."""

    def __init__(self, status_bar: ConsoleStatusBar, title: str = "") -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(title or tr("Command console"))
        self.setDockNestingEnabled(True)
        self.setStatusBar(status_bar)
        self.status = status_bar
        file_menu = self.menuBar().addMenu(tr("&File"))
        self.file_menu = file_menu
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.quit_action = quit_action
        self.incident_menu = self.menuBar().addMenu(tr("&Incident"))
        self.view_menu = self.menuBar().addMenu(tr("&View"))
        self.docks: dict[str, QDockWidget] = {}
        self._top_toolbar: QToolBar | None = None
        self._top_bars: list[QWidget] = []
        self._top_layout = QVBoxLayout()

    def add_action(self, menu: QMenu, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        """A menu entry with its shortcut (shown in the menu and the tooltip); in File, above Quit."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        if menu is self.file_menu:
            menu.insertAction(self.quit_action, action)
        else:
            menu.addAction(action)
        self.addAction(action)
        return action

    def add_top_bar(self, widget: QWidget) -> None:
        """A full-width strip above the panels (an alert bar), shown while the widget is not hidden.

        The bars stack in one toolbar. A widget put straight into a QToolBar ignores its own show() and hide()
        (Qt wants the toolbar's action toggled), so they live in a holder and the toolbar follows them.
        """
        if self._top_toolbar is None:
            self._top_toolbar = QToolBar(tr("Alerts"), self)
            self._top_toolbar.setObjectName("alerts_toolbar")
            self._top_toolbar.setMovable(False)
            holder = QWidget()
            self._top_layout = QVBoxLayout(holder)
            self._top_layout.setContentsMargins(0, 0, 0, 0)
            self._top_layout.setSpacing(0)
            self._top_toolbar.addWidget(holder)
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._top_toolbar)
        self._top_layout.addWidget(widget)
        self._top_bars.append(widget)
        widget.installEventFilter(self)
        self._sync_top_bars()

    def add_bottom_bar(self, widget: QWidget) -> None:
        """A full-width strip under the panels (the replay bar)."""
        bar = QToolBar(tr("Replay"), self)
        bar.setObjectName("replay_toolbar")
        bar.setMovable(False)
        bar.addWidget(widget)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._top_bars and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            QTimer.singleShot(0, self._sync_top_bars)
        return super().eventFilter(watched, event)

    def _sync_top_bars(self) -> None:
        if self._top_toolbar is not None:
            self._top_toolbar.setVisible(any(not bar.isHidden() for bar in self._top_bars))

    def show_panel(self, name: str) -> None:
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def add_panel(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        self.docks[name] = dock
        return dock
