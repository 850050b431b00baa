"""LayoutManager: saves and applies layout profiles over the real screens, sends a panel to a screen, and
keeps every window visible when a screen is unplugged (offering to restore when it comes back)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QWidget

from console.i18n import tr
from console.layout.logic import profile as profiles
from console.layout.logic.placement import Rect, ScreenInfo, place
from console.layout.logic.profile import PanelPlacement, Profile, ProfileError
from console.state.notifier import Notifier
from console.views.main_window import MainWindow

log = logging.getLogger("console.layout")


def rect_of(geometry: QRect) -> Rect:
    return Rect(geometry.x(), geometry.y(), geometry.width(), geometry.height())


def qrect(rect: Rect) -> QRect:
    return QRect(rect.x, rect.y, rect.w, rect.h)


def screen_names(screens: list[QScreen]) -> list[str]:
    """Names that tell the screens apart: the system's, numbered when several share one (separate X screens
    all say "screen")."""
    seen: dict[str, int] = {}
    names = []
    for screen in screens:
        seen[screen.name()] = seen.get(screen.name(), 0) + 1
        names.append(screen.name() if seen[screen.name()] == 1 else f"{screen.name()} #{seen[screen.name()]}")
    return names


class FullScreenWall(Protocol):
    """The video wall as the layout sees it: it may be full screen on a screen of its own."""

    @property
    def full_screen(self) -> QWidget | None: ...

    def go_full_screen(self, screen: QScreen) -> None: ...


class LayoutManager(QObject):
    def __init__(self, window: MainWindow, wall: FullScreenWall, notifier: Notifier, folder: Path) -> None:
        super().__init__()
        self._window, self._wall, self._notifier, self.folder = window, wall, notifier, folder
        self.current: Profile | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self.screen_removed)
        app.screenAdded.connect(self.screen_added)

    # --- screens ---------------------------------------------------------------------------------
    @staticmethod
    def qscreens() -> list[QScreen]:
        """Primary first."""
        primary = QGuiApplication.primaryScreen()
        return [primary, *[s for s in QGuiApplication.screens() if s is not primary]]

    def screens(self, without: QScreen | None = None) -> list[ScreenInfo]:
        qscreens = self.qscreens()
        return [
            ScreenInfo(name, rect_of(s.availableGeometry()))
            for s, name in zip(qscreens, screen_names(qscreens), strict=True)
            if s is not without
        ]

    def info_of(self, screen: QScreen) -> ScreenInfo:
        return ScreenInfo(self.name_of(screen), rect_of(screen.availableGeometry()))

    def name_of(self, screen: QScreen) -> str:
        qscreens = self.qscreens()
        return next((n for s, n in zip(qscreens, screen_names(qscreens), strict=True) if s is screen), screen.name())

    def _windows(self) -> list[tuple[str, QWidget]]:
        """The main window and every floating panel."""
        found: list[tuple[str, QWidget]] = [("main", self._window)]
        found += [(name, dock) for name, dock in self._window.docks.items() if dock.isFloating()]
        return found

    # --- profiles --------------------------------------------------------------------------------
    def capture(self, name: str) -> Profile:
        """The layout now; each window's screen is the one Qt shows it on (screens that are X screens of
        their own all start at 0,0: a geometry alone cannot tell them apart)."""
        main = rect_of(self._window.geometry())
        panels = {}
        for panel, dock in self._window.docks.items():
            geometry = rect_of(dock.geometry()) if dock.isFloating() else None
            panels[panel] = PanelPlacement(
                dock.isFloating(), not dock.isHidden(), geometry, self.info_of(dock.screen()) if geometry else None
            )
        wall = self._wall.full_screen
        wall_screen = self.name_of(wall.screen()) if wall is not None else ""
        state = bytes(self._window.saveState().toBase64().data()).decode()
        return Profile(name, main, self.info_of(self._window.screen()), state, panels, wall_screen)

    def save(self, name: str) -> Path:
        self.current = self.capture(name)
        path = profiles.save(self.folder, self.current)
        self._notifier.info(tr("Layout profile «{name}» saved", name=name))
        return path

    def load(self, name: str) -> None:
        """Apply a saved profile (or a built-in one not saved over); a profile that cannot be read says why."""
        try:
            if profiles.builtin_name(name) and not (self.folder / profiles.file_name(name)).exists():
                self.apply(profiles.builtin_profile(name, self.screens(), list(self._window.docks)))
            else:
                self.apply(profiles.load(self.folder, name))
        except ProfileError as exc:
            self._notifier.error(tr("Layout profile not applied: {exc}", exc=exc))

    def apply(self, profile: Profile) -> None:
        screens = self.screens()
        if profile.main_state:
            self._window.restoreState(QByteArray.fromBase64(profile.main_state.encode()))
        self._move_to(
            self._window,
            self._qscreen_for(profile.main_screen),
            place(profile.main_geometry, profile.main_screen, screens),
        )
        for name, panel in profile.panels.items():
            dock = self._window.docks.get(name)
            if dock is None:
                continue
            if panel.floating and panel.geometry is not None:
                self._float_on(dock, self._qscreen_for(panel.screen), place(panel.geometry, panel.screen, screens))
            else:
                dock.setFloating(panel.floating)
            dock.setVisible(panel.visible)
        self._apply_wall(profile.wall_screen)
        if not profile.main_state:  # a built-in profile: the docked columns in proportion, the map between
            self.proportion_columns()
        missing = sorted(
            {p.screen.name for p in profile.panels.values() if p.screen} - {s.name for s in screens}
            | ({profile.wall_screen} - {s.name for s in screens} if profile.wall_screen else set())
        )
        if missing:
            self._notifier.warning(
                tr(
                    "Layout «{name}»: screen {missing} is not connected; its windows are on {name2} for now",
                    name=profile.name,
                    missing=", ".join(missing),
                    name2=screens[0].name,
                )
            )
        self.current = profile

    def proportion_columns(self) -> None:
        """The docked queue and incident columns at their share of the window's width, the map between."""
        width = self._window.width()
        columns = [(self._window.docks.get(name), share) for name, share in (("incidents", 0.32), ("detail", 0.25))]
        shown = [(dock, share) for dock, share in columns if dock is not None and not dock.isFloating()]
        if shown:
            self._window.resizeDocks(
                [dock for dock, _ in shown], [int(width * share) for _, share in shown], Qt.Orientation.Horizontal
            )

    def _qscreen_for(self, saved: ScreenInfo | None) -> QScreen:
        """The screen a saved placement means (by its telling name), else the primary."""
        qscreens = self.qscreens()
        if saved is not None:
            for screen, name in zip(qscreens, screen_names(qscreens), strict=True):
                if name == saved.name:
                    return screen
        return qscreens[0]

    @staticmethod
    def _float_on(dock: QDockWidget, screen: QScreen, rect: Rect) -> None:
        """Float a panel on a screen."""
        if not dock.isFloating():
            shown = not dock.isHidden()
            dock.hide()
            dock.setFloating(True)
            dock.setVisible(shown)
        LayoutManager._move_to(dock, screen, rect)

    @staticmethod
    def _move_to(window: QWidget, screen: QScreen, rect: Rect) -> None:
        """Put a top-level window at `rect` on `screen`. Changing screens goes through hiding it: screens that
        are X screens of their own take a window only before it shows."""
        if window.screen() is screen:
            window.setGeometry(qrect(rect))
            return
        shown = not window.isHidden()
        window.hide()
        window.setScreen(screen)
        window.setGeometry(qrect(rect))
        window.setVisible(shown)

    def _apply_wall(self, screen_name: str) -> None:
        if not screen_name:
            if self._wall.full_screen is not None:
                self._wall.full_screen.close()
            return
        qscreens = self.qscreens()
        screen = next((s for s, n in zip(qscreens, screen_names(qscreens), strict=True) if n == screen_name), None)
        if screen is not None:
            self._wall.go_full_screen(screen)

    def send_to_screen(self, panel: str, index: int) -> None:
        """Float a panel on screen `index` (0 = the primary), filling most of it."""
        screens = self.qscreens()
        dock: QDockWidget = self._window.docks[panel]
        if not 0 <= index < len(screens):
            self._notifier.warning(
                tr("There is no screen {index} (this workstation has {count}).", index=index + 1, count=len(screens))
            )
            return
        area = screens[index].availableGeometry()
        margin_x, margin_y = area.width() // 20, area.height() // 20
        dock.show()
        self._float_on(dock, screens[index], rect_of(area.adjusted(margin_x, margin_y, -margin_x, -margin_y)))
        dock.raise_()

    # --- screens coming and going ----------------------------------------------------------------
    def screen_removed(self, gone: QScreen) -> None:
        """Windows that were on the unplugged screen move to the first one that remains (the primary), at
        the same place on it, shrunk to fit; the full-screen wall comes back into the main window."""
        remaining = self.screens(without=gone)
        if not remaining:
            return
        lost = self.info_of(gone)
        target = next(s for s in self.qscreens() if s is not gone)
        moved = []
        for name, widget in self._windows():
            if widget.screen() is gone:
                self._move_to(widget, target, place(rect_of(widget.geometry()), lost, remaining))
                moved.append(widget.windowTitle() if name != "main" else tr("the main window"))
        if self._wall.full_screen is not None and self._wall.full_screen.screen() is gone:
            self._wall.full_screen.close()
            moved.append(tr("video wall"))
        if moved:
            self._notifier.warning(
                tr(
                    "Screen {name} was unplugged: {moved} moved to {where}",
                    name=lost.name,
                    moved=", ".join(moved),
                    where=remaining[0].name,
                )
            )

    def screen_added(self, screen: QScreen) -> None:
        if self.current is not None:
            self._notifier.info(
                tr(
                    "Screen {screen} is connected: View ▸ Layout ▸ Restore «{name}» puts the panels back",
                    screen=self.name_of(screen),
                    name=self.current.name,
                )
            )
