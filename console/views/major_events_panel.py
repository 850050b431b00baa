"""Crisis mode: major events (a demonstration, a flood) and their incidents by status and priority."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.backend.commands import Commands
from console.i18n import N_, tr
from console.operations.major_events import summarise
from console.state.selection import Selection
from console.state.store import Store

COLUMNS = (
    N_("Major event"),
    N_("Incidents"),
    N_("New"),
    N_("Active"),
    N_("Closed"),
    N_("Critical"),
    N_("High"),
    N_("Open ≥ 7"),
)


class MajorEventsPanel(QWidget):
    """One row per open major event; double-click selects it. "Start from the selected incident" opens one."""

    def __init__(self, store: Store, commands: Commands, selection: Selection) -> None:
        super().__init__()
        self.setObjectName("major_events")
        self._store = store
        self._commands = commands
        self._selection = selection
        self._dirty = True
        self.table = QTreeWidget()
        self.table.setHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setRootIsDecorated(False)
        self.table.setColumnWidth(0, 280)
        self.table.itemDoubleClicked.connect(
            lambda item, _col: selection.select(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.start = QPushButton(tr("Start a major event from the selected incident"))
        self.start.clicked.connect(self._start_from_selection)
        self.hint = QLabel(tr("Group incidents under it from their detail (Major event ▸ Group)."))
        self.hint.setStyleSheet("color: #9e9e9e;")
        self.hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        store.incident_changed.connect(self._mark_dirty)
        store.reset_done.connect(self._mark_dirty)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._refresh_if_dirty)
        self._timer.start(1000)

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        incidents = list(self._store.incidents.values())
        self.table.clear()
        for event in sorted((i for i in incidents if i.major_event and i.is_open), key=lambda i: i.created_at):
            s = summarise(event, incidents)
            item = QTreeWidgetItem(
                [
                    f"★ {event.number} {event.type_text}",
                    str(s.total),
                    str(s.by_status.get("new", 0)),
                    str(s.by_status.get("active", 0)),
                    str(s.by_status.get("closed", 0)),
                    str(s.by_band.get("CRITICAL", 0)),
                    str(s.by_band.get("HIGH", 0)),
                    str(s.open_high),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            self.table.addTopLevelItem(item)

    def _start_from_selection(self) -> None:
        incident = self._store.incidents.get(self._selection.incident_id)
        if incident is None or incident.major_event:
            return
        location: dict[str, Any] = {"lat": incident.location.lat, "lon": incident.location.lon}
        if incident.location.address_text:
            location["address_text"] = incident.location.address_text
        self._commands.create_incident(
            {
                "type_code": "MAJOR",
                "type_text": tr("Major event: {type_text}", type_text=incident.type_text),
                "priority": incident.priority,
                "location": location,
                "note": tr("Opened from incident {number}.", number=incident.number),
                "agencies": list(incident.agencies),
            }
        )
