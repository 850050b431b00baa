"""The GUI's side of the decoding process: `DecoderProcess` starts it and talks to it, `RemoteFeed` is a feed
whose capture thread runs there (the same interface as a FeedWorker). No Qt here.

Messages from the process (states, snapshots) are taken by `poll()`, which the wall calls from its paint
timer, so every callback runs on the GUI thread. If the process dies, it is started again and every feed
reopened; the tiles say so meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from multiprocessing.connection import Connection
from typing import Any

from console.i18n import tr
from console.videowall.logic.feed import Snapshot
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedState, FeedStatus
from console.videowall.logic.feed_worker import Frame
from console.videowall.logic.frame_buffer import FrameBuffer

log = logging.getLogger("console.video")


class DecoderProcess:
    """One decoding process for the console's feeds, started with the first feed."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._feeds: dict[int, RemoteFeed] = {}
        self._snapshots: dict[int, Callable[[Snapshot | None], None]] = {}
        self._next_id = 1
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def feed(self, source: FeedSource, target_size: tuple[int, int]) -> RemoteFeed:
        feed_id, self._next_id = self._next_id, self._next_id + 1
        return RemoteFeed(self, feed_id, source, target_size)

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        self._process = subprocess.Popen(
            # it dies with the console, even if the console is killed (it asks the kernel itself: no preexec_fn
            # from a threaded process, see console.child_process)
            [sys.executable, "-m", "console.videowall.logic.decoder_host", str(theirs.fileno()), str(os.getpid())],
            pass_fds=[theirs.fileno()],
        )
        theirs.close()
        self._connection = Connection(ours.detach())
        log.info("video decoding process started (pid %d)", self._process.pid)

    def send(self, *message: Any) -> None:
        if self._connection is None:
            self._start()
        assert self._connection is not None
        try:
            self._connection.send(message)
        except OSError:
            self._lost()

    def attach(self, feed: RemoteFeed) -> None:
        self._feeds[feed.feed_id] = feed

    def detach(self, feed: RemoteFeed) -> None:
        self._feeds.pop(feed.feed_id, None)

    def ask_snapshot(self, feed: RemoteFeed, done: Callable[[Snapshot | None], None]) -> None:
        request, self._next_id = self._next_id, self._next_id + 1
        self._snapshots[request] = done
        self.send("snapshot", feed.feed_id, request)

    def poll(self) -> None:
        """Take what the process said (GUI thread); notice when it died."""
        connection = self._connection
        if connection is None:
            return
        try:
            while connection.poll():
                message = connection.recv()
                if message[0] == "status":
                    feed = self._feeds.get(message[1])
                    if feed is not None:
                        feed.update(*message[2:])
                elif message[0] == "snapshot":
                    done = self._snapshots.pop(message[2], None)
                    if done is not None:
                        done(message[3])
        except (EOFError, OSError):
            self._lost()

    def _lost(self) -> None:
        """The process died: start another and reopen every feed."""
        process, self._process = self._process, None
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        if process is not None:
            if process.poll() is None:
                process.kill()  # it closed its end but lives on: it is of no use any more
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(2)  # reaped, not left a zombie
        log.error(
            "the video decoding process stopped (exit %s); starting it again",
            process.returncode if process is not None else None,
        )
        self.restarts += 1
        for done in self._snapshots.values():
            done(None)
        self._snapshots.clear()
        for feed in list(self._feeds.values()):
            feed.reopen()

    def close(self) -> None:
        """End the process (the console is closing)."""
        for feed in list(self._feeds.values()):
            feed.stop()
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.send(("quit", 0))
            self._connection.close()
            self._connection = None
        if self._process is not None:
            try:
                self._process.wait(3)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None


