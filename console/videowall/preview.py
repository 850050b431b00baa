"""A stream tried before it is saved: a camera's address (and login) played in a small picture, with what the
wall would say of it ("LIVE 25 fps", "camera refused the connection"). Decoded on its own thread."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.i18n import tr
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import reading
from console.videowall.logic.feed_worker import FeedWorker

SIZE = (320, 180)


class StreamPreview(QWidget):
    """`play(url)` shows it; `stop()` ends it (also when the widget goes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel(tr("No stream tested yet"))
        self.picture.setObjectName("stream_preview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedSize(*SIZE)
        self.picture.setStyleSheet("background: #101418; color: #c8d0d8;")
        self.state = QLabel("")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(self.state)
        self.worker: FeedWorker | None = None
        self.frames = 0
        self._last_seq = 0
        self._last_frame_at: float | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._paint)
        self.destroyed.connect(lambda *_: self.stop())

    def play(self, url: str, label: str) -> None:
        self.stop()
        self.frames, self._last_seq, self._last_frame_at = 0, 0, None
        self.worker = FeedWorker(FeedSource(url, label, playback=False), SIZE)
        self.worker.start()
        self.picture.setText(tr("connecting…"))
        self._timer.start(100)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        self._timer.stop()

    def _paint(self) -> None:
        worker = self.worker
        if worker is None:
            return
        frame = worker.latest
        now = time.monotonic()
        if frame is not None and frame.seq != self._last_seq:
            self._last_seq, self._last_frame_at = frame.seq, now
            self.frames += 1
            height, width = frame.pixels.shape[:2]
            image = QImage(frame.pixels.data, width, height, width * 4, QImage.Format.Format_RGB32).copy()
            self.picture.setPixmap(QPixmap.fromImage(image))
        said = reading(worker.status, now, self._last_frame_at, frame.time if frame else None, None, worker.fps(now))
        self.state.setText(" ".join(part for part in (said.badge, said.fps, said.message) if part))
        self.state.setStyleSheet("color: #e05a4f;" if said.alarming else "")
