"""The whole console fits a 1920×1080 screen with an incident selected (every panel docked, the default layout):
its status bar and the dispatch panel's button stay on the screen. The incident's detail scrolls instead."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from console.app import build_console
from tests.qt.conftest import QtAsync


def test_a_selected_incident_does_not_make_the_window_taller_than_a_1080_line_screen(
    qtbot: QtBot, qloop: QtAsync
) -> None:
    console = build_console("fits", fill_wall=False, map_stand_in=True)
    qtbot.addWidget(console.window)
    console.window.resize(1920, 1040)
    console.window.show()
    now = datetime.now(UTC).isoformat()
    incident = {"id": "i1", "number": "2026-000001", "type_code": "FIRE-VEH", "type_text": "Vehicle fire",
                "priority": 7, "status": "new", "version": 1, "created_at": now, "updated_at": now,
                "location": {"lat": 45.7, "lon": 4.8, "address_text": "Quai Saint-Antoine"},
                "origin": {"agency": "rivebelle.example", "tracking_id": "t", "updated_at": now}}  # fmt: skip
    console.store.reset({"seq": 0, "incidents": [incident]})
    console.selection.select("i1")
    qtbot.waitUntil(lambda: console.operations.detail.body.isVisible())
    assert console.window.minimumSizeHint().height() <= 1040, "taller than the screen: the status bar goes off it"
    qtbot.waitUntil(lambda: console.window.height() <= 1040)
    qloop.run(console.close())
