"""The incident detail: who, what, where, since when; its timeline; notes, changes, agencies, media, exports.

Every text from outside (notes, addresses, media texts) is shown as plain text: no widget here renders HTML.
"""

from __future__ import annotations

import asyncio
import functools
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.domain.events import Event
from console.domain.model import Incident, MediaItem, parse_time
from console.domain.priority import priority_band, priority_label
from console.domain.timefmt import format_age
from console.i18n import N_, tr
from console.operations.caller_invite import invites_of, summary
from console.operations.media_facts import photo_facts_text
from console.operations.public_warning import warnings_of
from console.operations.timeline import AGENCY_WORDS, INCIDENT_STATUS_WORDS, TimelineBuilder, TimelineEntry
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.views.caller_invite_dialog import CallerInviteDialog
from console.views.linking_box import LinkingBox
from console.views.public_warning_dialog import DrawArea, PublicWarningDialog

CAP_KINDS = {"Alert": N_("Warning"), "Update": N_("Warning updated"), "Cancel": N_("Warning withdrawn")}

STATUSES = ("new", "active", "closed", "cancelled")
KIND_GLYPHS = {
    "incident": "●",
    "note": "✎",
    "unit": "➤",
    "media": "▣",
    "agency": "⇄",
    "clip": "▶",
    "social": "◈",
}  # all in DejaVu Sans
THUMB = 96


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PhotoViewer(QDialog):
    """A photo at full size, in its own non-modal window."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        area = QScrollArea()
        area.setWidget(label)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        self.resize(min(image.width() + 40, 1400), min(image.height() + 40, 900))


class IncidentDetail(QWidget):
    """Follows the selection; everything it changes goes through Commands."""

    video_requested = Signal(str)
    """The operator opened a video attached to the incident (the wall plays it): its media id."""

    def __init__(
        self, store: Store, commands: Commands, queries: Queries, selection: Selection, notifier: Notifier
    ) -> None:
        super().__init__()
        self.setObjectName("incident_detail")
        self._notifier = notifier
        self._store = store
        self._commands = commands
        self._queries = queries
        self._incident_id = ""
        self._builder: TimelineBuilder | None = None
        self._types: list[dict[str, Any]] = []
        self._images: dict[str, QImage] = {}
        self._viewers: list[PhotoViewer] = []
        self._tasks: set[asyncio.Task[Any]] = set()

        self.title = _plain(tr("No incident selected"))
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.title.setWordWrap(True)  # a long type never widens the panel (the map keeps its room)
        self.priority_chip = _plain()
        self.priority_chip.setStyleSheet("padding: 2px 8px; color: white; font-weight: bold;")
        self.subtitle = _plain()
        self.subtitle.setWordWrap(True)
        self.caller = _plain()
        self.origin = _plain()
        self.origin.setObjectName("partner_origin")
        self.origin.setStyleSheet("color: #4fc3f7; font-weight: bold;")
        self.origin.setWordWrap(True)
        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.priority_chip)
        top.addWidget(self.title, 1)
        header.addLayout(top)
        header.addWidget(self.subtitle)
        header.addWidget(self.caller)
        header.addWidget(self.origin)

        self.priority = QSpinBox(minimum=0, maximum=10)
        self.set_priority = QPushButton(tr("Set priority"))
        self.set_priority.clicked.connect(
            lambda: self._act(lambda i: self._commands.set_priority(i, self.priority.value()))
        )
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(tr(INCIDENT_STATUS_WORDS[status]), status)
        self.set_status = QPushButton(tr("Set status"))
        self.set_status.clicked.connect(
            lambda: self._act(lambda i: self._commands.set_status(i, self.status.currentData()))
        )
        self.type_box = QComboBox()
        self.set_type = QPushButton(tr("Set type"))
        self.set_type.clicked.connect(
            lambda: self._act(lambda i: self._commands.set_type(i, self.type_box.currentData()))
        )
        self.major_box = QComboBox()
        for box in (self.status, self.type_box, self.major_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
        self.set_major = QPushButton(tr("Group"))
        self.set_major.clicked.connect(
            lambda: self._act(lambda i: self._commands.set_major_event(i, self.major_box.currentData()))
        )
        controls = QFormLayout()
        for label, field, button in (
            (tr("Priority"), self.priority, self.set_priority),
            (tr("Status"), self.status, self.set_status),
            (tr("Type"), self.type_box, self.set_type),
            (tr("Major event"), self.major_box, self.set_major),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            controls.addRow(label, row)

        self.agencies = _plain()
        self.agency_box = QComboBox()
        for code, word in ((c, tr(w)) for c, w in AGENCY_WORDS.items()):
            self.agency_box.addItem(word, code)
        self.agency_reason = QLineEdit(placeholderText=tr("Why (e.g. one person injured)"))
        self.request_agency = QPushButton(tr("Request agency"))
        self.request_agency.clicked.connect(self._request_agency)
        agencies = QGroupBox(tr("Agencies"))
        agency_layout = QVBoxLayout(agencies)
        agency_layout.addWidget(self.agencies)
        agency_row = QHBoxLayout()
        agency_row.addWidget(self.agency_box)
        agency_row.addWidget(self.agency_reason, 1)
        agency_row.addWidget(self.request_agency)
        agency_layout.addLayout(agency_row)

        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([tr("Time"), tr("Who"), tr("What")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnWidth(0, 80)
        self.timeline.setColumnWidth(1, 110)
        self.timeline.setWordWrap(True)
        self.note = QLineEdit(placeholderText=tr("Add a note… (Ctrl+N, Enter to send)"))
        self.note.returnPressed.connect(self._add_note)
        self.add_note = QPushButton(tr("Add note"))
        self.add_note.clicked.connect(self._add_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.add_note)

        self.media = QListWidget()
        self.media.setViewMode(QListWidget.ViewMode.IconMode)
        self.media.setIconSize(QSize(THUMB, THUMB))
        self.media.setMaximumHeight(THUMB + 48)
        self.media.setWordWrap(True)
        self.media.itemDoubleClicked.connect(self._open_media)
        self.ask_caller = QPushButton(tr("Ask the caller for pictures…"))
        self.ask_caller.setToolTip(tr("A link for the caller's phone: location, photos, videos, messages, live video"))
        self.ask_caller.clicked.connect(self.open_caller_invite)
        self.caller_link = _plain()
        self.caller_link.setWordWrap(True)
        self.caller_link.setStyleSheet("color: #9ecbff;")
        self._invite_dialog: CallerInviteDialog | None = None
        self.linking = LinkingBox(store, commands, queries)
        store.invite_changed.connect(self._on_caller)
        store.caller_moved.connect(self._on_caller)
        self.export_eido = QPushButton(tr("Export EIDO…"))
        self.export_eido.clicked.connect(lambda: self._export("eido"))
        self.export_emsi = QPushButton(tr("Export EMSI…"))
        self.export_emsi.clicked.connect(lambda: self._export("emsi"))
        self.draw_area: DrawArea | None = None
        """The map's drawing, for a warning's area (set once the map is installed)."""
        self._warning_dialog: PublicWarningDialog | None = None
        self.warnings = _plain()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #ffb300;")
        self.new_warning = QPushButton(tr("Public warning…"))
        self.new_warning.clicked.connect(lambda: self._open_warning(None))
        self.update_warning = QPushButton(tr("Update warning…"))
        self.update_warning.clicked.connect(lambda: self._open_warning(self._live_warning()))
        self.cancel_warning = QPushButton(tr("Withdraw warning"))
        self.cancel_warning.clicked.connect(self._withdraw_warning)
        store.warning_changed.connect(self._on_warning)
        exports = QHBoxLayout()
        exports.addWidget(self.new_warning)
        exports.addWidget(self.update_warning)
        exports.addWidget(self.cancel_warning)
        exports.addStretch(1)
        exports.addWidget(self.export_eido)
        exports.addWidget(self.export_emsi)

        self.body = QWidget()  # hidden while no incident is selected: no empty form that looks like data
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(controls)
        body.addWidget(agencies)
        body.addWidget(_plain(tr("Timeline")))
        body.addWidget(self.timeline, 1)
        body.addLayout(note_row)
        media_row = QHBoxLayout()
        media_row.addWidget(_plain(tr("Media")))
        media_row.addWidget(self.caller_link, 1)
        media_row.addWidget(self.ask_caller)
        body.addLayout(media_row)
        body.addWidget(self.media)
        body.addWidget(self.linking)
        body.addWidget(self.warnings)
        body.addLayout(exports)
        self.hint = _plain(tr("Select an incident in the queue: Ctrl+1, then the arrows and Enter."))
        self.hint.setStyleSheet("color: #9e9e9e; font-size: 14px;")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.hint)
        # The body scrolls rather than grow the window: with every panel docked, a selected incident's detail
        # made the main window taller than a 1080-line screen (its status bar and the dispatch button below it).
        self.body_area = QScrollArea()
        self.body_area.setWidgetResizable(True)
        self.body_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body_area.setWidget(self.body)
        self.body.setMinimumHeight(480)  # the timeline keeps room to read; below that, the panel scrolls
        self.body_area.setMinimumHeight(120)  # and the panel keeps room for its first controls beside the others
        layout.addWidget(self.body_area, 1)
        layout.addStretch(0)

        selection.incident_selected.connect(self.show_incident)
        store.incident_changed.connect(self._on_incident_changed)
        store.event_applied.connect(self._on_event)
        store.media_added.connect(self._on_media)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._refresh_header)
        self._ticker.start(1000)
        self._set_enabled(False)

    # --- feeding ---------------------------------------------------------------------------
    def set_incident_types(self, types: list[dict[str, Any]]) -> None:
        self._types = types
        self.type_box.clear()
        for t in sorted(types, key=lambda t: t["text"]):
            self.type_box.addItem(t["text"], t["code"])

    def current(self) -> Incident | None:
        return self._store.incidents.get(self._incident_id)

    def show_incident(self, incident_id: str) -> None:
        self._incident_id = incident_id
        self._builder = (
            TimelineBuilder(incident_id, self._camera_name, incident_number=self._incident_number)
            if incident_id
            else None
        )
        self.timeline.clear()
        self.media.clear()
        self._images.clear()  # full-size photos of the previous incident: not kept for a whole shift
        self._set_enabled(bool(incident_id))
        self._refresh_all()
        self.linking.show_incident(incident_id)
        if incident_id:
            self._queries.timeline(incident_id, functools.partial(self._add_history, incident_id))
            for item in self._store.media.values():
                if item.incident_id == incident_id:
                    self._add_media_item(item)

    def _add_history(self, incident_id: str, events: list[Event]) -> None:
        if incident_id == self._incident_id and self._builder is not None:
            for event in events:
                self._builder.add(event)
            self._render_timeline()

    def _on_event(self, event: Event) -> None:
        if self._builder is not None and self._builder.concerns(event) and self._builder.add(event):
            self._render_timeline()

    def _on_incident_changed(self, incident_id: str, _created: bool) -> None:
        if incident_id == self._incident_id:
            self._refresh_all()
        elif (incident := self._store.incidents.get(incident_id)) is not None and incident.major_event:
            self._refresh_major_events()

    def _on_media(self, media_id: str) -> None:
        item = self._store.media.get(media_id)
        if item is not None and item.incident_id == self._incident_id:
            self._add_media_item(item)

    # --- drawing ---------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        self.body_area.setVisible(enabled)
        self.body.setVisible(enabled)
        self.hint.setVisible(not enabled)
        for widget in (
            self.set_priority,
            self.set_status,
            self.set_type,
            self.set_major,
            self.request_agency,
            self.add_note,
            self.note,
            self.export_eido,
            self.export_emsi,
        ):
            widget.setEnabled(enabled)

    # --- public warnings (CAP) and partner incidents ----------------------------------------
    def _live_warning(self) -> dict[str, Any] | None:
        live = [w for w in warnings_of(self._incident_id, self._store.warnings) if w["msg_type"] != "Cancel"]
        return live[0] if live else None

    def _on_warning(self, incident_id: str) -> None:
        if incident_id == self._incident_id:
            self._refresh_warnings()

    def _refresh_warnings(self) -> None:
        incident = self.current()
        major = incident is not None and incident.major_event and incident.is_open
        shown = warnings_of(self._incident_id, self._store.warnings)
        self.warnings.setText(
            "\n".join(
                tr(
                    "⚠ {kind}: {headline} · until {expires:%H:%M}",
                    kind=tr(CAP_KINDS.get(w["msg_type"], w["msg_type"])),
                    headline=w["headline"],
                    expires=parse_time(w["expires"]).astimezone(),
                )
                for w in shown
            )
        )
        self.warnings.setVisible(bool(shown))
        live = self._live_warning() is not None
        self.new_warning.setVisible(bool(major))
        self.update_warning.setVisible(bool(major) and live)
        self.cancel_warning.setVisible(live)

    def _open_warning(self, last: dict[str, Any] | None) -> None:
        incident = self.current()
        if incident is None:
            return
        self._warning_dialog = PublicWarningDialog(incident, self._commands, self.draw_area, last, self)
        self._warning_dialog.open()

    def _withdraw_warning(self) -> None:
        live = self._live_warning()
        if live is not None:
            self._commands.cancel_warning(live["warning_id"])

    def _refresh_origin(self, incident: Incident | None) -> None:
        origin = incident.origin if incident is not None else None
        self.origin.setVisible(origin is not None)
        if origin is not None:
            self.origin.setText(
                tr(
                    "⇄ From partner centre {agency} (their {number}), last changed there at {time:%H:%M:%S}",
                    agency=origin.agency,
                    number=origin.number or "—",
                    time=origin.updated_at.astimezone(),
                )
            )

    def _incident_number(self, incident_id: str) -> str:
        other = self._store.incidents.get(incident_id)
        return other.number if other is not None else incident_id[:8]

    # --- the caller's link (citizens' media) ---------------------------------------------------------
    def open_caller_invite(self) -> None:
        incident = self.current()
        if incident is None:
            return
        if self._invite_dialog is not None:
            self._invite_dialog.close()
        self._invite_dialog = CallerInviteDialog(incident, self._commands, self._store, self)
        self._invite_dialog.show()

    def _on_caller(self, incident_id: str) -> None:
        if incident_id == self._incident_id:
            self._refresh_caller()

    def _refresh_caller(self) -> None:
        incident = self.current()
        if incident is None:
            self.caller_link.clear()
            return
        links = invites_of(incident.id, self._store.invites.values())
        position = self._store.caller_positions.get(incident.id)
        self.caller_link.setText(summary(links, position, datetime.now(UTC)))
        self.ask_caller.setEnabled(incident.status not in ("closed", "cancelled") and not self._commands.read_only)

    def _refresh_all(self) -> None:
        incident = self.current()
        self._refresh_header()
        self._refresh_caller()
        self._refresh_major_events()
        self._refresh_origin(incident)
        self._refresh_warnings()
        if incident is None:
            return
        self.priority.setValue(incident.priority)
        self.status.setCurrentIndex(max(0, self.status.findData(incident.status)))
        index = self.type_box.findData(incident.type_code)
        if index >= 0:
            self.type_box.setCurrentIndex(index)
        requested = ", ".join(
            tr("{agency} requested by {who}", agency=tr(AGENCY_WORDS.get(r.agency, r.agency)), who=r.requested_by)
            for r in incident.agency_requests
        )
        self.agencies.setText(
            ", ".join(tr(AGENCY_WORDS.get(a, a)) for a in incident.agencies)
            + (f"  ·  {requested}" if requested else "")
        )

    def _refresh_header(self) -> None:
        incident = self.current()
        if incident is None:
            self.title.setText(tr("No incident selected"))
            self.priority_chip.hide()
            self.subtitle.clear()
            self.caller.clear()
            return
        band = priority_band(incident.priority)
        self.priority_chip.setText(priority_label(incident.priority))
        self.priority_chip.setStyleSheet(
            f"padding: 2px 8px; color: white; font-weight: bold; background: {band.colour};"
        )
        self.priority_chip.show()
        self.title.setText(f"{incident.number} · {incident.type_text}")
        age = format_age((self._store.now() - incident.created_at).total_seconds())
        sector = f" ({incident.location.sector})" if incident.location.sector else ""
        self.subtitle.setText(
            tr(
                "{status} · {address_text}{sector} · opened {age} ago at {time:%H:%M:%S}",
                status=tr(INCIDENT_STATUS_WORDS.get(incident.status, incident.status)).upper(),
                address_text=incident.location.address_text or "",
                sector=sector,
                age=age,
                time=incident.created_at.astimezone(),
            )
        )
        caller = " · ".join(p for p in (incident.caller_name, incident.caller_phone) if p)
        self.caller.setText(tr("Caller: {caller}", caller=caller) if caller else "")

    def _refresh_major_events(self) -> None:
        current = self.current()
        self.major_box.blockSignals(True)
        self.major_box.clear()
        self.major_box.addItem(tr("— none —"), None)
        for incident in self._store.incidents.values():
            if incident.major_event and incident.is_open and (current is None or incident.id != current.id):
                self.major_box.addItem(f"{incident.number} {incident.type_text}", incident.id)
        if current is not None and current.major_event_id:
            self.major_box.setCurrentIndex(max(0, self.major_box.findData(current.major_event_id)))
        self.major_box.blockSignals(False)

    def _render_timeline(self) -> None:
        assert self._builder is not None
        self.timeline.clear()
        for entry in self._builder.entries:
            self.timeline.addTopLevelItem(self._timeline_item(entry))
        self.timeline.scrollToBottom()

    @staticmethod
    def _timeline_item(entry: TimelineEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [f"{entry.at.astimezone():%H:%M:%S}", entry.actor, f"{KIND_GLYPHS.get(entry.kind, '·')} {entry.text}"]
        )
        item.setToolTip(2, entry.text)
        return item

    def timeline_texts(self) -> list[str]:
        items = (self.timeline.topLevelItem(i) for i in range(self.timeline.topLevelItemCount()))
        return [item.text(2) for item in items if item is not None]

    def _add_media_item(self, item: MediaItem) -> None:
        if item.kind == "text":
            label = f"✉ {item.text or ''}"
        else:
            label = tr("{kind} · {size} KB · {source}", kind=item.kind, size=item.size // 1024, source=item.source)
            label += photo_facts_text(item)
            if item.kind == "video":
                label = f"▶ {label}"
        entry = QListWidgetItem(label)
        entry.setData(Qt.ItemDataRole.UserRole, item.id)
        entry.setToolTip(item.text or label)
        self.media.addItem(entry)
        if item.kind == "photo":
            self._queries.media_file(item, functools.partial(self._load_thumbnail, entry, item))

    def _load_thumbnail(self, entry: QListWidgetItem, item: MediaItem, path: Path) -> None:
        async def decode() -> None:
            image = await asyncio.to_thread(QImage, str(path))  # decoding off the GUI thread
            if image.isNull():
                return
            self._images[item.id] = image
            thumb = image.scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            if self.media.row(entry) >= 0:
                entry.setIcon(QPixmap.fromImage(thumb))

        task = asyncio.ensure_future(decode())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _open_media(self, entry: QListWidgetItem) -> None:
        media_id = entry.data(Qt.ItemDataRole.UserRole)
        item = self._store.media.get(media_id)
        if item is not None and item.kind == "video":
            self.video_requested.emit(media_id)
            return
        image = self._images.get(media_id)
        if image is not None:
            viewer = PhotoViewer(image, tr("Photo — {text}", text=self.title.text()), self)
            self._viewers.append(viewer)
            viewer.finished.connect(lambda _r, v=viewer: self._viewers.remove(v))
            viewer.show()

    # --- acting ----------------------------------------------------------------------------
    def _act(self, command: Any) -> None:
        incident = self.current()
        if incident is not None:
            command(incident)

    def _camera_name(self, camera_id: str) -> str:
        camera = self._store.cameras.get(camera_id)
        return camera.name if camera else tr("camera {camera_id}", camera_id=camera_id)

    def focus_note(self) -> None:
        self.note.setFocus()

    def _add_note(self) -> None:
        text = self.note.text().strip()
        incident = self.current()
        if incident is not None and text:
            self._commands.add_note(incident, text)
            self.note.clear()

    def _request_agency(self) -> None:
        incident = self.current()
        reason = self.agency_reason.text().strip()
        if incident is None:
            return
        if not reason:
            self.agency_reason.setPlaceholderText(tr("Say why the agency is needed"))
            self.agency_reason.setFocus()
            return
        self._commands.request_agency(incident, self.agency_box.currentData(), reason)
        self.agency_reason.clear()

    def _export(self, kind: str) -> None:
        incident = self.current()
        if incident is None:
            return
        dialog = QFileDialog(self, tr("Export {number} as {format}", number=incident.number, format=kind.upper()))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(f"{incident.number}-{kind}.json")
        dialog.fileSelected.connect(
            lambda name, i=incident.id: self._queries.export(
                i, kind, Path(name), lambda path: self._notifier.info(tr("Saved {path}", path=path))
            )
        )
        dialog.open()  # never exec(): no nested event loop
