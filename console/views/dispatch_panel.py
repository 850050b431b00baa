"""Dispatch: for the selected incident, the available units ranked by estimated arrival; its units' status."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.model import Incident, Unit
from console.i18n import tr
from console.i18n.formats import number
from console.operations.ranking import Candidate, rank_units
from console.operations.timeline import AGENCY_WORDS, UNIT_STATUS_WORDS, UNIT_TYPE_WORDS
from console.state.selection import Selection
from console.state.store import Store

OPERATOR_STATUSES = ("EnRoute", "OnScene", "Cleared", "OutofService")  # i18n: not shown (wire statuses)
INCIDENT_AGENCIES = "incident"


def eta_text(seconds: float) -> str:
    return tr("< 1 min") if seconds < 60 else tr("{seconds:.0f} min", seconds=seconds / 60)


class DispatchPanel(QWidget):
    """Send (Enter or double-click on a candidate), take off, and move assigned units through their statuses."""

    def __init__(self, store: Store, commands: Commands, selection: Selection) -> None:
        super().__init__()
        self.setObjectName("dispatch_panel")
        self._store = store
        self._commands = commands
        self._incident_id = ""
        self._dirty = True
        self.heading = QLabel(tr("Select an incident to dispatch"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self.agency_filter = QComboBox()
        self.agency_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency_filter.setMinimumContentsLength(8)
        self.agency_filter.addItem(tr("Agencies of the incident"), INCIDENT_AGENCIES)
        self.agency_filter.addItem(tr("All agencies"), None)
        for agency in ("police", "gendarmerie", "fire", "ems"):
            self.agency_filter.addItem(tr(AGENCY_WORDS[agency]), agency)
        self.agency_filter.currentIndexChanged.connect(self.refresh)
        self.candidates = QTreeWidget()
        self.candidates.setHeaderLabels([tr("Callsign"), tr("Agency"), tr("Type"), tr("Distance"), tr("ETA")])
        self.candidates.setRootIsDecorated(False)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.itemActivated.connect(lambda _item, _col: self.send_selected())
        self.note = QLabel(tr("Straight-line estimate at typical urban speeds; stale positions are listed last."))
        self.note.setStyleSheet("color: #9e9e9e;")
        self.note.setWordWrap(True)
        self.send = QPushButton(tr("Send selected unit (Enter)"))
        self.send.clicked.connect(self.send_selected)
        self.assigned = QTreeWidget()
        self.assigned.setHeaderLabels([tr("Assigned"), tr("Status")])
        self.assigned.setRootIsDecorated(False)
        buttons = QGridLayout()  # three a row: the words are longer in French than the column is wide
        self.status_buttons: dict[str, QPushButton] = {}
        for position, status in enumerate(OPERATOR_STATUSES):
            button = QPushButton(tr(UNIT_STATUS_WORDS[status]).capitalize())
            button.clicked.connect(lambda _=False, s=status: self._set_status(s))
            buttons.addWidget(button, position // 3, position % 3)
            self.status_buttons[status] = button
        self.take_off = QPushButton(tr("Take off incident"))
        self.take_off.clicked.connect(self._unassign)
        row, column = divmod(len(OPERATOR_STATUSES), 3)
        buttons.addWidget(self.take_off, row, column, 1, 3 - column)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.agency_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.candidates, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.send)
        layout.addWidget(self.assigned, 1)
        layout.addLayout(buttons)
        selection.incident_selected.connect(self.show_incident)
        for signal in (store.unit_changed, store.incident_changed):
            signal.connect(self._mark_dirty)
        store.reset_done.connect(self._mark_dirty)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._refresh_if_dirty)
        self._timer.start(500)

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    def show_incident(self, incident_id: str) -> None:
        self._incident_id = incident_id
        self.refresh()

    def incident(self) -> Incident | None:
        return self._store.incidents.get(self._incident_id)

    def ranked(self) -> list[Candidate]:
        incident = self.incident()
        if incident is None or not incident.is_open:
            return []
        wanted = self.agency_filter.currentData()
        agencies = set(incident.agencies) if wanted == INCIDENT_AGENCIES else ({wanted} if wanted else None)
        return rank_units(incident, list(self._store.units.values()), self._store.now(), agencies)

    def refresh(self) -> None:
        self._dirty = False
        incident = self.incident()
        if incident is None:
            self.heading.setText(tr("Select an incident to dispatch"))
            self.candidates.clear()
            self.assigned.clear()
            return
        self.heading.setText(
            tr("Dispatch to {number} · {type_text}", number=incident.number, type_text=incident.type_text)
        )
        selected = self.candidates.currentItem()
        keep = selected.data(0, Qt.ItemDataRole.UserRole) if selected else None
        self.candidates.clear()
        for candidate in self.ranked()[:25]:
            unit = candidate.unit
            item = QTreeWidgetItem(
                [
                    unit.callsign,
                    tr(AGENCY_WORDS.get(unit.agency, unit.agency)),
                    tr(UNIT_TYPE_WORDS.get(unit.type_common, unit.type_common)),
                    tr("{distance} km", distance=number(candidate.distance_m / 1000, 1)),
                    eta_text(candidate.eta_s) + (tr(" ⚠ stale") if candidate.stale else ""),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
            self.candidates.addTopLevelItem(item)
            if unit.id == keep:
                self.candidates.setCurrentItem(item)
        first = self.candidates.topLevelItem(0)
        if self.candidates.currentItem() is None and first is not None:
            self.candidates.setCurrentItem(first)
        assigned_keep = self.assigned.currentItem()
        assigned_id = assigned_keep.data(0, Qt.ItemDataRole.UserRole) if assigned_keep else None
        self.assigned.clear()
        for unit_id in incident.assigned_units:
            member = self._store.units.get(unit_id)
            if member is None:
                continue
            status = tr(UNIT_STATUS_WORDS.get(member.secondary_status, member.secondary_status))
            row = QTreeWidgetItem([member.callsign, status])
            row.setData(0, Qt.ItemDataRole.UserRole, member.id)
            self.assigned.addTopLevelItem(row)
            if member.id == assigned_id:
                self.assigned.setCurrentItem(row)
        first_assigned = self.assigned.topLevelItem(0)
        if self.assigned.currentItem() is None and first_assigned is not None:
            self.assigned.setCurrentItem(first_assigned)

    def send_selected(self) -> None:
        incident, item = self.incident(), self.candidates.currentItem()
        if incident is None or item is None:
            return
        unit = self._store.units.get(item.data(0, Qt.ItemDataRole.UserRole))
        if unit is not None:
            self._commands.assign(incident, unit)

    def _assigned_unit(self) -> Unit | None:
        item = self.assigned.currentItem()
        return self._store.units.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def _set_status(self, status: str) -> None:
        unit = self._assigned_unit()
        if unit is not None:
            self._commands.set_unit_status(unit, status)

    def _unassign(self) -> None:
        incident, unit = self.incident(), self._assigned_unit()
        if incident is not None and unit is not None:
            self._commands.unassign(incident, unit)

    def focus_candidates(self) -> None:
        self.candidates.setFocus()
