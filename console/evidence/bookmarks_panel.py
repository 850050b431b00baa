"""The bookmarks panel: tagged clips, filtered; play one on the wall, lock it as evidence, export it.

Everything shown is plain text (labels and notes come from operators). Dialogs are non-modal (`open()`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.domain.model import Bookmark
from console.evidence.logic.export import export_bookmark
from console.i18n import N_, tr
from console.i18n.formats import number
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store

COLUMNS = (
    N_("Start"),
    N_("Length"),
    N_("Incident"),
    N_("Camera or video"),
    N_("Labels"),
    N_("Tagged by"),
    N_("Evidence"),
)


class BookmarksPanel(QWidget):
    """Clips tagged to incidents; double-click plays one on the wall."""

    play_requested = Signal(str)
    """Play this bookmark's clip on the wall: its id."""

    def __init__(
        self, store: Store, commands: Commands, queries: Queries, selection: Selection, notifier: Notifier
    ) -> None:
        super().__init__()
        self.setObjectName("bookmarks")
        self._store, self._commands, self._queries = store, commands, queries
        self._selection, self._notifier = selection, notifier
        self.export_task: asyncio.Task[None] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter: camera, label, author, incident…"))
        self.search.setClearButtonEnabled(True)
        self.only_selected = QCheckBox(tr("Selected incident only"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._play(row))
        play = QPushButton(tr("Play on the wall"))
        play.clicked.connect(lambda: self._play(self.table.currentRow()))
        self.lock_button = QPushButton(tr("Lock as evidence…"))
        self.lock_button.clicked.connect(self.ask_lock)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self.ask_export)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_selected)
        buttons = QHBoxLayout()
        for button in (play, self.lock_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.refresh)
        self.only_selected.toggled.connect(self.refresh)
        store.bookmark_changed.connect(lambda _id: self.refresh())
        store.reset_done.connect(self.refresh)
        selection.incident_selected.connect(lambda _id: self.refresh() if self.only_selected.isChecked() else None)
        self.refresh()

    # --- the list ------------------------------------------------------------------------------
    def _source_name(self, bookmark: Bookmark) -> str:
        if bookmark.camera_id:
            camera = self._store.cameras.get(bookmark.camera_id)
            return camera.name if camera else bookmark.camera_id
        media = self._store.media.get(bookmark.media_id or "")
        return tr("video {name}", name=media.name) if media and media.name else tr("video")

    def _cells(self, bookmark: Bookmark) -> list[str]:
        incident = self._store.incidents.get(bookmark.incident_id)
        lock = bookmark.lock
        return [
            f"{bookmark.start.astimezone():%d/%m %H:%M:%S}",
            f"{(bookmark.end - bookmark.start).total_seconds():.0f} s",
            incident.number if incident else bookmark.incident_id,
            self._source_name(bookmark),
            ", ".join(bookmark.labels),
            bookmark.created_by,
            tr("LOCKED by {by} ({reason})", by=lock.by, reason=lock.reason) if lock else "",
        ]

    def visible(self) -> list[Bookmark]:
        words = self.search.text().lower().split()
        chosen = []
        for bookmark in sorted(self._store.bookmarks.values(), key=lambda b: b.start, reverse=True):
            if self.only_selected.isChecked() and bookmark.incident_id != self._selection.incident_id:
                continue
            text = " ".join([*self._cells(bookmark), bookmark.note]).lower()
            if all(word in text for word in words):
                chosen.append(bookmark)
        return chosen

    def refresh(self) -> None:
        current = self.current()
        self.table.setRowCount(0)
        for row, bookmark in enumerate(self.visible()):
            self.table.insertRow(row)
            for column, text in enumerate(self._cells(bookmark)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, bookmark.id)
                item.setToolTip(bookmark.note or text)
                self.table.setItem(row, column, item)
            if current is not None and bookmark.id == current.id:
                self.table.selectRow(row)

    def current(self) -> Bookmark | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return self._store.bookmarks.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _play(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.play_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    # --- lock --------------------------------------------------------------------------------
    def ask_lock(self) -> None:
        bookmark = self.current()
        if bookmark is None:
            self._notifier.warning(tr("Select a clip to lock."))
            return
        if bookmark.locked:
            self._notifier.warning(tr("This clip is already locked as evidence."))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Lock the clip as evidence"))
        dialog.setLabelText(tr("Why (it cannot be changed or deleted afterwards):"))
        dialog.textValueSelected.connect(lambda reason: self.lock(bookmark, reason))
        dialog.open()

    def lock(self, bookmark: Bookmark, reason: str) -> None:
        if len(reason.strip()) < 3:
            self._notifier.warning(tr("Say why the clip is locked (a few words)."))
            return
        self._commands.lock_clip(bookmark, reason.strip())

    # --- export ------------------------------------------------------------------------------
    def ask_export(self) -> None:
        bookmark = self.current()
        if bookmark is None:
            self._notifier.warning(tr("Select a clip to export."))
            return
        dialog = QFileDialog(self, tr("Export the clip into a new or empty folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda folder: self.export(bookmark, Path(folder)))
        dialog.open()

    def export(self, bookmark: Bookmark, folder: Path) -> None:
        """Export with a progress dialog; Cancel stops it and leaves nothing half-written."""
        incident = self._store.incidents.get(bookmark.incident_id)
        if incident is None:
            self._notifier.warning(tr("The clip's incident is not known to this console."))
            return
        progress = QProgressDialog(tr("Exporting the clip…"), tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(tr("Export"))
        progress.setMinimumDuration(0)

        def on_progress(received: int) -> None:
            progress.setLabelText(tr("Exporting the clip… {megabytes} MB", megabytes=number(received / 1e6, 1)))

        def done(digest: str) -> None:
            progress.reset()
            self._notifier.info(
                tr("Clip exported to {folder} (manifest sha256 {digest}…).", folder=folder, digest=digest[:16])
            )

        task = export_bookmark(
            self._queries, bookmark, incident, self._source_name(bookmark), folder, on_progress, done
        )
        if task is None:
            progress.reset()
            self._notifier.warning(tr("Not connected to the dispatch backend: the clip cannot be exported now."))
            return
        self.export_task = task
        progress.canceled.connect(task.cancel)
        task.add_done_callback(lambda _t: progress.reset())
        progress.open()
