"""Layout profiles in a real main window: floating panels, hidden panels and the main window come back where
they were saved; a panel is sent to a screen; a profile that names a missing screen still shows everything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.layout.logic.placement import Rect, ScreenInfo
from console.layout.logic.profile import PanelPlacement
from console.layout.manager import LayoutManager, rect_of
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.videowall.panel import VideoWallPanel
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar


@pytest.fixture
def arranged(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, LayoutManager, list[str]]]:
    store, notifier = Store(), Notifier()
    said: list[str] = []
    notifier.message.connect(lambda _level, text: said.append(text))
    window = MainWindow(ConsoleStatusBar(store, notifier))
    qtbot.addWidget(window)
    wall = VideoWallPanel(store, Queries(notifier.error, tmp_path), Selection(), notifier, Commands(notifier.error),
                          fill_at_start=False)  # fmt: skip
    window.setCentralWidget(QLabel("map"))
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    window.add_panel("units", "Units", QLabel("units"), left)
    window.add_panel("social", "Social watch", QLabel("social"), right)
    window.add_panel("wall", "Video wall", wall, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.setGeometry(QRect(0, 0, 1200, 800))
    window.show()
    yield window, LayoutManager(window, wall, notifier, tmp_path / "profiles"), said
    wall.close_feeds()


def test_a_saved_layout_comes_back(qtbot: QtBot, arranged: tuple[MainWindow, LayoutManager, list[str]]) -> None:
    window, layout, said = arranged
    social, units = window.docks["social"], window.docks["units"]
    social.setFloating(True)
    social.setGeometry(QRect(200, 150, 420, 380))
    units.hide()
    layout.save("Operator — 1 screen")
    assert said[-1] == "Layout profile «Operator — 1 screen» saved"
    social.setFloating(False)
    units.show()
    window.setGeometry(QRect(50, 40, 900, 600))
    layout.load("Operator — 1 screen")
    qtbot.waitUntil(lambda: social.isFloating() and units.isHidden())
    assert rect_of(social.geometry()) == Rect(200, 150, 420, 380)
    layout.load("Night")
    assert said[-1].startswith("Layout profile not applied: there is no layout profile 'Night'")


def test_a_panel_sent_to_a_screen_and_a_missing_screen(
    qtbot: QtBot, arranged: tuple[MainWindow, LayoutManager, list[str]]
) -> None:
    window, layout, said = arranged
    layout.send_to_screen("social", 0)
    social = window.docks["social"]
    screen = layout.screens()[0].geometry
    assert (
        social.isFloating()
        and Rect(screen.x, screen.y, screen.w, screen.h).intersection_area(rect_of(social.geometry()))
        == rect_of(social.geometry()).w * rect_of(social.geometry()).h
    ), "wholly on that screen"
    layout.send_to_screen("social", 5)
    assert said[-1].startswith("There is no screen 6")
    profile = layout.capture("Supervisor — 3 screens")
    gone = ScreenInfo("HDMI-9", Rect(5000, 0, 1280, 1024))
    profile.panels["social"] = PanelPlacement(True, True, Rect(5100, 100, 600, 500), gone)
    layout.apply(profile)
    qtbot.waitUntil(social.isFloating)
    placed = rect_of(social.geometry())
    assert placed.intersection_area(Rect(screen.x, screen.y, screen.w, screen.h)) == placed.w * placed.h
    assert said[-1].startswith("Layout «Supervisor — 3 screens»: screen HDMI-9 is not connected")


def test_a_built_in_profile_applies_on_the_screens_there_are(
    qtbot: QtBot, arranged: tuple[MainWindow, LayoutManager, list[str]]
) -> None:
    window, layout, said = arranged
    window.docks["social"].setFloating(True)
    window.docks["units"].hide()
    layout.load("Supervisor — 3 screens")  # one screen here: everything docked in the main window
    qtbot.waitUntil(lambda: not window.docks["social"].isFloating() and not window.docks["units"].isHidden())
    assert layout.current is not None and layout.current.name == "Supervisor — 3 screens"
    assert not any(text.startswith("Layout profile not applied") for text in said)
