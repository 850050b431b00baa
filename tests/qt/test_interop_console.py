"""The console's side of interoperability, against a real dispatchd listening for CoT, with the real map page.

A TAK track of no unit appears on the map's "Unmapped tracks" layer with its callsign; a supervisor maps it in two
clicks (the track, then the unit); the unit board says where each position came from; the status bar says the TAK
link's state; a partner's EIDO lands in the queue marked with its origin; a public warning is written from a
major event and withdrawn.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from console.map.panel import MapPanel
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.map_page import js, js_until
from tests.support.streams import free_port
from tests.support.tak_field import Fix, position_event, send_events

PARTNER_EIDO_DOMAIN = "fire.rivebelle.example"


def _partner_eido(updated_at: str) -> dict[str, object]:
    tracking = f"urn:emergency:uid:incidentid:0123456789abcdef0123456789abcdef:{PARTNER_EIDO_DOMAIN}"
    return {
        "incidentComponent": {
            "incidentTrackingIdentifier": tracking,
            "localIncidentIdentifier": "RB-2026-0042",
            "incidentTypeCommonRegistryText": "Vehicle fire",
            "incidentTypeLocalRegistryCode": "FIRE-VEH",
            "incidentCommonPriorityNumber": 6,
            "incidentStatusCommonRegistryText": ["ResourcesEnroute"],
            "lastUpdateTimeStamp": updated_at,
            "incidentCreationTimeStamp": updated_at,
        },
        "locationComponent": [
            {
                "locationByValue": {"type": "Point", "coordinates": [4.8360, 45.7610]},
                "locationNotesText": "Quai <Saint-Antoine>",
            }
        ],
        "notesComponent": [
            {
                "notesActionComment": "Car burning near the market",
                "authorReference": "rb-op-3",
                "notesDateTimeStamp": updated_at,
            }
        ],
    }


def test_tracks_positions_partners_and_warnings_in_the_console(qloop: QtAsync, qtbot: QtBot, tmp_path: Path) -> None:
    cot = free_port()
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation", "--cot-listen", f"tcp://127.0.0.1:{cot}")
    backend.start(port=0)
    try:

        async def body() -> None:
            async with running(qtbot, backend.url, "supervisor", tmp_path, real_map=True) as (console, _):
                store, ops = console.store, console.operations
                assert isinstance(console.map, MapPanel)
                view = console.map.view
                await until(lambda: view.ready, 20, "the map page")
                unit = next(u for u in store.units.values() if u.agency == "police")
                await send_events(
                    f"tcp://127.0.0.1:{cot}", [position_event("ANDROID-99", unit.callsign, Fix(45.7612, 4.8371))]
                )
                labels = await js_until(view, "consoleMap.trackLabels()", lambda t: bool(t), "the track on the map")
                assert labels[0].startswith(unit.callsign), labels
                status = console.window.statusBar()
                await until(lambda: "TAK listening" in status.tak.text(), 10, "the TAK link in the status bar")

                await js(view, "consoleMap.clickTrack('ANDROID-99')")  # first click: the track
                await until(lambda: getattr(console.map, "track_menu", None) is not None, what="the units offered")
                offered = [a for a in console.map.track_menu.actions() if a.isEnabled()]
                assert offered[0].text().startswith(unit.callsign), "its callsign's unit first"
                offered[0].trigger()  # second click: the unit
                await until(lambda: store.units[unit.id].tracker_uid == "ANDROID-99", what="mapped")
                await until(lambda: "ANDROID-99" not in store.tracks, what="no longer unmapped")
                await js_until(view, "consoleMap.trackLabels()", lambda t: t == [], "the track off the layer")

                await send_events(f"tcp://127.0.0.1:{cot}", [position_event("ANDROID-99", "x", Fix(45.7630, 4.8390))])
                await until(lambda: (p := store.units[unit.id].position) is not None and p.source == "cot", what="CoT")
                await until(lambda: "TAK · " in ops.units.text_of(unit.id), 5, "the source in the unit board")

                async with httpx.AsyncClient(base_url=f"{backend.url}/api/v1", timeout=10) as api:
                    token = backend.token("operator")
                    api.headers["Authorization"] = f"Bearer {token}"
                    changed_there = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
                    answer = await api.post("/eido", json=_partner_eido(changed_there))
                    assert answer.status_code == 201, answer.text
                    partner_id = answer.json()["incident"]["id"]
                await until(lambda: partner_id in store.incidents, what="the partner's incident")
                assert ops.queue.model._text(store.incidents[partner_id], 2) == f"Vehicle fire ⇄ {PARTNER_EIDO_DOMAIN}"
                console.selection.select(partner_id)
                assert ops.detail.origin.isVisible() and "RB-2026-0042" in ops.detail.origin.text()

                major = console.commands.create_incident({"type_code": "MAJOR", "priority": 9,
                                                          "location": {"lat": 45.762, "lon": 4.835,
                                                                       "address_text": "Place Bellecour"}})  # fmt: skip
                assert major is not None
                await until(lambda: any(i.major_event for i in store.incidents.values()), what="the major event")
                major_id = next(i.id for i in store.incidents.values() if i.major_event)
                console.selection.select(major_id)
                assert ops.detail.new_warning.isVisible() and not ops.detail.cancel_warning.isVisible()
                ops.detail.new_warning.click()
                dialog = ops.detail._warning_dialog
                assert dialog is not None
                dialog.headline.setText("Toxic smoke: stay indoors <b>now</b>")
                dialog.description.setPlainText("A warehouse fire's smoke drifts north-east.")
                dialog.publish.click()
                await until(lambda: bool(store.warnings), what="the warning published")
                await until(lambda: "Toxic smoke: stay indoors <b>now</b>" in ops.detail.warnings.text(), what="shown")
                assert ops.detail.cancel_warning.isVisible()
                ops.detail.cancel_warning.click()
                await until(lambda: any(w["msg_type"] == "Cancel" for w in store.warnings.values()), what="withdrawn")
                await until(lambda: not ops.detail.cancel_warning.isVisible(), what="nothing left to withdraw")

        qloop.run(body())
    finally:
        backend.stop()
