"""Layout profiles for several screens (View ▸ Layout, Send panel to screen), the look (theme, text size),
and the first arrangement of the panels on the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from console.core import Core
from console.i18n import N_, tr
from console.layout.logic.profile import BUILT_IN
from console.layout.logic.profile import names as profile_names
from console.layout.manager import LayoutManager
from console.settings import Settings, config_dir
from console.theme import apply_theme
from console.theme_colours import THEMES
from console.videowall.install import VideoWall
from console.views.main_window import MainWindow

THEME_NAMES = {"dark": N_("Dark theme"), "light": N_("Light theme"), "high-contrast": N_("High-contrast theme")}


def install(core: Core, wall: VideoWall) -> LayoutManager:
    layout = LayoutManager(core.window, wall.panel, core.notifier, config_dir() / "profiles")
    add_layout_menus(core.window, layout)
    return layout


def arrange(window: MainWindow, layout: LayoutManager, screen: QRect) -> None:
    """The first arrangement on a screen: the side columns in proportion, the wall under the map."""
    docks = window.docks
    window.setGeometry(screen)
    layout.proportion_columns()
    window.resizeDocks(
        [docks["incidents"], docks["units"]],
        [int(screen.height() * 0.5), int(screen.height() * 0.4)],
        Qt.Orientation.Vertical,
    )
    window.resizeDocks([docks["wall"]], [int(screen.height() * 0.42)], Qt.Orientation.Vertical)
    window.resizeDocks(
        [docks["detail"], docks["dispatch"]],
        [int(screen.height() * 0.5), int(screen.height() * 0.42)],  # the detail scrolls: give it the room
        Qt.Orientation.Vertical,
    )


def add_layout_menus(window: MainWindow, layout: LayoutManager) -> None:
    """View ▸ Layout (save, the saved profiles, restore) and View ▸ Send panel to screen."""
    menu = window.view_menu.addMenu(tr("Layout"))

    def ask_name() -> None:
        dialog = QInputDialog(window)
        dialog.setWindowTitle(tr("Save the layout"))
        dialog.setLabelText(tr("Profile name (e.g. Supervisor — 3 screens):"))
        dialog.textValueSelected.connect(lambda name: name.strip() and layout.save(name.strip()))
        dialog.open()

    def fill() -> None:
        menu.clear()
        menu.addAction(tr("Save layout as…")).triggered.connect(ask_name)
        if layout.current is not None:
            current = layout.current
            menu.addAction(tr("Restore «{name}»", name=tr(current.name))).triggered.connect(
                lambda: layout.apply(current)
            )
        saved = profile_names(layout.folder)
        menu.addSeparator()
        for name in [*saved, *(b for b in BUILT_IN if b not in saved)]:
            menu.addAction(tr(name)).triggered.connect(lambda _=False, n=name: layout.load(n))

    menu.aboutToShow.connect(fill)
    fill()
    send = window.view_menu.addMenu(tr("Send panel to screen"))

    def fill_send() -> None:
        send.clear()
        screens = layout.qscreens()
        for panel, dock in window.docks.items():
            sub = send.addMenu(dock.windowTitle())
            for index, screen in enumerate(screens):
                action = sub.addAction(tr("Screen {index} ({name})", index=index + 1, name=screen.name()))
                action.triggered.connect(lambda _=False, p=panel, i=index: layout.send_to_screen(p, i))

    send.aboutToShow.connect(fill_send)
    looks = window.view_menu.addMenu(tr("Look"))
    for name in THEMES:
        looks.addAction(tr(THEME_NAMES.get(name, name))).triggered.connect(lambda _=False, n=name: _set_look(theme=n))
    looks.addSeparator()
    for scale in (1.0, 1.25, 1.5):
        looks.addAction(tr("Text {scale}%", scale=int(scale * 100))).triggered.connect(
            lambda _=False, s=scale: _set_look(scale=s)
        )


def _set_look(theme: str | None = None, scale: float | None = None) -> None:
    """Change the look now and keep it in the settings."""
    settings = Settings.load()
    settings.theme = theme or settings.theme
    settings.text_scale = scale or settings.text_scale
    settings.save()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, settings.theme, settings.text_scale)
