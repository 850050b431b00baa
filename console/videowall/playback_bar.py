"""Playback controls for the selected tile: play, pause, seek, speed 0.25×–8×, one frame forward."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from console.i18n import tr
from console.videowall.logic.feed import Feed
from console.videowall.logic.feed_status import format_position
from console.videowall.logic.feed_worker import SPEEDS


class PlaybackBar(QWidget):
    """Drives the Feed of the selected tile when it plays a file or a recording; disabled for live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker: Feed | None = None
        self.play_button = QPushButton(tr("Pause"))
        self.play_button.setToolTip(tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self._toggle)
        self.step_button = QPushButton(tr("Frame ▸"))
        self.step_button.setToolTip(tr("One frame forward"))
        self.step_button.clicked.connect(lambda: self._worker.step() if self._worker else None)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderReleased.connect(self._seek)
        self.position = QLabel("--:--")
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(
            lambda _i: self._worker.set_speed(self.speed.currentData()) if self._worker else None
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.play_button, self.step_button, self.slider, self.position, self.speed):
            layout.addWidget(widget)
        layout.setStretchFactor(self.slider, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.bind(None)

    def bind(self, worker: Feed | None) -> None:
        """Control this worker (None or a live feed: the bar is disabled)."""
        self._worker = worker if worker is not None and worker.source.playback else None
        self.setEnabled(self._worker is not None)
        if self._worker is not None:
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(SPEEDS.index(self._worker.speed) if self._worker.speed in SPEEDS else 2)
            self.speed.blockSignals(False)
        self._refresh()

    def _toggle(self) -> None:
        worker = self._worker
        if worker is None:
            return
        if worker.paused:
            worker.play()
        else:
            worker.pause()

    def _set_speed(self, _index: int) -> None:
        if self._worker is not None:
            self._worker.set_speed(float(self.speed.currentData()))

    def _seek(self) -> None:
        if self._worker is not None:
            self._worker.seek(self.slider.value() / 10)

    def _refresh(self) -> None:
        worker = self._worker
        if worker is None:
            self.position.setText(tr("live") if self.isEnabled() else "--:--")
            self.slider.setRange(0, 0)
            return
        frame = worker.latest
        duration = worker.duration_s or 0.0
        self.slider.setRange(0, int(duration * 10))
        position = frame.position_s if frame and frame.position_s is not None else 0.0
        if not self.slider.isSliderDown():
            self.slider.setValue(int(position * 10))
        self.position.setText(f"{format_position(position)} / {format_position(duration)}")
        self.play_button.setText(tr("Play") if worker.paused else tr("Pause"))
