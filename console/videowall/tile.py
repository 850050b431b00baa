"""A wall tile: paints its feed's newest frame and says, over the picture, what the feed is doing.

It only paints: the Feed has already scaled and converted the frame. Every text on it (camera names
included) is drawn with QPainter.drawText, which never interprets markup.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from console.i18n import N_, tr
from console.videowall.logic.feed import Feed
from console.videowall.logic.feed_status import TileReading, reading
from console.videowall.logic.feed_worker import Frame

CAMERA_MIME = "application/x-console-camera"
TILE_MIME = "application/x-console-tile"
BACKGROUND = QColor(12, 14, 18)
ALARM = QColor(200, 40, 40, 225)
BAND = QColor(0, 0, 0, 150)
SELECTED = QColor(90, 170, 255)
WORDS_PERIOD_S = 0.2
VCENTER = Qt.AlignmentFlag.AlignVCenter


BADGE_WORDS = {"LIVE": N_("LIVE"), "PLAYBACK": N_("PLAYBACK"), "ERROR": N_("ERROR")}


class Tile(QWidget):
    """One place on the wall. Drop a camera on it, drag it onto another tile to swap, double-click to enlarge."""

    camera_dropped = Signal(int, str)
    """A camera was dropped here: (tile, camera id)."""
    swap_requested = Signal(int, int)
    """This tile was dragged onto another: (from tile, to tile)."""
    enlarge_toggled = Signal(int)
    """Double-click: (tile)."""
    clicked = Signal(int)
    """The tile became the selected one: (tile)."""
    menu_requested = Signal(int, QPoint)
    """Right-click: (tile, global position)."""

    def __init__(self, slot: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.worker: Feed | None = None
        self.title = ""
        self.placeholder = ""
        self.selected = False
        self.painted: Frame | None = None
        self._press: QPoint | None = None
        self._last_words: TileReading | None = None
        self._words_at = 0.0
        self._overlay_key: object = None
        self._overlay: list[tuple[QPoint, QImage]] = []
        self.setObjectName(f"tile_{slot}")
        self.setAcceptDrops(True)
        self.setMinimumSize(96, 54)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: self.menu_requested.emit(self.slot, self.mapToGlobal(pos)))

    def set_feed(self, worker: Feed | None, title: str, placeholder: str = "") -> None:
        self.worker = worker
        if worker is not None:
            worker.paced = True
        self.title = title
        self.placeholder = placeholder
        self.painted = None
        self._last_words = None
        self._fit_worker()
        self.update()

    def words(self, now: float) -> TileReading | None:
        worker = self.worker
        if worker is None:
            return None
        frame = worker.latest
        return reading(
            worker.status,
            now,
            frame.ready_at if frame else None,
            frame.time if frame else None,
            frame.position_s if frame else None,
            worker.fps(now),
            worker.paused,
        )

    def refresh(self, now: float) -> None:
        """Called by the wall's paint timer: repaint when there is a new frame or the overlay's words changed.

        The words are recomputed five times a second at most: they change with the clock, not with frames."""
        worker = self.worker
        frame = worker.latest if worker else None
        if now - self._words_at >= WORDS_PERIOD_S:
            self._words_at = now
            words = self.words(now)
            if words != self._last_words:
                self._last_words = words
                self.update()
                return
        if frame is not None and frame is not self.painted:
            self.update()

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        frame = self.worker.latest if self.worker else None
        if frame is None:
            painter.fillRect(self.rect(), BACKGROUND)
        else:
            height, width = frame.pixels.shape[:2]
            x, y = (self.width() - width) // 2, (self.height() - height) // 2
            if x > 0:  # letterbox: only the bars
                painter.fillRect(0, 0, x, self.height(), BACKGROUND)
                painter.fillRect(x + width, 0, self.width() - x - width, self.height(), BACKGROUND)
            if y > 0:
                painter.fillRect(0, 0, self.width(), y, BACKGROUND)
                painter.fillRect(0, y + height, self.width(), self.height() - y - height, BACKGROUND)
            image = QImage(frame.pixels.data, width, height, frame.pixels.strides[0], QImage.Format.Format_RGB32)
            painter.drawImage(QPoint(x, y), image)
            self.painted = frame
            if self.worker is not None:
                self.worker.shown(frame.seq)
        for where, part in self._overlay_parts():
            painter.drawImage(where, part)
        painter.end()

    def _overlay_parts(self) -> list[tuple[QPoint, QImage]]:
        """The overlay as a few small pictures, drawn again only when its words or the tile's size change."""
        if self._last_words is None and self.worker is not None:
            self._last_words = self.words(time.monotonic())
        key = (self._last_words, self.title, self.placeholder, self.width(), self.height(), self.selected)
        if key != self._overlay_key:
            self._overlay_key = key
            self._overlay = self._render_overlay(self._last_words if self.worker is not None else None)
        return self._overlay

    def _render_overlay(self, words: TileReading | None) -> list[tuple[QPoint, QImage]]:
        font = QFont(self.font())
        font.setPixelSize(max(11, min(16, self.height() // 18)))
        metrics = QFontMetrics(font)
        line = metrics.height() + 6
        parts: list[tuple[QPoint, QImage]] = []

        def part(rect: QRect, fill: QColor) -> tuple[QImage, QPainter]:
            image = QImage(max(1, rect.width()), max(1, rect.height()), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setFont(font)
            painter.fillRect(image.rect(), fill)
            parts.append((rect.topLeft(), image))
            return image, painter

        title = self.title or tr("No camera — drag one here")
        shown = tr(BADGE_WORDS.get(words.badge, words.badge)) if words is not None and words.badge else ""
        badge = " ".join(p for p in (shown, words.clock) if p) if words is not None else ""
        badge_width = metrics.horizontalAdvance(badge) + 12 if badge else 0
        image, painter = part(QRect(0, 0, self.width(), line), BAND)
        painter.setPen(QColor(240, 240, 240))
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(0, self.width() - badge_width - 12))
        painter.drawText(image.rect().adjusted(6, 0, -badge_width - 6, 0), VCENTER | Qt.AlignmentFlag.AlignLeft, elided)
        if badge:
            live = words is not None and words.badge in ("LIVE", "ERROR")
            painter.setPen(QColor(255, 90, 80) if live else QColor(120, 200, 255))
            painter.drawText(image.rect().adjusted(0, 0, -6, 0), VCENTER | Qt.AlignmentFlag.AlignRight, badge)
        painter.end()
        if words is not None and words.fps:
            width = metrics.horizontalAdvance(words.fps) + 12  # bottom right: cameras print their own time left
            image, painter = part(QRect(self.width() - width, self.height() - line, width, line), BAND)
            painter.setPen(QColor(220, 220, 220))
            painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, words.fps)
            painter.end()
        message = words.message if words is not None else self.placeholder
        if message:
            box = self.rect().adjusted(12, line + 8, -12, -line - 8)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            needed = metrics.boundingRect(box, flags, message).adjusted(-10, -6, 10, 6)
            image, painter = part(needed, ALARM if words is not None and words.alarming else BAND)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(image.rect().adjusted(10, 6, -10, -6), flags, message)
            painter.end()
        if self.selected:
            for rect in (
                QRect(0, 0, self.width(), 2),
                QRect(0, self.height() - 2, self.width(), 2),
                QRect(0, 0, 2, self.height()),
                QRect(self.width() - 2, 0, 2, self.height()),
            ):
                part(rect, SELECTED)[1].end()
        return parts

    # --- size and visibility ----------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_worker()

    def _fit_worker(self) -> None:
        if self.worker is not None:
            ratio = self.devicePixelRatioF()
            self.worker.set_target_size(int(self.width() * ratio), int(self.height() * ratio))

    # --- gestures ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.clicked.emit(self.slot)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        if start is None or (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        mime = QMimeData()
        mime.setData(TILE_MIME, str(self.slot).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.enlarge_toggled.emit(self.slot)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(CAMERA_MIME):
            self.camera_dropped.emit(self.slot, bytes(mime.data(CAMERA_MIME).data()).decode())
        elif mime.hasFormat(TILE_MIME):
            source = int(bytes(mime.data(TILE_MIME).data()).decode())
            if source != self.slot:
                self.swap_requested.emit(source, self.slot)
        event.acceptProposedAction()
