"""Writing a public warning (CAP 1.2) from a major event: texts, how urgent, severe and certain, until when, where.

Non-modal (`open()`): the supervisor may draw the area on the map while it is open. The area is a circle around the
major event (its radius), or the polygon drawn on the map.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.model import Incident
from console.i18n import tr
from console.operations.public_warning import (
    CATEGORIES,
    CERTAINTIES,
    SEVERITIES,
    URGENCIES,
    WarningForm,
    default_form,
    warning_body,
)

DrawArea = Callable[[Callable[[list[list[float]]], None]], None]


def _combo(choices: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    box = QComboBox()
    for code, word in choices:
        box.addItem(tr(word), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class PublicWarningDialog(QDialog):
    """A new warning (`last` None) or the next version of one (an Update of `last`)."""

    def __init__(
        self,
        incident: Incident,
        commands: Commands,
        draw_area: DrawArea | None,
        last: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incident, self._commands, self._last = incident, commands, last
        self.setWindowTitle(
            tr("Update the public warning — {number}", number=incident.number)
            if last
            else tr("Public warning — {number}", number=incident.number)
        )
        form = default_form(incident, last)
        self._polygon = form.polygon
        self.headline = QLineEdit(form.headline, placeholderText=tr("One line people read first"))
        self.headline.setMaxLength(160)
        self.event_name = QLineEdit(form.event)
        self.category = _combo(CATEGORIES, form.category)
        self.urgency = _combo(URGENCIES, form.urgency)
        self.severity = _combo(SEVERITIES, form.severity)
        self.certainty = _combo(CERTAINTIES, form.certainty)
        self.description = QPlainTextEdit(form.description)
        self.description.setPlaceholderText(tr("What is happening, where"))
        self.instruction = QPlainTextEdit(form.instruction)
        self.instruction.setPlaceholderText(tr("What people should do"))
        for box in (self.description, self.instruction):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
        self.hours = QDoubleSpinBox(minimum=0.25, maximum=72.0, singleStep=0.5, value=form.hours, suffix=" h")
        self.area_desc = QLineEdit(form.area_desc)
        self.radius = QDoubleSpinBox(minimum=0.1, maximum=100.0, singleStep=0.5, value=form.radius_km, suffix=" km")
        self.area_state = QLabel()
        self.draw = QPushButton(tr("Draw the area on the map"))
        self.draw.setEnabled(draw_area is not None)
        self.draw.clicked.connect(lambda: draw_area(self._drawn) if draw_area is not None else None)
        self.use_circle = QPushButton(tr("Use the circle"))
        self.use_circle.clicked.connect(lambda: self._drawn([]))
        area_row = QHBoxLayout()
        area_row.addWidget(self.radius)
        area_row.addWidget(self.draw)
        area_row.addWidget(self.use_circle)

        fields = QFormLayout()
        fields.addRow(tr("Headline"), self.headline)
        fields.addRow(tr("Event"), self.event_name)
        fields.addRow(tr("Category"), self.category)
        levels = QHBoxLayout()
        for level in (self.urgency, self.severity, self.certainty):
            levels.addWidget(level)
        fields.addRow(tr("Urgency · severity · certainty"), levels)
        fields.addRow(tr("Description"), self.description)
        fields.addRow(tr("Instruction"), self.instruction)
        fields.addRow(tr("Expires in"), self.hours)
        fields.addRow(tr("Area"), self.area_desc)
        fields.addRow(tr("Area shape"), area_row)
        fields.addRow("", self.area_state)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #ffb300;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish = buttons.addButton(
            tr("Publish the update") if last else tr("Publish the warning"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._publish)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._show_area()
        self.resize(620, 560)

    def _drawn(self, ring: list[list[float]]) -> None:
        """The map's drawn ring ([lon, lat], GeoJSON's order) as CAP's [lat, lon] corners; [] for the circle."""
        self._polygon = tuple((lat, lon) for lon, lat in ring)
        self._show_area()
        self.raise_()

    def _show_area(self) -> None:
        self.radius.setEnabled(not self._polygon)
        self.area_state.setText(
            tr("The area drawn on the map ({corners} corners)", corners=len(self._polygon))
            if self._polygon
            else tr("A circle around {address}", address=self._incident.location.address_text or self._incident.number)
        )

    def form(self) -> WarningForm:
        return WarningForm(
            headline=self.headline.text(),
            description=self.description.toPlainText(),
            instruction=self.instruction.toPlainText(),
            event=self.event_name.text(),
            category=str(self.category.currentData()),
            urgency=str(self.urgency.currentData()),
            severity=str(self.severity.currentData()),
            certainty=str(self.certainty.currentData()),
            hours=self.hours.value(),
            area_desc=self.area_desc.text(),
            radius_km=self.radius.value(),
            polygon=self._polygon,
        )

    def _publish(self) -> None:
        form = self.form()
        missing = [w for w, v in ((tr("headline"), form.headline), (tr("description"), form.description),
                                  (tr("area"), form.area_desc)) if not v.strip()]  # fmt: skip
        if missing:
            self.problem.setText(tr("Write the {fields} first.", fields=", ".join(missing)))
            return
        body = warning_body(self._incident, form, datetime.now(UTC))
        if self._commands.issue_warning(body, self._last["warning_id"] if self._last else None) is not None:
            self.accept()
