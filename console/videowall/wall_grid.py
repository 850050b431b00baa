"""WallGrid: tiles arranged by a WallState, one FeedWorker per shown source, one paint timer for all.

The grid renders the state it is given and reports the operator's gestures as a new state (`state_changed`);
it starts a worker for each source on a shown tile (the main stream for the enlarged tile, the sub-stream
otherwise) and stops the workers of tiles that left the layout. Tiles that are hidden (behind the enlarged
one, in a closed dock, in a minimised window) put their workers to sleep: nothing decodes for nobody.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from console.videowall.logic.feed import Feed
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedState
from console.videowall.logic.feed_worker import FeedWorker
from console.videowall.logic.layouts import MAX_TILES
from console.videowall.logic.remote_feed import DecoderProcess
from console.videowall.logic.wall_state import SourceRef, WallState
from console.videowall.tile import Tile

log = logging.getLogger("console.video")

PAINT_INTERVAL_MS = 15
VISIBILITY_PERIOD_S = 0.25
Resolver = Callable[[SourceRef, bool], FeedSource | str]
"""(source, main stream?) → what to decode, or a sentence saying why there is nothing yet."""


class WallGrid(QWidget):
    """The tiles of the wall and their workers."""

    feed_failed = Signal(str, str)
    """A tile's source failed: the tile's title and why (once per failure, not at every retry)."""
    state_shown = Signal(object)
    """The wall now shows this WallState (a gesture or a program set it; a session recorder follows it)."""
    state_changed = Signal(object)
    """The operator changed the wall (drop, swap, enlarge): the new WallState."""
    tile_selected = Signal(int)
    """A tile was clicked: its index."""
    tile_menu_requested = Signal(int, QPoint)
    """Right-click on a tile: (tile, global position)."""

    def __init__(self, resolve: Resolver, decoder: DecoderProcess | None = None, parent: QWidget | None = None) -> None:
        """Feeds are decoded in `decoder` (a process of their own), or in this process when it is None."""
        super().__init__(parent)
        self._decoder = decoder
        self.setObjectName("wall_grid")
        self._resolve = resolve
        self.state = WallState()
        self.selected = 0
        self.tiles = [Tile(i, self) for i in range(MAX_TILES)]
        self._workers: dict[int, Feed] = {}
        self._tour_started: dict[int, float] = {}
        self._shown_slots: set[int] = set()
        self._visibility_at = 0.0
        self.covered = False
        self._failing: set[int] = set()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        for tile in self.tiles:
            tile.hide()
            tile.camera_dropped.connect(
                lambda slot, cid: self._change(self.state.assign(slot, SourceRef("camera", cid)))
            )
            tile.swap_requested.connect(lambda a, b: self._change(self.state.swap(a, b)))
            tile.enlarge_toggled.connect(lambda slot: self._change(self.state.toggle_enlarged(slot)))
            tile.clicked.connect(self.select)
            tile.menu_requested.connect(self.tile_menu_requested)
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_INTERVAL_MS)
        self._paint_timer.timeout.connect(self._paint_tick)
        self._paint_timer.start()
        self._tour_timer = QTimer(self)
        self._tour_timer.setInterval(500)
        self._tour_timer.timeout.connect(self.sync)
        self._tour_timer.start()
        self.set_state(self.state)

    # --- state ------------------------------------------------------------------------------
    def _change(self, state: WallState) -> None:
        self.set_state(state)
        self.state_changed.emit(state)

    def assign(self, slot: int, ref: SourceRef | None) -> None:
        """Put a source on a tile (as the operator does by dropping a camera)."""
        self._change(self.state.assign(slot, ref))

    def _drop_camera(self, slot: int, camera_id: str) -> None:
        self.assign(slot, SourceRef("camera", camera_id))

    def set_state(self, state: WallState) -> None:
        """Show this wall: place the tiles, then start and stop workers to match."""
        layout_changed = state.layout_name != self.state.layout_name or state.enlarged != self.state.enlarged
        self.state = state
        self.state_shown.emit(state)
        if layout_changed or not self._grid.count():
            self._place_tiles()
        for slot, _tour in state.tours:
            self._tour_started.setdefault(slot, time.monotonic())
        for slot in list(self._tour_started):
            if state.tour_of(slot) is None:
                del self._tour_started[slot]
        self.sync()

    def _place_tiles(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        for tile in self.tiles:
            tile.hide()
        layout = self.state.layout
        for r in range(max(layout.rows, 1)):
            self._grid.setRowStretch(r, 0)
        for r in range(5):
            self._grid.setRowStretch(r, 1 if r < layout.rows else 0)
            self._grid.setColumnStretch(r, 1 if r < layout.cols else 0)
        if self.state.enlarged is not None:
            tile = self.tiles[self.state.enlarged]
            self._grid.addWidget(tile, 0, 0, layout.rows, layout.cols)
            tile.show()
            return
        for tile, cell in zip(self.tiles, layout.cells, strict=False):
            self._grid.addWidget(tile, cell.row, cell.col, cell.rowspan, cell.colspan)
            tile.show()

    def effective(self, slot: int) -> SourceRef | None:
        """What the tile shows now: its tour's current camera, or its assignment."""
        tour = self.state.tour_of(slot)
        if tour is not None:
            started = self._tour_started.get(slot, time.monotonic())
            return SourceRef("camera", tour.camera_at(time.monotonic() - started))
        return self.state.assignments[slot]

    def sync(self) -> None:
        """Start, replace or stop workers so that each shown tile decodes what it should (called on changes)."""
        size = self.state.layout.size
        for slot, tile in enumerate(self.tiles):
            ref = self.effective(slot) if slot < size else None
            wanted = self._resolve(ref, slot == self.state.enlarged) if ref is not None else None
            current = self._workers.get(slot)
            if isinstance(wanted, FeedSource):
                if current is not None and current.source == wanted:
                    continue
                self._stop_worker(slot)
                box = (max(16, tile.width()), max(16, tile.height()))
                worker: Feed = self._decoder.feed(wanted, box) if self._decoder else FeedWorker(wanted, box)
                worker.set_active(self._shown(tile))
                worker.start()
                self._visibility_at = 0.0  # look again at the next tick
                self._workers[slot] = worker
                tile.set_feed(worker, wanted.label)
                log.info("tile %d: %s (%s)", slot + 1, wanted.label, wanted.shown)
            else:
                title, placeholder = (ref.describe() if ref is not None else ""), wanted or ""
                if current is not None or (tile.title, tile.placeholder) != (title, placeholder):
                    self._stop_worker(slot)
                    tile.set_feed(None, title, placeholder)

    def _stop_worker(self, slot: int) -> None:
        worker = self._workers.pop(slot, None)
        if worker is not None:
            worker.stop()

    def worker(self, slot: int) -> Feed | None:
        return self._workers.get(slot)

    def select(self, slot: int) -> None:
        self.tiles[self.selected].selected = False
        self.tiles[self.selected].update()
        self.selected = slot
        self.tiles[slot].selected = True
        self.tiles[slot].update()
        self.tile_selected.emit(slot)

    # --- painting ---------------------------------------------------------------------------
    def set_covered(self, covered: bool) -> None:
        """Covered (the console is locked): no tile is seen, every worker sleeps until uncovered."""
        self.covered = covered
        self._visibility_at = 0.0  # look again at the next tick

    def _shown(self, tile: Tile) -> bool:
        window = self.window()
        return tile.isVisible() and not window.isMinimized() and not self.covered

    def _paint_tick(self) -> None:
        """Repaint the tiles with a new frame; four times a second, also look which tiles can be seen.

        Kept lean: with 32 feeds the GUI thread shares the interpreter with 32 capture threads."""
        if self._decoder is not None:
            self._decoder.poll()
        now = time.monotonic()
        if now - self._visibility_at >= VISIBILITY_PERIOD_S:
            self._visibility_at = now
            hidden = self.window().isMinimized() or self.covered
            self._shown_slots = {slot for slot in self._workers if not hidden and self.tiles[slot].isVisible()}
            for slot, worker in self._workers.items():
                worker.set_active(slot in self._shown_slots)
                state = worker.status.state
                if state is FeedState.ERROR and slot not in self._failing:
                    self._failing.add(slot)
                    self.feed_failed.emit(self.tiles[slot].title, worker.status.reason)
                elif state in (FeedState.LIVE, FeedState.PLAYBACK):
                    self._failing.discard(slot)  # back to work: a new failure is a new alert
        for slot in self._shown_slots:
            self.tiles[slot].refresh(now)

    def close_feeds(self) -> None:
        """Stop every worker (the console is closing or the wall is being dismantled)."""
        self._paint_timer.stop()
        self._tour_timer.stop()
        for slot in list(self._workers):
            self._stop_worker(slot)
