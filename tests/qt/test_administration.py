"""The administration panel against a real dispatchd: a unit, a camera tried then saved with its login, a
sector drawn on the map, an account; problems next to their field, and nothing sent then."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from console.admin.panel import EntityTab
from console.map.stand_in import MapStandIn
from console.videowall.preview import StreamPreview
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.mjpeg_camera import jpeg_frames, mjpeg_camera

ADMIN, ADMIN_PASSWORD = "chef-de-centre", "Centre-admin-17"


def fill(tab: EntityTab, **values: str) -> None:
    for key, text in values.items():
        widget = tab.inputs[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(text))
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(text)


def test_an_administrator_sets_up_units_cameras_sectors_and_accounts(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "centre"
    create = [sys.executable, "-m", "dispatchd", "--data-dir", str(data), "--create-user", ADMIN, "--role", "admin"]
    subprocess.run(create, input=f"{ADMIN_PASSWORD}\n", text=True, check=True, capture_output=True)
    process = DispatchdProcess(data)
    process.start(port=0)
    frames = jpeg_frames(tmp_path / "frames")
    try:
        with mjpeg_camera(frames, ("viewer", "s3cret-Pa55")) as camera:

            async def body() -> None:
                async with running(
                    qtbot, process.url, ADMIN, tmp_path, expect_types=False, password=ADMIN_PASSWORD
                ) as (console, _link):
                    store, panel = console.store, console.admin.panel
                    sent: list[str] = []
                    console.commands.sent_listeners.append(lambda entry: sent.append(f"{entry.method} {entry.path}"))
                    recorded: list[str] = []  # what a session recorder is told of the commands
                    console.commands.sent_listeners.append(lambda entry: recorded.append(json.dumps(entry.body)))
                    said: list[str] = []
                    console.notifier.message.connect(lambda _level, text: said.append(text))
                    console.window.show_panel("admin")

                    units = panel.units
                    units.new()
                    fill(units, callsign="PS 99", agency="police", type_common="PatrolUnit")
                    assert units.save() is False
                    assert units.problems["callsign"].isVisible() and "pattern" in units.problems["callsign"].text()
                    assert sent == [], "a problem next to its field, and nothing sent"
                    fill(units, callsign="PS-99", home_sector="Centre")
                    assert units.save() is True
                    await until(lambda: "PS-99@police" in store.units, what="the unit, as an event")
                    await until(lambda: units.table.rowCount() == 1, what="listed")
                    assert store.units["PS-99@police"].home_sector == "Centre"

                    cameras = panel.cameras
                    panel.tabs.setCurrentWidget(cameras)
                    cameras.new()
                    fill(cameras, id="cam-test", name="Parvis", kind="fixed", lat="45.7605", lon="4.8590",
                         main_url=camera.url, username="viewer", password="wrong")  # fmt: skip
                    preview = console.admin.preview
                    assert isinstance(preview, StreamPreview)
                    panel.test_button.click()
                    await until(lambda: "401" in preview.state.text() or "refused" in preview.state.text(), 15,
                                "the wrong login refused, in words")  # fmt: skip
                    assert preview.frames == 0
                    fill(cameras, password="s3cret-Pa55")
                    panel.test_button.click()
                    await until(lambda: preview.frames >= 3 and "LIVE" in preview.state.text(), 15, "a live picture")
                    assert sent == ["PUT /units/PS-99@police"], "testing sends nothing"
                    preview.grab().save(str(tmp_path / "admin-camera-test.png"))
                    assert cameras.save()
                    await until(lambda: "cam-test" in store.cameras, what="the camera, as an event")
                    assert store.cameras["cam-test"].has_credentials and "s3cret" not in str(store.cameras["cam-test"])
                    assert '"credentials": "(given)"' in recorded[-1], "recorded without the login"
                    outbox = (tmp_path / f"outbox-{ADMIN}.jsonl").read_text(encoding="utf-8")
                    assert "s3cret-Pa55" not in outbox and "s3cret-Pa55" not in "".join(recorded)

                    panel.tabs.setCurrentWidget(panel.sectors)
                    assert isinstance(console.map, MapStandIn)
                    panel.draw_button.click()
                    assert console.map.drawing, "the map asked to draw"
                    console.map.geofence_drawn.emit([[45.75, 4.83], [45.75, 4.85], [45.76, 4.85], [45.76, 4.83]])
                    assert not console.social.panel.editor.drawn, "drawn for the sector, not for a watch rule"
                    fill(panel.sectors, id="centre", name="Centre")
                    assert panel.sectors.save()
                    await until(lambda: "centre" in store.sectors, what="the sector, as an event")
                    await until(lambda: (console.map.sectors or {}).get("features", []) != [], what="drawn on the map")

                    panel.tabs.setCurrentWidget(panel.accounts)
                    panel.accounts.new()
                    fill(panel.accounts, username="night-op", role="operator", password="night-op-relief")
                    assert panel.accounts.save() is True, "well formed: the backend judges the rest"
                    await until(
                        lambda: any("cannot contain the user name" in m for m in said), what="the backend's refusal"
                    )
                    fill(panel.accounts, password="Night-Shift-7")
                    assert panel.accounts.save() is True
                    await until(lambda: panel.accounts.table.rowCount() == 2, what="the new account listed")
                    assert sent[-1] == "PUT /accounts/night-op"
                    assert "Night-Shift-7" not in (tmp_path / f"outbox-{ADMIN}.jsonl").read_text(encoding="utf-8")

            qloop.run(body())
    finally:
        process.stop()
