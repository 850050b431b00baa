"""The tag dialog: which incident, which labels, a note; the clip itself comes from the operator's marks.

Non-modal (opened with `open()`, answered by a signal), so that the wall keeps playing while it is open.
Every text shown comes from the store as plain text (no rich text anywhere in this dialog).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.domain.clip_range import ClipRange
from console.domain.model import Incident
from console.i18n import N_, tr

# Recorded in English whatever the operator's language (evidence is searched by them across consoles)
LABELS = (
    N_("fight"), N_("weapon"), N_("crowd"), N_("vehicle"), N_("injured person"), N_("fire"), N_("suspect"),
    N_("licence plate"),
)  # fmt: skip


class TagDialog(QDialog):
    """Asks where a clip goes; `tag_requested` carries the answer."""

    tag_requested = Signal(str, object, list, str)
    """(incident id, ClipRange, labels, note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tag the clip to an incident"))
        self.setObjectName("tag_dialog")
        self.clip: ClipRange | None = None
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.incident = QComboBox()
        self.incident.setEditable(True)
        self.incident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.incident.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.labels = [QCheckBox(tr(label)) for label in LABELS]
        label_box = QWidget()
        grid = QGridLayout(label_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(self.labels):
            grid.addWidget(box, index // 4, index % 4)
        self.other_labels = QLineEdit()
        self.other_labels.setPlaceholderText(tr("other labels, separated by commas"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("what the clip shows"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #ff6b6b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(tr("Tag"))
        buttons.accepted.connect(self._tag)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(tr("Incident"), self.incident)
        form.addRow(tr("Labels"), label_box)
        form.addRow("", self.other_labels)
        form.addRow(tr("Note"), self.note)
        form.addRow(self.problem)
        form.addRow(buttons)

    def ask(self, clip: ClipRange, source_name: str, incidents: list[Incident], selected: str) -> None:
        """Show the dialog for this clip, the selected incident first in line."""
        self.clip = clip
        start, end = clip.start.astimezone(), clip.end.astimezone()
        self.summary.setText(
            f"{source_name} · {start:%H:%M:%S}.{start.microsecond // 1000:03d} – "
            f"{end:%H:%M:%S}.{end.microsecond // 1000:03d} ({clip.seconds:.1f} s)"
        )
        self.incident.clear()
        for incident in sorted(incidents, key=lambda i: (-i.priority, i.number)):
            self.incident.addItem(f"{incident.number} · {incident.type_text}", incident.id)
        index = self.incident.findData(selected)
        self.incident.setCurrentIndex(max(0, index))
        for box in self.labels:
            box.setChecked(False)
        self.other_labels.clear()
        self.note.clear()
        self.problem.clear()
        self.open()

    def chosen_labels(self) -> list[str]:
        checked = [label for label, box in zip(LABELS, self.labels, strict=True) if box.isChecked()]
        typed = [label.strip() for label in self.other_labels.text().split(",") if label.strip()]
        return sorted(set(checked + typed))

    def _tag(self) -> None:
        incident_id = self.incident.currentData()
        if self.clip is None or not incident_id or self.incident.currentIndex() < 0:
            self.problem.setText(tr("Choose the incident the clip belongs to."))
            return
        self.tag_requested.emit(incident_id, self.clip, self.chosen_labels(), self.note.text().strip())
        self.accept()
