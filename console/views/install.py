"""Incident operations, the core capability: the queue, the incident, the call form, dispatch, units and
major events, with the alert strip and the exercise banner, and the Incident menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from console.core import Core
from console.i18n import tr
from console.operations.incident_types import type_rows
from console.operations.setup_gaps import setup_gaps
from console.views.alerts import AlertBar
from console.views.create_incident import CreateIncidentDialog
from console.views.dispatch_panel import DispatchPanel
from console.views.exercise_banner import ExerciseBanner
from console.views.incident_detail import IncidentDetail
from console.views.incident_queue import IncidentQueue
from console.views.major_events_panel import MajorEventsPanel
from console.views.unit_board import UnitBoard
from dispatch_protocol.text import language


@dataclass
class IncidentOperations:
    """The core capability's panels, for the capabilities installed after it."""

    core: Core
    queue: IncidentQueue
    detail: IncidentDetail
    dispatch: DispatchPanel
    units: UnitBoard
    major_events: MajorEventsPanel
    create_dialog: CreateIncidentDialog
    alert_bar: AlertBar

    def open_incident(self, incident_id: str) -> None:
        """The operator opens an incident: its alert is acknowledged, it is selected and its detail shown."""
        self.core.alerts.acknowledge(incident_id)
        self.core.selection.select(incident_id)
        self.core.window.show_panel("detail")

    def set_incident_types(self, types: list[dict[str, Any]]) -> None:
        self.create_dialog.set_incident_types(types)
        self.detail.set_incident_types(types)


def install(core: Core) -> IncidentOperations:
    store, commands, selection, window = core.store, core.commands, core.selection, core.window
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    ops = IncidentOperations(
        core,
        IncidentQueue(store, commands, selection, core.alerts),
        IncidentDetail(store, commands, core.queries, selection, core.notifier),
        DispatchPanel(store, commands, selection),
        UnitBoard(store, commands),
        MajorEventsPanel(store, commands, selection),
        CreateIncidentDialog(commands, window, core.queries, store, selection.select),
        AlertBar(store, core.alerts),
    )
    queue_dock = window.add_panel("incidents", tr("Incident queue"), ops.queue, left)
    units_dock = window.add_panel("units", tr("Units"), ops.units, left)
    major_dock = window.add_panel("major_events", tr("Major events"), ops.major_events, left)
    detail_dock = window.add_panel("detail", tr("Incident"), ops.detail, right)
    dispatch_dock = window.add_panel("dispatch", tr("Dispatch"), ops.dispatch, right)
    window.splitDockWidget(queue_dock, units_dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(units_dock, major_dock)
    units_dock.raise_()
    window.splitDockWidget(detail_dock, dispatch_dock, Qt.Orientation.Vertical)
    # The wall goes under the map; the queue and the incident keep the full height of the window.
    window.setCorner(Qt.Corner.BottomLeftCorner, left)
    window.setCorner(Qt.Corner.BottomRightCorner, right)
    window.add_top_bar(ExerciseBanner(store))
    window.add_top_bar(ops.alert_bar)

    def types_changed(kind: str) -> None:
        if kind == "incident_type":
            ops.set_incident_types(type_rows(store.incident_types.values(), language()))

    store.reference_changed.connect(types_changed)

    def tell_what_is_missing() -> None:  # once: the first snapshot of a centre that is not set up yet
        store.reset_done.disconnect(tell_what_is_missing)
        gaps = setup_gaps(len(store.units), len(store.incident_types), len(store.sectors))
        if gaps:
            core.notifier.warning(gaps)

    store.reset_done.connect(tell_what_is_missing)
    ops.queue.incident_opened.connect(ops.open_incident)
    ops.alert_bar.open_requested.connect(ops.open_incident)

    def focus_note() -> None:
        window.show_panel("detail")
        ops.detail.focus_note()

    def focus_dispatch() -> None:
        window.show_panel("dispatch")
        ops.dispatch.focus_candidates()

    def focus_queue() -> None:
        window.show_panel("incidents")
        ops.queue.table.setFocus()

    menu = window.incident_menu
    window.add_action(menu, tr("New incident from a call…"), "Ctrl+I", lambda: ops.create_dialog.start())
    window.add_action(menu, tr("Add a note to the selected incident"), "Ctrl+N", focus_note)
    window.add_action(menu, tr("Dispatch to the selected incident"), "Ctrl+D", focus_dispatch)
    window.add_action(menu, tr("Go to the incident queue"), "Ctrl+1", focus_queue)
    window.add_action(menu, tr("Next incident"), "F8", lambda: ops.queue.step(1))
    window.add_action(menu, tr("Previous incident"), "Shift+F8", lambda: ops.queue.step(-1))
    return ops