class RemoteFeed:
    """A feed decoded in the decoding process; frames are read in place from shared memory."""

    def __init__(self, host: DecoderProcess, feed_id: int, source: FeedSource, target_size: tuple[int, int]) -> None:
        self.feed_id = feed_id
        self.source = source
        self.status = FeedStatus(FeedState.CONNECTING)
        self.duration_s: float | None = None
        self.paused = False
        self.speed = 1.0
        self.paced = True
        self._host = host
        self._target = target_size
        self._active = True
        self._buffer = FrameBuffer(capacity=_capacity(*target_size))
        self._old_buffers: list[FrameBuffer] = []
        self._frame: Frame | None = None

    # --- state ---------------------------------------------------------------------------------
    @property
    def latest(self) -> Frame | None:
        if self._frame is not None and self._buffer.latest_seq() == self._frame.seq:
            return self._frame  # nothing new: one field read
        shared = self._buffer.read()
        if shared is None:
            return self._frame
        if self._frame is None or self._frame.seq != shared.seq:
            self._frame = Frame(
                shared.pixels, shared.seq, shared.grabbed_at, shared.ready_at, shared.time, shared.position_s
            )
        return self._frame

    @property
    def active(self) -> bool:
        return self._active

    def fps(self, now: float | None = None) -> float:
        frame = self._frame
        if frame is not None and (now if now is not None else time.monotonic()) - frame.ready_at > 2.0:
            return 0.0
        return self._buffer.fps()

    def update(
        self,
        state: str,
        reason: str,
        retry_at: float | None,
        attempt: int,
        duration: float | None,
        paused: bool,
        speed: float,
    ) -> None:
        self.status = FeedStatus(FeedState(state), reason, retry_at, attempt)
        self.duration_s, self.paused, self.speed = duration, paused, speed

    # --- control -------------------------------------------------------------------------------
    def start(self) -> None:
        self._host.attach(self)
        self._open()

    def _open(self) -> None:
        self._host.send("open", self.feed_id, asdict(self.source), self._target, self._buffer.name)
        if not self._active:
            self._host.send("active", self.feed_id, False)

    def reopen(self) -> None:
        self.status = FeedStatus(FeedState.ERROR, tr("the video decoding process stopped"), time.monotonic(), 0)
        self._new_buffer(self._buffer.capacity)  # the new process counts frames from 1 again
        self._buffer.mark_shown(0)
        self._open()

    def _new_buffer(self, capacity: int) -> None:
        old = self._buffer
        self._old_buffers.append(old)  # a tile may still paint its last frame from it
        self._buffer = FrameBuffer(capacity=capacity)
        self._buffer.mark_shown(old.latest_seq())  # the worker must not wait for a frame shown in the old one

    def stop(self) -> None:
        self._host.detach(self)
        self._host.send("close", self.feed_id)
        self._frame = None
        for buffer in (*self._old_buffers, self._buffer):
            buffer.close()
        self._old_buffers.clear()

    def set_target_size(self, width: int, height: int) -> None:
        size = (max(16, width), max(16, height))
        if size == self._target:
            return
        self._target = size
        if not self._buffer.fits(*size):
            self._new_buffer(_capacity(*size))
            self._host.send("buffer", self.feed_id, self._buffer.name)
        self._host.send("target", self.feed_id, *size)

    def set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self._host.send("active", self.feed_id, active)

    def play(self) -> None:
        self.paused = False
        self._host.send("play", self.feed_id)

    def pause(self) -> None:
        self.paused = True
        self._host.send("pause", self.feed_id)

    def seek(self, position_s: float) -> None:
        self._host.send("seek", self.feed_id, position_s)

    def step(self) -> None:
        self.paused = True
        self._host.send("step", self.feed_id)

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        self._host.send("speed", self.feed_id, speed)

    def shown(self, seq: int) -> None:
        self._buffer.mark_shown(seq)

    def request_snapshot(self, done: Callable[[Snapshot | None], None]) -> None:
        self._host.ask_snapshot(self, done)


def _capacity(width: int, height: int) -> int:
    """Bytes for an RGB32 frame of this size, with room to grow a little (a resized window)."""
    return max(64 * 1024, int(width * height * 4 * 1.25))
