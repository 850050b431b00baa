"""Create an incident from a call: type (searchable), suggested priority, location, caller, first note."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.domain.model import Incident, MalformedData, parse
from console.i18n import tr
from console.operations.caller_invite import DEFAULT_MINUTES, invite_body
from console.operations.new_incident import CallForm, call_note, candidate_text, check_call, where_to_look
from console.state.store import Store


class CreateIncidentDialog(QDialog):
    """Non-modal (opened with open()); stays open with its messages until the form is right."""

    def __init__(
        self,
        commands: Commands,
        parent: QWidget | None = None,
        queries: Queries | None = None,
        store: Store | None = None,
        open_incident: Callable[[str], None] = lambda _id: None,
    ) -> None:
        """`queries`, `store`: for the open incidents this call may be about (offered while the form is filled);
        `open_incident`: shows the one the call was added to."""
        super().__init__(parent)
        self.setWindowTitle(tr("New incident from a call"))
        self.setMinimumWidth(560)
        self._commands = commands
        self._queries, self._store, self._open_incident = queries, store, open_incident
        self._types: dict[str, dict[str, Any]] = {}
        self.type_box = QComboBox()
        self.type_box.setEditable(True)
        self.type_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.type_box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.type_box.currentIndexChanged.connect(self._suggest_priority)
        self.priority = QSpinBox(minimum=0, maximum=10, value=5)
        self.address = QLineEdit(placeholderText=tr("Street address"))
        self.lat = QLineEdit(placeholderText=tr("Latitude, e.g. 45.7512"))
        self.lon = QLineEdit(placeholderText=tr("Longitude, e.g. 4.8421"))
        self.caller_name = QLineEdit()
        self.caller_phone = QLineEdit(placeholderText=tr("Callback number"))
        self.ask_pictures = QCheckBox(tr("Send the caller a link for photos, videos and live video (SMS)"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("What the caller says"))
        self.note.setMaximumHeight(90)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        where = QHBoxLayout()
        where.addWidget(self.lat)
        where.addWidget(self.lon)
        for key, label, widget in (
            ("type_code", tr("Type"), self.type_box),
            ("priority", tr("Priority"), self.priority),
            (None, tr("Address"), self.address),
            ("location", tr("Position"), where),
            (None, tr("Caller"), self.caller_name),
            ("caller_phone", tr("Callback number"), self.caller_phone),
            (None, "", self.ask_pictures),
            (None, tr("First note"), self.note),
        ):
            form.addRow(label, widget)
            if key:
                error = QLabel()
                error.setTextFormat(Qt.TextFormat.PlainText)
                error.setStyleSheet("color: #ff8a80;")
                error.hide()
                form.addRow("", error)
                self.errors[key] = error
        self.same_label = QLabel(tr("Maybe the same incident (Ctrl+Enter adds this call to the one selected):"))
        self.same_label.setStyleSheet("color: #ffb300; font-weight: bold;")
        self.same = QListWidget()
        self.same.setMaximumHeight(110)
        self.same.itemDoubleClicked.connect(lambda _item: self.add_to_same())
        self.add_same = QPushButton(tr("Add the call to the selected incident"))
        self.add_same.clicked.connect(self.add_to_same)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_to_same)
        self._look = QTimer(self)
        self._look.setSingleShot(True)
        self._look.setInterval(250)  # while the operator types: one question per pause
        self._look.timeout.connect(self._look_for_same)
        for edited in (self.lat.textChanged, self.lon.textChanged, self.type_box.currentIndexChanged):
            edited.connect(lambda *_: self._look.start())
        self._show_same([])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(tr("Create"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.same_label)
        layout.addWidget(self.same)
        layout.addWidget(self.add_same, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)

    def set_incident_types(self, types: list[dict[str, Any]]) -> None:
        self._types = {t["code"]: t for t in types}
        self.type_box.clear()
        self.type_box.addItem("", "")
        for t in sorted(types, key=lambda t: t["text"]):
            self.type_box.addItem(f"{t['text']} ({t['code']})", t["code"])

    def start(self, lat: float | None = None, lon: float | None = None, address: str = "") -> None:
        """Open an empty form (a map pick fills the position)."""
        for widget in (self.address, self.lat, self.lon, self.caller_name, self.caller_phone):
            widget.clear()
        self.note.clear()
        self.ask_pictures.setChecked(False)
        self._show_same([])
        self.type_box.setCurrentIndex(0)
        if lat is not None and lon is not None:
            self.lat.setText(f"{lat:.6f}")
            self.lon.setText(f"{lon:.6f}")
        self.address.setText(address)
        for error in self.errors.values():
            error.hide()
        self.open()
        self.type_box.setFocus()

    # --- the same incident, called in again ----------------------------------------------------------
    def _look_for_same(self) -> None:
        where = where_to_look(self.form())
        if where is None or self._queries is None:
            self._show_same([])
            return
        self._queries.duplicates(*where, self._show_same)

    def _show_same(self, found: list[dict[str, Any]]) -> None:
        self.same.clear()
        for candidate in found:
            item = QListWidgetItem(candidate_text(candidate))
            item.setData(Qt.ItemDataRole.UserRole, candidate["incident_id"])
            self.same.addItem(item)
        if found:
            self.same.setCurrentRow(0)
        for widget in (self.same_label, self.same, self.add_same):
            widget.setVisible(bool(found))

    def add_to_same(self) -> None:
        """The call is about an incident already open: a note with the caller on it, instead of a new one."""
        item = self.same.currentItem()
        incident = self._store.incidents.get(item.data(Qt.ItemDataRole.UserRole)) if item and self._store else None
        if incident is None:
            return
        text = call_note(self.caller_name.text(), self.caller_phone.text(), self.note.toPlainText())
        if self._commands.add_note(incident, text) is not None:
            self._open_incident(incident.id)
            self.accept()

    def _suggest_priority(self) -> None:
        known = self._types.get(self.type_box.currentData() or "")
        if known is not None:
            self.priority.setValue(int(known["priority"]))

    def _type_code(self) -> str:
        code = self.type_box.currentData()
        if code and self.type_box.currentText() == self.type_box.itemText(self.type_box.currentIndex()):
            return str(code)
        return self.type_box.currentText().strip()  # typed, not chosen: checked against the list

    def form(self) -> CallForm:
        return CallForm(
            type_code=self._type_code(),
            priority=str(self.priority.value()),
            address=self.address.text(),
            lat=self.lat.text(),
            lon=self.lon.text(),
            caller_name=self.caller_name.text(),
            caller_phone=self.caller_phone.text(),
            note=self.note.toPlainText(),
            known_types=self._types,
        )

    def submit(self) -> None:
        body, errors = check_call(self.form())
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        if body is None:
            return
        created = self._commands.create_incident(body)
        phone = self.caller_phone.text().strip()
        if created is not None and phone and self.ask_pictures.isChecked():
            created.add_done_callback(functools.partial(self._invite_caller, phone))
        self.accept()

    def _invite_caller(self, phone: str, created: asyncio.Future[Any]) -> None:
        """Once the incident exists, its caller gets the link (the backend's SMS gateway sends it)."""
        if created.cancelled() or created.exception() is not None or not isinstance(created.result(), dict):
            return
        try:
            incident = parse(Incident, created.result(), "incident")
        except MalformedData:
            return
        language = "fr" if QLocale().name().startswith("fr") else "en"
        self._commands.invite_caller(incident, invite_body(phone, DEFAULT_MINUTES, True, language))
