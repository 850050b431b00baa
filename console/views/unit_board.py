"""The unit board: units grouped by activity status with counts; stale positions flagged."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.model import Unit
from console.domain.timefmt import format_age
from console.i18n import N_, tr
from console.operations.timeline import AGENCY_WORDS, UNIT_TYPE_WORDS
from console.state.store import Store

STATUS_ORDER = (  # i18n: not shown (statuses on the wire; STATUS_TEXT shows them)
    N_("Available"),
    N_("Dispatched"),
    "EnRoute",
    "OnScene",
    N_("Transporting"),
    N_("Cleared"),
    "OutofService",
)
STATUS_TEXT = {
    "Available": N_("Available"),
    "Dispatched": N_("Dispatched"),
    "EnRoute": N_("En route"),
    "OnScene": N_("On scene"),
    "Transporting": N_("Transporting"),
    "Cleared": N_("Cleared"),
    "OutofService": N_("Out of service"),
}
AGENCIES = ("police", "gendarmerie", "fire", "ems")
COLUMNS = (N_("Callsign"), N_("Agency"), N_("Type"), N_("Incident"), N_("Position"))
POSITION_SOURCES = {"cot": N_("TAK"), "avl": N_("AVL"), "demo": N_("demo")}
"""Where a position came from: a TAK client (Cursor on Target), a vehicle's AVL box, the demo's simulation."""


def position_text(unit: Unit, now: datetime) -> tuple[str, bool]:
    """Where the last position came from and its age, and whether it is stale."""
    if unit.position is None:
        return tr("no position"), True
    age = format_age((now - unit.position.observed_at).total_seconds())
    source = unit.position.source
    by = f"{tr(POSITION_SOURCES.get(source, source))} · " if source else ""
    if unit.position.is_stale(now):
        return by + tr("⚠ STALE ({age} old)", age=age), True
    return by + tr("{age} ago", age=age), False


class UnitBoard(QWidget):
    """Redrawn at most twice a second, however many position reports arrive."""

    def __init__(self, store: Store, commands: Commands) -> None:
        super().__init__()
        self.setObjectName("unit_board")
        self._store = store
        self._commands = commands
        self._dirty = True
        self.agency_filter = QComboBox()
        self.agency_filter.addItem(tr("All agencies"), None)
        for agency in AGENCIES:
            self.agency_filter.addItem(tr(AGENCY_WORDS[agency]), agency)
        self.agency_filter.currentIndexChanged.connect(self._mark_dirty)
        self.sector_filter = QComboBox()
        self.sector_filter.addItem(tr("All sectors"), None)
        self.sector_filter.currentIndexChanged.connect(self._mark_dirty)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([tr(c) for c in COLUMNS])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        for col, width in enumerate((110, 100, 120, 110)):
            self.tree.setColumnWidth(col, width)
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._collapsed: set[str] = set()
        self.tree.itemCollapsed.connect(lambda item: self._collapsed.add(item.data(0, Qt.ItemDataRole.UserRole)))
        self.tree.itemExpanded.connect(lambda item: self._collapsed.discard(item.data(0, Qt.ItemDataRole.UserRole)))
        top = QHBoxLayout()
        top.addWidget(self.agency_filter)
        top.addWidget(self.sector_filter)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        store.reset_done.connect(self._mark_dirty)
        store.unit_changed.connect(self._mark_dirty)
        store.incident_changed.connect(self._mark_dirty)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._refresh_if_needed)
        self._timer.start(500)
        self._seconds = 0

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def _refresh_if_needed(self) -> None:
        self._seconds += 1
        if self._dirty or self._seconds % 2 == 0:  # ages and staleness move with the clock too
            self.refresh()

    def group_counts(self) -> dict[str, int]:
        """Units per status, as shown (after the agency filter)."""
        counts = {status: 0 for status in STATUS_ORDER}
        for unit in self._visible_units():
            counts[unit.secondary_status] = counts.get(unit.secondary_status, 0) + 1
        return counts

    def _visible_units(self) -> list[Unit]:
        agency = self.agency_filter.currentData()
        sector = self.sector_filter.currentData()
        return [
            u
            for u in self._store.units.values()
            if (agency is None or u.agency == agency)
            and (sector is None or (u.position is not None and u.position.sector == sector))
        ]

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        unit = self._store.units.get(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None
        if unit is None:
            return
        menu = QMenu(self)
        for status in ("EnRoute", "OnScene", tr("Cleared"), tr("Available"), "OutofService"):
            action = menu.addAction(f"{unit.callsign}: {tr(STATUS_TEXT[status]).lower()}")
            action.setEnabled(status != unit.secondary_status)
            action.triggered.connect(lambda _=False, s=status: self._commands.set_unit_status(unit, s))
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def text_of(self, unit_id: str) -> str:
        """The position column of a unit's row as shown ("" when it is not shown)."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount() if group is not None else 0):
                child = group.child(i) if group is not None else None
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == unit_id:
                    return child.text(4)
        return ""

    def refresh(self) -> None:
        self._dirty = False
        now = self._store.now()
        for unit in self._store.units.values():
            sector = unit.position.sector if unit.position else None
            if sector and self.sector_filter.findData(sector) < 0:
                self.sector_filter.addItem(sector, sector)
        units = sorted(self._visible_units(), key=lambda u: (u.agency, u.callsign))
        by_status: dict[str, list[Unit]] = {}
        for unit in units:
            by_status.setdefault(unit.secondary_status, []).append(unit)
        stale_total = unplaced = 0
        self.tree.setUpdatesEnabled(False)
        try:
            for status in [*STATUS_ORDER, *sorted(set(by_status) - set(STATUS_ORDER))]:
                members = by_status.get(status, [])
                group = self._group(status)
                group.setText(0, f"{tr(STATUS_TEXT.get(status, status))} ({len(members)})")
                group.setHidden(not members)
                while group.childCount() > len(members):
                    group.takeChild(group.childCount() - 1)
                while group.childCount() < len(members):
                    group.addChild(QTreeWidgetItem())
                for i, unit in enumerate(members):
                    child = group.child(i)
                    assert child is not None
                    stale_total += self._fill(child, unit, now) and unit.position is not None
                    unplaced += unit.position is None
        finally:
            self.tree.setUpdatesEnabled(True)
        parts = [tr("{count} units", count=len(units))]
        if stale_total:
            parts.append(tr("{stale_total} stale", stale_total=stale_total))
        if unplaced:  # a new fleet's units, before their trackers first report
            parts.append(tr("{unplaced} without a position yet", unplaced=unplaced))
        self.summary.setText(" · ".join(parts))

    def _group(self, status: str) -> QTreeWidgetItem:
        if status not in self._groups:
            item = QTreeWidgetItem([status])
            item.setData(0, Qt.ItemDataRole.UserRole, status)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            item.setExpanded(status not in self._collapsed)
            self._groups[status] = item
        return self._groups[status]

    def _fill(self, item: QTreeWidgetItem, unit: Unit, now: datetime) -> int:
        incident = self._store.incidents.get(unit.incident_id or "")
        position, stale = position_text(unit, now)
        for col, text in enumerate(
            (
                unit.callsign,
                tr(AGENCY_WORDS.get(unit.agency, unit.agency)),
                tr(UNIT_TYPE_WORDS.get(unit.type_common, unit.type_common)),
                incident.number if incident else "",
                position,
            )
        ):
            item.setText(col, text)
        item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
        if stale:
            app = QApplication.instance()
            amber = app.property("warning_colour") if app is not None else None
            item.setForeground(4, QBrush(QColor(str(amber or "#ffb300"))))
        else:
            item.setForeground(4, self.tree.palette().brush(QPalette.ColorRole.PlaceholderText))
        return int(stale)
