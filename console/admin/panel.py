"""The administration panel: the centre's units, cameras, sectors, incident types and accounts, each in a tab
with its list, a form (problems next to their field, as in the call form) and New, Save, Retire.

The lists come from the store (accounts from the backend: they are not events); changes go as commands and
come back as events, like everything else. A camera's stream can be tried before it is saved."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.admin.logic.forms import ACCOUNTS, CAMERAS, INCIDENT_TYPES, SECTORS, UNITS, Form, check
from console.backend.commands import Commands
from console.backend.queries import Queries
from console.i18n import tr
from console.state.notifier import Notifier
from console.state.store import Store
from dispatch_protocol.files import with_login

Row = tuple[str, dict[str, str], int | None]  # id, the form's texts, version


def unit_rows(store: Store) -> list[Row]:
    return [
        (u.id, {"callsign": u.callsign, "agency": u.agency, "type_common": u.type_common,
                "home_sector": u.home_sector or "", "tracker_uid": u.tracker_uid or ""}, u.version)
        for u in sorted(store.units.values(), key=lambda u: (u.agency, u.callsign))
    ]  # fmt: skip


def camera_rows(store: Store) -> list[Row]:
    return [
        (c.id, {"id": c.id, "name": c.name, "kind": c.kind,
                "lat": f"{c.location.lat:.6f}" if c.location else "",
                "lon": f"{c.location.lon:.6f}" if c.location else "",
                "main_url": c.main_url or "", "sub_url": c.sub_url or "", "archive_url": c.archive_url or "",
                "username": "", "password": ""}, c.version)
        for c in sorted(store.cameras.values(), key=lambda c: c.name)
    ]  # fmt: skip


def sector_rows(store: Store) -> list[Row]:
    return [(s.id, {"id": s.id, "name": s.name}, s.version)
            for s in sorted(store.sectors.values(), key=lambda s: s.name) if not s.retired]  # fmt: skip


def type_rows(store: Store) -> list[Row]:
    return [
        (t.code, {"code": t.code, "name_en": t.names.get("en", t.text), "name_fr": t.names.get("fr", ""),
                  "emsi_category": t.emsi_category or "", "eido_type": t.eido_type or "", "priority": str(t.priority),
                  "agencies": "; ".join(t.agencies)}, t.version)
        for t in sorted(store.incident_types.values(), key=lambda t: t.code) if not t.retired
    ]  # fmt: skip


class EntityTab(QWidget):
    """One kind of entity: its list, its form and its buttons."""

    saved = Signal(str)
    """A command was sent for this entity id."""

    def __init__(self, form: Form, rows: Callable[[], list[Row]], commands: Commands, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.form, self._rows, self._commands, self._columns = form, rows, commands, columns
        self.table = QTableWidget(0, len(columns))
        labels = {f.key: tr(f.label) for f in form.fields}
        self.table.setHorizontalHeaderLabels([labels[c] for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selected)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.problems: dict[str, QLabel] = {}
        layout = QFormLayout()
        for item in form.fields:
            widget: QLineEdit | QComboBox
            if item.kind == "choice":
                widget = QComboBox()
                for choice in item.choices:
                    widget.addItem(tr(choice), choice)
            else:
                widget = QLineEdit()
                if item.kind == "password":
                    widget.setEchoMode(QLineEdit.EchoMode.Password)
                    widget.setPlaceholderText(tr("unchanged when empty"))
            problem = QLabel("")
            problem.setStyleSheet("color: #e05a4f;")
            problem.setWordWrap(True)
            problem.hide()
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(problem)
            layout.addRow(tr(item.label), column)
            self.inputs[item.key], self.problems[item.key] = widget, problem
        self.new_button = QPushButton(tr("New"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.retire_button = QPushButton(tr("Retire"))
        self.retire_button.clicked.connect(self.retire)
        self.buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.retire_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.extra = QVBoxLayout()  # what a tab adds under its form (the stream test, the sector's drawing)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(layout)
        outer.addLayout(self.buttons)
        outer.addLayout(self.extra)
        self._version: int | None = None
        self._editing: str | None = None
        self.last_sent: asyncio.Future[Any] | None = None
        """The command last sent from this tab (done when the backend answered)."""
        self.extra_body: dict[str, Any] = {}
        self.refresh()

    def values(self) -> dict[str, str]:
        return {
            key: (widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()
            for key, widget in self.inputs.items()
        }

    def refresh(self) -> None:
        """The list again (the store changed); the form keeps what is being typed."""
        rows = self._rows()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, (entity_id, texts, _version) in enumerate(rows):
            for column, key in enumerate(self._columns):
                cell = QTableWidgetItem(texts.get(key, ""))
                cell.setData(Qt.ItemDataRole.UserRole, entity_id)
                self.table.setItem(index, column, cell)
        self.table.blockSignals(False)
        if self._editing is not None:
            current = next((r for r in rows if r[0] == self._editing), None)
            self._version = current[2] if current else self._version

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        entity_id = items[0].data(Qt.ItemDataRole.UserRole)
        row = next((r for r in self._rows() if r[0] == entity_id), None)
        if row is not None:
            self.show_entity(*row)

    def show_entity(self, entity_id: str, texts: dict[str, str], version: int | None) -> None:
        self._editing, self._version = entity_id, version
        for item in self.form.fields:
            widget = self.inputs[item.key]
            text = texts.get(item.key, "")
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(text)))
            else:
                widget.setText(text)
            widget.setEnabled(not item.identity)
        self._show_problems({})

    def new(self) -> None:
        self._editing, self._version = None, None
        self.table.clearSelection()
        for widget in self.inputs.values():
            widget.setEnabled(True)
            if isinstance(widget, QLineEdit):
                widget.clear()
            else:
                widget.setCurrentIndex(0)
        self._show_problems({})

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.problems.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)

    def save(self) -> bool:
        values = self.values()
        body, problems = check(self.form, {**values, **self.extra_body})
        self._show_problems(problems)
        if body is None:
            return False
        entity_id = self.form.entity_id(values)
        if self.form is ACCOUNTS:
            self.last_sent = self._commands.save_account(entity_id, body)
        else:
            self.last_sent = self._commands.save_reference(
                self.form.collection, entity_id, self.form.model, body, self._version
            )
        self._editing = entity_id
        self.saved.emit(entity_id)
        return True

    def retire(self) -> None:
        if self._editing is None:
            return
        if self.form is ACCOUNTS:
            body, _ = check(self.form, {**self.values(), "disabled": "yes", "password": ""})
            if body is not None:
                self.last_sent = self._commands.save_account(self._editing, body)
                self.saved.emit(self._editing)
            return
        self._commands.retire_reference(self.form.collection, self._editing, self._version)


class AdminPanel(QWidget):
    """Units, Cameras, Sectors, Incident types, Accounts."""

    draw_requested = Signal()
    """The operator wants to draw a sector on the map."""
    test_stream = Signal(str, str)
    """Try this address (with its login) as a stream: url, name."""

    def __init__(self, store: Store, commands: Commands, queries: Queries, notifier: Notifier) -> None:
        super().__init__()
        self.setObjectName("administration")
        self._store, self._queries, self._notifier = store, queries, notifier
        self._accounts: list[dict[str, Any]] = []
        self.units = EntityTab(UNITS, lambda: unit_rows(store), commands,
                               ("callsign", "agency", "type_common", "home_sector"))  # fmt: skip
        self.cameras = EntityTab(CAMERAS, lambda: camera_rows(store), commands, ("name", "kind", "main_url"))
        self.sectors = EntityTab(SECTORS, lambda: sector_rows(store), commands, ("id", "name"))
        self.types = EntityTab(INCIDENT_TYPES, lambda: type_rows(store), commands,
                               ("code", "name_en", "name_fr", "priority", "agencies"))  # fmt: skip
        self.accounts = EntityTab(ACCOUNTS, self._account_rows, commands, ("username", "role", "disabled"))
        self.accounts.retire_button.setText(tr("Disable"))
        self.accounts.saved.connect(self._account_sent)
        self.test_button = QPushButton(tr("Test stream"))
        self.test_button.setToolTip(tr("Play this address (with its login) before saving it"))
        self.test_button.clicked.connect(self._test)
        self.cameras.extra.addWidget(self.test_button)
        self.draw_button = QPushButton(tr("Draw on the map…"))
        self.draw_button.clicked.connect(self.draw_requested)
        self.import_button = QPushButton(tr("Import GeoJSON…"))
        self.import_button.clicked.connect(self._ask_geojson)
        self.sector_note = QLabel(tr("Draw the sector on the map (click the corners, double-click the last) or "
                                     "import a GeoJSON file, then name it and save."))  # fmt: skip
        self.sector_note.setWordWrap(True)
        self.sectors.extra.addWidget(self.sector_note)
        sector_tools = QHBoxLayout()
        sector_tools.addWidget(self.draw_button)
        sector_tools.addWidget(self.import_button)
        sector_tools.addStretch(1)
        self.sectors.extra.addLayout(sector_tools)
        self.tabs = QTabWidget()
        for tab, title in ((self.units, UNITS.title), (self.cameras, CAMERAS.title), (self.sectors, SECTORS.title),
                           (self.types, INCIDENT_TYPES.title), (self.accounts, ACCOUNTS.title)):  # fmt: skip
            self.tabs.addTab(tab, tr(title))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # Positions change units many times a second: the lists are redrawn at most once a second, and only
        # while the panel is seen.
        self._dirty: set[EntityTab] = set()
        store.unit_changed.connect(lambda *_: self._dirty.add(self.units))
        store.camera_changed.connect(lambda *_: self._dirty.add(self.cameras))
        store.reference_changed.connect(self._reference_changed)
        store.reset_done.connect(lambda: self._dirty.update((self.units, self.cameras, self.sectors, self.types)))
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._refresh_dirty)
        self._clock.start(1000)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.accounts:
            self.load_accounts()

    def refresh(self) -> None:
        for tab in (self.units, self.cameras, self.sectors, self.types):
            tab.refresh()
        self._dirty.clear()

    def _refresh_dirty(self) -> None:
        if self._dirty and self.isVisible():
            for tab in list(self._dirty):
                tab.refresh()
            self._dirty.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_dirty()

    def _reference_changed(self, kind: str) -> None:
        if kind in ("sector", "incident_type"):
            self._dirty.add(self.sectors if kind == "sector" else self.types)

    def _account_rows(self) -> list[Row]:
        return [
            (a["username"], {"username": a["username"], "role": a["role"], "password": "",
                             "disabled": "yes" if a["disabled"] else "no"}, None)
            for a in self._accounts
        ]  # fmt: skip

    def _account_sent(self, _username: str) -> None:
        """Accounts are not events: the list is read again once the backend has answered."""
        sent = self.accounts.last_sent
        if sent is not None:
            sent.add_done_callback(lambda _done: self.load_accounts())

    def load_accounts(self) -> None:
        def loaded(accounts: list[dict[str, Any]]) -> None:
            self._accounts = accounts
            self.accounts.refresh()

        self._queries.accounts(loaded)

    def _test(self) -> None:
        values = self.cameras.values()
        url = values["main_url"].strip()
        if not url:
            self.cameras._show_problems({"main_url": tr("an address to test")})
            return
        if values["username"].strip():
            url = with_login(url, values["username"].strip(), values["password"])
        self.test_stream.emit(url, values["name"].strip() or url)

    def area_drawn(self, ring: list[list[float]]) -> None:
        """A sector drawn on the map ([lat, lon] corners): its polygon, for the form to name and save."""
        coordinates = [[lon, lat] for lat, lon in ring]
        coordinates.append(coordinates[0])
        polygon = {"type": "Polygon", "coordinates": [coordinates]}  # i18n: not shown (GeoJSON's word)
        self.sectors.extra_body = {"geometry": polygon}
        self.sector_note.setText(tr("A sector of {count} corners is drawn: name it and save.", count=len(ring)))
        self.tabs.setCurrentWidget(self.sectors)

    def _ask_geojson(self) -> None:
        chooser = QFileDialog(self, tr("Import sectors"), "", tr("GeoJSON (*.geojson *.json)"))
        chooser.fileSelected.connect(self.import_geojson)
        chooser.open()

    def import_geojson(self, path: str) -> None:
        """Each Polygon of the file as a sector (named by its `name` property), sent one by one."""
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            self._notifier.error(tr("Could not read {path}: {exc}", path=path, exc=exc))
            return
        sent = 0
        for feature in document.get("features", []) if isinstance(document, dict) else []:
            properties = feature.get("properties") or {}
            name = str(properties.get("name") or "")
            sector_id = str(properties.get("id") or "-".join(name.lower().split()))
            self.sectors.extra_body = {"geometry": feature.get("geometry")}
            self.sectors.new()
            self.sectors.inputs["id"].setText(sector_id)  # type: ignore[union-attr]
            self.sectors.inputs["name"].setText(name)  # type: ignore[union-attr]
            sent += self.sectors.save()
        self._notifier.info(tr("{count} sectors sent from {path}", count=sent, path=Path(path).name))
