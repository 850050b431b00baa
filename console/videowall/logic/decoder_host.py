"""The decoding process: the capture threads (FeedWorkers) run here, beside the GUI, not inside it.

With 16 capture threads in the GUI's interpreter, a tile's paint (0.08 ms of work) often waited 1–2 ms for
the interpreter lock, and with 32 feeds on two cores the GUI painted 13–17 fps a tile. Here the threads
share this process's lock, and the GUI keeps its own. Frames go through shared memory (`FrameBuffer`);
commands and states through a socket (pickled tuples). The process dies with the console (PDEATHSIG, asked
for first thing: `console.child_process`).

    python -m console.videowall.logic.decoder_host FD CONSOLE_PID
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from console.child_process import die_with
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_worker import FeedWorker, Frame, Pixels
from console.videowall.logic.frame_buffer import FrameBuffer

log = logging.getLogger("console.video.decoder")

STATUS_PERIOD_S = 0.1


@dataclass
class HostedFeed:
    worker: FeedWorker
    buffer: FrameBuffer
    reported: tuple[Any, ...] = ()


class DecoderHost:
    """Runs feeds on the GUI's orders and reports their states; frames go straight to shared memory."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._feeds: dict[int, HostedFeed] = {}

    def run(self) -> None:
        reported_at = 0.0
        while True:
            if self._connection.poll(STATUS_PERIOD_S / 2):
                try:
                    message = self._connection.recv()
                except (EOFError, OSError):
                    break  # the console is gone
                if message[0] == "quit":
                    break
                try:
                    self._handle(message)
                except (OSError, ValueError, TypeError, KeyError) as exc:
                    # e.g. the GUI already closed the feed whose shared memory we were to attach
                    log.warning("ignored %s for feed %s: %s", message[0], message[1], exc)
            now = time.monotonic()
            if now - reported_at >= STATUS_PERIOD_S:
                reported_at = now
                self._report()
        self.stop()

    def stop(self) -> None:
        """Stop every capture thread and give them a moment to close their sources."""
        for feed in self._feeds.values():
            feed.worker.stop()
        deadline = time.monotonic() + 2.0
        for feed in self._feeds.values():
            feed.worker.join(max(0.0, deadline - time.monotonic()))

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind, feed_id, *args = message
        if kind == "open":
            source, target, buffer_name = args
            self._open(feed_id, FeedSource(**source), target, buffer_name)
            return
        feed = self._feeds.get(feed_id)
        if feed is None:
            return
        worker = feed.worker
        if kind == "close":
            worker.stop()
            del self._feeds[feed_id]
        elif kind == "buffer":
            feed.buffer = FrameBuffer(name=args[0])
        elif kind == "target":
            worker.set_target_size(*args)
        elif kind == "active":
            worker.set_active(args[0])
        elif kind in ("play", "pause", "step"):
            getattr(worker, kind)()
        elif kind == "seek":
            worker.seek(args[0])
        elif kind == "speed":
            worker.set_speed(args[0])
        elif kind == "snapshot":
            self._send(("snapshot", feed_id, args[0], worker.snapshot()))

    def _open(self, feed_id: int, source: FeedSource, target: tuple[int, int], buffer_name: str) -> None:
        hosted: HostedFeed | None = None

        def memory(width: int, height: int) -> Pixels | None:
            return hosted.buffer.next_slot(width, height) if hosted is not None else None

        def copy_out(frame: Frame) -> None:
            if hosted is not None:
                buffer = hosted.buffer  # the GUI may give a bigger one at any time: then this copies
                buffer.publish(frame.pixels, frame.seq, frame.grabbed_at, frame.ready_at, frame.time, frame.position_s)

        def shown() -> int:
            return hosted.buffer.shown_seq() if hosted is not None else 0

        worker = FeedWorker(source, target, on_frame=copy_out, shown=shown, frame_memory=memory)
        worker.paced = True
        hosted = HostedFeed(worker, FrameBuffer(name=buffer_name))
        self._feeds[feed_id] = hosted
        worker.start()

    def _report(self) -> None:
        for feed_id, feed in self._feeds.items():
            worker = feed.worker
            feed.buffer.set_fps(worker.fps())
            status = worker.status
            state = (
                status.state.value,
                status.reason,
                status.retry_at,
                status.attempt,
                worker.duration_s,
                worker.paused,
                worker.speed,
            )
            if state != feed.reported:
                feed.reported = state
                self._send(("status", feed_id, *state))

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self._connection.send(message)
        except (BrokenPipeError, OSError):
            log.debug("the console is gone")


def main() -> None:
    logging.basicConfig(
        level=os.environ.get("CONSOLE_LOG_LEVEL", "WARNING"), format="%(levelname)s %(name)s: %(message)s"
    )
    signal.signal(signal.SIGTERM, lambda _s, _f: sys.exit(0))
    die_with(int(sys.argv[2]))
    host = DecoderHost(Connection(int(sys.argv[1])))
    try:
        host.run()
    finally:
        host.stop()
        # Straight out: a capture thread still inside FFmpeg (a read timing out) must not meet the
        # interpreter's teardown ("terminate called without an active exception").
        logging.shutdown()
        os._exit(0)


if __name__ == "__main__":
    main()
