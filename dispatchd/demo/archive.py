"""The demo cameras' recordings: what a camera showed at any moment of the last hours, as MP4.

A demo scene is a pure function of time, so the archive does not store video: it renders the asked window
again, frame by frame at the recorded frame times, and Debian's ffmpeg encodes it to H.264 in fragmented
MP4, sent as it is made (a player starts at once; a 10 s clip is ready in about a second). The same window
gives the same pictures every time. Windows older than the retention, or in the future, have no recording.
"""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dispatchd.clock import parse_utc
from dispatchd.demo.scene import StreetScene

log = logging.getLogger("dispatchd.archive")

ARCHIVE_SIZE = (640, 360)
ARCHIVE_FPS = 25
MAX_WINDOW = timedelta(minutes=15)


class NoRecording(ValueError):
    """The window asked for cannot be served, with the reason in words."""


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    @property
    def frames(self) -> int:
        return max(1, round((self.end - self.start).total_seconds() * ARCHIVE_FPS))


def parse_window(start: str | None, end: str | None, now: datetime, retention: timedelta) -> Window:
    """The window of `?start=&end=` (RFC 3339), checked against what the archive keeps."""
    if not start or not end:
        raise NoRecording("ask for a window: ?start=…&end=… (RFC 3339, UTC)")
    try:
        window = Window(*(parse_utc(v).astimezone(UTC) for v in (start, end)))
    except ValueError as exc:
        raise NoRecording(f"not an RFC 3339 time: {exc}") from exc
    if window.end <= window.start:
        raise NoRecording("the window must end after it starts")
    if window.end - window.start > MAX_WINDOW:
        raise NoRecording(f"at most {MAX_WINDOW.total_seconds() / 60:.0f} minutes at a time")
    if window.start < now - retention:
        raise NoRecording(
            f"no recording before {(now - retention).isoformat(timespec='seconds')} (kept for {retention})"
        )
    if window.end > now + timedelta(seconds=1):
        raise NoRecording("no recording of the future")
    return window


def encode(scene: StreetScene, window: Window) -> Iterator[bytes]:
    """Fragmented MP4 of the scene in the window, in chunks as ffmpeg makes them."""
    width, height = ARCHIVE_SIZE
    process = subprocess.Popen(
        ["ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{width}x{height}",
         "-r", str(ARCHIVE_FPS), "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
         "-pix_fmt", "yuv420p", "-g", str(ARCHIVE_FPS), "-movflags", "frag_keyframe+empty_moov+default_base_moof",
         "-f", "mp4", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    first = window.start.timestamp()

    def feed() -> None:
        assert process.stdin is not None
        try:
            for index in range(window.frames):
                process.stdin.write(scene.render(first + index / ARCHIVE_FPS, width, height).tobytes())
        except BrokenPipeError:
            log.debug("the viewer left before the end of the clip")
        finally:
            process.stdin.close()

    writer = threading.Thread(target=feed, name="archive-render", daemon=True)
    writer.start()
    try:
        while chunk := os.read(process.stdout.fileno(), 1 << 16):
            yield chunk
    finally:
        process.stdout.close()
        if process.poll() is None:
            process.kill()
        process.wait()
        writer.join(5)
