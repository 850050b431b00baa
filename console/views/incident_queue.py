"""The incident queue: a live table over the store, sortable and filterable."""

from __future__ import annotations

import time
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
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from console.store import Store

COLUMNS = ("Number", "Priority", "Type", "Status", "Sector", "Address", "Age", "Units")
COL_PRIORITY, COL_AGE = 1, 6
STATUS_COMMON_TEXT = {  # EIDO common registry → words
    "ResourcesRequested": "awaiting units",
    "ResourcesAssigned": "units assigned",
    "ResourcesEnroute": "en route",
    "ResourcesOnscene": "on scene",
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class IncidentTableModel(QAbstractTableModel):
    """One row per incident, in arrival order; the age column ticks every second."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        store.reset_done.connect(self._reload)
        store.incident_changed.connect(self._on_incident)
        store.unit_changed.connect(self._on_unit)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(1000)
        self._reload()

    def incident_at(self, row: int) -> Incident:
        return self._store.incidents[self._ids[row]]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
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
        if col == COL_PRIORITY and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(priority_band(incident.priority).colour))
        if col == COL_PRIORITY and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("white"))
        if role == Qt.ItemDataRole.FontRole and incident.priority >= 7 and incident.is_open:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not incident.is_open:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return incident.location.address_text
        return None

    def _text(self, incident: Incident, col: int) -> str:
        if col == 0:
            return incident.number
        if col == 1:
            return priority_label(incident.priority)
        if col == 2:
            return incident.type_text
        if col == 3:
            common = STATUS_COMMON_TEXT.get(incident.status_common, incident.status_common)
            return f"{incident.status} · {common}" if incident.is_open and common else incident.status
        if col == 4:
            return incident.location.sector or ""
        if col == 5:
            return incident.location.address_text or f"{incident.location.lat:.5f}, {incident.location.lon:.5f}"
        if col == 6:
            return format_age(time.time() - incident.created_at.timestamp())
        units = self._store.units
        return ", ".join(units[u].callsign if u in units else u for u in incident.assigned_units)

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
            self.dataChanged.emit(self.index(row, 7), self.index(row, 7))

    def _tick(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_AGE), self.index(len(self._ids) - 1, COL_AGE))


class IncidentFilter(QSortFilterProxyModel):
    """Text search over every column; closed incidents hidden unless asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_closed = False
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_show_closed(self, show: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.show_closed = show
            self.endFilterChange()
        else:
            self.show_closed = show
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, IncidentTableModel)
        if not self.show_closed and not model.incident_at(source_row).is_open:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class IncidentQueue(QWidget):
    """The queue panel: search box, closed toggle, table; right-click for commands."""

    incident_selected = Signal(str)
    """The operator selected an incident: its id."""

    def __init__(self, store: Store, commands: Commands) -> None:
        super().__init__()
        self.setObjectName("incident_queue")
        self._store = store
        self._commands = commands
        self.model = IncidentTableModel(store, self)
        self.proxy = IncidentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText="Search number, type, address, unit…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.closed_toggle = QCheckBox("Show closed")
        self.closed_toggle.toggled.connect(self.proxy.set_show_closed)
        self.table = QTableView()
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
        for col, width in enumerate((104, 122, 230, 180, 96, 250, 70)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.closed_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.incident_selected.emit(self.proxy.data(current, ID_ROLE))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        incident = self._store.incidents[self.proxy.data(index, ID_ROLE)]
        menu = QMenu(self)
        priority_menu = menu.addMenu("Set priority")
        for value in range(10, -1, -1):
            action = QAction(priority_label(value), priority_menu)
            action.setEnabled(value != incident.priority)
            action.triggered.connect(lambda _=False, v=value: self._commands.set_priority(incident, v))
            priority_menu.addAction(action)
        close = menu.addAction(f"Close incident {incident.number}")
        close.setEnabled(incident.is_open)
        close.triggered.connect(lambda: self._commands.close_incident(incident))
        menu.popup(self.table.viewport().mapToGlobal(pos))
