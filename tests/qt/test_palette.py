"""The palette: typing narrows the list, arrows move, Enter chooses, Esc closes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import build_console
from console.map.stand_in import MapStandIn
from console.palette.dialog import CommandPalette
from console.palette.install import palette_entries
from console.palette.logic.matching import Entry
from console.settings import Settings
from console.theme import apply_theme
from tests.qt.conftest import QtAsync
from tests.unit.console.factories import incident, snapshot, unit


def test_type_move_and_choose(qtbot: QtBot) -> None:
    entries = [
        Entry("unit", "PS-01", "police, Available", "PS-01@police"),
        Entry("unit", "PS-02", "police, EnRoute", "PS-02@police"),
        Entry("camera", "<b>Drone</b> parvis", "drone, online", "cam-99"),
    ]
    palette = CommandPalette(lambda: entries)
    qtbot.addWidget(palette)
    palette.open_palette()
    assert palette.results.count() == 3
    qtbot.keyClicks(palette.search, "ps")
    assert palette.results.count() == 2
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(palette.chosen) as chosen:
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert chosen.args[0].key == "PS-02@police" and not palette.isVisible()
    palette.open_palette()
    qtbot.keyClicks(palette.search, "drone")
    assert palette.results.item(0).text() == "Camera  ·  <b>Drone</b> parvis  —  drone, online", "names as text"


def test_the_console_palette_finds_actions_incidents_units_and_cameras(qtbot: QtBot, qloop: QtAsync) -> None:
    console = build_console("palette test", fill_wall=False, map_stand_in=True)
    qtbot.addWidget(console.window)
    now = datetime.now(UTC)
    where = {
        "lat": 45.7601,
        "lon": 4.8502,
        "observed_at": now.isoformat(),
        "stale_at": (now + timedelta(minutes=5)).isoformat(),
    }
    console.store.reset(
        snapshot(3, incidents=[incident("i1", number="2026-000042")], units=[unit("PS-07@police", position=where)])
    )
    entries = palette_entries(console.window, console.store)
    kinds = {(e.kind, e.label) for e in entries}
    assert ("action", "Go to… (command palette)") in kinds and ("action", "Dispatch to the selected incident") in kinds
    assert ("incident", "2026-000042 Fight on the public way") in kinds and ("unit", "PS-07") in kinds
    palette = console.window.findChild(CommandPalette)
    assert palette is not None
    palette.open_palette()
    qtbot.keyClicks(palette.search, "42")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert console.selection.incident_id == "i1", "choosing an incident opens it"
    palette.open_palette()
    qtbot.keyClicks(palette.search, "PS-07")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert isinstance(console.map, MapStandIn)
    assert console.map.focused == [(45.7601, 4.8502, 17)], "choosing a unit shows it on the map"
    qloop.run(console.close())


def test_the_common_actions_have_shortcuts_shown_in_menus_and_tooltips(qtbot: QtBot, qloop: QtAsync) -> None:
    console = build_console("shortcuts test", fill_wall=False, map_stand_in=True)
    qtbot.addWidget(console.window)
    console.store.reset(snapshot(3, incidents=[incident("i1", priority=4), incident("i2", priority=8)]))
    actions = {a.shortcut().toString(): a for a in console.window.actions() if not a.shortcut().isEmpty()}
    assert {"F8", "Shift+F8", "Ctrl+N", "Ctrl+D", "Ctrl+I", "Ctrl+K", "Alt+1", "Alt+8"} <= set(actions)
    assert actions["F8"].toolTip() == "Next incident (F8)"
    actions["F8"].trigger()
    actions["F8"].trigger()
    assert console.selection.incident_id == "i1", "the second incident of the queue (priority 8 first)"
    actions["Shift+F8"].trigger()
    assert console.selection.incident_id == "i2"
    actions["Alt+3"].trigger()
    assert console.wall.panel.grid.state.layout_name == "3×3" and console.wall.panel.layout_box.currentData() == "3×3"
    assert "Alt+1" in console.wall.panel.layout_box.toolTip()
    qloop.run(console.close())


def test_a_look_changes_colours_and_text_size_and_is_kept(qapp: QApplication, tmp_path: Path) -> None:
    base = qapp.font().pointSizeF()
    try:
        apply_theme(qapp, "high-contrast", 1.5)
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
        assert qapp.font().pointSizeF() == pytest.approx(base * 1.5)
        settings = Settings(theme="light", text_scale=1.25)
        settings.save(tmp_path / "settings.json")
        assert Settings.load(tmp_path / "settings.json") == settings
    finally:
        apply_theme(qapp, "dark", 1.0)
    assert qapp.font().pointSizeF() == pytest.approx(base)
