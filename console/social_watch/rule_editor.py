"""Create or change a watch rule: the query checked as it is typed (the error points at its place), the
languages, and an optional geofence around the selected incident. Non-modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.social import WatchRuleRecord
from console.i18n import N_, tr
from dispatch_protocol.watch_query import QueryError, parse

IncidentPlace = tuple[str, str, float, float]  # id, number, lat, lon
GEOFENCE_NONE, GEOFENCE_INCIDENT, GEOFENCE_DRAWN, GEOFENCE_KEEP = "none", "incident", "drawn", "keep"
FIXED_CHOICES = 3


SHAPE_WORDS = {"Circle": N_("circle"), "Polygon": N_("polygon")}


class RuleEditor(QDialog):
    """One editor; `edit(rule)` or `edit(None)` for a new rule."""

    save_requested = Signal(object, dict)
    """Save: the rule being changed (WatchRuleRecord, or None for a new one) and the body to send."""
    draw_requested = Signal()
    """The operator wants to draw the rule's area on the map (answer with `set_drawn_area`)."""

    def __init__(
        self,
        selected_incident: Callable[[], IncidentPlace | None],
        preview: Callable[[str], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setMinimumWidth(520)
        self._selected_incident = selected_incident
        self._preview = preview
        self._rule: WatchRuleRecord | None = None
        self.name = QLineEdit(placeholderText=tr("What the rule watches, e.g. Fights near the station"))
        self.query = QLineEdit(
            placeholderText=tr('bagarre OR rixe OR "coups de couteau"   (#tag, @user, AND, NOT, ( ))')
        )
        self.query.textChanged.connect(self._check)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.french, self.english = QCheckBox(tr("French")), QCheckBox(tr("English"))
        self.other_languages = QLineEdit(placeholderText=tr("other codes, e.g. ar, es"))
        languages = QHBoxLayout()
        for widget in (self.french, self.english, self.other_languages):
            languages.addWidget(widget)
        self.geofence = QComboBox()
        self.geofence.addItem(tr("Anywhere"), GEOFENCE_NONE)
        self.geofence.addItem(tr("Within a distance of the selected incident"), GEOFENCE_INCIDENT)
        self.geofence.addItem(tr("In an area drawn on the map"), GEOFENCE_DRAWN)
        self.radius = QSpinBox(minimum=50, maximum=50_000, singleStep=100, value=500, suffix=" m")
        self.draw = QPushButton(tr("Draw on the map…"))
        self.draw.setToolTip(tr("Click the corners on the map; double-click the last one (Esc cancels)"))
        self.draw.clicked.connect(self._start_drawing)
        self.drawn: list[list[float]] | None = None
        place = QHBoxLayout()
        place.addWidget(self.geofence, 1)
        place.addWidget(self.radius)
        place.addWidget(self.draw)
        self.active = QCheckBox(tr("Active"))
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Query"), self.query)
        form.addRow("", self.message)
        form.addRow(tr("Languages (none: all)"), languages)
        form.addRow(tr("Where"), place)
        form.addRow("", self.active)
        self.save = QPushButton(tr("Save"))
        self.save.setDefault(True)
        self.save.clicked.connect(self._save)
        cancel = QPushButton(tr("Close"))
        cancel.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def edit(self, rule: WatchRuleRecord | None) -> None:
        self._rule = rule
        self.setWindowTitle(tr("Watch rule — {name}", name=rule.name) if rule else tr("New watch rule"))
        self.name.setText(rule.name if rule else "")
        self.query.setText(rule.query if rule else "")
        languages = set(rule.languages) if rule else set()
        self.french.setChecked("fr" in languages)
        self.english.setChecked("en" in languages)
        self.other_languages.setText(", ".join(sorted(languages - {"fr", "en"})))
        self.drawn = None
        while self.geofence.count() > FIXED_CHOICES:
            self.geofence.removeItem(FIXED_CHOICES)
        if rule and rule.geofence:
            label = rule.geofence.get("label") or tr(
                "the rule's {shape}", shape=tr(SHAPE_WORDS.get(str(rule.geofence.get("type")), N_("area")))
            )
            self.geofence.addItem(tr("Keep: {label}", label=label), GEOFENCE_KEEP)
            self.geofence.setCurrentIndex(FIXED_CHOICES)
        else:
            self.geofence.setCurrentIndex(0)
        self.active.setChecked(rule.active if rule else True)
        self._check()
        self.show()
        self.raise_()
        self.name.setFocus()

    def _start_drawing(self) -> None:
        self.message.setText(tr("Click the area's corners on the map; double-click the last one (Esc cancels)."))
        self.message.setStyleSheet("color: #ffe082;")
        self.draw_requested.emit()

    def set_drawn_area(self, ring: list[list[float]]) -> None:
        """The area drawn on the map ([lon, lat] corners) becomes the rule's geofence."""
        self.drawn = ring
        self.geofence.setCurrentIndex(self.geofence.findData(GEOFENCE_DRAWN))
        self._check()
        self.message.setText(tr("{text} — area of {count} corners drawn", text=self.message.text(), count=len(ring)))

    def _check(self) -> bool:
        text = self.query.text()
        try:
            parse(text)
        except QueryError as exc:
            self.message.setText(f"✖ {exc}")
            self.message.setStyleSheet("color: #ff8a80;")
            self.query.setCursorPosition(min(exc.position, len(text)))
            self.save.setEnabled(False)
            return False
        found = tr(": {text} of the posts of the last 24 h match", text=self._preview(text)) if self._preview else ""
        self.message.setText(tr("✔ query understood{found}", found=found))
        self.message.setStyleSheet("color: #9ccc65;")
        self.save.setEnabled(True)
        return True

    def body(self) -> dict[str, Any] | None:
        """What to send, or None (with the reason shown) when something is missing."""
        if not self._check():
            return None
        name = self.name.text().strip()
        if not name:
            self.message.setText(tr("✖ The rule needs a name."))
            self.message.setStyleSheet("color: #ff8a80;")
            return None
        languages = {"fr"} if self.french.isChecked() else set()
        if self.english.isChecked():
            languages.add("en")
        languages |= {c.strip().lower() for c in self.other_languages.text().split(",") if c.strip()}
        body: dict[str, Any] = {
            "name": name,
            "query": self.query.text().strip(),
            "languages": sorted(languages),
            "active": self.active.isChecked(),
        }
        choice = self.geofence.currentData()
        if choice == GEOFENCE_NONE:
            body["geofence"] = None
        elif choice == GEOFENCE_INCIDENT:
            place = self._selected_incident()
            if place is None:
                self.message.setText(tr("✖ Select an incident first (in the queue or on the map)."))
                self.message.setStyleSheet("color: #ff8a80;")
                return None
            incident_id, number, lat, lon = place
            radius = self.radius.value()
            body["geofence"] = {
                "type": "Circle",  # i18n: not shown (the rules' word for a circle, read by the backend)
                "center": [lon, lat],
                "radius_m": radius,
                "incident_id": incident_id,
                "label": tr("within {radius} m of {number}", radius=radius, number=number),
            }
        elif choice == GEOFENCE_DRAWN:
            if not self.drawn:
                self.message.setText(tr("✖ Draw the area on the map first (Draw on the map…)."))
                self.message.setStyleSheet("color: #ff8a80;")
                return None
            ring = [*self.drawn, self.drawn[0]]
            body["geofence"] = {
                "type": "Polygon",  # i18n: not shown (GeoJSON's word, read by the backend and the map)
                "coordinates": [ring],
                "label": tr("an area drawn on the map ({count} corners)", count=len(self.drawn)),
            }
        return body

    def _save(self) -> None:
        body = self.body()
        if body is not None:
            self.save_requested.emit(self._rule, body)
            self.close()
