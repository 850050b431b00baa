"""The incident queue: a live table over the store, sortable and filterable, keyboard first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.model import Incident
from console.domain.priority import priority_band, priority_label
from console.domain.timefmt import format_age
from console.i18n import N_, tr
from console.operations.incident_filter import OPEN, IncidentFilter
from console.operations.timeline import INCIDENT_STATUS_WORDS
from console.state.high_priority import HighPriorityAlerts
from console.state.selection import Selection
from console.state.store import Store

COLUMNS = (N_("Number"), N_("Priority"), N_("Type"), N_("Status"), N_("Sector"), N_("Address"), N_("Age"), N_("Units"))
COL_PRIORITY, COL_AGE, COL_UNITS = 1, 6, 7
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_COMMON_TEXT = {  # EIDO common registry → words
    "ResourcesRequested": N_("awaiting units"),
    "ResourcesAssigned": N_("units assigned"),
    "ResourcesEnroute": N_("en route"),
    "ResourcesOnscene": N_("on scene"),
}
_FLASH = QColor("#c62828")
_Index = QModelIndex | QPersistentModelIndex


class IncidentTableModel(QAbstractTableModel):
    """One row per incident, in arrival order; the age column ticks, alerted rows flash."""

    def __init__(self, store: Store, alerts: HighPriorityAlerts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._alerts = alerts
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._flash_on = False
        store.reset_done.connect(self._reload)
        store.incident_changed.connect(self._on_incident)
        store.unit_changed.connect(self._on_unit)
        alerts.changed.connect(self._repaint_all)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(500)
        self._reload()

    def incident_at(self, row: int) -> Incident:
        return self._store.incidents[self._ids[row]]

    def unit_callsigns(self, incident: Incident) -> tuple[str, ...]:
        units = self._store.units
        return tuple(units[u].callsign if u in units else u for u in incident.assigned_units)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        incident = self.incident_at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(incident, col)
        if role == SORT_ROLE:
            if col == COL_PRIORITY:
                return incident.priority
            if col == COL_AGE:
                return -incident.created_at.timestamp()
            return self._text(incident, col)
        if role == ID_ROLE:
            return incident.id
        flashing = self._flash_on and incident.id in self._alerts.pending
        if role == Qt.ItemDataRole.BackgroundRole:
            if flashing:
                return QBrush(_FLASH)
            if col == COL_PRIORITY:
                return QBrush(QColor(priority_band(incident.priority).colour))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_PRIORITY or flashing:
                return QBrush(QColor("white"))
            return None if incident.is_open else QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and incident.priority >= 7 and incident.is_open:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return incident.location.address_text
        return None

    def _text(self, incident: Incident, col: int) -> str:
        if col == 0:
            return incident.number
        if col == 1:
            return priority_label(incident.priority)
        if col == 2:
            exercise = tr("EXERCISE · ") if incident.exercise else ""
            partner = f" ⇄ {incident.origin.agency}" if incident.origin is not None else ""
            return exercise + ("★ " if incident.major_event else "") + incident.type_text + partner
        if col == 3:
            common = tr(STATUS_COMMON_TEXT.get(incident.status_common, incident.status_common))
            status = tr(INCIDENT_STATUS_WORDS.get(incident.status, incident.status))
            return f"{status} · {common}" if incident.is_open and common else status
        if col == 4:
            return incident.location.sector or ""
        if col == 5:
            return incident.location.address_text or f"{incident.location.lat:.5f}, {incident.location.lon:.5f}"
        if col == 6:
            return format_age((self._store.now() - incident.created_at).total_seconds())
        return ", ".join(self.unit_callsigns(incident))

    def row_of(self, incident_id: str) -> int | None:
        return self._rows.get(incident_id)

    def _reload(self) -> None:
        self.beginResetModel()
        self._ids = sorted(self._store.incidents, key=lambda i: self._store.incidents[i].created_at)
        self._rows = {incident_id: row for row, incident_id in enumerate(self._ids)}
        self.endResetModel()

    def _on_incident(self, incident_id: str, _created: bool) -> None:
        row = self._rows.get(incident_id)
        if row is None:
            row = len(self._ids)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.append(incident_id)
            self._rows[incident_id] = row
            self.endInsertRows()
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _on_unit(self, unit_id: str, created: bool) -> None:
        unit = self._store.units.get(unit_id)
        if created and unit and unit.incident_id in self._rows:
            row = self._rows[unit.incident_id]
            self.dataChanged.emit(self.index(row, COL_UNITS), self.index(row, COL_UNITS))

    def _repaint_all(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def _tick(self) -> None:
        self._flash_on = not self._flash_on
        if self._alerts.pending:
            self._repaint_all()
        elif self._ids and self._flash_on:
            self.dataChanged.emit(self.index(0, COL_AGE), self.index(len(self._ids) - 1, COL_AGE))


class IncidentFilterProxy(QSortFilterProxyModel):
    """Applies an IncidentFilter (pure logic) to the table."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = IncidentFilter()
        self.setSortRole(SORT_ROLE)

    def set_spec(self, spec: IncidentFilter) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.spec = spec
            self.endFilterChange()
        else:
            self.spec = spec
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, IncidentTableModel)
        incident = model.incident_at(source_row)
        return self.spec.matches(incident, model.unit_callsigns(incident))


