"""Twenty callers about one fire: the call form offers the open incident as each caller describes it, and one key
adds the call to it (a note with the caller) instead of a twentieth incident."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess

FIRE = (45.7604, 4.8360)


def test_twenty_callers_about_one_fire_make_one_incident_with_nineteen_calls_added(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation")
    backend.start(port=0)
    try:

        async def body() -> None:
            async with running(qtbot, backend.url, "operator", tmp_path) as (console, _):
                store, form = console.store, console.operations.create_dialog
                await until(lambda: form.type_box.findData("FIRE-BLD") > 0, 10, "the incident types")

                def call(k: int, lat: float, lon: float, type_code: str) -> None:
                    form.start(lat, lon, "")
                    form.type_box.setCurrentIndex(form.type_box.findData(type_code))
                    form.caller_name.setText(f"Caller {k}")
                    form.caller_phone.setText(f"+33 6 00 00 00 {k:02d}")
                    form.note.setPlainText(f"Smoke and flames, seen from spot {k}")

                call(1, *FIRE, "FIRE-BLD")
                assert form.same.count() == 0 and not form.same.isVisible(), "nothing offered (nothing open)"
                form.submit()
                await until(lambda: len(store.incidents) == 1, 10, "the first caller's incident")
                (fire,) = store.incidents.values()
                for k in range(2, 21):  # all around it, up to ~250 m, some calling it a vehicle fire
                    lat = FIRE[0] + ((k % 5) - 2) * 0.0008
                    lon = FIRE[1] + ((k // 5) - 2) * 0.0010
                    call(k, lat, lon, "FIRE-VEH" if k % 3 == 0 else "FIRE-BLD")
                    await until(lambda: form.same.count() > 0, 5, f"caller {k}: the fire offered")
                    assert form.same.item(0).data(Qt.ItemDataRole.UserRole) == fire.id
                    assert form.same.item(0).text().startswith(f"{fire.number} · Building fire · ")
                    if k == 2:
                        form.activateWindow()
                        QTest.keyClick(form.same, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
                    else:
                        form.add_to_same()
                    await until(lambda: not form.isVisible(), 5, "the form closed")
                    added = k - 1
                    await until(lambda n=added: _calls(store, fire.id) == n, 10, f"call {k} added to the fire")
                assert len(store.incidents) == 1, "one fire, one incident"
                notes = [n.text for n in store.incidents[fire.id].notes if n.text.startswith("Another call")]
                assert notes[0] == "Another call, Caller 2 +33 6 00 00 00 02: Smoke and flames, seen from spot 2"
                assert console.selection.incident_id == fire.id, "the incident the calls went to is shown"

        qloop.run(body())
    finally:
        backend.stop()


def _calls(store: object, incident_id: str) -> int:
    incident = store.incidents[incident_id]  # type: ignore[attr-defined]
    return sum(1 for note in incident.notes if note.text.startswith("Another call"))
