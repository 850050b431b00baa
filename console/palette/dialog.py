"""The palette itself: a search line over a list; Enter does what the chosen entry says, Esc closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.safe_text import one_line
from console.i18n import N_, tr
from console.palette.logic.matching import Entry, rank

KIND_WORDS = {"action": N_("Action"), "incident": N_("Incident"), "unit": N_("Unit"), "camera": N_("Camera")}


class CommandPalette(QDialog):
    chosen = Signal(object)
    """The operator chose an entry: the Entry."""

    def __init__(self, entries: Callable[[], list[Entry]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Go to…"))
        self.setModal(False)
        self.setMinimumSize(640, 420)
        self._entries = entries
        self._all: list[Entry] = []
        self.search = QLineEdit(placeholderText=tr("An action, an incident number, a callsign, a camera… (Esc closes)"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)

    def open_palette(self) -> None:
        self._all = self._entries()
        self.search.clear()
        self._filter("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.results.clear()
        for entry in rank(text, self._all):
            item = QListWidgetItem(f"{tr(KIND_WORDS.get(entry.kind, entry.kind))}  ·  {one_line(entry.label, 120)}"
                                   + (f"  —  {one_line(entry.detail, 120)}" if entry.detail else ""))  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.results.addItem(item)
        self.results.setCurrentRow(0)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Up and Down move in the list while typing; Enter chooses."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.results.currentItem()
                if current is not None:
                    self._activate(current)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _activate(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        self.hide()
        self.chosen.emit(entry)
