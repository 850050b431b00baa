"""The video wall panel: camera list, layout choice, the grid, playback controls, snapshot, full screen.

It resolves what a tile shows into something to decode: a camera's stream from the store, an uploaded video
through the console's authenticated client into the local cache (checked against its sha256), or a URL.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cv2
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.domain.clip_range import ClipRange
from console.evidence.logic.clip import ClipError, from_marks, last
from console.i18n import tr
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.videowall.camera_list import CameraList
from console.videowall.logic.feed import Snapshot
from console.videowall.logic.feed_source import FeedSource, Logins, archive_source, camera_source
from console.videowall.logic.layouts import LAYOUTS
from console.videowall.logic.remote_feed import DecoderProcess
from console.videowall.logic.wall_state import SourceRef, Tour, WallState
from console.videowall.playback_bar import PlaybackBar
from console.videowall.tag_dialog import TagDialog
from console.videowall.wall_grid import WallGrid

log = logging.getLogger("console.video")


class WallWindow(QWidget):
    """The wall alone, full screen on a chosen monitor; Esc (or closing it) puts it back in the panel."""

    closed = Signal()
    """The full-screen wall was left."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("Video wall"))
        self.setStyleSheet("background: black;")
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.closed.emit()
        super().closeEvent(event)


class VideoWallPanel(QWidget):
    """Everything the operator needs to watch cameras and videos on one panel."""

    def __init__(
        self,
        store: Store,
        queries: Queries,
        selection: Selection,
        notifier: Notifier,
        commands: Commands,
        fill_at_start: bool = True,
    ) -> None:
        """`fill_at_start`: an empty wall takes the first cameras when the console first connects."""
        super().__init__()
        self.setObjectName("video_wall")
        self._store = store
        self._queries = queries
        self._selection = selection
        self._notifier = notifier
        self._commands = commands
        self._mark_in: tuple[int, datetime] | None = None
        self.tag_dialog = TagDialog(self)
        self.tag_dialog.tag_requested.connect(self._tag)
        self._tagging: tuple[str, str] | None = None
        self._media_paths: dict[str, Path] = {}
        self._logins: dict[str, Logins] = {}  # cameras' addresses with their login, this session only
        self._logins_pending: set[str] = set()
        self._media_pending: set[str] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self.full_screen: WallWindow | None = None
        self.cameras = CameraList(store)
        self.decoder = DecoderProcess()
        self.grid = WallGrid(self._resolve, self.decoder)
        self.playback = PlaybackBar()
        self.layout_box = QComboBox()
        self.layout_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layout_box.setMinimumContentsLength(5)
        for name in LAYOUTS:
            self.layout_box.addItem(tr(name), name)
        self.layout_box.setCurrentIndex(self.layout_box.findData(self.grid.state.layout_name))
        self.layout_box.setToolTip(tr("Wall layout (Alt+1 … Alt+{count}: View ▸ Wall layout)", count=len(LAYOUTS)))
        self.layout_box.currentIndexChanged.connect(lambda _i: self.show_layout(self.layout_box.currentData()))
        snapshot = QPushButton(tr("Snapshot"))
        snapshot.setToolTip(tr("Attach the selected tile's picture to the selected incident as a photo"))
        snapshot.clicked.connect(self.snapshot)
        mark_in = QPushButton(tr("In (I)"))
        mark_in.setToolTip(tr("Mark in: the clip starts at the picture on the selected tile (I)"))
        mark_in.clicked.connect(self.mark_in)
        mark_out = QPushButton(tr("Out (O)"))
        mark_out.setToolTip(tr("Mark out: the clip ends at the picture on the selected tile (O), then tag it"))
        mark_out.clicked.connect(self.mark_out)
        tag_last = QPushButton(tr("Tag last 30 s"))
        tag_last.setToolTip(tr("Tag the 30 s up to the picture on the selected tile to an incident"))
        tag_last.clicked.connect(lambda: self.tag_last(30))
        self.marks = QLabel()
        for key, slot in (("I", self.mark_in), ("O", self.mark_out)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # The rarer gestures wait in a menu, so that the bar fits the panel under the map.
        self.more_button = QToolButton()
        self.more_button.setText(tr("More ▾"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        for period in (5, 10, 30, 60):
            tour = self.more_menu.addAction(tr("Tour the listed cameras on this tile, {period} s each", period=period))
            tour.triggered.connect(self._tour_every(float(period)))
        self.screens_menu = self.more_menu.addMenu(tr("Full screen on"))
        self.screens_menu.aboutToShow.connect(self._fill_screens)
        self.more_button.setMenu(self.more_menu)
        bar = QHBoxLayout()
        for widget in (self.layout_box, mark_in, mark_out, tag_last, snapshot, self.marks, self.more_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._wall_area = QWidget()
        wall_layout = self._wall_layout = QVBoxLayout(self._wall_area)
        wall_layout.setContentsMargins(0, 0, 0, 0)
        wall_layout.addWidget(self.grid, 1)
        self.back_button = QPushButton()
        self.back_button.hide()
        self.back_button.clicked.connect(lambda: self.full_screen.close() if self.full_screen else None)
        wall_layout.addWidget(self.back_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self._wall_area, 1)
        right_layout.addWidget(self.playback)
        splitter = QSplitter()
        splitter.addWidget(self.cameras)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self.cameras.camera_activated.connect(lambda cid: self.show_source(SourceRef("camera", cid)))
        self.grid.tile_selected.connect(lambda slot: self.playback.bind(self.grid.worker(slot)))
        self.grid.state_changed.connect(lambda _s: self.playback.bind(self.grid.worker(self.grid.selected)))
        self.grid.tile_menu_requested.connect(self._tile_menu)
        store.camera_changed.connect(lambda _id, _gone: self.grid.sync())
        store.camera_changed.connect(self._caller_live)
        store.reset_done.connect(self._first_fill)
        self._filled = not fill_at_start

    def _first_fill(self) -> None:
        """At the first connection, an empty wall gets the cameras in list order (the operator rearranges)."""
        if not self._filled and all(ref is None for ref in self.grid.state.assignments):
            self._filled = True
            state = self.grid.state
            for slot, camera_id in enumerate(self.cameras.visible_ids()[: state.layout.size]):
                state = state.assign(slot, SourceRef("camera", camera_id))
            self.grid.set_state(state)
        self.grid.sync()

    # --- what the tiles show -----------------------------------------------------------------
    def _resolve(self, ref: SourceRef, main: bool) -> FeedSource | str:
        if ref.kind == "camera":
            camera = self._store.cameras.get(ref.id)
            if camera is None:
                return tr("this camera is not known to the backend")
            if camera.has_credentials and camera.id not in self._logins:
                self._fetch_logins(camera.id)
                return tr("getting the camera's login…")
            return camera_source(camera, main, self._logins.get(camera.id)) or tr("this camera has no stream")
        if ref.kind == "archive":
            camera = self._store.cameras.get(ref.id)
            if camera is None:
                return tr("this camera is not known to the backend")
            if camera.has_credentials and camera.id not in self._logins:
                self._fetch_logins(camera.id)
                return tr("getting the camera's login…")
            start, end = datetime.fromisoformat(ref.start), datetime.fromisoformat(ref.end)
            source = archive_source(camera, start, end, ref.loop, ref.label, self._logins.get(camera.id))
            return source or tr("this camera keeps no recording")
        if ref.kind == "media":
            path = self._media_paths.get(ref.id)
            item = self._store.media.get(ref.id)
            if path is not None:
                # Its pictures' times: when it was filmed (else received), so that a tag has UTC times.
                filmed = (item.captured_at or item.received_at) if item is not None else None
                clip_from, clip_to = 0.0, None
                if filmed is not None and ref.start and ref.end:
                    clip_from = max(0.0, (datetime.fromisoformat(ref.start) - filmed).total_seconds())
                    clip_to = (datetime.fromisoformat(ref.end) - filmed).total_seconds()
                return FeedSource(
                    str(path),
                    ref.describe(),
                    playback=True,
                    start_time=filmed,
                    loop=ref.loop,
                    clip_from_s=clip_from,
                    clip_to_s=clip_to,
                )
            self._download(ref.id)
            return tr("downloading the video…")
        return FeedSource(ref.id, ref.describe(), playback=not ref.id.startswith(("rtsp:", "http:", "https:", "tcp:")))

    def _fetch_logins(self, camera_id: str) -> None:
        """Ask the backend for the camera's addresses with its login (once at a time; kept for this session)."""
        if camera_id in self._logins_pending:
            return
        self._logins_pending.add(camera_id)

        def done(logins: dict[str, str | None]) -> None:
            self._logins_pending.discard(camera_id)
            self._logins[camera_id] = logins
            self.grid.sync()

        if self._queries.camera_logins(camera_id, done) is None:
            self._logins_pending.discard(camera_id)  # not connected yet: asked again at the next sync

    def _download(self, media_id: str) -> None:
        item = self._store.media.get(media_id)
        if item is None or media_id in self._media_pending:
            return
        self._media_pending.add(media_id)

        def done(path: Path) -> None:
            self._media_pending.discard(media_id)
            self._media_paths[media_id] = path
            self.grid.sync()

        self._queries.media_file(item, done)

    def show_source(self, ref: SourceRef) -> None:
        """Show a source on the first empty tile, else on the selected one."""
        slot = self.grid.state.first_free()
        self.grid.assign(self.grid.selected if slot is None else slot, ref)

    def show_camera(self, camera_id: str) -> None:
        camera = self._store.cameras.get(camera_id)
        self.show_source(SourceRef("camera", camera_id, camera.name if camera else ""))

    def play_media(self, media_id: str) -> None:
        item = self._store.media.get(media_id)
        label = tr("Video {name}", name=item.name) if item is not None and item.name else tr("Uploaded video")
        self.show_source(SourceRef("media", media_id, label))

    def play_recording(self, slot: int, camera_id: str, span: timedelta, end: datetime | None = None) -> None:
        """Play a camera's recording on a tile: the `span` before `end` (now by default)."""
        end = end or datetime.now(UTC)
        camera = self._store.cameras.get(camera_id)
        label = tr("{camera_id} — recording", camera_id=camera.name if camera else camera_id)
        self.grid.assign(slot, SourceRef("archive", camera_id, label, (end - span).isoformat(), end.isoformat()))

    def play_bookmark(self, bookmark_id: str) -> None:
        """A tagged clip on a tile, again and again: the camera's recording of it, or the tagged video."""
        bookmark = self._store.bookmarks.get(bookmark_id)
        if bookmark is None:
            return
        slot = self.grid.state.first_free()
        slot = self.grid.selected if slot is None else slot
        if bookmark.camera_id:
            camera = self._store.cameras.get(bookmark.camera_id)
            label = tr("Clip — {camera_id}", camera_id=camera.name if camera else bookmark.camera_id)
            start, end = bookmark.start.isoformat(), bookmark.end.isoformat()
            self.grid.assign(slot, SourceRef("archive", bookmark.camera_id, label, start, end, loop=True))
        elif bookmark.media_id:
            start, end = bookmark.start.isoformat(), bookmark.end.isoformat()
            self.grid.assign(slot, SourceRef("media", bookmark.media_id, tr("Clip — video"), start, end, loop=True))
        self.grid.select(slot)

    def set_state(self, state: WallState) -> None:
        self.layout_box.blockSignals(True)
        self.layout_box.setCurrentIndex(self.layout_box.findData(state.layout_name))
        self.layout_box.blockSignals(False)
        self.grid.set_state(state)

    def _recording_of(self, slot: int, camera_id: str, span: timedelta) -> Callable[[], None]:
        return lambda: self.play_recording(slot, camera_id, span)

    def _tour_every(self, period_s: float) -> Callable[[], None]:
        return lambda: self.start_tour(period_s)

    def start_tour(self, period_s: float = 10.0) -> None:
        ids = tuple(self.cameras.visible_ids())
        if not ids:
            self._notifier.warning(tr("No camera to tour: the camera list is empty (clear the search?)."))
            return
        self.grid.set_state(self.grid.state.with_tour(self.grid.selected, Tour(ids, period_s)))

    def _tile_menu(self, slot: int, where: QPoint) -> None:
        self.grid.select(slot)
        menu = QMenu(self)
        menu.addAction(
            tr("Enlarge / back to the grid"), lambda: self.grid.set_state(self.grid.state.toggle_enlarged(slot))
        )
        menu.addAction(tr("Snapshot to the selected incident"), self.snapshot)
        shown = self.grid.effective(slot)
        camera = self._store.cameras.get(shown.id) if shown is not None and shown.kind == "camera" else None
        if camera is not None and camera.archive_url:
            for minutes in (1, 5, 15):
                action = menu.addAction(tr("Play the last {minutes} min of its recording", minutes=minutes))
                span = timedelta(minutes=minutes)
                action.triggered.connect(self._recording_of(slot, camera.id, span))
        if camera is not None and camera.kind == "caller" and camera.status == "live":
            keep = menu.addAction(tr("Keep this live video with the incident (recorded until it ends)"))
            keep.triggered.connect(lambda _=False, c=camera.id: self.keep_live(c))
        menu.addAction(tr("Tour the listed cameras here (10 s each)"), self._tour_every(10.0))
        menu.addAction(tr("Clear this tile"), lambda: self.grid.assign(slot, None))
        self.tile_menu = menu
        menu.popup(where)

    def _caller_live(self, camera_id: str, created: bool) -> None:
        """A caller started live video: say so once (the operator may put it on a tile)."""
        camera = self._store.cameras.get(camera_id)
        if created and camera is not None and camera.kind == "caller" and camera.status == "live":
            self._notifier.info(tr("{name} is live: in the video wall's camera list", name=camera.name))

    def keep_live(self, camera_id: str) -> None:
        """The caller's live video is kept with its incident when it ends (dispatchd records it from the start)."""
        if self._commands.keep_live_recording(camera_id) is not None:
            self._notifier.info(tr("The live video will be kept with the incident when it ends."))

    # --- tagging clips ------------------------------------------------------------------------
    def _shown_time(self) -> tuple[int, datetime] | None:
        """The selected tile and the time of the picture it shows, or None (said to the operator)."""
        slot = self.grid.selected
        frame = self.grid.tiles[slot].painted
        if frame is None or frame.time is None:
            self._notifier.warning(tr("The selected tile shows no picture with a time to mark."))
            return None
        return slot, frame.time

    def mark_in(self) -> None:
        self._mark_in = self._shown_time()
        if self._mark_in is not None:
            self.marks.setText(tr("in {time:%H:%M:%S}", time=self._mark_in[1].astimezone()))

    def mark_out(self) -> None:
        out = self._shown_time()
        if out is None:
            return
        if self._mark_in is None or self._mark_in[0] != out[0]:
            self._notifier.warning(tr("Mark the start of the clip on this tile first (I)."))
            return
        self._ask_tag(out[0], lambda: from_marks(self._mark_in[1] if self._mark_in else None, out[1]))

    def tag_last(self, seconds: float) -> None:
        shown = self._shown_time()
        if shown is not None:
            self._ask_tag(shown[0], lambda: last(seconds, shown[1]))

    def _ask_tag(self, slot: int, clip_of: Callable[[], ClipRange]) -> None:
        ref = self.grid.effective(slot)
        source = _taggable(ref)
        if ref is None or source is None:
            self._notifier.warning(tr("Only the backend's cameras and videos can be tagged to an incident."))
            return
        try:
            clip = clip_of()
        except ClipError as exc:
            self._notifier.warning(str(exc))
            return
        self._tagging = source
        incidents = [i for i in self._store.incidents.values() if i.status in ("new", "active")]
        self.tag_dialog.ask(clip, self.grid.tiles[slot].title or ref.describe(), incidents, self._selection.incident_id)

    def _tag(self, incident_id: str, clip: ClipRange, labels: list[str], note: str) -> None:
        incident = self._store.incidents.get(incident_id)
        if incident is None or self._tagging is None:
            return
        self._commands.tag_clip(incident, self._tagging, clip, labels, note)
        self._mark_in = None
        self.marks.clear()

    # --- snapshot ----------------------------------------------------------------------------
    def snapshot(self) -> None:
        worker = self.grid.worker(self.grid.selected)
        incident = self._store.incidents.get(self._selection.incident_id)
        if incident is None:
            self._notifier.warning(tr("Select an incident first: the snapshot is attached to it."))
            return
        if worker is None:
            self._notifier.warning(tr("The selected tile shows nothing to take a picture of."))
            return
        label = worker.source.label
        worker.request_snapshot(lambda picture: self._send_snapshot(incident.id, incident.number, label, picture))

    def _send_snapshot(self, incident_id: str, number: str, label: str, picture: Snapshot | None) -> None:
        if picture is None:
            self._notifier.warning(tr("{label} has no picture to take yet.", label=label))
            return
        image, when = picture

        async def encode_and_send() -> None:
            ok, jpeg = await asyncio.to_thread(cv2.imencode, ".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
            if not ok:
                self._notifier.error(tr("Could not encode the snapshot."))
                return
            self._queries.upload_photo(
                incident_id,
                jpeg.tobytes(),
                when.isoformat() if when else None,
                "vms",
                lambda _m: self._notifier.info(
                    tr("Snapshot of {label} attached to {number}.", label=label, number=number)
                ),
            )

        task = asyncio.ensure_future(encode_and_send())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- full screen --------------------------------------------------------------------------
    def _fill_screens(self) -> None:
        self.screens_menu.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            geometry = screen.geometry()
            action = QAction(
                tr(
                    "Screen {number}: {name} ({width}×{height})",
                    number=number,
                    name=screen.name(),
                    width=geometry.width(),
                    height=geometry.height(),
                ),
                self,
            )
            action.triggered.connect(lambda _checked=False, s=screen: self.go_full_screen(s))
            self.screens_menu.addAction(action)

    def show_layout(self, name: str) -> None:
        """Arrange the wall as `name` (one of LAYOUTS), the cameras kept in their tiles."""
        if name in LAYOUTS and name != self.grid.state.layout_name:
            self.set_state(self.grid.state.with_layout(name))

    def go_full_screen(self, screen: QScreen) -> None:
        """Move the grid into a window of its own, full screen on `screen`; Esc brings it back."""
        if self.full_screen is not None:
            self.full_screen.close()
        window = WallWindow()
        layout = window.layout()
        assert layout is not None
        layout.addWidget(self.grid)
        window.setScreen(screen)  # before the window exists: X11 screens of their own cannot be moved to later
        window.setGeometry(screen.geometry())
        window.closed.connect(self._back_from_full_screen)
        self.full_screen = window
        window.showFullScreen()
        self.back_button.setText(
            tr("The wall is full screen on {name}: click here (or Esc there) to bring it back", name=screen.name())
        )
        self.back_button.show()

    def _back_from_full_screen(self) -> None:
        self.back_button.hide()
        self._wall_layout.insertWidget(0, self.grid, 1)
        self.grid.show()
        self.full_screen = None

    def close_feeds(self) -> None:
        if self.full_screen is not None:
            self.full_screen.close()
        self.grid.close_feeds()
        self.decoder.close()


def _taggable(ref: SourceRef | None) -> tuple[str, str] | None:
    """What a bookmark names for what a tile shows: a camera (live or recorded) or a video of the backend."""
    if ref is None:
        return None
    if ref.kind in ("camera", "archive"):
        return ("camera", ref.id)
    if ref.kind == "media":
        return ("media", ref.id)
    return None
