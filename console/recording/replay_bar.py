"""The trainer's controls: play/pause, speed, a seek slider with the session's markers, previous/next marker,
the replayed clock, and a note at the current time. The REPLAY banner says it is not live, always."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSlider,
    QToolButton,
    QWidget,
)

from console.i18n import tr
from console.i18n.formats import clock, day_and_clock
from console.recording.logic.replay_clock import SPEEDS
from console.recording.logic.session_file import Marker
from console.recording.player import SessionPlayer

STEPS = 10_000
MARKER_STYLE = {  # colour and shape: an alert is a red triangle, not only red
    "alert": ("#ff5252", "triangle"),
    "incident": ("#ffb300", "bar"),
    "action": ("#4fc3f7", "dot"),
    "note": ("#b388ff", "diamond"),
}


def replay_time(t: float) -> str:
    return day_and_clock(datetime.fromtimestamp(t, UTC))


def replay_clock(t: float) -> str:
    return clock(datetime.fromtimestamp(t, UTC))


class MarkerSlider(QSlider):
    """A seek slider with the session's markers drawn over its groove."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setRange(0, STEPS)
        self.setMinimumHeight(30)
        self.markers: list[tuple[float, Marker]] = []  # (fraction, marker)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 12
        for fraction, marker in self.markers:
            colour, shape = MARKER_STYLE.get(marker.kind, ("#ffffff", "bar"))
            x = 6 + fraction * width
            painter.setPen(QColor(colour))
            painter.setBrush(QColor(colour))
            if shape == "triangle":
                painter.drawPolygon(QPolygonF([QPointF(x, 2), QPointF(x - 5, 11), QPointF(x + 5, 11)]))
            elif shape == "diamond":
                painter.drawPolygon(QPolygonF([QPointF(x, 1), QPointF(x - 4, 6), QPointF(x, 11), QPointF(x + 4, 6)]))
            elif shape == "dot":
                painter.drawEllipse(QPointF(x, 6), 3, 3)
            else:
                painter.drawRect(int(x) - 1, 2, 2, 9)
        painter.end()


class ReplayBar(QWidget):
    """Drives a SessionPlayer."""

    def __init__(self, player: SessionPlayer) -> None:
        super().__init__()
        self.player = player
        self.play = QPushButton(tr("▶ Play"))
        self.play.clicked.connect(self._toggle)
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda _i: player.set_speed(float(self.speed.currentData())))
        self.previous = QPushButton(tr("◀ Previous marker"))
        self.previous.clicked.connect(player.previous_marker)
        self.next = QPushButton(tr("Next marker ▶"))
        self.next.clicked.connect(player.next_marker)
        self.slider = MarkerSlider()
        self.slider.sliderReleased.connect(lambda: player.seek(player.clock.at_fraction(self.slider.value() / STEPS)))
        self.clock = QLabel()
        self.note = QLineEdit(placeholderText=tr("Trainer's note at this time, Enter"))
        self.note.returnPressed.connect(self._add_note)
        self.notes = QToolButton()
        self.notes.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.notes.setMenu(QMenu(self.notes))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.play, self.speed, self.previous):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.next)
        layout.addWidget(self.clock)
        layout.addWidget(self.note)
        layout.addWidget(self.notes)
        player.position_changed.connect(self._moved)
        player.playing_changed.connect(lambda on: self.play.setText(tr("❚❚ Pause") if on else tr("▶ Play")))
        player.markers_changed.connect(self._place_markers)
        self._place_markers()
        self._moved(player.clock.position)

    def _toggle(self) -> None:
        if self.player.clock.playing:
            self.player.pause()
        else:
            self.player.play()

    def _moved(self, position: float) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(round(self.player.clock.fraction * STEPS))
        self.clock.setText(f"{replay_time(position)}  ({self.player.clock.speed:g}×)")

    def _place_markers(self) -> None:
        clock = self.player.clock
        span = max(1e-9, clock.end - clock.start)
        self.slider.markers = [((m.t - clock.start) / span, m) for m in self.player.markers]
        lines = (f"{replay_clock(m.t)} {m.kind}: {m.label}" for m in self.player.markers[-30:])
        self.slider.setToolTip("<p style='white-space:pre'>" + "<br>".join(html.escape(x) for x in lines) + "</p>")
        self.slider.update()
        menu = self.notes.menu()
        menu.clear()
        notes = [m for m in self.player.markers if m.kind == "note"]
        for marker in notes:
            action = menu.addAction(f"{replay_clock(marker.t)}  {marker.label}")
            action.triggered.connect(lambda _=False, t=marker.t: self.player.seek(t))
        self.notes.setText(tr("Notes ({count}) ▾", count=len(notes)))
        self.notes.setEnabled(bool(notes))

    def _add_note(self) -> None:
        text = self.note.text().strip()
        if text:
            self.player.add_note(text)
            self.note.clear()


class ReplayBanner(QLabel):
    """ "REPLAY" and the replayed time, above every panel; commands are off."""

    def __init__(self, player: SessionPlayer) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("background: #4a148c; color: white; font-weight: bold; font-size: 15px; padding: 4px;")
        player.position_changed.connect(self._moved)
        self._name = player.reader.path.name
        self._moved(player.clock.position)

    def _moved(self, position: float) -> None:
        self.setText(
            tr("REPLAY of {name} — {position} — commands are disabled", name=self._name, position=replay_time(position))
        )
