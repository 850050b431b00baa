"""Two full consoles against one real dispatchd, driven through their panels as operators would."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.app import Console
from console.views.create_incident import CreateIncidentDialog
from console.views.dispatch_panel import DispatchPanel
from console.views.incident_detail import IncidentDetail
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def _panels(console: Console) -> tuple[DispatchPanel, IncidentDetail]:
    dispatch, detail = console.operations.dispatch, console.operations.detail
    assert isinstance(dispatch, DispatchPanel) and isinstance(detail, IncidentDetail)
    return dispatch, detail


def _fill_call(dialog: CreateIncidentDialog) -> None:
    dialog.start()
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("ASSAULT"))
    dialog.address.setText("12 Rue Pasteur, Valmont")
    dialog.lat.setText("45.7480")
    dialog.lon.setText("4.8450")
    dialog.caller_name.setText("Mme Petit")
    dialog.caller_phone.setText("+33 6 12 34 56 78")
    dialog.note.setPlainText("A man hit with a bottle outside the bakery")


def test_take_a_call_dispatch_follow_and_close_with_two_consoles(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    async def body() -> None:
        async with (
            running(qtbot, dispatchd.url, "operator", tmp_path) as (taker, _),
            running(qtbot, dispatchd.url, "supervisor", tmp_path) as (watcher, _),
        ):
            # The call taker creates the incident through the form.
            _fill_call(taker.operations.create_dialog)
            assert taker.operations.create_dialog.priority.value() == 7, "priority suggested from the type"
            started = time.monotonic()
            taker.operations.create_dialog.submit()
            await until(lambda: len(watcher.store.incidents) == 1, timeout=5, what="the other console sees it")
            assert time.monotonic() - started < 1.0
            incident = next(iter(watcher.store.incidents.values()))
            assert incident.caller_phone == "+33 6 12 34 56 78" and incident.priority == 7
            # The supervisor dispatches the top-ranked unit.
            watcher.selection.select(incident.id)
            dispatch, detail = _panels(watcher)
            dispatch.refresh()
            ranked = dispatch.ranked()
            assert ranked and ranked == sorted(ranked, key=lambda c: (c.stale, c.eta_s, c.unit.callsign))
            top = ranked[0].unit
            assert dispatch.candidates.currentItem().text(0) == top.callsign
            dispatch.send_selected()
            # The unit's and the incident's events of the assignment arrive one after the other: wait for both.
            await until(
                lambda: (
                    taker.store.units[top.id].incident_id == incident.id
                    and top.id in taker.store.incidents[incident.id].assigned_units
                ),
                what="assigned, seen by both",
            )
            # The unit goes en route, then on scene (the taker's dispatch panel this time).
            taker.selection.select(incident.id)
            taker_dispatch, _ = _panels(taker)
            taker_dispatch.refresh()
            taker_dispatch.status_buttons["EnRoute"].click()
            await until(lambda: watcher.store.units[top.id].secondary_status == "EnRoute", what="en route")
            await until(
                lambda: watcher.store.incidents[incident.id].status_common == "ResourcesEnroute",
                what="status_common follows",
            )
            # The taker acts on the unit as its own console last saw it: wait until it has seen "en route" too.
            await until(lambda: taker.store.units[top.id].secondary_status == "EnRoute", what="en route, for the taker")
            taker_dispatch.refresh()
            taker_dispatch.status_buttons["OnScene"].click()
            await until(
                lambda: watcher.store.incidents[incident.id].status_common == "ResourcesOnscene", what="on scene"
            )
            # The supervisor closes it from the detail.
            detail.status.setCurrentText("closed")
            detail.set_status.click()
            await until(lambda: taker.store.incidents[incident.id].status == "closed", what="closed everywhere")
            await until(lambda: watcher.store.units[top.id].secondary_status == "Available", what="unit freed")
            await until(lambda: any("Closed" in t for t in detail.timeline_texts()), what="the timeline tells it")
            texts = detail.timeline_texts()
            for expected in (
                "Created: Assault",
                f"{top.callsign} dispatched",
                f"{top.callsign} en route",
                f"{top.callsign} on scene",
                "Closed",
            ):
                assert any(expected in line for line in texts), (expected, texts)
            with dispatchd.api() as api:
                server = api.get("/snapshot").json()
            for console in (taker, watcher):
                assert console.store.last_seq == server["seq"]
                assert {i["id"]: i["version"] for i in server["incidents"]} == {
                    i.id: i.version for i in console.store.incidents.values()
                }
                assert {u["id"]: u["version"] for u in server["units"]} == {
                    u.id: u.version for u in console.store.units.values()
                }

    qloop.run(body())


def test_the_second_supervisor_is_told_and_nothing_is_overwritten(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        created = api.post(
            "/incidents", json={"type_code": "FIGHT", "priority": 5, "location": {"lat": 45.75, "lon": 4.84}}
        ).json()

    async def body() -> None:
        async with (
            running(qtbot, dispatchd.url, "operator", tmp_path) as (first, _),
            running(qtbot, dispatchd.url, "supervisor", tmp_path) as (second, _),
        ):
            seen_by_second = second.store.incidents[created["id"]]  # both opened version 1
            first.commands.set_priority(first.store.incidents[created["id"]], 9)
            await until(lambda: second.store.incidents[created["id"]].priority == 9, what="the first change")
            errors: list[str] = []
            second.notifier.message.connect(lambda level, text: errors.append(text) if level == "error" else None)
            second.commands.set_priority(seen_by_second, 2)  # made on what the second had opened
            await until(lambda: errors, what="the refusal")
            assert "changed since you opened it" in errors[0]
            assert "nothing was overwritten" in errors[0]
            assert second.store.incidents[created["id"]].priority == 9, "the second sees the new state"
            second.selection.select(created["id"])
            _, detail = _panels(second)
            assert detail.priority_chip.text() == "◆ 9 CRITICAL"

    qloop.run(body())


def test_a_double_click_on_send_assigns_once(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        created = api.post(
            "/incidents", json={"type_code": "THEFT", "priority": 3, "location": {"lat": 45.75, "lon": 4.84}}
        ).json()

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "operator", tmp_path) as (console, link):
            console.selection.select(created["id"])
            dispatch, _ = _panels(console)
            dispatch.refresh()
            unit_id = dispatch.ranked()[0].unit.id
            dispatch.send_selected()
            dispatch.send_selected()  # the second click of a double click, before any answer
            await until(lambda: link.outbox.pending_count == 0, what="both sent")
            await until(lambda: console.store.units[unit_id].incident_id == created["id"], what="assigned")

    qloop.run(body())
    with dispatchd.api() as api:
        events = api.get("/events", params={"after": 0, "limit": 10_000}).json()["events"]
    dispatched = [
        e for e in events if e["type"] == "unit.updated" and e["data"]["unit"]["secondary_status"] == "Dispatched"
    ]
    assert len(dispatched) == 1
