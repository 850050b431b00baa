"""FeedWorker: one capture thread per feed; the GUI thread only paints what it publishes.

The thread opens the source (never the GUI thread: 0.04 s for MJPEG to ~1 s for RTSP), drains the backlog a
live source built up while opening, then decodes, resizes to the tile's size (INTER_LINEAR) and converts to
RGB32 itself, and publishes only the newest frame: a slot, not a queue, so a tile never falls behind live.
A failure is diagnosed in words and retried with backoff; a hidden tile's worker closes its source and
decodes nothing until it is shown again. No Qt here: frames are numpy arrays laid out as QImage's RGB32.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

# Read by OpenCV at each open: RTSP over TCP (no lost packets, no grey smears); FFmpeg quiet, as we say why
# ourselves; and no global lock around FFmpeg: with it, 16 captures in one process starved one another
# (measured: tiles at 0–16 fps on an idle CPU; 25 fps each without it). FFmpeg has been thread-safe for
# separate contexts since 4.0, and OpenCV's wheels bundle a threaded build.
os.environ.setdefault("OPENCV_FFMPEG_IS_THREAD_SAFE", "1")
os.environ.setdefault("OPENCV_FFMPEG_CAPTURE_OPTIONS", "rtsp_transport;tcp")
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
os.environ.setdefault("OPENCV_LOG_LEVEL", "FATAL")

import cv2
import cv2.utils.logging

from console.backend.connection import backoff_delay
from console.i18n import tr
from console.videowall.logic.diagnosis import why_open_failed, why_read_failed
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedState, FeedStatus

log = logging.getLogger("console.video")
# OpenCV's own messages ("Could not find decoder…") repeat what the worker logs with the source and a reason.
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_FATAL)

Pixels = np.ndarray[Any, Any]
"""An image as OpenCV gives it (H×W×3 BGR) or as a tile paints it (H×W×4 RGB32)."""

OPEN_TIMEOUT_MS = 5000
READ_TIMEOUT_MS = 8000
RETRY_CEILING_S = 30.0
DRAIN_LIMIT_S = 2.0
CAPTURE_NICE = 10
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


@dataclass(frozen=True)
class Frame:
    """A picture ready to paint: `pixels` is H×W×4 uint8 (B, G, R, 255 = QImage.Format_RGB32)."""

    pixels: Pixels
    seq: int
    grabbed_at: float  # monotonic, when OpenCV had handed it over decoded (for latency figures)
    ready_at: float  # monotonic, when it was published
    time: datetime | None  # wall time shown on the tile: capture time (live) or recording time (archive)
    position_s: float | None  # position in a playback source


def fit(width: int, height: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The size of a width × height picture scaled to fit a box, keeping its aspect ratio."""
    scale = min(box_w / width, box_h / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


class FeedWorker:
    """Decodes one source on its own thread. Every method is safe to call from the GUI thread and never blocks."""

    def __init__(
        self,
        source: FeedSource,
        target_size: tuple[int, int] = (640, 360),
        on_frame: Callable[[Frame], None] | None = None,
        shown: Callable[[], int] | None = None,
        frame_memory: Callable[[int, int], Pixels | None] | None = None,
    ) -> None:
        """`on_frame` is called in the capture thread with each published frame, and `shown` tells the seq of
        the last frame painted (the decoding process: shared memory, written by the GUI); `frame_memory(width,
        height)` gives where to write the next RGB32 frame (a slot of shared memory: no copy), or None."""
        self.source = source
        self._on_frame = on_frame
        self._shown = shown
        self._frame_memory = frame_memory
        self.latest: Frame | None = None
        self.status = FeedStatus()
        self.duration_s: float | None = None
        self.paused = False
        self.speed = 1.0
        self.paced = False
        """Set by a display: when it falls behind (a saturated CPU), frames are decoded but not converted."""
        self.shown_seq = 0
        self._target = target_size
        self._active = True
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._commands: queue.SimpleQueue[tuple[str, float]] = queue.SimpleQueue()
        self._published: collections.deque[float] = collections.deque(maxlen=50)
        self._seq = 0
        self._attempt = 0
        self._resume_at_s: float | None = None
        self._last_full: tuple[Pixels, datetime | None] | None = None
        name = f"feed {source.label}"  # i18n: not shown (a thread name)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    # --- control (GUI thread) -------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end; it closes its source itself (at the latest after a read timeout)."""
        self._stopping.set()
        self._wake.set()

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def set_target_size(self, width: int, height: int) -> None:
        self._target = (max(16, width), max(16, height))

    def set_active(self, active: bool) -> None:
        """A hidden tile stops decoding (its source is closed); shown again, it reconnects at once."""
        if active != self._active:
            self._active = active
            if active:
                self._attempt = 0
            self._wake.set()

    @property
    def active(self) -> bool:
        return self._active

    def play(self) -> None:
        self._command("play")

    def pause(self) -> None:
        self._command("pause")

    def seek(self, position_s: float) -> None:
        self._command("seek", position_s)

    def step(self) -> None:
        """One frame forward (playback, paused)."""
        self._command("step")

    def set_speed(self, speed: float) -> None:
        self._command("speed", speed)

    def display_lags(self) -> bool:
        """A paced worker's last picture is still not painted when the next one is decoded (see `shown`)."""
        latest = self.latest
        shown = self._shown() if self._shown is not None else self.shown_seq
        return self.paced and latest is not None and latest.seq > shown

    def shown(self, seq: int) -> None:
        """The display painted frame `seq`; a paced worker converts the next frame only after this."""
        self.shown_seq = seq

    def fps(self, now: float | None = None) -> float:
        """Frames published per second over the last two seconds."""
        times = list(self._published)
        now = time.monotonic() if now is None else now
        recent = [t for t in times if now - t <= 2.0]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / max(1e-6, recent[-1] - recent[0])

    def snapshot(self) -> tuple[Pixels, datetime | None] | None:
        """The last decoded picture at full resolution (BGR) and its time, or None."""
        last = self._last_full
        return (last[0].copy(), last[1]) if last is not None else None

    def request_snapshot(self, done: Callable[[tuple[Pixels, datetime | None] | None], None]) -> None:
        """`done` gets the snapshot (here at once; a feed in another process answers later)."""
        done(self.snapshot())

    def _command(self, name: str, value: float = 0.0) -> None:
        self._commands.put((name, value))
        self._wake.set()

    # --- the thread -----------------------------------------------------------------------------
    def _wait(self, seconds: float) -> None:
        self._wake.wait(max(0.0, seconds))
        self._wake.clear()

    def _run(self) -> None:
        _yield_to_the_gui()
        while not self._stopping.is_set():
            if not self._active:
                self._wait(1.0)
                continue
            self.status = FeedStatus(FeedState.CONNECTING, attempt=self._attempt)
            capture = cv2.VideoCapture(
                self.source.url,
                cv2.CAP_FFMPEG,
                [
                    *(cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, OPEN_TIMEOUT_MS, cv2.CAP_PROP_READ_TIMEOUT_MSEC, READ_TIMEOUT_MS),
                    *(cv2.CAP_PROP_N_THREADS, self.source.decode_threads),
                ],
            )
            try:
                if not capture.isOpened():
                    self._fail(self._explained(why_open_failed(self.source.url)))
                    continue
                reason = self._playback(capture) if self.source.playback else self._live(capture)
            finally:
                capture.release()
            if reason is not None:
                self._fail(reason)
        self.status = FeedStatus(FeedState.IDLE)

    def _running(self) -> bool:
        return self._active and not self._stopping.is_set()

    def _explained(self, reason: str) -> str:
        """A "not found" of a source that says what it means (an archive without this time) in its words."""
        if self.source.missing and "404" in reason:
            return tr("{missing} (the server answered 404)", missing=self.source.missing)
        return reason

    def _fail(self, reason: str) -> None:
        if self._stopping.is_set():
            return
        delay = backoff_delay(self._attempt, ceiling=RETRY_CEILING_S)
        log.warning("feed %s (%s): %s; retrying in %.0f s", self.source.label, self.source.shown, reason, delay)
        retry_at = time.monotonic() + delay
        self.status = FeedStatus(FeedState.ERROR, reason, retry_at, self._attempt)
        self._attempt += 1
        while self._running() and time.monotonic() < retry_at:
            self._wait(retry_at - time.monotonic())

    def _live(self, capture: cv2.VideoCapture) -> str | None:
        """Newest frames until the source fails (the reason) or the tile is hidden or stopped (None)."""
        self.status = FeedStatus(FeedState.LIVE)
        frames = grabbed = 0
        period = 1.0 / _sane_fps(capture.get(cv2.CAP_PROP_FPS))
        drain_until = time.monotonic() + DRAIN_LIMIT_S
        while self._running():
            started = time.monotonic()
            if not capture.grab():
                return why_read_failed(grabbed, self.source.is_file)
            grabbed_at = time.monotonic()
            grabbed += 1
            if frames == 0 and grabbed_at < drain_until and grabbed_at - started < period / 3:
                continue  # still the backlog buffered while opening (it comes at once); the live edge waits
            if self.display_lags():
                continue  # the last picture is still not painted: decoded to stay live, not converted for nobody
            ok, image = capture.retrieve()
            if not ok or image is None:
                return why_read_failed(frames, self.source.is_file)
            frames += 1
            self._attempt = 0
            self._publish(image, grabbed_at, datetime.now(UTC), None)
        return None

    def _playback(self, capture: cv2.VideoCapture) -> str | None:
        fps = _sane_fps(capture.get(cv2.CAP_PROP_FPS))
        count = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        self.duration_s = count / fps if count > 0 else None
        period = 1.0 / fps
        frames = 0
        if self._resume_at_s is None and self.source.clip_from_s:
            self._resume_at_s = self.source.clip_from_s  # a tagged stretch of a video starts at its first frame
        if self._resume_at_s:
            capture.set(cv2.CAP_PROP_POS_MSEC, self._resume_at_s * 1000)
        show_next = True  # the first frame, and the one after a seek or a step, is shown even when paused
        anchor_wall, anchor_pos = time.monotonic(), self._resume_at_s or 0.0
        self.status = FeedStatus(FeedState.PLAYBACK)
        while self._running():
            while not self._commands.empty():
                name, value = self._commands.get()
                if name == "pause":
                    self.paused = True
                elif name == "play":
                    if self.status.state is FeedState.ENDED:
                        capture.set(cv2.CAP_PROP_POS_MSEC, 0)
                        self.status = FeedStatus(FeedState.PLAYBACK)
                    self.paused = False
                elif name == "speed":
                    self.speed = min(max(value, SPEEDS[0]), SPEEDS[-1])
                elif name == "seek":
                    capture.set(cv2.CAP_PROP_POS_MSEC, max(0.0, value) * 1000)
                    self.status = FeedStatus(FeedState.PLAYBACK)
                    show_next = True
                elif name == "step":
                    self.paused = True
                    show_next = True
                anchor_wall, anchor_pos = time.monotonic(), self._position(capture)
            if (self.paused or self.status.state is FeedState.ENDED) and not show_next:
                self._wait(0.5)
                continue
            if not capture.grab():
                if frames == 0:
                    return why_read_failed(0, self.source.is_file)
                if self.source.loop:
                    self._resume_at_s = None
                    return None  # opened again from the start (a stream over HTTP may not seek back)
                self.status = FeedStatus(FeedState.ENDED)
                show_next = False
                continue
            grabbed_at = time.monotonic()
            position = self._position(capture)
            clip_to = self.source.clip_to_s
            if clip_to is not None and position > clip_to and self.source.loop:
                self._resume_at_s = None
                return None  # the end of the tagged stretch: from its start again
            if not show_next:
                due = anchor_wall + (position - anchor_pos) / self.speed
                now = time.monotonic()
                if due < now - 2 * period:
                    continue  # behind (fast speeds): skip the picture, keep the clock
                if due > now:
                    self._wait(due - now)
            ok, image = capture.retrieve()
            if not ok or image is None:
                return why_read_failed(frames, self.source.is_file)
            if show_next:
                anchor_wall, anchor_pos = time.monotonic(), position
                show_next = False
            frames += 1
            self._attempt = 0
            self._resume_at_s = position
            start = self.source.start_time
            self._publish(image, grabbed_at, start + timedelta(seconds=position) if start else None, position)
        return None

    @staticmethod
    def _position(capture: cv2.VideoCapture) -> float:
        return float(capture.get(cv2.CAP_PROP_POS_MSEC)) / 1000.0

    def _publish(
        self,
        image: Pixels,
        grabbed_at: float,
        when: datetime | None,
        position: float | None,
    ) -> None:
        height, width = image.shape[:2]
        size = fit(width, height, *self._target)
        scaled = cv2.resize(image, size, interpolation=cv2.INTER_LINEAR) if size != (width, height) else image
        code = cv2.COLOR_GRAY2BGRA if scaled.ndim == 2 else cv2.COLOR_BGR2BGRA
        out = self._frame_memory(*size) if self._frame_memory is not None else None
        pixels = cv2.cvtColor(scaled, code, dst=out) if out is not None else cv2.cvtColor(scaled, code)
        self._last_full = (image, when)
        self._seq += 1
        now = time.monotonic()
        self._published.append(now)
        frame = Frame(pixels, self._seq, grabbed_at, now, when, position)
        self.latest = frame
        if self._on_frame is not None:
            self._on_frame(frame)


def _yield_to_the_gui() -> None:
    """Capture threads run at a lower priority than the GUI thread (Linux: per-thread nice).

    The kernel shares a busy CPU fairly between threads: with 32 feeds on two cores the GUI thread got one
    33rd of it and painted 1 frame a second (measured). At a lower priority, a saturated wall drops frames in
    the capture threads, where it costs nothing, and the GUI keeps painting the newest ones."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CAPTURE_NICE)


def _sane_fps(fps: float) -> float:
    return fps if 1.0 <= fps <= 120.0 else 25.0
