"""The incident queue: sorting, filters, flashing alerts, keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.alerting.install import listen
from console.alerting.panel import AlertCenter, AlertLogPanel
from console.alerting.sound import AlertSound
from console.backend.commands import Commands
from console.domain.events import event_from_dict
from console.social_watch.alert_bar import SpikeAlertBar
from console.social_watch.logic.spikes import Spike
from console.social_watch.logic.watch import SpikeAlert
from console.social_watch.watch_model import SocialWatchModel
from console.state.high_priority import HighPriorityAlerts
from console.state.selection import Selection
from console.state.store import Store
from console.views.alerts import AlertBar
from console.views.exercise_banner import ExerciseBanner
from console.views.incident_queue import IncidentQueue, IncidentTableModel
from tests.unit.console.factories import event, incident, snapshot, unit


def _cells(queue: IncidentQueue) -> list[list[str]]:
    model = queue.proxy
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _feed(store: Store, seq: int, type_: str, entity_id: str, data: dict[str, Any]) -> None:
    store.apply(event_from_dict(event(seq, type_, entity_id, data), seq))


def _queue(qtbot: QtBot, store: Store) -> tuple[IncidentQueue, Selection, HighPriorityAlerts]:
    selection, alerts = Selection(), HighPriorityAlerts(store)
    queue = IncidentQueue(store, Commands(lambda _m: None), selection, alerts)
    qtbot.addWidget(queue)
    return queue, selection, alerts


def test_the_queue_shows_new_incidents_sorted_by_priority_and_hides_closed(qtbot: QtBot) -> None:
    store = Store()
    store.reset(snapshot(0, units=[unit()]))
    queue, _selection, _alerts = _queue(qtbot, store)
    _feed(store, 1, "incident.created", "a", {"incident": incident("a", priority=3)})
    _feed(store, 2, "incident.created", "b", {"incident": incident("b", priority=9, assigned_units=["PS-01@police"])})
    rows = _cells(queue)
    assert [r[0] for r in rows] == ["2026-b", "2026-a"]
    assert rows[0][1] == "◆ 9 CRITICAL" and rows[0][7] == "PS-01"
    _feed(store, 3, "incident.closed", "b", {"incident": incident("b", priority=9, status="closed", version=2)})
    assert [r[0] for r in _cells(queue)] == ["2026-a"]
    queue.status_filter.setCurrentIndex(queue.status_filter.findData(None))
    assert len(_cells(queue)) == 2


def test_the_queue_filters_by_text_priority_sector_type_and_agency(qtbot: QtBot) -> None:
    store = Store()
    store.reset(
        snapshot(
            3,
            incidents=[
                incident(
                    "a",
                    priority=8,
                    agencies=["police", "ems"],
                    location={"lat": 45.7, "lon": 4.8, "address_text": "1 Rue Pasteur", "sector": "Gare"},
                ),
                incident(
                    "b",
                    priority=4,
                    type_code="THEFT",
                    type_text="Theft reported",
                    location={"lat": 45.7, "lon": 4.8, "address_text": "9 Quai du Rhône", "sector": "Port"},
                ),
                incident(
                    "c",
                    priority=6,
                    location={"lat": 45.7, "lon": 4.8, "address_text": "3 Rue Danton", "sector": "Port"},
                ),
            ],
        )
    )
    queue, _selection, _alerts = _queue(qtbot, store)

    def shown() -> set[str]:
        return {r[0] for r in _cells(queue)}

    queue.search.setText("rhône")
    assert shown() == {"2026-b"}
    queue.search.clear()
    queue.priority_filter.setCurrentIndex(queue.priority_filter.findData(5))
    assert shown() == {"2026-a", "2026-c"}
    queue.sector_filter.setCurrentIndex(queue.sector_filter.findData("Port"))
    assert shown() == {"2026-c"}
    queue.priority_filter.setCurrentIndex(0)
    queue.type_filter.setCurrentIndex(queue.type_filter.findData("THEFT"))
    assert shown() == {"2026-b"}
    queue.sector_filter.setCurrentIndex(0)
    queue.type_filter.setCurrentIndex(0)
    queue.agency_filter.setCurrentIndex(queue.agency_filter.findData("ems"))
    assert shown() == {"2026-a"}


def test_a_new_high_priority_incident_flashes_and_alerts_until_acknowledged(qtbot: QtBot) -> None:
    store = Store()
    store.reset(snapshot(0, incidents=[incident("old", priority=9)]))
    queue, selection, alerts = _queue(qtbot, store)
    window = QWidget()  # the bar lives in the main window; it hides itself when there is nothing to say
    qtbot.addWidget(window)
    bar = AlertBar(store, alerts)
    QVBoxLayout(window).addWidget(bar)
    window.show()
    assert alerts.pending == [] and not bar.isVisible(), "incidents already there at start are not new"
    _feed(store, 1, "incident.created", "hot", {"incident": incident("hot", priority=8)})
    _feed(store, 2, "incident.created", "calm", {"incident": incident("calm", priority=5)})
    assert alerts.pending == ["hot"]
    assert bar.isVisible()
    assert "NEW ▲ 8 HIGH  2026-hot" in bar.findChildren(QLabel)[0].text()
    row = next(r for r in range(queue.proxy.rowCount()) if queue.proxy.index(r, 0).data() == "2026-hot")
    seen = set()
    for _ in range(2):  # the row alternates: red, then its normal colours
        queue.model._tick()
        seen.add(queue.proxy.index(row, 2).data(Qt.ItemDataRole.BackgroundRole) is not None)
    assert seen == {True, False}
    queue.table.setCurrentIndex(queue.proxy.index(row, 0))
    assert selection.incident_id == "hot"
    with qtbot.waitSignal(queue.incident_opened) as opened:
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert opened.args == ["hot"]
    assert alerts.pending == []
    assert not bar.isVisible()


def test_an_exercise_is_announced_above_the_panels_and_its_incidents_marked(qtbot: QtBot) -> None:
    store = Store()
    running = {"id": "current", "name": "Night <b>3</b>", "running": True, "incidents_created": 1,
               "incidents_planned": 4, "version": 2}  # fmt: skip
    store.reset(snapshot(5, incidents=[incident("i1", exercise=True)], exercise=running))
    banner = ExerciseBanner(store)
    qtbot.addWidget(banner)
    assert not banner.isHidden()
    assert banner.text() == (
        "EXERCISE «Night <b>3</b>» in progress — 1 of 4 incidents played — incidents marked EXERCISE are not real "
        "emergencies"
    )
    model = IncidentTableModel(store, HighPriorityAlerts(store))
    assert model.index(0, 2).data().startswith("EXERCISE · "), "the drill's incidents say so in the queue"
    ended = {**running, "running": False, "incidents_created": 4, "version": 3}
    store.apply(event_from_dict(event(6, "exercise.updated", "current", {"exercise": ended}), 6))
    assert banner.text().startswith("EXERCISE — 1 exercise incident still open")
    closed = incident("i1", version=2, exercise=True, status="closed")
    store.apply(event_from_dict(event(7, "incident.closed", "i1", {"incident": closed}), 7))
    assert banner.isHidden(), "no exercise running, none of its incidents open: no banner"


class _Wall(QObject):
    feed_failed = Signal(str, str)


def test_the_alert_log_gathers_incidents_spikes_and_cameras_and_acknowledges(qtbot: QtBot, tmp_path: Path) -> None:
    played = tmp_path / "played.txt"
    player = tmp_path / "aplay"  # stands in for the sound server's player: there is no sound card here
    release = tmp_path / "release"  # the chime "plays" until the test releases it
    player.write_text(
        f'#!/bin/sh\necho "$1" >> {played}\nwhile [ ! -e {release} ]; do sleep 0.05; done\n', encoding="utf-8"
    )
    player.chmod(0o755)
    store = Store()
    store.reset(snapshot(1))
    alerts = HighPriorityAlerts(store)
    social = SocialWatchModel(store)
    spike_bar = SpikeAlertBar(social)
    wall = _Wall()
    sound = AlertSound(tmp_path / "data", players=(str(player),))
    center = AlertCenter(store, alerts, lambda: "supervisor", sound)
    listen(
        center, social.spike_detected, spike_bar.acknowledged, spike_bar.acknowledge, wall.feed_failed
    )  # a stand-in wall
    panel = AlertLogPanel(center)
    qtbot.addWidget(panel)
    qtbot.addWidget(spike_bar)
    store.apply(event_from_dict(event(2, "incident.created", "i9", {"incident": incident("i9", priority=9)}), 2))
    wall.feed_failed.emit("Port", "camera refused the connection — retrying in 2 s")
    wall.feed_failed.emit("Port", "camera refused the connection — retrying in 4 s")
    assert [(a.kind, a.key) for a in center.log.pending()] == [("incident", "i9"), ("camera", "Port")]
    assert sound.played == 2, "each new alert with a sound"
    qtbot.waitUntil(lambda: played.exists() and played.read_text().strip() != "")
    assert played.read_text().splitlines() == [str(tmp_path / "data" / "alert-chime.wav")], "not doubled"
    release.touch()
    sound.close()
    assert panel.tree.topLevelItem(0).text(2) == "Port: camera refused the connection — retrying in 2 s"
    assert panel.ack_all.text() == "Acknowledge all (2)"
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    panel.ack.click()
    assert alerts.pending == [], "acknowledged in the log: the incident's alert strip is acknowledged too"
    assert panel.tree.topLevelItem(1).text(3).startswith("supervisor at ")
    panel.ack_all.click()
    assert center.log.pending() == [] and not panel.ack_all.isEnabled()
    social.spike_detected.emit(SpikeAlert("fights", "Fights", Spike(12, 0.3, 11.7), store.now()))
    assert [(a.kind, a.key) for a in center.log.pending()] == [("social", "fights")] and spike_bar.pending
    spike_bar.acknowledge("fights")
    assert center.log.pending() == [], "acknowledged in its amber strip: the log says so too"


def test_next_and_previous_incident_walk_the_queue_in_its_order(qtbot: QtBot) -> None:
    store = Store()
    store.reset(
        snapshot(0, incidents=[incident("a", priority=3), incident("b", priority=9), incident("c", priority=6)])
    )
    queue, selection, _alerts = _queue(qtbot, store)
    chosen: list[str] = []
    selection.incident_selected.connect(chosen.append)
    for offset in (1, 1, 1, 1, -1):  # the fourth step stays on the last row
        queue.step(offset)
    assert chosen == ["b", "c", "a", "c"], "highest priority first, as the queue shows them"