class _QueueTable(QTableView):
    """Enter opens the current incident."""

    enter_pressed = Signal()
    """Enter or Return on the table."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(7)  # the queue stays narrow however long the words are in French
    for text, data in items:
        box.addItem(text, data)
    return box


class IncidentQueue(QWidget):
    """The queue panel: filters, table; right-click or shortcuts for commands."""

    incident_opened = Signal(str)
    """The operator opened an incident (Enter, double-click): its id."""

    def __init__(self, store: Store, commands: Commands, selection: Selection, alerts: HighPriorityAlerts) -> None:
        super().__init__()
        self.setObjectName("incident_queue")
        self._store = store
        self._commands = commands
        self._selection = selection
        self._alerts = alerts
        self.model = IncidentTableModel(store, alerts, self)
        self.proxy = IncidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText=tr("Search number, type, address, unit…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.priority_filter = _combo(
            [(tr("Any priority"), None), ("≥ 3", 3), ("≥ 5", 5), (tr("≥ 7 high"), 7), (tr("≥ 9 critical"), 9)]
        )
        self.status_filter = _combo(
            [
                (tr("Open"), OPEN),
                (tr("New"), "new"),
                (tr("Active"), "active"),
                (tr("Closed"), "closed"),
                (tr("Cancelled"), "cancelled"),
                (tr("All statuses"), None),
            ]
        )
        self.sector_filter = _combo([(tr("All sectors"), None)])
        self.type_filter = _combo([(tr("All types"), None)])
        self.agency_filter = _combo(
            [
                (tr("All agencies"), None),
                (tr("Police"), "police"),
                (tr("Gendarmerie"), "gendarmerie"),
                (tr("Fire"), "fire"),
                ("EMS", "ems"),
            ]
        )
        self.search.textChanged.connect(self._apply_filter)
        for box in (self.priority_filter, self.status_filter, self.sector_filter, self.type_filter, self.agency_filter):
            box.currentIndexChanged.connect(self._apply_filter)
        self.table = _QueueTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_PRIORITY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((104, 122, 230, 170, 96, 250, 64)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.enter_pressed.connect(self._open_current)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        selection.incident_selected.connect(self.show_incident)
        store.reset_done.connect(self._refresh_choices)
        store.incident_changed.connect(self._on_incident_for_choices)
        self._refresh_choices()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for box in (self.priority_filter, self.status_filter, self.sector_filter, self.type_filter, self.agency_filter):
            filters.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def current_spec(self) -> IncidentFilter:
        return IncidentFilter(
            min_priority=self.priority_filter.currentData(),
            status=self.status_filter.currentData(),
            sector=self.sector_filter.currentData(),
            type_code=self.type_filter.currentData(),
            agency=self.agency_filter.currentData(),
            text=self.search.text().strip(),
        )

    def _apply_filter(self) -> None:
        self.proxy.set_spec(self.current_spec())

    def _refresh_choices(self) -> None:
        for incident_id in self._store.incidents:
            self._on_incident_for_choices(incident_id, True)

    def _on_incident_for_choices(self, incident_id: str, _created: bool) -> None:
        incident = self._store.incidents.get(incident_id)
        if incident is None:
            return
        sector = incident.location.sector
        if sector and self.sector_filter.findData(sector) < 0:
            self.sector_filter.addItem(sector, sector)
        if self.type_filter.findData(incident.type_code) < 0:
            self.type_filter.addItem(incident.type_text, incident.type_code)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selection.select(self.proxy.data(current, ID_ROLE))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            incident_id = self.proxy.data(index, ID_ROLE)
            self._alerts.acknowledge(incident_id)
            self.incident_opened.emit(incident_id)

    def step(self, offset: int) -> None:
        """Select the next (`offset` 1) or previous (-1) incident in the queue's order, as shown."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex()
        row = 0 if not current.isValid() else min(max(current.row() + offset, 0), rows - 1)
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def show_incident(self, incident_id: str) -> None:
        """Select the incident's row (when it was selected elsewhere: alert, map)."""
        row = self.model.row_of(incident_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and self.table.currentIndex().row() != index.row():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        incident = self._store.incidents[self.proxy.data(index, ID_ROLE)]
        menu = QMenu(self)
        priority_menu = menu.addMenu(tr("Set priority"))
        for value in range(10, -1, -1):
            action = QAction(priority_label(value), priority_menu)
            action.setEnabled(value != incident.priority)
            action.triggered.connect(lambda _=False, v=value: self._commands.set_priority(incident, v))
            priority_menu.addAction(action)
        close = menu.addAction(tr("Close incident {number}", number=incident.number))
        close.setEnabled(incident.is_open)
        close.triggered.connect(lambda: self._commands.close_incident(incident))
        menu.popup(self.table.viewport().mapToGlobal(pos))
